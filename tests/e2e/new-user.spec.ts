import { mkdirSync } from "node:fs";
import { inflateSync } from "node:zlib";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { addQuestions, createInterview, expect, signUpNew, test, watchCsp } from "./fixtures";

/**
 * What a new user runs into, each checked as they would meet it: a long paste into the scratchpad, the
 * room's header with a long title, notes past their limit, the replay's view toggle, the guest's
 * dashboard after the interview, the printed report, a plan form's errors and code in question titles.
 * The room is set up once and shared in order; a test that finds none (a failure restarted the worker)
 * sets up its own.
 */

const SCREENS = path.resolve("test-results/screens");
const TITLE = "Senior backend engineer: distributed systems, reliability and on-call deep dive with the platform team";
const CANDIDATE = "Mo Bile (laptop)";
const LIMIT = 50_000;

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage });
}

interface Room {
  interviewer: Page;
  candidate: Page;
  sessionId: string;
  ended: boolean;
}

let shared: Room | null = null;
/** The shared room's browser contexts, closed after the file: they would go on using the machine's CPU in the tests after it. */
const opened: BrowserContext[] = [];
test.afterAll(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
  shared = null;
});

/** An interviewer and a guest candidate in a live room over one question, made once per worker. */
async function liveRoom(browser: Browser, violations: string[]): Promise<Room> {
  if (shared) return shared;
  const open = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    opened.push(context);
    watchCsp(context, violations);
    return context.newPage();
  };
  const interviewer = await open();
  const candidate = await open();
  await signUpNew(interviewer, "Iva Interviewer");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill(TITLE);
  await addQuestions(interviewer, ["rate limiter"]);
  const sessionId = await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const inviteUrl = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await interviewer.goto(`/room/${sessionId}`);
  await candidate.goto(new URL(inviteUrl).pathname);
  await candidate.getByLabel("Your name").fill(CANDIDATE);
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(`**/room/${sessionId}`);
  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByTestId("current-question")).toBeVisible();
  shared = { interviewer, candidate, sessionId, ended: false };
  return shared;
}

async function endedRoom(browser: Browser, violations: string[]): Promise<Room> {
  const room = await liveRoom(browser, violations);
  if (room.ended) return room;
  // An answer worked out at length, as real ones are: its question runs past a printed page.
  const worked = Array.from({ length: 90 }, (_, i) => `step ${i + 1}: refill the bucket, then take a token or refuse`).join("\n");
  await room.candidate.getByLabel("Scratchpad").fill(worked);
  await expect(room.candidate.getByTestId("scratchpad-status")).toHaveText(/Saved/);
  await room.interviewer.getByRole("button", { name: "End interview" }).click();
  await room.interviewer.getByRole("dialog").getByRole("button", { name: "End interview" }).click();
  await expect(room.candidate.getByRole("heading", { name: "The interview has ended" })).toBeVisible();
  // The candidate can hear of the end before the interviewer's dialog closes on its answer; until then
  // the dialog is modal and the rest of the interviewer's page takes no typing.
  await expect(room.interviewer.getByRole("dialog")).toBeHidden();
  room.ended = true;
  return room;
}

