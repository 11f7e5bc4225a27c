import type { Browser, BrowserContext, Page } from "@playwright/test";
import { addQuestions, createInterview, expect, padText, signUpNew, test } from "./fixtures";

/**
 * The live room end to end, as two new users would run it: an interviewer signs up and plans, a
 * candidate joins as a guest from the invite link in another browser context, and they run the
 * interview through to the end. The follow-ups revealed across the three questions (9 + 7 + 4) give the
 * reveal latency sample: Reveal click in one browser to the text on screen in the other.
 */

const QUESTIONS = [
  "Secure Logging & Sensitive Data Protection",
  "Web/API Patterns & Frameworks",
  "Design your own rate limiter (consumer can call downstream only 50 requests/min)",
];

declare global {
  interface Window {
    __revealActions?: number[];
    __revealSeen?: Record<string, number>;
  }
}

async function newPage(
  browser: Browser,
  newContext: (browser: Browser, options: { viewport: { width: number; height: number } }) => Promise<BrowserContext>,
): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1440, height: 1000 } });
  return context.newPage();
}

/** Client wall-clock instants (both contexts share this machine's clock) of every reveal action. */
async function recordRevealActions(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__revealActions = [];
    document.addEventListener(
      "click",
      (event) => {
        if ((event.target as HTMLElement).closest('[aria-label^="Reveal follow-up"]')) window.__revealActions?.push(Date.now());
      },
      true,
    );
    document.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "r" || event.key === "R") window.__revealActions?.push(Date.now());
      },
      true,
    );
  });
}

