// "Book a slot": booking an hour to practise a topic later, being matched with someone who books the same
// slot and topic, and cancelling. Every change to a slot's bookings takes that slot's advisory lock, so
// bookings of one slot on any node are matched one at a time and nobody is matched twice.
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { AppError } from "@/server/platform/errors";
import { pairUp, type Pair, type Waiting } from "@/server/domain/practice/matching";
import { canPractise, PRACTICE_NEEDS_ACCOUNT } from "@/server/domain/practice/policy";
import { checkSlot, LATE_CANCEL_MS, MAX_OPEN_BOOKINGS, SLOT_MS } from "@/server/domain/practice/slots";
import { REMINDER_KEYS, reminderTimes } from "@/server/domain/schedule/schedule";
import type { PracticeFacts } from "@/server/domain/email/messages";
import { queueEmails, withdrawReminders, type QueuedEmail } from "@/server/services/email/outbox";
import { HALF_MINUTES } from "@/server/services/practice/matcher";
import { pairHistoryOf } from "@/server/services/practice/pair-history";
import { createHalves } from "@/server/services/practice/proposal";
import { NEEDS_PROFILE } from "@/server/services/practice/queue";
import { requireTopics } from "@/server/services/practice/topics";

type Tx = Prisma.TransactionClient;

export const BOOKING_NOT_FOUND = "That booking was not found.";
export const ALREADY_BOOKED = "You have booked this slot already.";
export const TOO_MANY_BOOKINGS = `You have ${MAX_OPEN_BOOKINGS} bookings to come already; cancel one to book another.`;
export const SLOT_STARTED = "This slot has started: leave the session from its room.";
export const CANCELLED_BEFORE = "You cancelled this slot earlier; choose another hour.";

/** Matching is by the same slot and topic, and a level at most one apart however long the booking waits. */
const SLOT_RULES = { widenLevelAfterMs: Infinity };

/** Bookings of one slot go one at a time, on every node (released by the transaction's end). */
async function lockSlot(tx: Tx, startsAt: Date): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mockroom.practice.slot'), hashtext(${startsAt.toISOString()}))`;
}

async function openBookingsOf(tx: Tx, startsAt: Date, topic: string): Promise<Array<Waiting & { bookingId: string }>> {
  const rows = await tx.slotBooking.findMany({
    where: { startsAt, topic, cancelledAt: null, peerSessionId: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      userId: true,
      topic: true,
      level: true,
      languages: true,
      createdAt: true,
      user: { select: { practiceProfile: { select: { noShows: true } } } },
    },
  });
  return rows.map((row) => ({
    bookingId: row.id,
    userId: row.userId,
    topic: row.topic,
    alsoTopics: [],
    level: row.level,
    languages: row.languages,
    joinedAt: row.createdAt,
    noShows: row.user.practiceProfile?.noShows ?? 0,
  }));
}

interface Person {
  id: string;
  name: string | null;
  email: string | null;
  timeZone: string | null;
}

/** The emails of a booked session to one of its two people (none to someone without an address). */
function practiceEmails(
  kind: "practiceBooked" | "practiceCancelled",
  session: { topic: string; startsAt: Date; firstHalfId: string; firstId: string; sequence: number; byId?: string },
  recipient: Person,
  partner: Person,
  now: Date,
): QueuedEmail[] {
  if (!recipient.email) return [];
  const partnerName = partner.name ?? "Your partner";
  const asksFirst = recipient.id === session.firstId;
  const facts: PracticeFacts = {
    sessionId: session.firstHalfId,
    title: `Practice: ${session.topic} with ${partnerName}`,
    organiserName: partnerName,
    organiserEmail: null,
    recipientName: recipient.name,
    role: asksFirst ? "INTERVIEWER" : "CANDIDATE",
    startsAt: session.startsAt.toISOString(),
    durationMin: 2 * HALF_MINUTES,
    timeZone: recipient.timeZone ?? "UTC",
    sequence: session.sequence,
    inviteId: null,
    topic: session.topic,
    asksFirst,
  };
  const base = { to: recipient.email, sessionId: session.firstHalfId };
  if (kind === "practiceCancelled") return [{ ...base, kind, payload: { ...facts, byRecipient: session.byId === recipient.id } }];
  const reminders = reminderTimes({ startsAt: session.startsAt, reminders: REMINDER_KEYS }, now).map(({ reminder, at }): QueuedEmail => ({
    ...base,
    kind: "interviewReminder",
    sendAfter: at,
    payload: { ...facts, before: reminder },
  }));
  return [{ ...base, kind, payload: facts }, ...reminders];
}

async function peopleOf(tx: Tx, ids: string[]): Promise<Map<string, Person>> {
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true, timeZone: true } });
  return new Map(users.map((user) => [user.id, user]));
}