/** A paste, as the browser delivers one from the clipboard, into the focused editor. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.describe.configure({ mode: "default" });

test("a paste over the scratchpad's limit is refused at the editor, and what is typed after it still reaches the interviewer", async ({
  browser,
  cspViolations,
}) => {
  test.setTimeout(180_000);
  const { interviewer, candidate } = await liveRoom(browser, cspViolations);
  const editor = candidate.getByLabel("Scratchpad");
  await editor.click();
  await candidate.keyboard.type("plan: ");
  await expect(interviewer.getByTestId("scratchpad-editor")).toContainText("plan:");

  // Past Socket.IO's message cap, as the paste was, and past the scratchpad's own limit.
  await paste(candidate, '[data-testid="scratchpad-editor"] .cm-content', "x".repeat(3 * LIMIT));
  await expect(candidate.getByTestId("scratchpad-refused")).toContainText("50,000 characters");
  await expect(editor).not.toContainText("xxxx");
  await candidate.getByTestId("scratchpad-refused").scrollIntoViewIfNeeded();
  await screenshot(candidate, "scratchpad-refused-1366", false);

  await candidate.keyboard.type("token bucket after the paste");
  await expect(interviewer.getByTestId("scratchpad-editor")).toContainText("plan: token bucket after the paste");
  await expect(candidate.getByTestId("scratchpad-status")).toHaveText(/Saved/);

  // Right up to the limit is fine: the paste goes in and out as one splice, and the interviewer has it.
  await candidate.keyboard.press("Control+a");
  await paste(candidate, '[data-testid="scratchpad-editor"] .cm-content', `full${"y".repeat(LIMIT - 4)}`);
  await expect(candidate.getByTestId("scratchpad-status")).toHaveText(/Saved/);
  await expect(interviewer.getByTestId("scratchpad-editor")).toContainText("fullyyyy");
  await expect(candidate.getByTestId("scratchpad-refused")).toHaveCount(0);
});

test("the room's header keeps a long title to one line, whole in its title attribute, at 390 and 1366 px", async ({ browser, cspViolations }) => {
  test.setTimeout(180_000);
  const { interviewer } = await liveRoom(browser, cspViolations);
  for (const width of [1366, 390]) {
    await interviewer.setViewportSize({ width, height: 900 });
    const heading = interviewer.getByRole("heading", { level: 1 });
    await expect(heading).toHaveAttribute("title", TITLE);
    const box = await heading.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).lineHeight),
      clipped: element.scrollWidth > element.clientWidth,
    }));
    expect(box.height).toBeLessThan(box.lineHeight * 1.5);
    expect(box.clipped).toBe(true);
    await screenshot(interviewer, `room-header-${width}`);
  }
  await interviewer.setViewportSize({ width: 1366, height: 900 });
});

test("a note past the limit is refused at the input with a counter, and a long unbroken note stays inside its card", async ({ browser, cspViolations }) => {
  test.setTimeout(180_000);
  const { interviewer, sessionId } = await endedRoom(browser, cspViolations);
  const input = interviewer.getByLabel("Note", { exact: true });
  const long = "n".repeat(10_050);
  await input.fill(long);
  // Nothing is cut: the input keeps all that was written and says why it cannot be saved.
  await expect(input).toHaveValue(long);
  await expect(interviewer.getByTestId("note-counter")).toContainText("10,050 / 10,000");
  await expect(interviewer.getByRole("button", { name: "Add note" })).toBeDisabled();
  await input.press("Enter");
  await expect(interviewer.getByTestId("note")).toHaveCount(0);

  const unbroken = `see:${"a".repeat(400)}`;
  await input.fill(unbroken);
  await expect(interviewer.getByTestId("note-counter")).toContainText("404 / 10,000");
  await input.press("Enter");
  await expect(interviewer.getByTestId("note")).toHaveCount(1);
  const fits = async (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => {
        const card = element.closest("li") as HTMLElement;
        return element.getBoundingClientRect().right <= card.getBoundingClientRect().right + 0.5 && card.scrollWidth <= card.clientWidth;
      });
  expect(await fits(interviewer, '[data-testid="note-body"]')).toBe(true);
  await screenshot(interviewer, "room-notes-1366");

  await interviewer.goto(`/sessions/${sessionId}`);
  await expect(interviewer.getByTestId("review-note").first()).toBeVisible();
  for (const width of [1366, 390]) {
    await interviewer.setViewportSize({ width, height: 900 });
    expect(await fits(interviewer, '[data-testid="review-note"] [data-testid="review-note-body"]')).toBe(true);
    await screenshot(interviewer, `session-notes-${width}`);
  }
  await interviewer.setViewportSize({ width: 1366, height: 900 });
});

test("the replay's candidate-view toggle keeps the scrubber where it was", async ({ browser, cspViolations }) => {
  test.setTimeout(180_000);
  const { interviewer, sessionId } = await endedRoom(browser, cspViolations);
  await interviewer.goto(`/sessions/${sessionId}`);
  const position = interviewer.getByTestId("replay-position");
  await expect(position).toContainText("Event");
  await interviewer.getByRole("button", { name: "To the start" }).click();
  await expect(position).toHaveText("Before the first event");
  for (let i = 0; i < 3; i++) await interviewer.getByRole("button", { name: "Next event" }).click();
  const before = await position.innerText();
  expect(before).toMatch(/^Event 3 of \d+/);
  await interviewer.getByRole("radio", { name: "Candidate's view" }).click();
  await expect(interviewer.getByRole("radio", { name: "Candidate's view" })).toHaveAttribute("aria-checked", "true");
  await expect(interviewer.getByRole("slider", { name: "Replay position" })).toBeVisible();
  // The same moment in the candidate's log, not its end.
  await expect(position).toHaveText(/^(Before the first event|Event [1-3] of \d+)/);
  await interviewer.getByRole("radio", { name: "Your view" }).click();
  await expect(position).toHaveText(before);
});

test("a guest's dashboard lists the interview they finished", async ({ browser, cspViolations }) => {
  test.setTimeout(180_000);
  const { candidate, sessionId } = await endedRoom(browser, cspViolations);
  for (const width of [1366, 390]) {
    await candidate.setViewportSize({ width, height: 900 });
    await candidate.goto("/dashboard");
    const finished = candidate.getByRole("link", { name: new RegExp(TITLE.slice(0, 30)) });
    await expect(finished).toBeVisible();
    await expect(finished).toHaveAttribute("href", `/sessions/${sessionId}`);
    await screenshot(candidate, `guest-dashboard-${width}`);
  }
  await candidate.setViewportSize({ width: 1366, height: 900 });
});

/** How far down each page of a PDF its drawn content reaches, as a share of the page's height. */
function pageFill(pdf: Buffer): number[] {
  const text = pdf.toString("latin1");
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(match[1]), match[2] as string);
  const pages = [...objects.values()].filter((body) => /\/Type\s*\/Page\b/.test(body));
  return pages.map((page) => {
    const height = Number(/\/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+[\d.]+\s+([\d.]+)/.exec(page)?.[1]);
    const refs = [.../\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)![1]!.matchAll(/(\d+) 0 R/g)].map((ref) => Number(ref[1]));
    let lowest = 0;
    for (const ref of refs) {
      const body = objects.get(ref)!;
      const start = body.indexOf("stream") + "stream".length;
      const raw = Buffer.from(body.slice(start, body.lastIndexOf("endstream")).replace(/^\r?\n/, ""), "latin1");
      const ops = inflateSync(raw).toString("latin1");
      // Skia draws in a y-down space under its first flip: the largest y reached is the lowest content.
      for (const m of ops.matchAll(/([\d.-]+) ([\d.-]+) (?:Td|m|l)\b/g)) lowest = Math.max(lowest, Number(m[2]));
      for (const m of ops.matchAll(/[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm/g)) lowest = Math.max(lowest, Number(m[1]));
    }
    return lowest / height;
  });
}