/** When each revealed follow-up first appeared in the candidate's DOM, keyed by its text. */
async function recordRevealsSeen(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__revealSeen = {};
    const scan = () => {
      const now = Date.now();
      for (const item of document.querySelectorAll('[data-testid="revealed-follow-up"]')) {
        const key = (item.textContent ?? "").trim();
        if (window.__revealSeen && !(key in window.__revealSeen)) window.__revealSeen[key] = now;
      }
    };
    scan();
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function staffFollowUpTexts(page: Page): Promise<string[]> {
  return page.getByTestId("follow-up-prompt").allTextContents();
}

/** Everything the candidate's browser holds as text, scripts (RSC payload) included. */
async function candidateText(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.textContent ?? "");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

test("plan, invite, join as guest, run the interview with reveals, notes and refreshes, end", async ({ browser, newContext }) => {
  test.setTimeout(240_000);
  const interviewer = await newPage(browser, newContext);
  const candidate = await newPage(browser, newContext);
  const stamp = Date.now();

  // The interviewer signs up and plans an interview from the bundled bank.
  await interviewer.goto("/sign-up");
  await interviewer.getByLabel("Name").fill("Iris Interviewer");
  await interviewer.getByLabel("Email").fill(`iris-${stamp}@example.com`);
  await interviewer.getByLabel("Password").fill("correct horse battery");
  await interviewer.getByRole("button", { name: "Create account" }).click();
  await interviewer.waitForURL("**/dashboard", { timeout: 15_000 });

  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("Backend engineer, live round");
  await interviewer.getByLabel("Candidate name").fill("Cai Candidate");
  const search = interviewer.getByRole("searchbox", { name: "Search the question bank" });
  for (const prompt of QUESTIONS) {
    await search.fill(prompt.split(" ").slice(0, 4).join(" "));
    await interviewer.getByRole("button", { name: `Add question: ${prompt}`, exact: true }).click();
  }
  await expect(interviewer.getByTestId("plan-item")).toHaveCount(3);
  // Reorder by keyboard and back again: the plan keeps the order shown.
  await interviewer.getByRole("button", { name: "Move question 2 up" }).click();
  await expect(interviewer.getByTestId("plan-item").first()).toContainText(QUESTIONS[1] as string);
  await interviewer.keyboard.press("Alt+ArrowDown");
  await expect(interviewer.getByTestId("plan-item").first()).toContainText(QUESTIONS[0] as string);
  await interviewer.getByRole("button", { name: "Create interview" }).click();
  await interviewer.waitForURL((url) => /^\/interviews\/(?!new$)[^/]+$/.test(url.pathname), { timeout: 15_000 });
  const sessionId = interviewer.url().split("/").pop() as string;

  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const inviteUrl = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  expect(inviteUrl).toContain("/join/");
  await expect(interviewer.getByTestId("invite-row")).toHaveCount(1);

  await interviewer.getByRole("link", { name: "Open room" }).click();
  await interviewer.waitForURL(`**/room/${sessionId}`, { timeout: 15_000 });
  await expect(interviewer.getByRole("button", { name: "Start interview" })).toBeVisible();

  // The candidate opens the link signed out and joins as a guest.
  await candidate.goto(new URL(inviteUrl).pathname);
  await expect(candidate.getByRole("heading", { name: "Backend engineer, live round" })).toBeVisible();
  await candidate.getByLabel("Your name").fill("Cai Candidate");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(`**/room/${sessionId}`, { timeout: 15_000 });
  await expect(candidate.getByText("Waiting for the interviewer to start…")).toBeVisible();

  // Lobby: each sees the other connected.
  await expect(interviewer.locator('[data-testid="presence"][data-role="CANDIDATE"][data-status="connected"]').first()).toBeVisible();
  await expect(candidate.locator('[data-testid="presence"][data-role="INTERVIEWER"][data-status="connected"]').first()).toBeVisible();

  // Nothing of the plan reaches the candidate in the lobby.
  let seenByCandidate = await candidateText(candidate);
  for (const prompt of QUESTIONS) expect(seenByCandidate).not.toContain(prompt);

  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByTestId("current-question")).toContainText(QUESTIONS[0] as string);
  await expect(candidate.getByTestId("current-question").getByText("Question 1 of 3")).toBeVisible();

  // Timers tick from server instants on both sides.
  const before = await candidate.getByTestId("question-elapsed").textContent();
  await expect(candidate.getByTestId("question-elapsed")).not.toHaveText(before ?? "", { timeout: 3_000 });
  await expect(interviewer.getByTestId("session-clock")).not.toHaveText(/0:00 total/);

  await recordRevealActions(interviewer);
  await recordRevealsSeen(candidate);
  const latencies: number[] = [];

  for (let q = 0; q < QUESTIONS.length; q++) {
    if (q > 0) {
      await interviewer.getByRole("button", { name: "Next question" }).click();
      await expect(candidate.getByTestId("current-question").getByText(`Question ${q + 1} of 3`)).toBeVisible();
      await expect(candidate.getByTestId("current-question")).toContainText(QUESTIONS[q] as string);
    }
    const prompts = (await staffFollowUpTexts(interviewer)).map((text) => text.trim());
    expect(prompts.length).toBeGreaterThan(0);
    for (let i = 0; i < prompts.length; i++) {
      // The candidate has none of the follow-ups not yet revealed, nor any later question.
      seenByCandidate = await candidateText(candidate);
      for (const hidden of prompts.slice(i)) expect(seenByCandidate).not.toContain(hidden);
      for (const later of QUESTIONS.slice(q + 1)) expect(seenByCandidate).not.toContain(later);

      const actionsBefore = await interviewer.evaluate(() => window.__revealActions?.length ?? 0);
      if (i === 1) await interviewer.keyboard.press("r");
      else await interviewer.getByRole("button", { name: `Reveal follow-up ${i + 1}`, exact: true }).click();
      const revealed = candidate.getByRole("region", { name: "Revealed follow-ups" }).getByTestId("revealed-follow-up").nth(i);
      await expect(revealed).toContainText(prompts[i] as string);
      const actionAt = await interviewer.evaluate((index) => window.__revealActions?.[index] ?? null, actionsBefore);
      const seen = await candidate.evaluate(() => window.__revealSeen ?? {});
      const seenAt = Object.entries(seen).find(([text]) => text.includes(prompts[i] as string))?.[1];
      expect(actionAt).not.toBeNull();
      expect(seenAt).toBeDefined();
      latencies.push((seenAt as number) - (actionAt as number));
    }
    await expect(interviewer.getByTestId("revealed-at")).toHaveCount(prompts.length);
  }
  expect(latencies.length).toBe(20);
  console.log("reveal latency median ms", median(latencies), "samples", latencies.join(","));

  // Previous and back: the candidate follows, and earlier questions stay collapsed for them.
  await interviewer.getByRole("button", { name: "Previous question" }).click();
  await expect(candidate.getByTestId("current-question").getByText("Question 2 of 3")).toBeVisible();
  // "Next" names the question the interviewer's page shows: wait until their page has moved too (on a
  // loaded machine the candidate's page can be first), or the press is, rightly, a no-op.
  await expect(interviewer.getByTestId("current-question").getByText("Question 2 of 3")).toBeVisible();
  await interviewer.keyboard.press("ArrowRight");
  await expect(candidate.getByTestId("current-question").getByText("Question 3 of 3")).toBeVisible();
  await expect(candidate.getByRole("heading", { name: "Earlier questions" })).toBeVisible();

  // The scratchpad streams to the interviewer.
  await candidate.getByLabel("Scratchpad").fill("token bucket per consumer\n50/min, refill 1 every 1.2s");
  await expect(candidate.getByTestId("scratchpad-status")).toHaveText(/Saved/);
  await expect(interviewer.getByTestId("scratchpad-editor")).toContainText("token bucket per consumer");

  // Private notes: Enter saves, stamped with the time and the current question.
  await interviewer.getByLabel("Note", { exact: true }).fill("Jumped straight to a token bucket");
  await interviewer.getByLabel("Note", { exact: true }).press("Enter");
  await expect(interviewer.getByTestId("note")).toHaveCount(1);
  await expect(interviewer.getByTestId("note").first()).toContainText("into the interview");
  await expect(interviewer.getByTestId("note").first()).toContainText("Q3");
  await interviewer.getByLabel("Note", { exact: true }).fill("Asked about burst handling");
  await interviewer.getByRole("button", { name: "Add note" }).click();
  await expect(interviewer.getByTestId("note")).toHaveCount(2);
  expect(await candidateText(candidate)).not.toContain("Jumped straight to a token bucket");

  // A refresh of either page restores the same view.
  const candidateBefore = await candidate.getByTestId("current-question").innerText();
  const scratchBefore = await padText(candidate);
  await candidate.reload();
  await expect(candidate.getByTestId("current-question")).toBeVisible();
  expect(normaliseClock(await candidate.getByTestId("current-question").innerText())).toBe(normaliseClock(candidateBefore));
  await expect.poll(() => padText(candidate)).toBe(scratchBefore);

  const interviewerBefore = {
    question: await interviewer.getByTestId("current-question").innerText(),
    followUps: await interviewer.getByTestId("staff-follow-up").allInnerTexts(),
    notes: await interviewer.getByTestId("note-body").allInnerTexts(),
  };
  await interviewer.reload();
  await expect(interviewer.getByTestId("current-question")).toBeVisible();
  expect(normaliseClock(await interviewer.getByTestId("current-question").innerText())).toBe(normaliseClock(interviewerBefore.question));
  expect(await interviewer.getByTestId("staff-follow-up").allInnerTexts()).toEqual(interviewerBefore.followUps);
  expect(await interviewer.getByTestId("note-body").allInnerTexts()).toEqual(interviewerBefore.notes);

  // End, with a confirmation.
  await interviewer.getByRole("button", { name: "End interview" }).click();
  await interviewer.getByRole("dialog").getByRole("button", { name: "End interview" }).click();
  await expect(interviewer.getByTestId("ended-banner")).toBeVisible();
  await expect(candidate.getByRole("heading", { name: "The interview has ended" })).toBeVisible();
});

