import { readFileSync } from "node:fs";
import { createInterview, expect, signUpNew, test } from "./fixtures";

// The server under test started on a fresh data folder, so the bundled seeds were imported on start.

const DOCUMENT = `# Consensus drills

## 1. Why does Raft need a leader lease for linearizable reads?

**Difficulty:** Hard
**Tags:** consensus

Without it a deposed leader can serve a stale read; the lease bounds clock skew so the zebracorn check holds.

### Follow-up: What breaks if clocks drift past the lease?

Stale reads come back.
`;

test("search the bank, open a question, import a document after previewing it, and find it", async ({ page }) => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signUpNew(page, "Bea Banker");

  // The bundled bank is imported just after the server starts listening; give it time on a slow machine.
  const hit = page.getByTestId("bank-result").filter({ hasText: "What happens to your WebSocket connection if the server restarts?" });
  await expect(async () => {
    await page.goto("/bank");
    await expect(page.getByTestId("bank-total")).toContainText("questions", { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId("bank-search").fill("websocket server restarts");
  await expect(hit).toBeVisible();
  await expect(page).toHaveURL(/\?q=websocket/);
  await hit.click();

  await expect(page.getByTestId("question-prompt")).toHaveText("What happens to your WebSocket connection if the server restarts?");
  const rubric = page.getByTestId("question-rubric");
  for (const criterion of ["Connection handling", "State recovery", "Message delivery", "Graceful shutdown"]) await expect(rubric).toContainText(criterion);
  await expect(page.getByTestId("question-answer")).toContainText("exponential backoff");

  await page.goto("/bank/import");
  await page.getByTestId("bank-file-input").setInputFiles({ name: `consensus-${stamp}.md`, mimeType: "text/markdown", buffer: Buffer.from(DOCUMENT) });
  const file = page.getByTestId("bank-file");
  await expect(file.getByTestId("bank-file-counts")).toHaveText(/1 question · 1 follow-up/);
  const question = file.getByTestId("preview-question");
  await expect(question).toContainText("Why does Raft need a leader lease for linearizable reads?");
  await question.locator("summary").click();
  await expect(question).toContainText("What breaks if clocks drift past the lease?");

  await page.getByTestId("bank-confirm-import").click();
  await expect(file.getByTestId("bank-file-outcome")).toContainText("Imported");

  await page.goto("/bank");
  await page.getByTestId("bank-search").fill("zebracorn");
  await expect(page.getByTestId("bank-result")).toHaveCount(1);
  await expect(page.getByTestId("bank-result")).toContainText("Why does Raft need a leader lease for linearizable reads?");
  await expect(page.getByTestId("bank-result")).toContainText("Consensus drills");
});

const NOTES = `# Interview notes

Read these the night before.

## Caching questions

### What is a cache stampede?

Many requests miss at once and all recompute the same value; a lock or early refresh prevents it.

### How do you invalidate a cache?

Delete on write, or expire with a TTL.

## Scratch

Explain write-behind caching quasarplume.
Writes go to the cache first and reach the database later, in batches.
`;

test("what the importer did not use is listed, and a passage can become a question or be dismissed", async ({ page }) => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signUpNew(page, "Una Used");
  await page.goto("/bank/import");
  await page.getByTestId("bank-file-input").setInputFiles({ name: `notes-${stamp}.md`, mimeType: "text/markdown", buffer: Buffer.from(NOTES) });
  const file = page.getByTestId("bank-file");
  await expect(file.getByTestId("bank-file-counts")).toHaveText(/2 questions .* 2 passages not used/);
  const unused = file.getByTestId("unused-passages");
  await unused.locator("summary").click();
  const passages = unused.getByTestId("unused-passage");
  await expect(passages).toHaveCount(2);
  await expect(passages.nth(0)).toContainText("Line 3");
  await expect(passages.nth(0)).toContainText("Read these the night before.");
  await expect(passages.nth(1)).toContainText("Lines 17–18");

  await passages.nth(0).getByRole("button", { name: "Dismiss" }).click();
  await expect(passages.nth(0)).toHaveAttribute("data-choice", "dismissed");
  await passages.nth(1).getByRole("button", { name: "Make it a question" }).click();
  await expect(passages.nth(1)).toContainText("Will be imported as a question");
  await expect(file.getByTestId("bank-file-counts")).toHaveText(/^3 questions/);
  await expect(file.getByTestId("bank-file-counts")).not.toContainText("not used");
  await page.screenshot({ path: "test-results/screens/import-unused-passages.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await unused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/import-unused-passages-dark-390.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByTestId("bank-confirm-import").click();
  await expect(file.getByTestId("bank-file-outcome")).toContainText("3 questions");
  await page.goto("/bank");
  await page.getByTestId("bank-search").fill("quasarplume");
  await expect(page.getByTestId("bank-result")).toHaveCount(1);
  await expect(page.getByTestId("bank-result")).toContainText("Explain write-behind caching quasarplume.");
  await page.getByTestId("bank-result").click();
  await expect(page.getByTestId("question-answer")).toContainText("Writes go to the cache first");
});

test("the shared documents are read-only; a copy is the user's own to edit, export and delete", async ({ page }) => {
  await signUpNew(page, "Cass Copier");

  // The bundled bank is imported just after the server starts listening; on a busy machine the page's own
  // query can take seconds to go out, so each look waits long enough for it.
  await expect(async () => {
    await page.goto("/bank?q=websocket+server+restarts");
    await expect(page.getByTestId("bank-result").first()).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId("bank-result").first().click();
  await expect(page.getByText("shared, read-only")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

  await page.getByRole("button", { name: "Copy to my bank" }).click();
  await page.waitForURL(/\/bank\?document=/);
  const documentPage = page.url();
  const actions = page.getByTestId("document-actions");
  await expect(actions).toContainText("in your bank, only you can see it");
  await expect(page.getByTestId("bank-result").first()).toContainText("Yours");

  const download = page.waitForEvent("download");
  await actions.getByRole("button", { name: "Export JSON" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.bank\.json$/);

  await page.getByTestId("bank-result").first().click();
  await expect(page.getByText("in your bank")).toBeVisible();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit question" })).toBeVisible();
  // The competency the importer proposed for a criterion is corrected here, and shown on the question.
  const competency = page.getByLabel("Criterion 1: competency");
  await expect(competency).toHaveValue("reliability");
  await competency.selectOption({ label: "Security" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("question-rubric").getByTestId("criterion-competency").first()).toHaveText("Security");

  // The document's own set: renamed from its bar.
  await page.goto(documentPage);
  await actions.getByRole("button", { name: "Competencies" }).click();
  await page.getByLabel("Competency 7 name").fill("Application security");
  await page.getByRole("button", { name: "Save competencies" }).click();
  await expect(page.getByTestId("document-competencies").getByRole("status")).toHaveText(/^Saved\./);
  await page.getByTestId("bank-result").first().click();
  await expect(page.getByTestId("question-rubric").getByTestId("criterion-competency").first()).toHaveText("Application security");
  await page.goBack();
  await expect(actions).toBeVisible();
  await actions.getByRole("button", { name: "Delete document" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete document" }).click();
  await expect(actions).toHaveCount(0);
  await expect(page.getByLabel("Document")).not.toContainText("(yours)");
});

/** The page at both widths and in both themes, saved for a person to look at. */
async function screens(page: import("@playwright/test").Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      // From the top: a full-page shot draws the sticky header where the page was scrolled to.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `test-results/screens/${name}-${width}-${scheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a coding question's code: read by the importer, shown on the review, edited with its limits said, and shown on the question", async ({ page }) => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signUpNew(page, "Cody Coder");
  await page.goto("/bank/import");
  await page
    .getByTestId("bank-file-input")
    .setInputFiles({ name: `leetcode-${stamp}.md`, mimeType: "text/markdown", buffer: readFileSync("tests/fixtures/bank/leetcode-python-js.md") });
  const file = page.getByTestId("bank-file");
  await expect(file.getByTestId("bank-file-counts")).toHaveText(/^3 questions/);
  const twoSum = file.getByTestId("preview-question").filter({ hasText: "Two Sum" });
  await twoSum.locator("summary").click();
  const reviewed = twoSum.getByTestId("question-code");
  await expect(reviewed).toContainText("Python");
  await expect(reviewed).toContainText("Tests call twoSum()");
  await expect(reviewed.getByTestId("question-code-test")).toHaveCount(2);
  await expect(reviewed.getByTestId("question-code-test").first()).toContainText("[[2,7,11,15],9]");
  await expect(reviewed).not.toContainText("seen[n] = i");
  await twoSum.scrollIntoViewIfNeeded();
  await screens(page, "import-review-code");

  await page.getByTestId("bank-confirm-import").click();
  await expect(file.getByTestId("bank-file-outcome")).toContainText("Imported");
  await page.goto(`/bank?q=twoSum`);
  await page.getByTestId("bank-result").filter({ hasText: "Two Sum" }).first().click();
  await expect(page.getByTestId("question-code").getByTestId("question-code-test")).toHaveCount(2);

  await page.getByRole("link", { name: "Edit" }).click();
  const code = page.getByTestId("code-editor");
  await expect(code.getByLabel("Language")).toHaveValue("python");
  await expect(code.getByLabel("Function the tests call")).toHaveValue("twoSum");
  await expect(code.getByLabel("Starter code")).toHaveValue(/def twoSum\(nums: List\[int\], target: int\) -> List\[int\]:\n {4}pass/);
  await code.getByRole("button", { name: "Add test" }).click();
  await expect(code.getByLabel("Test 3 name")).toHaveValue("Test 3");
  await code.getByLabel("Test 3 name").fill("Negative numbers");
  await code.getByLabel("Test 3: Arguments (JSON array)").fill(`[${"1,".repeat(5_000)}1]`);
  await code.getByLabel("Test 3: Returns (JSON)").fill("one and two");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(code).toContainText("A test's input holds at most 10,000 characters.");
  await expect(code).toContainText("Test 3's expected value is JSON");
  await expect(code.getByLabel("Test 3: Arguments (JSON array)")).toBeFocused();
  await code.getByLabel("Test 3: Arguments (JSON array)").fill("[[-1,-2,-3],-5]");
  await screens(page, "question-editor-code");

  await code.getByLabel("Test 3: Returns (JSON)").fill("[1,2]");
  await code.getByRole("button", { name: "Remove test 1" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  const shown = page.getByTestId("question-code");
  await expect(shown.getByTestId("question-code-test")).toHaveCount(2);
  await expect(shown.getByTestId("question-code-test").last()).toContainText("Negative numbers");
  await expect(shown.getByTestId("question-code-test").last()).toContainText("[[-1,-2,-3],-5]");
  await screens(page, "question-view-code");

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByTestId("code-editor").getByRole("button", { name: "Remove code" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("question-answer")).toBeVisible();
  await expect(page.getByTestId("question-code")).toHaveCount(0);
});

test("a new user's note imports as one question; its key points corrected on the review are the checklist in the room, each opening its source", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signUpNew(page, "Nia Notes");
  await page.goto("/bank/import");
  await page
    .getByTestId("bank-file-input")
    .setInputFiles({ name: `two-sum-${stamp}.md`, mimeType: "text/markdown", buffer: readFileSync("tests/fixtures/bank/two-sum-note.md") });
  const file = page.getByTestId("bank-file");
  await expect(file.getByTestId("bank-file-counts")).toHaveText(/^1 question · 2 follow-ups/);
  const question = file.getByTestId("preview-question");
  await expect(question).toContainText("Two Sum");
  await question.locator("summary").click();
  await expect(question.getByRole("list", { name: "Key points" })).toContainText("Check the complement before inserting the current number");
  await expect(question.getByRole("list", { name: "Red flags" })).toContainText("Sorting the array and losing the original indices");
  // The review opens a part's lines in the document before anything is stored.
  const reviewFlag = question.getByRole("list", { name: "Red flags" }).getByRole("listitem").filter({ hasText: "Sorting the array" });
  await reviewFlag.getByTestId("part-source").click();
  await expect(reviewFlag.getByTestId("source-passage").locator("[data-own]")).toHaveText(["20- Sorting the array and losing the original indices"]);
  await reviewFlag.scrollIntoViewIfNeeded();
  await screens(page, "import-review-part-source");

  await question.getByRole("button", { name: "Correct this question" }).click();
  const editor = file.getByTestId("question-editor");
  await expect(editor.getByLabel("Read out with the question")).toHaveValue(/^Given an array of integers and a target/);
  await expect(editor.getByLabel("Reference answer", { exact: true })).toHaveValue(/^Walk the array once with a hash map/);
  await expect(editor.getByLabel("Red flags", { exact: true })).toHaveValue(/Nested loops without noticing/);
  const keyPoints = editor.getByLabel("Key points", { exact: true });
  await expect(keyPoints).toHaveValue("Hash map from value to index\nCheck the complement before inserting the current number\nO(n) time, O(n) extra space");
  await keyPoints.fill("Hash map from value to index\nLook up target minus the number before storing it\nOne pass, O(n) time and space");
  await editor.getByLabel("Difficulty", { exact: true }).fill("Easy");
  await editor.getByLabel("Tags", { exact: true }).fill("arrays, hashing");
  await editor.scrollIntoViewIfNeeded();
  await screens(page, "import-review-editor");
  // The editor whole, without the sticky import bar over it.
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await file.screenshot({ path: `test-results/screens/import-review-editor-card-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await editor.getByRole("button", { name: "Keep these changes" }).click();
  await expect(editor).toHaveCount(0);
  const reviewed = file.getByTestId("preview-question");
  await reviewed.locator("summary").click();
  await expect(reviewed.getByRole("list", { name: "Key points" })).toContainText("Look up target minus the number before storing it");
  await expect(reviewed.getByRole("list", { name: "Key points" })).not.toContainText("Check the complement");
  // The rubric's key-point criterion follows the corrected key points: the scoring hint reads them.
  await expect(reviewed.getByRole("list", { name: "Rubric" })).toContainText("Look up target minus the number before storing it");
  await expect(reviewed.getByRole("list", { name: "Rubric" })).not.toContainText("Check the complement");
  await expect(reviewed).toContainText("Easy · tags: arrays, hashing");
  await reviewed.scrollIntoViewIfNeeded();
  await screens(page, "import-review-corrected");

  await page.getByTestId("bank-confirm-import").click();
  await expect(file.getByTestId("bank-file-outcome")).toContainText("Imported");

  // On the question's page, each part names its lines in the document; one click opens the passage beside it.
  await page.goto("/bank");
  await page.getByTestId("bank-search").fill("two sum");
  await page.getByTestId("bank-result").filter({ hasText: "Two Sum" }).first().click();
  await expect(page.getByTestId("question-prompt")).toHaveText("Two Sum");
  const rubric = page.getByTestId("question-rubric");
  // The rubric's key-point criterion was made again from the corrected key points: the one left alone comes from
  // line 10, the corrected ones were edited. A look-for is a list entry inside its criterion's.
  const kept = rubric.locator("li li").filter({ hasText: "Hash map from value to index" });
  await expect(kept.getByTestId("part-source")).toHaveText("from line 10");
  await expect(rubric.locator("li li").filter({ hasText: "Look up target minus the number" }).getByTestId("part-source-note")).toHaveText("edited");
  await kept.getByTestId("part-source").click();
  const passage = kept.getByTestId("source-passage");
  await expect(passage).toContainText("From the document, line 10");
  await expect(passage.locator("[data-own]")).toHaveText(["10- Hash map from value to index"]);
  await expect(passage).toContainText("**Key points**");
  const flags = page.getByTestId("question-red-flags");
  await flags.getByTestId("part-source").first().click();
  await expect(flags.getByTestId("source-passage").locator("[data-own]")).toHaveText(["19- Nested loops without noticing they are O(n²)"]);
  await kept.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/question-part-source-1366.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await kept.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/question-part-source-390.png" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto("/interviews/new");
  await page.getByLabel("Title", { exact: true }).fill("Warm-up");
  await page.getByRole("searchbox", { name: "Search the question bank" }).fill("two sum");
  await page.getByRole("button", { name: "Add question: Two Sum" }).click();
  await expect(page.getByTestId("plan-item")).toHaveCount(1);
  const sessionId = await createInterview(page);
  await page.goto(`/room/${sessionId}`);
  await page.getByRole("button", { name: "Start interview" }).click();
  const checklist = page.getByRole("region", { name: "Key points" });
  await expect(checklist).toContainText("Look up target minus the number before storing it");
  await expect(checklist).toContainText("One pass, O(n) time and space");
  await expect(checklist).not.toContainText("Check the complement");
  await expect(checklist).toContainText("0 of 3 heard");
  await expect(page.getByRole("region", { name: "Reference answer" })).toContainText("Walk the array once with a hash map");

  // In the room, the interviewer opens where a key point came from, as it was planned.
  const point = checklist.getByRole("listitem").filter({ hasText: "Hash map from value to index" });
  await point.getByTestId("part-source").click();
  await expect(point.getByTestId("source-passage").locator("[data-own]")).toHaveText(["10- Hash map from value to index"]);
  await expect(checklist.getByRole("listitem").filter({ hasText: "One pass, O(n) time and space" }).getByTestId("part-source-note")).toHaveText("edited");
  await expect(checklist).toContainText("0 of 3 heard");
  await point.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/room-key-point-source-1280.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screens/room-key-point-source-1280-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });

  // The scorecard's parts open theirs too: a red flag to tick, and the criterion made from the key points.
  await page.getByRole("tab", { name: /^Score Q/ }).click();
  const card = page.getByTestId("question-scorecard");
  const scoredFlags = card.getByRole("group", { name: "Red flags seen in the answer" });
  await scoredFlags.getByTestId("part-source").first().click();
  await expect(scoredFlags.getByTestId("source-passage").locator("[data-own]")).toHaveText(["19- Nested loops without noticing they are O(n²)"]);
  await card.getByText("Look for").first().click();
  const lookFor = card.getByRole("listitem").filter({ hasText: "Hash map from value to index" });
  await expect(lookFor.getByTestId("part-source")).toHaveText("from line 10");
  await scoredFlags.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/room-scorecard-part-source-1280.png" });
});

test("an interviewer's guide written as nested bullets imports each question with its look-fors, red flags and follow-ups in place", async ({ page }) => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signUpNew(page, "Gus Guide");
  await page.goto("/bank/import");
  await page
    .getByTestId("bank-file-input")
    .setInputFiles({ name: `loop-${stamp}.md`, mimeType: "text/markdown", buffer: readFileSync("tests/fixtures/bank/interviewer-guide-note.md") });
  const file = page.getByTestId("bank-file");
  await expect(file.getByTestId("bank-file-counts")).toHaveText(/^3 questions · 1 follow-up/);
  const questions = file.getByTestId("preview-question");
  const owned = questions.filter({ hasText: "Tell me about a project you owned end to end." });
  await owned.locator("summary").click();
  // "Look for: a, b, c" is three things to look for.
  const lookFors = owned.getByRole("list", { name: "Rubric" }).locator("li li");
  await expect(lookFors).toHaveText([/scope/, /trade-offs/, /a result that was measured/]);
  await expect(owned.getByRole("list", { name: "Red flags" })).toContainText("only describes what the team did");
  await expect(owned).toContainText("What would you do differently?");
  // The question alone in its section is one too, not an unused passage.
  const leak = questions.filter({ hasText: "How would you debug a memory leak in production?" });
  await leak.locator("summary").click();
  await expect(leak.getByRole("list", { name: "Red flags" })).toContainText("restarts the service and moves on");
  await expect(file.getByTestId("unused-passages")).toHaveCount(0);
  await owned.scrollIntoViewIfNeeded();
  await screens(page, "import-review-guide-note");
});

test("a result clicked while the search is still being typed opens; a search survives 'back'", async ({ page }) => {
  await signUpNew(page, "Quinn Quick");
  // The question's page is held back a moment (and not prefetched, which would open it at once), so that the
  // search's debounce fires while it loads, whatever the machine's speed.
  await page.route("**/bank/questions/**", async (route) => {
    if (route.request().headers()["next-router-prefetch"]) return route.abort();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return route.continue();
  });
  await page.goto("/bank");
  const first = page.getByTestId("bank-result").first();
  await expect(first).toBeVisible();
  // Typed and clicked at once, in one task so that a slow machine cannot let the debounce fire in between
  // (the results for "zzz" would replace the one clicked).
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="bank-search"]');
    const link = document.querySelector<HTMLAnchorElement>('[data-testid="bank-result"] a');
    if (!input || !link) throw new Error("the bank page has no search box or no result");
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, "zzz");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    link.click();
  });
  await expect(page.getByTestId("question-prompt")).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(page).toHaveURL(/\/bank\/questions\//);
  await expect(page.getByTestId("question-prompt")).toBeVisible();
  await page.unroute("**/bank/questions/**");

  // A search that has run is in the address, and "back" from a question returns to it.
  await page.goto("/bank");
  await page.getByTestId("bank-search").fill("rate limiter");
  await expect(page).toHaveURL(/\/bank\?q=rate\+limiter$/);
  await expect(page.getByTestId("bank-result").first()).toContainText(/rate limit/i);
  await page.getByTestId("bank-result").first().click();
  await expect(page.getByTestId("question-prompt")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/bank\?q=rate\+limiter$/);
  await expect(page.getByTestId("bank-search")).toHaveValue("rate limiter");
});
