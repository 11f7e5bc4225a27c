import path from "node:path";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { DEFAULT_COMPETENCIES } from "../../server/domain/scoring/competency-set";
import { addQuestions, createInterview, expect, signUpNew, test, watchCsp } from "./fixtures";

/**
 * Two people score one interview blind: the owner and a co-interviewer each rate every criterion, neither
 * sees the other's card before submitting, and both then see the comparison. The owner releases feedback
 * with their scores; the candidate rates themselves first and then sees exactly what was released.
 */

const SCREENS = path.resolve("test-results/screens");
const OWNER_COMMENT = "OWNER-ONLY comment on the first criterion";
const CO_COMMENT = "CO-ONLY comment on the first criterion";
const FEEDBACK = "Clear and careful about what never to log. Next time, walk through the failure modes.";

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/**
 * Rates every criterion of both asked questions, picked in the Score tab: the first criterion of the first
 * question at `first`, every other one Solid. Returns how many criteria there are.
 */
async function rateAll(page: Page, first: RegExp, comment: string): Promise<number> {
  await page.getByRole("tab", { name: /^Score Q/ }).click();
  let total = 0;
  for (const question of ["Q1", "Q2"]) {
    await page.getByRole("group", { name: "Question to score" }).getByRole("button", { name: question }).click();
    await expect(page.getByRole("tab", { name: `Score ${question}` })).toBeVisible();
    const criteria = page.getByTestId("criterion");
    const count = await criteria.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const level = question === "Q1" && i === 0 ? first : /^3 Solid/;
      await criteria.nth(i).getByRole("radio", { name: level }).check();
      await expect(criteria.nth(i).getByRole("radio", { name: level })).toBeChecked();
    }
    total += count;
  }
  await page.getByRole("group", { name: "Question to score" }).getByRole("button", { name: "Q1" }).click();
  const firstComment = page.getByTestId("criterion").first().getByLabel("Comment");
  await firstComment.fill(comment);
  await firstComment.blur();
  await expect(page.getByTestId("criterion").first().getByText("Saved")).toBeVisible();
  // A level chosen after the comment keeps the comment (each command changes only its own field).
  await page.getByTestId("criterion").first().getByRole("radio", { name: first }).check();
  return total;
}

