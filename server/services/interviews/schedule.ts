// When an interview happens, and telling the people invited to it: scheduling, rescheduling and
// cancelling, each with its emails queued in the same transaction (server/services/email/outbox.ts).
import type { Db } from "@/server/platform/db/client";
import type { Prisma } from "@/server/platform/db/generated/client";
import type { SessionUser } from "@/server/auth/session";
import type { InterviewFacts } from "@/server/domain/email/messages";
import { reminderTimes, scheduleOf, type Reminder, type Schedule, type ScheduleFields } from "@/server/domain/schedule/schedule";
import { AppError } from "@/server/platform/errors";
import { queueEmails, withdrawReminders, type QueuedEmail } from "@/server/services/email/outbox";
import { requireOrganiser } from "@/server/services/interviews/membership";

type Tx = Prisma.TransactionClient;

/** Who an interview's emails go to: the people invited by email, and the organiser (reminders only). */
export interface Recipient {
  email: string;
  name: string | null;
  role: InterviewFacts["role"];
  /** Their personal invite link's invite; null for the organiser, whose link is the room. */
  inviteId: string | null;
  /** The zone they read times in: their account's when it has one. */
  timeZone: string | null;
}

export interface ScheduledSession {
  id: string;
  title: string;
  status: string;
  organiserName: string;
  organiserEmail: string | null;
  schedule: Schedule | null;
  sequence: number;
}

/** Hours an emailed invite link stays valid after the interview's planned end. */
const INVITE_GRACE_HOURS = 24;

