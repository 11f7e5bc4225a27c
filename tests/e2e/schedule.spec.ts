// An interviewer schedules an interview and invites the candidate by email; the candidate joins from the
// email the suite's SMTP server received; a reschedule reaches their calendar file as an update of the
// same entry; and the candidate is told by email when feedback is released.
import { mkdirSync } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import type { Page } from "@playwright/test";
import { formatInZone, instantOfWallTime, wallTimeOf } from "@/server/domain/schedule/time-zone";
import { baseURL } from "../../playwright.config";
import { addQuestions, createInterview, expect, signUpNew, test } from "./fixtures";
import { linkIn, waitForMail, type Mail } from "./mailbox";

const SCREENS = path.join("test-results", "screens");

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

function calendarEntry(mail: Mail) {
  expect(mail.calendar, `calendar in "${mail.subject}"`).not.toBeNull();
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar!));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime(),
  };
}

/** 14:00 in Tokyo, `days` from now: a zone unlike the browser's, so the labels must say which is which. */
function tokyoAfternoon(days: number): string {
  return `${wallTimeOf(new Date(Date.now() + days * 86_400_000), "Asia/Tokyo").slice(0, 10)}T14:00`;
}

test("schedule, invite by email, join from the email, reschedule, and hear that feedback is ready", async ({ page: owner, browser, newContext }) => {
  test.setTimeout(180_000);
  await signUpNew(owner, "Sam Scheduler");
  await owner.goto("/interviews/new");
  await owner.getByLabel("Title").fill("Design a rate limiter");
  await addQuestions(owner, ["rate limiter"]);
  const sessionId = await createInterview(owner);

  // The organiser sets the time in Tokyo's clock; the page shows it there and in the browser's own zone.
  const firstStart = tokyoAfternoon(3);
  await owner.getByLabel("Date and time").fill(firstStart);
  await owner.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await owner.getByLabel("Duration").selectOption("45");
  await owner.getByRole("button", { name: "Save time" }).click();
  const summary = owner.getByTestId("schedule-summary");
  await expect(summary).toContainText("14:00 (Asia/Tokyo, GMT+9)");
  await expect(summary).toContainText("45 minutes");
  await expect(summary).toContainText("Your time:");

  const candidateEmail = `cleo-${Date.now()}@example.com`;
  const invitationForm = owner.getByRole("form", { name: "Invite by email" });
  await invitationForm.getByLabel("Email").fill(candidateEmail);
  await invitationForm.getByLabel("Name (optional)").fill("Cleo Candidate");
  await invitationForm.getByRole("button", { name: "Send invitation" }).click();
  const row = owner.getByTestId("invitation-row");
  await expect(row).toContainText(candidateEmail);
  await expect(row).toContainText("Sent", { timeout: 20_000 });
  await screenshot(owner, "schedule-plan");

  // The candidate's invitation: their own link, the time in the organiser's zone (no account, no zone of
  // their own), and a calendar entry for that instant.
  const invitation = await waitForMail(candidateEmail, /^Invitation: Design a rate limiter$/);
  expect(invitation.text).toContain("Hello Cleo Candidate,");
  expect(invitation.text).toContain("14:00 (Asia/Tokyo, GMT+9), 45 minutes");
  const first = calendarEntry(invitation);
  expect(first).toMatchObject({ method: "REQUEST", sequence: 0 });
  expect(first.start).toBe((instantOfWallTime(firstStart, "Asia/Tokyo") as { instant: Date }).instant.getTime());

  const candidateContext = await newContext(browser);
  const candidate = await candidateContext.newPage();
  await candidate.goto(linkIn(invitation, `${baseURL}/join/`));
  await candidate.getByLabel("Your name").fill("Cleo");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await expect(candidate.getByTestId("lobby")).toBeVisible();
  await expect(candidate.getByTestId("starts-in")).toContainText(/Starts in [23] days/);
  await screenshot(candidate, "schedule-lobby");

  // A reschedule: the candidate's calendar gets the same entry again, with a higher SEQUENCE and the new time.
  const secondStart = tokyoAfternoon(4);
  await owner.getByRole("button", { name: "Reschedule" }).click();
  await owner.getByLabel("Date and time").fill(secondStart);
  await owner.getByRole("button", { name: "Reschedule and tell everyone" }).click();
  const secondInstant = (instantOfWallTime(secondStart, "Asia/Tokyo") as { instant: Date }).instant;
  await expect(summary).toContainText(formatInZone(secondInstant, "Asia/Tokyo"));
  const update = await waitForMail(candidateEmail, /^Rescheduled: /);
  const second = calendarEntry(update);
  expect(second).toMatchObject({ method: "REQUEST", uid: first.uid, sequence: 1 });
  expect(second.start).toBe(secondInstant.getTime());
  expect(linkIn(update, `${baseURL}/join/`)).toBe(linkIn(invitation, `${baseURL}/join/`));

  // The interview runs and ends; the owner releases feedback, and the candidate is told by email.
  await owner.goto(`/room/${sessionId}`);
  await owner.getByRole("button", { name: "Start interview" }).click();
  await owner.getByRole("button", { name: "End interview" }).click();
  await owner.getByRole("dialog").getByRole("button", { name: "End interview" }).click();
  await owner.getByRole("tab", { name: "Summary" }).click();
  await owner.getByLabel("Feedback", { exact: true }).fill("Good structure. Next time, size the buckets before choosing Redis.");
  await owner.getByLabel("Release my scores with it").uncheck();
  await owner.getByRole("button", { name: "Release to the candidate" }).click();
  await expect(owner.getByTestId("feedback-released")).toBeVisible();

  const ready = await waitForMail(candidateEmail, /feedback .* is ready$/);
  const feedbackLink = linkIn(ready, `${baseURL}/sessions/`);
  expect(feedbackLink).toBe(`${baseURL}/sessions/${sessionId}`);
  await candidate.goto(feedbackLink);
  await expect(candidate.getByText("Good structure. Next time, size the buckets before choosing Redis.")).toBeVisible();
});
