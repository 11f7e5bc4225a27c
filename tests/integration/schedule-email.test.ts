// Scheduling an interview and inviting people to it by email, through the real app (tRPC over HTTP,
// next-auth sign-in, Socket.IO) with a real SMTP server: what arrives is read back as a mail client and
// a calendar read it.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantOfWallTime, wallTimeOf } from "@/server/domain/schedule/time-zone";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase, type FileDatabase } from "../support/db";
import { createAccount, databaseDigest, seedMarkedQuestions, signedIn } from "../support/fixtures";
import { appCodeOf, HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";
import { startSmtpSink, type ReceivedEmail, type SmtpSink } from "../support/smtp-sink";

let database: FileDatabase;
let sink: SmtpSink;
let app: AppServer;
let owner: HttpSession;
const clients: RoomClient[] = [];

beforeAll(async () => {
  database = await fileDatabase();
  sink = await startSmtpSink();
  app = await startAppServer(database.url, { env: sink.env });
  owner = await signedIn(app.url, await createAccount(database.db, "Ada"));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await app?.kill();
  await sink?.close();
  await database?.pool.end();
  await database?.db.$disconnect();
});

async function newInterview(tag: string): Promise<string> {
  const { questionIds } = await seedMarkedQuestions(database.db, tag);
  const { id } = await owner.trpc.interview.create.mutate({
    title: `System design ${tag}`,
    items: questionIds.map((bankQuestionId) => ({ bankQuestionId, timeBoxSec: null })),
  });
  return id;
}

/** A wall time in Paris `days` from now, at 14:00. */
function parisAfternoon(days: number): string {
  return `${wallTimeOf(new Date(Date.now() + days * 86_400_000), "Europe/Paris").slice(0, 10)}T14:00`;
}

/** Next year's last Sunday of March, when clocks in Paris skip from 02:00 to 03:00. */
function parisSpringForward(): string {
  const year = new Date().getUTCFullYear() + 1;
  const lastOfMarch = new Date(Date.UTC(year, 2, 31));
  return new Date(Date.UTC(year, 2, 31 - lastOfMarch.getUTCDay())).toISOString().slice(0, 10);
}

function calendarOf(email: ReceivedEmail) {
  expect(email.calendar, `calendar part of "${email.parsed.subject}"`).not.toBeNull();
  const calendar = new ICAL.Component(ICAL.parse(email.calendar!));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
    status: event.getFirstPropertyValue("status"),
  };
}