/** Makes a peer session of two bookings: accepted by both (booking is saying yes), planned at the slot. */
async function startBookedSession(tx: Tx, pair: Pair, bookingIds: string[], startsAt: Date, now: Date, emailOn: boolean): Promise<void> {
  const id = randomUUID();
  await tx.peerSession.create({
    data: {
      id,
      topic: pair.topic,
      firstId: pair.first,
      secondId: pair.second,
      status: "ACCEPTED",
      firstAcceptedAt: now,
      secondAcceptedAt: now,
      answerBy: startsAt,
      halfMinutes: HALF_MINUTES,
      startsAt,
    },
  });
  const halves = await createHalves(tx, { id, topic: pair.topic, firstId: pair.first, secondId: pair.second, halfMinutes: HALF_MINUTES }, startsAt);
  await tx.peerSession.update({ where: { id }, data: halves });
  const claimed = await tx.slotBooking.updateMany({ where: { id: { in: bookingIds }, peerSessionId: null, cancelledAt: null }, data: { peerSessionId: id } });
  // The slot is locked by this transaction: anything else is a broken invariant, so nothing is kept.
  if (claimed.count !== 2) throw new Error(`practice slots: claimed ${claimed.count} bookings for one pair`);
  if (!emailOn) return;
  const people = await peopleOf(tx, [pair.first, pair.second]);
  const session = { topic: pair.topic, startsAt, firstHalfId: halves.firstHalfId, firstId: pair.first, sequence: 0 };
  const [first, second] = [people.get(pair.first), people.get(pair.second)];
  if (!first || !second) return;
  await queueEmails(
    tx,
    [...practiceEmails("practiceBooked", session, first, second, now), ...practiceEmails("practiceBooked", session, second, first, now)],
    now,
  );
}

/** Pairs the open bookings of a slot and topic; the caller holds the slot's lock. */
async function matchSlot(tx: Tx, startsAt: Date, topic: string, now: Date, emailOn: boolean): Promise<void> {
  const open = await openBookingsOf(tx, startsAt, topic);
  if (open.length < 2) return;
  const rowsOf = <Row>(sql: string, params: unknown[]) => tx.$queryRawUnsafe<Row[]>(sql, ...params);
  const pairs = pairUp(
    open,
    await pairHistoryOf(
      rowsOf,
      open.map((booking) => booking.userId),
    ),
    now,
    SLOT_RULES,
  );
  const bookingOf = new Map(open.map((booking) => [booking.userId, booking.bookingId]));
  for (const pair of pairs) {
    const ids = [bookingOf.get(pair.first), bookingOf.get(pair.second)].filter((bookingId): bookingId is string => bookingId !== undefined);
    await startBookedSession(tx, pair, ids, startsAt, now, emailOn);
  }
}

