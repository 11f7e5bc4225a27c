// "Book a slot" through the real app on two nodes sharing one database, with a real SMTP server: booking,
// being matched with someone who books the same slot and topic, the emails and calendar entries, the
// session opening shortly before its start, cancelling, and the refusals, each of which changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase, type FileDatabase } from "../support/db";
import { createAccount, refusedWithNoChange as refusedWithNoChangeIn, seedMarkedQuestions, signedIn } from "../support/fixtures";
import { appCodeOf } from "../support/http-session";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let database: FileDatabase;
let sink: SmtpSink;
let nodes: AppServer[];
const TOPIC = `Booked streams ${Date.now()}`;
const HOUR = 60 * 60_000;

beforeAll(async () => {
  database = await fileDatabase();
  sink = await startSmtpSink();
  nodes = await Promise.all([startAppServer(database.url, { env: sink.env }), startAppServer(database.url, { env: sink.env })]);
  await seedMarkedQuestions(database.db, "slots", { section: TOPIC });
});

afterAll(async () => {
  await Promise.all((nodes ?? []).map((node) => node.kill()));
  await sink?.close();
  await database?.pool.end();
  await database?.db.$disconnect();
});

/** The slot `hours` whole hours ahead. */
const slotIn = (hours: number) => new Date(Math.ceil(Date.now() / HOUR) * HOUR + hours * HOUR);

async function practitioner(name: string, node = 0, level: "JUNIOR" | "MID" | "SENIOR" | "STAFF" = "SENIOR") {
  const account = await createAccount(database.db, name);
  const http = await signedIn(nodes[node]!.url, account);
  await http.trpc.practice.saveProfile.mutate({ topics: [TOPIC], level, languages: [], timeZone: "Europe/Paris" });
  return { id: account.id, email: account.email, account, http };
}

/** Makes a call that must be refused; its code, having checked it changed nothing. */
const refusedWithNoChange = (call: () => Promise<unknown>) => refusedWithNoChangeIn(database.db, call);

describe("booking a slot refuses what it cannot book", () => {
  it("refuses a time off the hour, past, too soon or too far, an unknown topic, no profile, a second booking of one slot, another's booking", async () => {
    const nora = await practitioner("Nora");
    const book = (startsAt: Date, topic = TOPIC) => nora.http.trpc.practice.book.mutate({ startsAt, topic });
    for (const startsAt of [new Date(slotIn(5).getTime() + 30 * 60_000), slotIn(-2), new Date(Date.now() + 60_000), slotIn(24 * 15)])
      expect(await refusedWithNoChange(() => book(startsAt)), startsAt.toISOString()).toBe("BAD_REQUEST");
    expect(await refusedWithNoChange(() => book(slotIn(5), "No such topic"))).toBe("BAD_REQUEST");
    const stranger = await signedIn(nodes[0]!.url, await createAccount(database.db, "Noprofile"));
    expect(await refusedWithNoChange(() => stranger.trpc.practice.book.mutate({ startsAt: slotIn(5), topic: TOPIC }))).toBe("BAD_REQUEST");

    // The same slot from two nodes at once: one booking, one CONFLICT.
    const onOtherNode = await signedIn(nodes[1]!.url, nora.account);
    const twice = await Promise.allSettled([book(slotIn(5)), onOtherNode.trpc.practice.book.mutate({ startsAt: slotIn(5), topic: TOPIC })]);
    expect(twice.map((result) => (result.status === "fulfilled" ? "allowed" : appCodeOf(result.reason))).sort()).toEqual(["CONFLICT", "allowed"]);
    const [booking] = (await nora.http.trpc.practice.slots.query({ topic: TOPIC })).bookings;
    expect(booking).toMatchObject({ startsAt: slotIn(5), topic: TOPIC, match: null });

    const eve = await practitioner("Eve");
    expect(await refusedWithNoChange(() => eve.http.trpc.practice.cancelBooking.mutate({ bookingId: booking!.id }))).toBe("NOT_FOUND");
    await nora.http.trpc.practice.cancelBooking.mutate({ bookingId: booking!.id });
    expect((await nora.http.trpc.practice.slots.query({ topic: TOPIC })).bookings).toEqual([]);
    // Booking a cancelled slot again (which would email a partner each time) is refused.
    expect(await refusedWithNoChange(() => book(slotIn(5)))).toBe("CONFLICT");
    // At most five bookings to come at once.
    for (const hours of [6, 7, 8, 9, 10]) await book(slotIn(hours));
    expect(await refusedWithNoChange(() => book(slotIn(11)))).toBe("CONFLICT");
  });
});