test("the printed report fills its first page", async ({ browser, cspViolations }) => {
  test.setTimeout(180_000);
  const { interviewer, sessionId } = await endedRoom(browser, cspViolations);
  await interviewer.goto(`/sessions/${sessionId}`);
  await expect(interviewer.getByTestId("review-question").first()).toBeVisible();
  await interviewer.emulateMedia({ media: "print" });
  const fill = pageFill(await interviewer.pdf({ format: "A4", printBackground: true }));
  await interviewer.emulateMedia({ media: "screen" });
  expect(fill.length).toBeGreaterThan(1);
  expect(fill[0]).toBeGreaterThan(0.75);
});

test("the title error goes as soon as the title is given", async ({ page }) => {
  await signUpNew(page, "Tia Titles");
  await page.goto("/interviews/new");
  await page.getByRole("button", { name: "Create interview" }).click();
  await expect(page.getByText("Give the interview a title")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Frontend round");
  await expect(page.getByText("Give the interview a title")).toHaveCount(0);
  await expect(page.getByLabel("Title", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
});

// The importer keeps a title's words and drops its code ticks; a person editing the question types them.
const DOCUMENT = `# Hooks drills

## 1. When does the effect cleanup run?

**Difficulty:** Medium
**Tags:** react

It runs before the next effect and on unmount; the zebrafinch rule.

### Follow-up: What about layout effects?

They run synchronously after layout.
`;

test("code in a question's title shows as code, not as backticks, wherever the title is listed", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpNew(page, "Cody Ticks");
  await page.goto("/bank/import");
  await page.getByTestId("bank-file-input").setInputFiles({ name: `hooks-${Date.now()}.md`, mimeType: "text/markdown", buffer: Buffer.from(DOCUMENT) });
  await page.getByTestId("bank-confirm-import").click();
  await expect(page.getByTestId("bank-file-outcome")).toContainText("Imported");
  await page.goto("/bank?q=zebrafinch");
  await page.getByTestId("bank-result").first().click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Question", { exact: true }).fill("When does the `useEffect` cleanup run?");
  await page.getByRole("button", { name: "Save changes" }).click();

  const title = page.getByTestId("question-prompt");
  await expect(title.locator("code")).toHaveText("useEffect");
  await expect(title).toHaveText("When does the useEffect cleanup run?");

  await page.goto("/bank?q=zebrafinch");
  const result = page.getByTestId("bank-result").first();
  await expect(result.locator("code")).toHaveText("useEffect");
  await expect(result).not.toContainText("`");

  await page.goto("/interviews/new");
  await page.getByRole("searchbox", { name: "Search the question bank" }).fill("zebrafinch");
  const picked = page.getByRole("button", { name: "Add question: When does the useEffect cleanup run?" });
  await expect(picked).toBeVisible();
  await expect(page.getByTestId("bank-result").first()).not.toContainText("`");
  await picked.click();
  await expect(page.getByTestId("plan-item").locator("code")).toHaveText("useEffect");
  await expect(page.getByTestId("plan-item")).not.toContainText("`");
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `plan-code-title-${width}`);
  }
});
