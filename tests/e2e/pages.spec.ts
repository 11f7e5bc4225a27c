import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addQuestions, createInterview, expect, signUpNew, test, watchCsp } from "./fixtures";

/**
 * Every page and room state as a person sees it: at phone width (390 px) and on a laptop (1366 px), in
 * the light and the dark theme. Nothing may be wider than the screen, axe (WCAG 2.1 A and AA) may find
 * nothing serious or critical, and each view is saved as a screenshot in test-results/screens to look at.
 */

const WIDTHS = [390, 1366] as const;
const THEMES = ["light", "dark"] as const;
const SCREENS = path.resolve("test-results/screens");

async function inspect(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
      // Layout settles after a resize (and fonts, after the first paint).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const overflow = await page.evaluate(() => {
        const wider = [...document.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1);
        const innermost = wider.filter((element) => !wider.some((other) => other !== element && element.contains(other)));
        return { scrollWidth: document.documentElement.scrollWidth, culprits: innermost.slice(0, 5).map((element) => element.outerHTML.slice(0, 160)) };
      });
      expect
        .soft(overflow.scrollWidth, `${name} at ${width} px (${theme}) is ${overflow.scrollWidth} px wide: ${overflow.culprits.join("\n")}`)
        .toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(SCREENS, `${name}-${width}-${theme}.png`), fullPage: true });
    }
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
            .map((node) => node.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
    expect.soft(serious, `${name} (${theme}): axe`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1366, height: 900 });
}

// One browser session walks through the pages in order; each step has its own time limit, so that a slow
// machine fails the step that is slow rather than a single five-minute test.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let interviewer: Page;
let candidate: Page;
let sessionId = "";
let inviteUrl = "";
const cspViolations: string[] = [];

test.beforeAll(async ({ browser }) => {
  const open = async () => {
    const context = await browser.newContext();
    watchCsp(context, cspViolations);
    return context.newPage();
  };
  interviewer = await open();
  candidate = await open();
});

test.afterAll(async () => {
  await interviewer.context().close();
  await candidate.context().close();
  expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
});

test("public pages fit a phone and pass axe, in both themes", async () => {
  for (const [name, url] of [
    ["home", "/"],
    ["sign-in", "/sign-in"],
    ["sign-up", "/sign-up"],
    ["not-found", "/no-such-page"],
    ["join-unknown", "/join/not-a-real-token"],
  ] as const) {
    await interviewer.goto(url);
    await inspect(interviewer, name);
  }
});