async function submit(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Summary" }).click();
  const recommendation = page.getByRole("group", { name: "Recommendation" });
  await recommendation.getByText("Yes", { exact: true }).click();
  await expect(recommendation.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(page.getByTestId("submitted")).toBeVisible();
}

// The second test reviews the session the first one ran, in the same browsers.
test.describe.configure({ mode: "serial" });

let owner: Page;
let co: Page;
let candidate: Page;
let sessionId = "";
// The three browsers serve both tests, so they are made and closed around the file, not by a test's fixture.
const cspViolations: string[] = [];
test.beforeAll(async ({ browser }) => {
  const open = async () => {
    const context = await browser.newContext();
    watchCsp(context, cspViolations);
    return context.newPage();
  };
  [owner, co, candidate] = await Promise.all([open(), open(), open()]);
});
test.afterAll(async () => {
  await Promise.all([owner, co, candidate].map((page) => page.context().close()));
  expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
});
const NOTE = "OWNER-NOTE: asked for the log format first";

test("two scorers score blind, compare, and the candidate sees only what was released", async () => {
  test.setTimeout(240_000);

  await signUpNew(owner, "Olive Owner");
  await owner.goto("/interviews/new");
  await owner.getByLabel("Title", { exact: true }).fill("Scoring round");
  await addQuestions(owner, ["Secure Logging", "rate limiter"]);
  sessionId = await createInterview(owner);
  await owner.getByRole("button", { name: "Create candidate link" }).click();
  const candidateLink = await owner.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await owner.getByRole("button", { name: "Create co-interviewer link" }).click();
  const coLink = await owner.getByRole("textbox", { name: "Co-interviewer invite link" }).inputValue();

  for (const [page, link, name] of [
    [candidate, candidateLink, "Cam Candidate"],
    [co, coLink, "Cora Co"],
  ] as const) {
    await page.goto(new URL(link).pathname);
    await page.getByLabel("Your name").fill(name);
    await page.getByRole("button", { name: "Join as guest" }).click();
    await page.waitForURL(`**/room/${sessionId}`);
  }
  await expect(co.getByTestId("staff-room")).toHaveAttribute("data-role", "CO_INTERVIEWER");

  await owner.goto(`/room/${sessionId}`);
  await owner.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByTestId("current-question")).toBeVisible();
  // A reveal, a note and scratchpad text, for the review to show and replay.
  await owner.getByRole("button", { name: "Reveal follow-up 1", exact: true }).click();
  await expect(candidate.getByTestId("revealed-follow-up")).toHaveCount(1);
  await owner.getByLabel("Note", { exact: true }).fill(NOTE);
  await owner.getByLabel("Note", { exact: true }).press("Enter");
  await expect(owner.getByTestId("note")).toHaveCount(1);
  await candidate.getByLabel("Scratchpad").fill("log.info(redact(event))");
  await expect(candidate.getByTestId("scratchpad-status")).toHaveText(/Saved/);
  await owner.getByRole("button", { name: "Next question" }).click();
  await expect(candidate.getByTestId("current-question").getByText("Question 2 of 2")).toBeVisible();
  await owner.getByRole("button", { name: "End interview" }).click();
  await owner.getByRole("dialog").getByRole("button", { name: "End interview" }).click();
  await expect(owner.getByTestId("ended-banner")).toBeVisible();
  await expect(co.getByTestId("ended-banner")).toBeVisible();

  // The owner rates and submits; the co-interviewer, not yet submitted, is told so and shown nothing of it.
  const criteria = await rateAll(owner, /^3 Solid/, OWNER_COMMENT);
  await submit(owner);
  await expect(owner.getByText("No other scorer has submitted yet.")).toBeVisible();
  await co.getByRole("tab", { name: "Summary" }).click();
  await expect(co.getByTestId("blind-note")).toContainText("1 scorer(s) have submitted");
  await expect(co.getByTestId("agreement-view")).toHaveCount(0);
  expect(await co.content()).not.toContain(OWNER_COMMENT);
  await screenshot(co, "scoring-co-blind");

  // The co-interviewer rates the first criterion two levels lower, submits, and both see the comparison.
  await rateAll(co, /^1 Missed/, CO_COMMENT);
  await expect(co.getByTestId("evidence-warning")).toBeVisible();
  await submit(co);
  for (const page of [co, owner]) {
    const agreement = page.getByTestId("agreement-view");
    await expect(agreement).toBeVisible();
    await expect(agreement.getByTestId("disagreement")).toHaveCount(1);
    await expect(agreement.getByText(/Weighted kappa/)).toBeVisible();
    await expect(agreement.getByText(/Quadratically weighted Cohen's kappa/)).toBeVisible();
  }
  await expect(owner.getByTestId("agreement-figure").first()).toHaveText(`${Math.round(((criteria - 1) / criteria) * 100)}%`);
  await screenshot(owner, "scoring-owner-agreement");

  // The owner releases feedback with their scores; the candidate rates themselves first.
  await owner.getByLabel("Feedback", { exact: true }).fill(FEEDBACK);
  // Only follow-up 1 was revealed: the criteria that repeat another follow-up's words are not released to the candidate.
  const hiddenNote = owner.getByTestId("hidden-criteria");
  await expect(hiddenNote).toContainText(/repeats? a follow-up you did not reveal/);
  const hidden = Number((await hiddenNote.textContent())?.match(/^\d+/)?.[0]);
  expect(hidden).toBeGreaterThan(0);
  await owner.getByRole("button", { name: "Release to the candidate" }).click();
  await expect(owner.getByTestId("feedback-released")).toContainText("with your scores");

  const released = candidate.getByTestId("candidate-feedback");
  await expect(released).toContainText(FEEDBACK);
  await expect(candidate.getByTestId("released-scores")).toHaveCount(0);
  const selfAssessment = candidate.getByTestId("self-assessment");
  await selfAssessment.getByText("2 Partial").first().click();
  await expect(selfAssessment.getByRole("radio", { name: "2 Partial" }).first()).toBeChecked();
  await screenshot(candidate, "scoring-candidate-self-assessment");
  await selfAssessment.getByRole("button", { name: "Save my ratings and see my scores" }).click();
  const scores = candidate.getByTestId("released-scores");
  await expect(scores).toBeVisible();
  await expect(scores.getByRole("columnheader", { name: "You" }).first()).toBeVisible();
  await expect(scores.getByText("2 Partial")).toHaveCount(1);
  await expect(scores.getByText("3 Solid")).toHaveCount(criteria - hidden);
  // Exactly the released part: the owner's levels, never a comment, the co-interviewer's card or a note.
  const page = await candidate.content();
  for (const secret of [OWNER_COMMENT, CO_COMMENT, "1 Missed"]) expect(page).not.toContain(secret);
  await screenshot(candidate, "scoring-candidate-released");

  // A reload keeps every rating, the comment and the release: they are room events.
  await owner.reload();
  await owner.getByRole("tab", { name: "Summary" }).click();
  await expect(owner.getByTestId("submitted")).toBeVisible();
  await expect(owner.getByTestId("agreement-view").getByTestId("disagreement")).toHaveCount(1);
  await owner.getByRole("tab", { name: /^Score Q/ }).click();
  await owner.getByRole("group", { name: "Question to score" }).getByRole("button", { name: "Q1" }).click();
  await expect(owner.getByTestId("criterion").first().getByLabel("Comment")).toHaveValue(OWNER_COMMENT);
  await screenshot(owner, "scoring-owner-scorecard");
});

test("both review the session: record, replay, exports and print, each seeing only their own part", async () => {
  test.setTimeout(180_000);
  // The ended room points to its record.
  await owner.getByRole("link", { name: "Session review" }).click();
  await owner.waitForURL(`**/sessions/${sessionId}`);
  await expect(owner.getByRole("heading", { name: "Scoring round" })).toBeVisible();
  await expect(owner.getByTestId("review-question")).toHaveCount(2);
  await expect(owner.getByTestId("review-question").first()).toContainText("Follow-ups: 1 of");
  await expect(owner.getByTestId("review-question").first()).toContainText(NOTE);
  await expect(owner.getByTestId("review-question").first()).toContainText("log.info(redact(event))");
  await expect(owner.getByTestId("review-scorecard")).toHaveCount(2);
  await expect(owner.getByText(FEEDBACK)).toBeVisible();

  // Scrub the replay: back to the start is the lobby; the interview's start shows question 1.
  const replay = owner.getByTestId("replay");
  await expect(replay.getByRole("list", { name: "Timeline" })).toBeVisible();
  const slider = replay.getByRole("slider", { name: "Replay position" });
  await slider.focus();
  await slider.press("Home");
  await expect(replay.getByTestId("replay-position")).toHaveText("Before the first event");
  await expect(replay.getByTestId("replay-frame")).toContainText("The interview has not started yet.");
  await replay.getByRole("button", { name: /Interview started on question 1/ }).click();
  await expect(replay.getByTestId("replay-frame")).toContainText("Question 1");
  await expect(replay.getByTestId("replay-frame")).toContainText("Follow-ups revealed: none yet");
  await replay.getByRole("button", { name: /Follow-up revealed/ }).click();
  await expect(replay.getByTestId("replay-frame")).not.toContainText("Follow-ups revealed: none yet");
  await slider.press("End");
  await expect(replay.getByTestId("replay-frame")).toContainText("Ended");
  // The candidate's view of the same moment: no notes, no key points.
  await replay.getByRole("radio", { name: "Candidate's view" }).click();
  await replay.getByRole("button", { name: /Follow-up revealed/ }).click();
  await expect(replay.getByTestId("replay-frame")).not.toContainText(NOTE);
  await expect(replay.getByTestId("replay-frame")).not.toContainText("Key points");
  await screenshot(owner, "review-owner-session");

  // Exports: Markdown and JSON downloads.
  const markdown = owner.waitForEvent("download");
  await owner.getByRole("button", { name: "Markdown" }).click();
  const file = await markdown;
  expect(file.suggestedFilename()).toMatch(/^scoring-round-.*\.md$/);
  const json = owner.waitForEvent("download");
  await owner.getByRole("button", { name: "JSON" }).click();
  expect((await json).suggestedFilename()).toMatch(/\.json$/);

  // Print preview: the report without navigation, buttons or the replay.
  await owner.emulateMedia({ media: "print" });
  await expect(owner.getByRole("navigation").first()).toBeHidden();
  await expect(owner.getByTestId("replay")).toBeHidden();
  await expect(owner.getByRole("button", { name: "Markdown" })).toBeHidden();
  await screenshot(owner, "review-owner-print");
  await owner.emulateMedia({ media: "screen" });

  // The history lists it, with the owner's recommendation.
  await owner.goto("/history?search=Scoring+round");
  await expect(owner.getByRole("link", { name: /Scoring round/ })).toContainText("Yes");
  await screenshot(owner, "review-owner-history");

  // Progress: the owner's calibration against the co-interviewer (one criterion two levels apart).
  await owner.goto("/progress");
  await expect(owner.getByTestId("calibration-chart").locator("svg").first()).toBeVisible();
  await expect(owner.getByText("Criteria compared")).toBeVisible();
  await screenshot(owner, "review-owner-progress");
  await owner.emulateMedia({ colorScheme: "dark" });
  await screenshot(owner, "review-owner-progress-dark");
  await owner.emulateMedia({ colorScheme: "light" });

  // The candidate: the questions they were asked, the released feedback and scores, nothing private.
  await candidate.goto(`/sessions/${sessionId}`);
  await expect(candidate.getByTestId("review-question")).toHaveCount(2);
  await expect(candidate.getByRole("article").getByText(FEEDBACK)).toBeVisible();
  await expect(candidate.getByRole("columnheader", { name: "You" })).toBeVisible();
  await candidate.getByTestId("replay").getByRole("slider", { name: "Replay position" }).focus();
  await candidate.keyboard.press("Home");
  await expect(candidate.getByTestId("replay-position")).toHaveText("Before the first event");
  await expect(candidate.getByTestId("replay").getByRole("radiogroup", { name: "Whose view" })).toHaveCount(0);
  const page = await candidate.content();
  for (const secret of [OWNER_COMMENT, CO_COMMENT, NOTE, "1 Missed", "Scorecards"]) expect(page).not.toContain(secret);
  const download = candidate.waitForEvent("download");
  await candidate.getByRole("button", { name: "Markdown" }).click();
  const exported = await readFile(await (await download).path(), "utf8");
  expect(exported).toContain(FEEDBACK);
  for (const secret of [OWNER_COMMENT, CO_COMMENT, NOTE]) expect(exported).not.toContain(secret);
  await screenshot(candidate, "review-candidate-session");

  // The candidate's progress: the released scores per competency, named from the bank's set, never a criterion's title.
  await candidate.goto("/progress");
  await expect(candidate.getByTestId("competency-chart").locator("svg").first()).toBeVisible();
  const charted = await candidate
    .locator("figure", { has: candidate.getByTestId("competency-chart") })
    .getByRole("rowheader")
    .allTextContents();
  expect(charted.length).toBeGreaterThan(0);
  for (const name of charted) expect(DEFAULT_COMPETENCIES.map((competency) => competency.name)).toContain(name);
  await screenshot(candidate, "review-candidate-progress");
  await candidate.emulateMedia({ colorScheme: "dark" });
  await screenshot(candidate, "review-candidate-progress-dark");
  await candidate.emulateMedia({ colorScheme: "light" });
  // (The scale's legend names every level, so "1 Missed" is no marker here.)
  for (const secret of [OWNER_COMMENT, CO_COMMENT, NOTE, "Cora Co"]) expect(await candidate.content()).not.toContain(secret);

  // The candidate hides it from their history.
  await candidate.goto(`/sessions/${sessionId}`);
  await candidate.getByRole("button", { name: "Hide from my history" }).click();
  await expect(candidate.getByText("Hidden from your history")).toBeVisible();
  await candidate.goto("/history");
  await expect(candidate.getByRole("link", { name: /Scoring round/ })).toHaveCount(0);
});