/** Books a slot for a topic; matched at once when someone compatible has booked the same slot and topic. */
export async function bookSlot(
  db: Db,
  user: { id: string; isGuest: boolean },
  input: { startsAt: Date; topic: string },
  now: Date,
  emailOn: boolean,
): Promise<{ bookingId: string; matched: boolean }> {
  if (!canPractise(user)) throw new AppError("FORBIDDEN", PRACTICE_NEEDS_ACCOUNT);
  const slot = checkSlot(input.startsAt, now);
  if (!slot.ok) throw new AppError("BAD_REQUEST", slot.message, { startsAt: [slot.message] });
  const profile = await db.practiceProfile.findUnique({ where: { userId: user.id }, select: { level: true, languages: true } });
  if (!profile) throw new AppError("BAD_REQUEST", NEEDS_PROFILE);
  await requireTopics(db, [input.topic]);
  try {
    return await db.$transaction(async (tx) => {
      await lockSlot(tx, input.startsAt);
      const mine = await tx.slotBooking.findMany({ where: { userId: user.id, startsAt: { gt: now } }, select: { startsAt: true, cancelledAt: true } });
      const thisSlot = mine.filter((booking) => booking.startsAt.getTime() === input.startsAt.getTime());
      if (thisSlot.some((booking) => booking.cancelledAt === null)) throw new AppError("CONFLICT", ALREADY_BOOKED);
      // Booking and cancelling one slot again and again would email a partner each time: once is enough.
      if (thisSlot.length > 0) throw new AppError("CONFLICT", CANCELLED_BEFORE);
      if (mine.filter((booking) => booking.cancelledAt === null).length >= MAX_OPEN_BOOKINGS) throw new AppError("CONFLICT", TOO_MANY_BOOKINGS);
      const booking = await tx.slotBooking.create({
        data: { userId: user.id, startsAt: input.startsAt, topic: input.topic, level: profile.level, languages: profile.languages, createdAt: now },
        select: { id: true },
      });
      await matchSlot(tx, input.startsAt, input.topic, now, emailOn);
      const after = await tx.slotBooking.findUniqueOrThrow({ where: { id: booking.id }, select: { peerSessionId: true } });
      return { bookingId: booking.id, matched: after.peerSessionId !== null };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", ALREADY_BOOKED);
    throw error;
  }
}

/**
 * Cancels a booking. A matched one withdraws its session (both rooms cancelled and hidden, both people
 * emailed, the calendar entry cancelled) and opens the partner's booking again, matched anew if someone
 * else is waiting for that slot; cancelling within the hour before the start counts as a no-show.
 */
export async function cancelBooking(db: Db, userId: string, bookingId: string, now: Date, emailOn: boolean): Promise<void> {
  const found = await db.slotBooking.findFirst({ where: { id: bookingId, userId }, select: { startsAt: true } });
  if (!found) throw new AppError("NOT_FOUND", BOOKING_NOT_FOUND);
  await db.$transaction(async (tx) => {
    await lockSlot(tx, found.startsAt);
    const booking = await tx.slotBooking.findUniqueOrThrow({
      where: { id: bookingId },
      select: {
        topic: true,
        startsAt: true,
        cancelledAt: true,
        peerSession: { select: { id: true, status: true, firstId: true, secondId: true, firstHalfId: true, secondHalfId: true } },
      },
    });
    if (booking.cancelledAt) return;
    if (booking.startsAt <= now) throw new AppError("CONFLICT", SLOT_STARTED);
    await tx.slotBooking.update({ where: { id: bookingId }, data: { cancelledAt: now } });
    const session = booking.peerSession;
    if (!session || session.status !== "ACCEPTED" || !session.firstHalfId) return;
    const partnerId = session.firstId === userId ? session.secondId : session.firstId;
    const halves = [session.firstHalfId, session.secondHalfId].filter((id): id is string => id !== null);
    await tx.peerSession.update({ where: { id: session.id }, data: { status: "WITHDRAWN", endedAt: now } });
    await tx.interviewSession.updateMany({ where: { id: { in: halves } }, data: { status: "CANCELLED", calendarSequence: { increment: 1 } } });
    await tx.participant.updateMany({ where: { sessionId: { in: halves } }, data: { hiddenAt: now } });
    await tx.slotBooking.updateMany({ where: { peerSessionId: session.id, cancelledAt: null }, data: { peerSessionId: null } });
    if (booking.startsAt.getTime() - now.getTime() < LATE_CANCEL_MS)
      await tx.practiceProfile.updateMany({ where: { userId }, data: { noShows: { increment: 1 } } });
    if (emailOn) {
      await withdrawReminders(tx, session.firstHalfId, now);
      const people = await peopleOf(tx, [userId, partnerId]);
      const [me, partner] = [people.get(userId), people.get(partnerId)];
      const facts = { topic: booking.topic, startsAt: booking.startsAt, firstHalfId: session.firstHalfId, firstId: session.firstId, sequence: 1, byId: userId };
      if (me && partner)
        await queueEmails(
          tx,
          [...practiceEmails("practiceCancelled", facts, me, partner, now), ...practiceEmails("practiceCancelled", facts, partner, me, now)],
          now,
        );
    }
    await matchSlot(tx, booking.startsAt, booking.topic, now, emailOn);
  });
}

export interface SlotBookingView {
  id: string;
  startsAt: Date;
  topic: string;
  /** Matched: the partner, and the first half's room (open from shortly before the start). */
  match: { peerSessionId: string; partnerName: string; roomId: string | null } | null;
}

/** The user's bookings still to come or under way, soonest first; one whose session was withdrawn after it began is gone. */
export async function bookingsOf(db: Db, userId: string, now: Date): Promise<SlotBookingView[]> {
  const bookings = await db.slotBooking.findMany({
    where: {
      userId,
      cancelledAt: null,
      startsAt: { gt: new Date(now.getTime() - SLOT_MS) },
      OR: [{ peerSessionId: null }, { peerSession: { status: "ACCEPTED" } }],
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      topic: true,
      peerSession: { select: { id: true, firstId: true, firstHalfId: true, first: { select: { name: true } }, second: { select: { name: true } } } },
    },
  });
  return bookings.map(({ peerSession, ...booking }) => ({
    ...booking,
    match: peerSession && {
      peerSessionId: peerSession.id,
      partnerName: (peerSession.firstId === userId ? peerSession.second : peerSession.first).name ?? "Your partner",
      roomId: peerSession.firstHalfId,
    },
  }));
}

/** How many others are waiting for a partner in each upcoming slot of a topic (no names: counts only). */
export async function openSlotCounts(db: Db, userId: string, topic: string, now: Date): Promise<Array<{ startsAt: Date; waiting: number }>> {
  const counts = await db.slotBooking.groupBy({
    by: ["startsAt"],
    where: { topic, cancelledAt: null, peerSessionId: null, startsAt: { gt: now }, userId: { not: userId } },
    _count: { _all: true },
    orderBy: { startsAt: "asc" },
  });
  return counts.map((row) => ({ startsAt: row.startsAt, waiting: row._count._all }));
}