describe("two people who book the same slot and topic", () => {
  it("are matched, emailed with a calendar entry, see each other in their bookings, and the session opens at its start", async () => {
    const slot = slotIn(30);
    const ann = await practitioner("Ann", 0, "SENIOR");
    const carl = await practitioner("Carl", 1, "JUNIOR");
    const bob = await practitioner("Bob", 1, "MID");
    expect(await ann.http.trpc.practice.book.mutate({ startsAt: slot, topic: TOPIC })).toMatchObject({ matched: false });
    // Two levels apart is never a match for a slot, however long the booking waits.
    expect(await carl.http.trpc.practice.book.mutate({ startsAt: slot, topic: TOPIC })).toMatchObject({ matched: false });
    expect((await bob.http.trpc.practice.slots.query({ topic: TOPIC })).open).toContainEqual({ startsAt: slot, waiting: 2 });
    expect(await bob.http.trpc.practice.book.mutate({ startsAt: slot, topic: TOPIC })).toMatchObject({ matched: true });

    const [annBooking] = (await ann.http.trpc.practice.slots.query({ topic: TOPIC })).bookings;
    const [bobBooking] = (await bob.http.trpc.practice.slots.query({ topic: TOPIC })).bookings;
    expect(annBooking?.match).toMatchObject({ partnerName: "Bob" });
    expect(bobBooking?.match).toMatchObject({ partnerName: "Ann", peerSessionId: annBooking?.match?.peerSessionId, roomId: annBooking?.match?.roomId });
    expect((await carl.http.trpc.practice.slots.query({ topic: TOPIC })).bookings[0]?.match).toBeNull();

    const session = await database.db.peerSession.findUniqueOrThrow({
      where: { id: annBooking!.match!.peerSessionId },
      include: { firstHalf: { include: { participants: true } }, secondHalf: true },
    });
    // Ann booked first, so she asks first; the halves are planned back to back from the slot's start.
    expect(session).toMatchObject({ status: "ACCEPTED", firstId: ann.id, secondId: bob.id, startsAt: slot });
    expect(session.firstHalf?.scheduledAt).toEqual(slot);
    expect(session.secondHalf?.scheduledAt).toEqual(new Date(slot.getTime() + 30 * 60_000));
    expect(session.firstHalf?.participants.map((p) => [p.userId, p.role]).sort()).toEqual(
      [
        [ann.id, "INTERVIEWER"],
        [bob.id, "CANDIDATE"],
      ].sort(),
    );

    // Both are told by email, with the room and a calendar entry at the slot; the reminders wait in the outbox.
    await expect.poll(() => sink.to(ann.email).length + sink.to(bob.email).length, { timeout: 15_000 }).toBe(2);
    const toBob = sink.to(bob.email)[0]!;
    expect(toBob.parsed.subject).toBe(`Booked: Practice: ${TOPIC} with Ann`);
    expect(toBob.parsed.text).toContain("Ann asks first");
    expect(toBob.parsed.text).toContain(`/room/${session.firstHalfId}`);
    expect(toBob.calendar).toContain(`DTSTART:${slot.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
    expect(await database.db.outboxEmail.count({ where: { kind: "interviewReminder", sessionId: session.firstHalfId, sentAt: null } })).toBe(4);
    expect(sink.to(carl.email)).toEqual([]);

    // Hours ahead it is not running: both may still practise now meanwhile.
    expect(await ann.http.trpc.practice.status.query()).toEqual({ state: "idle" });
    // Ten minutes before its start it opens: the first half's room, Ann asking.
    const soon = new Date(Date.now() + 8 * 60_000);
    await database.db.peerSession.update({ where: { id: session.id }, data: { startsAt: soon } });
    expect(await ann.http.trpc.practice.status.query()).toMatchObject({
      state: "active",
      half: 1,
      asking: true,
      roomId: session.firstHalfId,
      halfStartedAt: soon,
      noShowAfter: new Date(soon.getTime() + 5 * 60_000),
    });
    expect(await bob.http.trpc.practice.status.query()).toMatchObject({ state: "active", half: 1, asking: false, partnerName: "Ann" });
    await database.db.peerSession.update({ where: { id: session.id }, data: { startsAt: slot } });
  });

  it("withdraws the session when one cancels: both told, the rooms cancelled, the other matched again with the next booking", async () => {
    const slot = slotIn(40);
    const ann = await practitioner("Anna", 0);
    const bob = await practitioner("Ben", 1);
    await ann.http.trpc.practice.book.mutate({ startsAt: slot, topic: TOPIC });
    await bob.http.trpc.practice.book.mutate({ startsAt: slot, topic: TOPIC });
    const [bobBooking] = (await bob.http.trpc.practice.slots.query({ topic: TOPIC })).bookings;
    const sessionId = bobBooking!.match!.peerSessionId;
    await expect.poll(() => sink.to(ann.email).length, { timeout: 15_000 }).toBe(1);

    await bob.http.trpc.practice.cancelBooking.mutate({ bookingId: bobBooking!.id });
    const withdrawn = await database.db.peerSession.findUniqueOrThrow({ where: { id: sessionId }, include: { halves: true } });
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(withdrawn.halves.map((half) => half.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await database.db.outboxEmail.count({ where: { kind: "interviewReminder", sessionId: withdrawn.firstHalfId, cancelledAt: null } })).toBe(0);
    await expect.poll(() => sink.to(ann.email).length, { timeout: 15_000 }).toBe(2);
    const toAnn = sink.to(ann.email)[1]!;
    expect(toAnn.parsed.subject).toBe(`Cancelled: Practice: ${TOPIC} with Ben`);
    expect(toAnn.parsed.text).toContain("Your booking stands");
    expect(toAnn.calendar).toContain("METHOD:CANCEL");
    expect((await ann.http.trpc.practice.slots.query({ topic: TOPIC })).bookings[0]).toMatchObject({ startsAt: slot, match: null });
    // Cancelled more than an hour ahead: not a missed session.
    expect((await database.db.practiceProfile.findUniqueOrThrow({ where: { userId: bob.id } })).noShows).toBe(0);
    // Ann blocked nobody, Ben is gone: the next booking of the slot is her new partner.
    const dan = await practitioner("Dan", 1);
    expect(await dan.http.trpc.practice.book.mutate({ startsAt: slot, topic: TOPIC })).toMatchObject({ matched: true });
    expect((await ann.http.trpc.practice.slots.query({ topic: TOPIC })).bookings[0]?.match).toMatchObject({ partnerName: "Dan" });
  });
});

describe("many bookings of one slot at once, on two nodes", () => {
  it("matches everyone exactly once", async () => {
    const slot = slotIn(50);
    const people = await Promise.all(Array.from({ length: 24 }, (_, n) => practitioner(`Booker${n}`, n % 2)));
    await Promise.all(people.map((person) => person.http.trpc.practice.book.mutate({ startsAt: slot, topic: TOPIC })));
    const sessions = await database.db.peerSession.findMany({ where: { startsAt: slot, status: "ACCEPTED" } });
    expect(sessions).toHaveLength(12);
    const everyone = sessions.flatMap((session) => [session.firstId, session.secondId]);
    expect(new Set(everyone).size).toBe(24);
    const bookings = await database.db.slotBooking.findMany({ where: { startsAt: slot, cancelledAt: null } });
    expect(bookings.every((booking) => booking.peerSessionId !== null)).toBe(true);
    expect(await database.db.interviewSession.count({ where: { peerSessionId: { in: sessions.map((session) => session.id) } } })).toBe(24);
  });
});