/** Locks the session's row for the caller's transaction: schedule changes to one interview go one at a time. */
export async function lockScheduledSession(tx: Tx, sessionId: string): Promise<ScheduledSession> {
  await tx.$executeRaw`SELECT 1 FROM "InterviewSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  const session = await tx.interviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      status: true,
      scheduledAt: true,
      durationMin: true,
      timeZone: true,
      reminders: true,
      calendarSequence: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  const { scheduledAt, durationMin, timeZone } = session;
  return {
    id: session.id,
    title: session.title,
    status: session.status,
    organiserName: session.createdBy.name ?? "Your interviewer",
    organiserEmail: session.createdBy.email,
    schedule: scheduledAt && durationMin && timeZone ? { startsAt: scheduledAt, durationMin, timeZone, reminders: session.reminders as Reminder[] } : null,
    sequence: session.calendarSequence,
  };
}

/** The people invited by email, and the organiser; each with the zone their account reads times in. */
export async function recipientsOf(tx: Tx, sessionId: string, organiserId: string): Promise<Recipient[]> {
  const [invitations, organiser] = await Promise.all([
    tx.invitation.findMany({
      where: { sessionId, invite: { revokedAt: null } },
      orderBy: { createdAt: "asc" },
      select: { email: true, name: true, role: true, inviteId: true },
    }),
    tx.user.findUniqueOrThrow({ where: { id: organiserId }, select: { email: true, name: true, timeZone: true } }),
  ]);
  const zones = new Map(
    (await tx.user.findMany({ where: { email: { in: invitations.map((invitation) => invitation.email) } }, select: { email: true, timeZone: true } })).map(
      (user) => [user.email, user.timeZone],
    ),
  );
  const invited: Recipient[] = invitations.map((invitation) => ({ ...invitation, timeZone: zones.get(invitation.email) ?? null }));
  if (!organiser.email) return invited;
  return [...invited, { email: organiser.email, name: organiser.name, role: "INTERVIEWER", inviteId: null, timeZone: organiser.timeZone }];
}

export function factsFor(session: ScheduledSession, schedule: Schedule, recipient: Recipient, sequence: number): InterviewFacts {
  return {
    sessionId: session.id,
    title: session.title,
    organiserName: session.organiserName,
    organiserEmail: session.organiserEmail,
    recipientName: recipient.name,
    role: recipient.role,
    startsAt: schedule.startsAt.toISOString(),
    durationMin: schedule.durationMin,
    timeZone: recipient.timeZone ?? schedule.timeZone,
    sequence,
    inviteId: recipient.inviteId,
  };
}

/** The reminders still to come for one recipient. */
export function remindersFor(session: ScheduledSession, schedule: Schedule, recipient: Recipient, sequence: number, now: Date): QueuedEmail[] {
  return reminderTimes(schedule, now).map(({ reminder, at }) => ({
    kind: "interviewReminder",
    to: recipient.email,
    sessionId: session.id,
    sendAfter: at,
    payload: { ...factsFor(session, schedule, recipient, sequence), before: reminder },
  }));
}

/** An emailed invite link lasts until a day after the interview's planned end (and at least three days). */
export function inviteExpiry(schedule: Schedule, now: Date): Date {
  const end = schedule.startsAt.getTime() + (schedule.durationMin + INVITE_GRACE_HOURS * 60) * 60_000;
  return new Date(Math.max(end, now.getTime() + 72 * 3_600_000));
}

function requireOpen(session: ScheduledSession): void {
  if (session.status !== "PLANNED") throw new AppError("CONFLICT", "This interview has started, ended or been cancelled: its time cannot change any more.");
}

/**
 * Sets or moves an interview's time. Moving it raises the calendar entry's SEQUENCE, sends everyone
 * invited the update (their calendars move the same entry), extends their links, and replaces the
 * reminders still to come; all in one transaction, so either everything changes and is sent, or nothing.
 */
export async function scheduleInterview(
  db: Db,
  user: SessionUser,
  input: { sessionId: string } & ScheduleFields,
  now: Date,
  emailOn: boolean,
): Promise<{ startsAt: Date; sequence: number }> {
  await requireOrganiser(db, input.sessionId, user.id);
  const result = scheduleOf(input, now);
  if (!result.ok) throw new AppError("BAD_REQUEST", result.message, { [result.field]: [result.message] });
  const schedule = result.schedule;
  return db.$transaction(async (tx) => {
    const session = await lockScheduledSession(tx, input.sessionId);
    requireOpen(session);
    const previous = session.schedule;
    const moved = previous !== null && (previous.startsAt.getTime() !== schedule.startsAt.getTime() || previous.durationMin !== schedule.durationMin);
    const sequence = moved ? session.sequence + 1 : session.sequence;
    await tx.interviewSession.update({
      where: { id: session.id },
      data: {
        scheduledAt: schedule.startsAt,
        durationMin: schedule.durationMin,
        timeZone: schedule.timeZone,
        reminders: schedule.reminders,
        calendarSequence: sequence,
      },
    });
    const recipients = await recipientsOf(tx, session.id, user.id);
    const invited = recipients.filter((recipient) => recipient.inviteId !== null);
    await tx.invite.updateMany({ where: { id: { in: invited.map((recipient) => recipient.inviteId!) } }, data: { expiresAt: inviteExpiry(schedule, now) } });
    if (emailOn) {
      await withdrawReminders(tx, session.id, now);
      const updates: QueuedEmail[] = moved
        ? invited.map((recipient) => ({
            kind: "interviewRescheduled",
            to: recipient.email,
            sessionId: session.id,
            payload: { ...factsFor(session, schedule, recipient, sequence), previousStartsAt: previous.startsAt.toISOString() },
          }))
        : [];
      const reminders = recipients.flatMap((recipient) => remindersFor(session, schedule, recipient, sequence, now));
      await queueEmails(tx, [...updates, ...reminders], now);
    }
    return { startsAt: schedule.startsAt, sequence };
  });
}

/**
 * Cancels an interview that has not started: its links stop working, everyone invited gets a
 * cancellation their calendar applies to the same entry (METHOD:CANCEL, a higher SEQUENCE), and the
 * reminders still to come are withdrawn.
 */
export async function cancelInterview(db: Db, user: SessionUser, sessionId: string, now: Date, emailOn: boolean): Promise<void> {
  await requireOrganiser(db, sessionId, user.id);
  await db.$transaction(async (tx) => {
    const session = await lockScheduledSession(tx, sessionId);
    if (session.status !== "PLANNED") throw new AppError("CONFLICT", "Only an interview that has not started can be cancelled.");
    const sequence = session.sequence + 1;
    const recipients = session.schedule ? (await recipientsOf(tx, sessionId, user.id)).filter((recipient) => recipient.inviteId !== null) : [];
    await tx.interviewSession.update({ where: { id: sessionId }, data: { status: "CANCELLED", calendarSequence: sequence } });
    await tx.invite.updateMany({ where: { sessionId, revokedAt: null }, data: { revokedAt: now } });
    if (!emailOn) return;
    await withdrawReminders(tx, sessionId, now);
    const schedule = session.schedule;
    if (!schedule) return;
    await queueEmails(
      tx,
      recipients.map((recipient) => ({
        kind: "interviewCancelled",
        to: recipient.email,
        sessionId,
        payload: factsFor(session, schedule, recipient, sequence),
      })),
      now,
    );
  });
}

/**
 * In the transaction that deletes an interview: the emails about it not sent yet are withdrawn (their
 * links would lead nowhere), and when it was still to come, everyone invited gets a cancellation, so
 * the entry leaves their calendar.
 */
export async function tellOfDeletion(tx: Tx, sessionId: string, organiserId: string, now: Date, emailOn: boolean): Promise<void> {
  await tx.outboxEmail.updateMany({ where: { sessionId, sentAt: null, failedAt: null, cancelledAt: null }, data: { cancelledAt: now } });
  if (!emailOn) return;
  const session = await lockScheduledSession(tx, sessionId);
  const schedule = session.schedule;
  if (session.status !== "PLANNED" || !schedule) return;
  const invited = (await recipientsOf(tx, sessionId, organiserId)).filter((recipient) => recipient.inviteId !== null);
  await queueEmails(
    tx,
    // No link: the interview is gone.
    invited.map((recipient) => ({
      kind: "interviewCancelled",
      to: recipient.email,
      payload: factsFor(session, schedule, { ...recipient, inviteId: null }, session.sequence + 1),
    })),
    now,
  );
}