async function mailTo(address: string, subject: RegExp, count = 1): Promise<ReceivedEmail> {
  await expect
    .poll(() => sink.to(address).filter((email) => subject.test(email.parsed.subject ?? "")).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  return sink.to(address).filter((email) => subject.test(email.parsed.subject ?? ""))[count - 1]!;
}

function joinLink(email: ReceivedEmail): string {
  const link = (email.parsed.text ?? "").split(/\s+/).find((word) => word.startsWith(`${app.url}/join/`));
  if (!link) throw new Error(`no join link in:\n${email.parsed.text}`);
  return link;
}

describe("scheduling an interview and inviting by email", () => {
  let sessionId: string;
  const candidate = `grace-${Date.now()}@example.com`;

  it("invites the candidate with their own link, the time in their zone, and a calendar entry", async () => {
    sessionId = await newInterview("invite");
    const startsAtLocal = parisAfternoon(3);
    await owner.trpc.interview.schedule.mutate({ sessionId, startsAtLocal, timeZone: "Europe/Paris", durationMin: 45, reminders: ["24h", "15m"] });
    await owner.trpc.interview.inviteByEmail.mutate({ sessionId, email: candidate, name: "Grace Hopper", role: "CANDIDATE" });

    const invitation = await mailTo(candidate, /^Invitation: System design invite$/);
    const expectedStart = (instantOfWallTime(startsAtLocal, "Europe/Paris") as { instant: Date }).instant;
    expect(invitation.envelopeTo).toEqual([candidate]);
    expect(invitation.parsed.text).toContain("Hello Grace Hopper,");
    expect(invitation.parsed.text).toMatch(/When: \w+day \d+ \w+ \d{4}, 14:00 \(Europe\/Paris, GMT\+\d\), 45 minutes/);
    expect(invitation.parsed.html).toContain("Europe/Paris");
    expect(invitation.parsed.html).not.toMatch(/<img/i);
    const entry = calendarOf(invitation);
    expect(entry).toMatchObject({ method: "REQUEST", uid: `interview-${sessionId}@127.0.0.1`, sequence: 0, status: "CONFIRMED" });
    expect(entry.start.getTime()).toBe(expectedStart.getTime());
    expect(entry.end.getTime() - entry.start.getTime()).toBe(45 * 60_000);

    // The link is the candidate's own and works: a guest who opens it is admitted as the candidate.
    const guest = new HttpSession(app.url);
    const token = joinLink(invitation).split("/join/")[1]!;
    expect(await guest.guestSignIn("Grace", token)).toBeNull();
    expect(await guest.trpc.invite.accept.mutate({ token })).toMatchObject({ sessionId, role: "CANDIDATE" });

    // Reminders for the candidate and the organiser, 24 hours and 15 minutes before.
    const reminders = await database.db.outboxEmail.findMany({ where: { sessionId, kind: "interviewReminder", cancelledAt: null } });
    expect(reminders.map((row) => [row.to, (expectedStart.getTime() - row.sendAfter.getTime()) / 60_000]).sort()).toEqual(
      [
        [candidate, 15],
        [candidate, 1440],
      ]
        .concat(reminders.filter((row) => row.to !== candidate).map((row) => [row.to, (expectedStart.getTime() - row.sendAfter.getTime()) / 60_000]))
        .sort(),
    );
    expect(reminders).toHaveLength(4);
  });

  it("reschedules: the same calendar entry, a higher SEQUENCE and the new time; the reminders move with it", async () => {
    const startsAtLocal = parisAfternoon(4);
    await owner.trpc.interview.schedule.mutate({ sessionId, startsAtLocal, timeZone: "Europe/Paris", durationMin: 60, reminders: ["15m"] });
    const update = await mailTo(candidate, /^Rescheduled: /);
    const entry = calendarOf(update);
    const newStart = (instantOfWallTime(startsAtLocal, "Europe/Paris") as { instant: Date }).instant;
    expect(entry).toMatchObject({ method: "REQUEST", uid: `interview-${sessionId}@127.0.0.1`, sequence: 1 });
    expect(entry.start.getTime()).toBe(newStart.getTime());
    expect(update.parsed.text).toContain("It was: ");
    // The link in the update is the one the invitation carried.
    expect(joinLink(update)).toBe(joinLink(await mailTo(candidate, /^Invitation: /)));
    const pending = await database.db.outboxEmail.findMany({ where: { sessionId, kind: "interviewReminder", cancelledAt: null, sentAt: null } });
    expect(pending).toHaveLength(2);
    for (const row of pending) expect(newStart.getTime() - row.sendAfter.getTime()).toBe(15 * 60_000);
  });

  it("tells the candidate when feedback is released, with a link to it", async () => {
    // The candidate joined as a guest through the emailed link (first test): their address is the invitation's.
    const interviewer = new RoomClient(app.url, owner.cookieHeader(), sessionId);
    clients.push(interviewer);
    await interviewer.joined();
    expect((await interviewer.command({ type: "start" })).ok).toBe(true);
    expect((await interviewer.command({ type: "end" })).ok).toBe(true);
    expect((await interviewer.command({ type: "releaseFeedback", text: "Clear structure; think about failure modes.", includeScores: false })).ok).toBe(true);
    const ready = await mailTo(candidate, /feedback .* is ready/);
    expect(ready.parsed.subject).toBe('Your feedback for "System design invite" is ready');
    expect(ready.parsed.text).toContain(`${app.url}/sessions/${sessionId}`);
    expect(ready.parsed.text).toContain("Hello Grace Hopper,");
  });

  it("cancels: the calendar drops the same entry, the link stops working, no reminder is left", async () => {
    const id = await newInterview("cancel");
    const address = `linus-${Date.now()}@example.com`;
    await owner.trpc.interview.schedule.mutate({
      sessionId: id,
      startsAtLocal: parisAfternoon(2),
      timeZone: "Europe/Paris",
      durationMin: 30,
      reminders: ["24h"],
    });
    await owner.trpc.interview.inviteByEmail.mutate({ sessionId: id, email: address, name: null, role: "OBSERVER" });
    const token = joinLink(await mailTo(address, /^Invitation: /)).split("/join/")[1]!;
    await owner.trpc.interview.cancel.mutate({ sessionId: id });
    const cancellation = await mailTo(address, /^Cancelled: /);
    expect(calendarOf(cancellation)).toMatchObject({ method: "CANCEL", uid: `interview-${id}@127.0.0.1`, sequence: 1, status: "CANCELLED" });
    expect(await new HttpSession(app.url).trpc.invite.describe.query({ token })).toMatchObject({ valid: false, reason: "revoked" });
    expect(await database.db.outboxEmail.count({ where: { sessionId: id, kind: "interviewReminder", cancelledAt: null } })).toBe(0);
  });

  it("deleting an interview still to come withdraws its emails and takes it out of the invited people's calendars", async () => {
    const id = await newInterview("delete");
    const address = `ken-${Date.now()}@example.com`;
    await owner.trpc.interview.schedule.mutate({
      sessionId: id,
      startsAtLocal: parisAfternoon(2),
      timeZone: "Europe/Paris",
      durationMin: 30,
      reminders: ["24h", "15m"],
    });
    await owner.trpc.interview.inviteByEmail.mutate({ sessionId: id, email: address, name: "Ken", role: "CO_INTERVIEWER" });
    const invited = calendarOf(await mailTo(address, /^Invitation: /));
    await owner.trpc.interview.delete.mutate({ sessionId: id });
    const cancellation = calendarOf(await mailTo(address, /^Cancelled: /));
    expect(cancellation).toMatchObject({ method: "CANCEL", uid: invited.uid, sequence: invited.sequence + 1 });
    expect(await database.db.outboxEmail.count({ where: { sessionId: id, sentAt: null, cancelledAt: null } })).toBe(0);
  });

  it("refuses bad input with a clear error, writing and sending nothing", async () => {
    const id = await newInterview("bad");
    const fine = { sessionId: id, startsAtLocal: parisAfternoon(2), timeZone: "Europe/Paris", durationMin: 30, reminders: [] as Array<"24h" | "15m"> };
    const stranger = await signedIn(app.url, await createAccount(database.db, "Mallory"));
    const sentBefore = sink.received.length;
    const before = await databaseDigest(database.db);
    const refusals: Array<[string, () => Promise<unknown>]> = [
      ["BAD_REQUEST", () => owner.trpc.interview.schedule.mutate({ ...fine, startsAtLocal: "2020-01-01T10:00" })],
      ["BAD_REQUEST", () => owner.trpc.interview.schedule.mutate({ ...fine, timeZone: "Mars/Olympus_Mons" })],
      ["BAD_REQUEST", () => owner.trpc.interview.schedule.mutate({ ...fine, startsAtLocal: `${parisSpringForward()}T02:30` })],
      ["BAD_REQUEST", () => owner.trpc.interview.schedule.mutate({ ...fine, durationMin: 5 })],
      ["CONFLICT", () => owner.trpc.interview.inviteByEmail.mutate({ sessionId: id, email: "x@example.com", name: null, role: "CANDIDATE" })],
      ["NOT_FOUND", () => stranger.trpc.interview.schedule.mutate(fine)],
      ["NOT_FOUND", () => stranger.trpc.interview.cancel.mutate({ sessionId: id })],
    ];
    for (const [code, call] of refusals) expect(await call().then(() => "accepted", appCodeOf), call.toString()).toBe(code);
    await owner.trpc.interview.schedule.mutate(fine);
    const scheduled = await databaseDigest(database.db);
    const injections: Array<[string, () => Promise<unknown>]> = [
      ["BAD_REQUEST", () => owner.trpc.interview.inviteByEmail.mutate({ sessionId: id, email: "not-an-address", name: null, role: "OBSERVER" })],
      [
        "BAD_REQUEST",
        () => owner.trpc.interview.inviteByEmail.mutate({ sessionId: id, email: "eve@example.com\r\nBcc: all@example.com", name: null, role: "OBSERVER" }),
      ],
      [
        "BAD_REQUEST",
        () => owner.trpc.interview.inviteByEmail.mutate({ sessionId: id, email: "eve@example.com", name: "Eve\r\nBcc: all@example.com", role: "OBSERVER" }),
      ],
      ["NOT_FOUND", () => stranger.trpc.interview.inviteByEmail.mutate({ sessionId: id, email: "eve@example.com", name: null, role: "OBSERVER" })],
      ["NOT_FOUND", () => stranger.trpc.interview.withdrawInvitation.mutate({ invitationId: "forged-id" })],
    ];
    for (const [code, call] of injections) expect(await call().then(() => "accepted", appCodeOf), call.toString()).toBe(code);
    expect(await databaseDigest(database.db)).toBe(scheduled);
    expect(scheduled).not.toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received.length).toBe(sentBefore);
  });
});