test("signed-in pages: dashboard, bank, planning", async () => {
  await signUpNew(interviewer, "Pia Pages");
  await inspect(interviewer, "dashboard");
  await interviewer.goto("/bank");
  await expect(interviewer.getByTestId("bank-result").first()).toBeVisible();
  await inspect(interviewer, "bank");
  await interviewer.getByTestId("bank-result").first().getByRole("link").first().click();
  await interviewer.waitForURL(/\/bank\/questions\//);
  await inspect(interviewer, "bank-question");
  await interviewer.goto("/bank/import");
  await inspect(interviewer, "bank-import");

  await interviewer.goto("/interviews/new");
  // Every field's problem is shown at once, before anything is sent.
  await interviewer.getByLabel("Candidate email").fill("not-an-email");
  await interviewer.getByRole("button", { name: "Create interview" }).click();
  for (const problem of ["Give the interview a title", "Enter a valid email address", "Add at least one question from the bank."]) {
    await expect(interviewer.getByText(problem)).toBeVisible();
  }
  await interviewer.getByLabel("Candidate email").fill("");
  await interviewer.getByLabel("Title", { exact: true }).fill("Pages round");
  await interviewer.getByLabel("Candidate name").fill("Cleo Candidate");
  await addQuestions(interviewer, ["Secure Logging", "rate limiter"]);
  await inspect(interviewer, "interview-new");
  sessionId = await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  inviteUrl = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await inspect(interviewer, "interview");
  await interviewer.goto("/interviews");
  await inspect(interviewer, "interviews");
});

test("room states, candidate and interviewer", async () => {
  await candidate.goto(new URL(inviteUrl).pathname);
  await inspect(candidate, "join");
  await candidate.getByLabel("Your name").fill("Cleo Candidate");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(`**/room/${sessionId}`);
  await expect(candidate.getByText("Waiting for the interviewer to start…")).toBeVisible();
  await inspect(candidate, "room-candidate-lobby");

  await interviewer.goto(`/room/${sessionId}`);
  await expect(interviewer.getByRole("button", { name: "Start interview" })).toBeVisible();
  await inspect(interviewer, "room-interviewer-lobby");
  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await interviewer.getByRole("button", { name: "Reveal follow-up 1", exact: true }).click();
  await expect(candidate.getByTestId("revealed-follow-up")).toHaveCount(1);
  await inspect(interviewer, "room-interviewer-live");
  await interviewer.getByRole("button", { name: "Next question" }).click();
  await expect(candidate.getByRole("heading", { name: "Earlier questions" })).toBeVisible();
  // The scratchpad is a code editor: the candidate picks a language, and the interviewer sees it highlighted.
  await candidate.getByLabel("Language").selectOption("python");
  await candidate.getByLabel("Scratchpad").fill("# a token bucket per consumer\ndef allow(bucket):\n    return bucket.take(1)");
  await expect(candidate.getByTestId("scratchpad-status")).toHaveText(/Saved/);
  await expect(interviewer.getByLabel("Language")).toHaveValue("python");
  await expect(interviewer.getByTestId("scratchpad-editor")).toContainText("def allow(bucket):");
  await expect(interviewer.getByTestId("scratchpad-editor").locator(".cm-line span").first()).toBeVisible();
  await inspect(interviewer, "room-interviewer-scratchpad");
  await inspect(candidate, "room-candidate-live");
});

test("a guest sees only what a guest can use", async () => {
  // A guest is offered what a guest can use: their interview, and an account; no bank, no planning.
  await candidate.goto("/dashboard");
  await expect(candidate.getByRole("link", { name: "Create an account" })).toBeVisible();
  await expect(candidate.getByRole("link", { name: /Plan an interview|Browse the bank/ })).toHaveCount(0);
  await expect(candidate.getByTestId("upcoming-list").getByRole("link")).toHaveAttribute("href", `/room/${sessionId}`);
  await inspect(candidate, "dashboard-guest");
  for (const url of ["/interviews/new", "/bank"]) {
    await candidate.goto(url);
    await expect(candidate.getByTestId("account-needed")).toBeVisible();
    await expect(candidate.getByRole("textbox")).toHaveCount(0);
  }
  await inspect(candidate, "bank-guest");
});

test("the ended room", async () => {
  await interviewer.getByRole("button", { name: "End interview" }).click();
  await interviewer.getByRole("dialog").getByRole("button", { name: "End interview" }).click();
  await expect(interviewer.getByTestId("ended-banner")).toBeVisible();
  // The banner follows the event; the modal dialog closes on the command's answer, after it.
  await expect(interviewer.getByRole("dialog")).toBeHidden();
  // Nothing pretends to be live: no time left, no presence, and a note now is marked as written afterwards.
  await expect(interviewer.getByTestId("question-timer")).toContainText("Time on this question");
  await expect(interviewer.getByTestId("question-timer")).not.toContainText("left");
  for (const label of await interviewer.getByTestId("presence").evaluateAll((items) => items.map((item) => item.getAttribute("aria-label") ?? ""))) {
    expect(label).not.toMatch(/Connected|Away|Disconnected/);
  }
  await interviewer.getByRole("tab", { name: "Notes" }).click();
  await interviewer.getByLabel("Note", { exact: true }).fill("Follow up on the logging answer");
  await interviewer.getByLabel("Note", { exact: true }).press("Enter");
  await expect(interviewer.getByTestId("note-time").first()).toHaveText("After the interview");
  await inspect(interviewer, "room-interviewer-ended");
  // The scorecard: the question's criteria, then the session summary.
  await interviewer.getByRole("tab", { name: /^Score Q/ }).click();
  await expect(interviewer.getByTestId("question-scorecard")).toBeVisible();
  await interviewer
    .getByTestId("criterion")
    .first()
    .getByRole("radio", { name: /^1 Missed/ })
    .check();
  await expect(interviewer.getByTestId("evidence-warning")).toBeVisible();
  await inspect(interviewer, "room-interviewer-scorecard");
  await interviewer.getByRole("tab", { name: "Summary" }).click();
  await expect(interviewer.getByTestId("session-summary")).toBeVisible();
  await inspect(interviewer, "room-interviewer-summary");
  await candidate.goto(`/room/${sessionId}`);
  await expect(candidate.getByRole("heading", { name: "The interview has ended" })).toBeVisible();
  await inspect(candidate, "room-candidate-ended");
});

test("review: the session page, the history and progress, for both", async () => {
  await interviewer.goto(`/sessions/${sessionId}`);
  await expect(interviewer.getByTestId("review-question").first()).toBeVisible();
  await expect(interviewer.getByTestId("replay-frame")).toBeVisible();
  await inspect(interviewer, "session-interviewer");
  await interviewer.goto("/history");
  await expect(interviewer.getByRole("link", { name: /Pages round/ }).first()).toBeVisible();
  await inspect(interviewer, "history-interviewer");
  await interviewer.goto("/progress");
  await expect(interviewer.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  await inspect(interviewer, "progress-interviewer");
  await candidate.goto(`/sessions/${sessionId}`);
  await expect(candidate.getByTestId("review-question").first()).toBeVisible();
  await expect(candidate.getByTestId("replay-frame")).toBeVisible();
  await inspect(candidate, "session-candidate");
  await candidate.goto("/history");
  await inspect(candidate, "history-candidate");
});