test("a guest candidate who changes device gets back in with a fresh link, and the old device is told", async ({ browser, newContext }) => {
  test.setTimeout(180_000);
  const interviewer = await newPage(browser, newContext);
  const laptop = await newPage(browser, newContext);
  const phone = await newPage(browser, newContext);

  await signUpNew(interviewer, "Ivy Interviewer");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("Device change round");
  await addQuestions(interviewer, ["Secure Logging Sensitive Data"]);
  const sessionId = await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const firstLink = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();

  await laptop.goto(new URL(firstLink).pathname);
  await laptop.getByLabel("Your name").fill("Cai Candidate");
  await laptop.getByRole("button", { name: "Join as guest" }).click();
  await laptop.waitForURL(`**/room/${sessionId}`, { timeout: 15_000 });
  await interviewer.goto(`/room/${sessionId}`);
  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await laptop.getByLabel("Scratchpad").fill("typed on the laptop");
  await expect(interviewer.getByTestId("scratchpad-editor")).toContainText("typed on the laptop");

  // The audio fails; on the phone, the link used on the laptop says what to do.
  await phone.goto(new URL(firstLink).pathname);
  await expect(phone.getByTestId("invite-used")).toContainText("ask the interviewer for a fresh candidate link");

  // The interviewer makes a fresh link: the phone joins with it, in the laptop's place, with the answer so far.
  await interviewer.goto(`/interviews/${sessionId}`);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const freshLink = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  expect(freshLink).not.toBe(firstLink);
  await phone.goto(new URL(freshLink).pathname);
  await phone.getByLabel("Your name").fill("Cai Candidate");
  await phone.getByRole("button", { name: "Join as guest" }).click();
  await phone.waitForURL(`**/room/${sessionId}`, { timeout: 15_000 });
  await expect(phone.getByTestId("current-question")).toBeVisible();
  await expect(phone.getByLabel("Scratchpad")).toContainText("typed on the laptop");
  await expect(laptop.getByRole("alert").filter({ hasText: "on another device" })).toBeVisible();

  // The laptop cannot come back, even with a reload.
  await laptop.reload();
  await expect(laptop.getByRole("heading", { name: "This room is not open to you" })).toBeVisible();
  await expect(laptop.getByLabel("Scratchpad")).toHaveCount(0);
});

/** Timer readings differ between two moments; everything else must be identical. */
function normaliseClock(text: string): string {
  return text.replace(/\d+:\d{2}(:\d{2})?/g, "#:##");
}
