// Peer practice end to end, as two strangers would run it: each signs up and sets a practice profile with
// the same topic, both look for a partner, both accept, they meet in the first half's room (one asks, one
// answers), swap roles into the second half's room, the new interviewer ends it, and each gives the other feedback.
import type { Page } from "@playwright/test";
import { expect, signUpNew, test } from "./fixtures";
import { newPage, screenshot, setProfile } from "./practice-pages";

test("two strangers practise together: profile, queue, accept, a half each with a swap, finished", async ({ browser, newContext }) => {
  test.setTimeout(240_000);
  const ann = await newPage(browser, newContext);
  const ben = await newPage(browser, newContext);
  await signUpNew(ann, "Ann Asker");
  await signUpNew(ben, "Ben Answerer");

  // The nav leads there; a profile comes first, and the form says what is missing.
  await ann.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" }).click();
  await ann.waitForURL("**/practice");
  await expect(ann.getByTestId("practice-needs-profile")).toBeVisible();
  await ann.getByRole("button", { name: "Save profile" }).click();
  await expect(ann.getByTestId("practice-topics")).toContainText("Choose at least one topic.");
  await expect(ann.getByTestId("practice-level")).toContainText("Choose a level");
  const topic = await setProfile(ann, true);
  await ben.goto("/practice");
  expect(await setProfile(ben, false)).toBe(topic);

  // Ann looks first (so she asks first), then Ben.
  await expect(ann.getByLabel("Topic", { exact: true })).toHaveValue(topic);
  await ann.getByRole("button", { name: "Find a partner" }).click();
  await expect(ann.getByTestId("practice-waiting")).toContainText(`Looking for a partner for ${topic}…`);
  await expect(ann.getByTestId("practice-elapsed")).toHaveText(/Waiting 0:0[1-9]/);
  await screenshot(ann, "waiting");
  await ben.getByRole("button", { name: "Find a partner" }).click();

  const annOffer = ann.getByTestId("practice-proposal");
  await expect(annOffer).toContainText("Partner found: Ben Answerer · Senior", { timeout: 15_000 });
  await expect(annOffer).toContainText(topic);
  await expect(ann.getByTestId("practice-answer-by")).toHaveText(/0:[0-5]\d to answer/);
  await screenshot(ann, "proposed");
  await ann.getByRole("button", { name: "Accept" }).click();
  await expect(annOffer).toContainText("Waiting for Ben Answerer to accept…");
  await expect(ben.getByTestId("practice-proposal")).toContainText("Ann Asker has accepted.");
  await screenshot(ann, "accepted");
  await ben.getByRole("button", { name: "Accept" }).click();

  // The first half: Ann asks, Ben answers, in one room.
  await ann.waitForURL("**/room/*", { timeout: 15_000 });
  await ben.waitForURL("**/room/*", { timeout: 15_000 });
  const firstRoom = ann.url();
  expect(ben.url()).toBe(firstRoom);
  await expect(ann.getByTestId("staff-room")).toHaveAttribute("data-role", "INTERVIEWER");
  await expect(ann.getByTestId("practice-bar")).toContainText("Half 1 of 2");
  await expect(ann.getByTestId("practice-role")).toHaveText("You ask");
  await expect(ben.getByTestId("practice-role")).toHaveText("You answer");
  await expect(ann.getByTestId("practice-time-left")).toHaveText(/\d+:\d\d left/);
  await ann.getByRole("button", { name: "Start interview" }).click();
  await expect(ben.getByTestId("current-question")).toBeVisible();
  await screenshot(ann, "room-asker");
  await screenshot(ben, "room-answerer");

  // The swap: Ann asks, Ben sees it and agrees; both move to the second half's room.
  await ann.getByRole("button", { name: "Swap roles" }).click();
  await expect(ann.getByTestId("practice-swap-note")).toHaveText("Waiting for Ben Answerer to agree");
  await expect(ben.getByTestId("practice-swap-note")).toHaveText("Ann Asker asked to swap", { timeout: 10_000 });
  await screenshot(ben, "swap-asked");
  await ben.getByRole("button", { name: "Swap roles" }).click();
  await ben.waitForURL((url) => url.href !== firstRoom && url.pathname.startsWith("/room/"), { timeout: 15_000 });
  await ann.waitForURL((url) => url.href !== firstRoom && url.pathname.startsWith("/room/"), { timeout: 15_000 });
  expect(ann.url()).toBe(ben.url());
  await expect(ben.getByTestId("staff-room")).toHaveAttribute("data-role", "INTERVIEWER");
  await expect(ben.getByTestId("practice-bar")).toContainText("Half 2 of 2");
  await expect(ben.getByTestId("practice-role")).toHaveText("You ask");
  await expect(ann.getByTestId("practice-role")).toHaveText("You answer");
  await expect(ann.getByRole("button", { name: "Swap roles" })).toHaveCount(0);
  await screenshot(ben, "second-half-asker");

  // Ben runs and ends the second half: the practice is over for both.
  await ben.getByRole("button", { name: "Start interview" }).click();
  await expect(ann.getByTestId("current-question")).toBeVisible();
  await ben.getByRole("button", { name: "End interview" }).click();
  await ben.getByRole("dialog").getByRole("button", { name: "End interview" }).click();
  for (const page of [ann, ben]) {
    await expect(page.getByTestId("practice-bar")).toHaveAttribute("data-state", "finished", { timeout: 10_000 });
    await expect(page.getByTestId("practice-bar")).toContainText("Practice finished");
  }
  await screenshot(ann, "finished");

  // Mutual feedback: Ann writes hers first; Ben sees that it waits for his; once both have written, each reads the other's.
  await giveFeedback(ann, { communication: "4", strengths: "Ben explained the trade-offs clearly.", improve: "Put numbers on the capacity estimate." });
  await expect(ann.getByTestId("feedback-given")).toContainText("Ben explained the trade-offs clearly.");
  await expect(ann.getByTestId("feedback-pending")).toContainText("Ben Answerer has not written their feedback yet.");
  await ben.getByRole("link", { name: "Give feedback" }).click();
  await ben.waitForURL("**/practice/sessions/**");
  await expect(ben.getByTestId("feedback-pending")).toContainText("You can read it once you have written yours");
  await expect(ben.locator("body")).not.toContainText("Ben explained the trade-offs clearly.");
  await screenshot(ben, "feedback-form");
  await giveFeedback(ben, { communication: "5", strengths: "Ann kept the interview moving.", improve: "Reveal follow-ups a little later." }, false);
  await expect(ben.getByTestId("feedback-received")).toContainText("Ben explained the trade-offs clearly.");
  await screenshot(ben, "feedback-both");
  await ann.reload();
  await expect(ann.getByTestId("feedback-received")).toContainText("Ann kept the interview moving.");
  // The practice page and /progress list the session with the ratings received.
  await ann.goto("/progress");
  await expect(ann.getByTestId("peer-sessions")).toContainText("Communication 5/5 · Problem solving 3/5");
  await screenshot(ann, "progress");
  await ann.goBack();

  // Blocking, from the finished bar in the room, asks first.
  await ann.goBack();
  await ann.getByRole("button", { name: "Block Ben Answerer" }).click();
  await screenshot(ann, "block-confirm");
  await ann.getByRole("dialog").getByRole("button", { name: "Block" }).click();
  await expect(ann.getByTestId("practice-bar")).toContainText("You will not be matched with Ben Answerer again.");
  await ann.getByRole("link", { name: "Back to practice" }).click();
  await ann.waitForURL("**/practice");
  await expect(ann.getByTestId("practise-now")).toHaveAttribute("data-state", "idle");
  await expect(ann.getByTestId("peer-sessions")).toContainText("with Ben Answerer");
});

/** From the finished practice bar (or already on the session's page), fills in and sends the feedback form. */
async function giveFeedback(page: Page, answers: { communication: string; strengths: string; improve: string }, fromRoom = true): Promise<void> {
  if (fromRoom) {
    await page.getByRole("link", { name: "Give feedback" }).click();
    await page.waitForURL("**/practice/sessions/**");
  }
  const form = page.getByRole("form", { name: "Feedback for your partner" });
  // Sending without ratings says what is missing.
  await form.getByRole("button", { name: "Send feedback" }).click();
  await expect(form.locator("[data-field-error]").first()).toBeVisible();
  for (const select of await form.locator("select").all()) await select.selectOption("3");
  await form.getByRole("group", { name: "Communication" }).getByLabel(answers.communication, { exact: true }).check();
  await form.getByRole("group", { name: "Problem solving" }).getByLabel("3", { exact: true }).check();
  await form.getByLabel("Strengths").fill(answers.strengths);
  await form.getByLabel("One thing to improve").fill(answers.improve);
  await form.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByTestId("feedback-given")).toBeVisible();
}
