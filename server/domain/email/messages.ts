import { z } from "zod";
import { REMINDER_KEYS, type Reminder } from "@/server/domain/schedule/schedule";

// What each email says, as the outbox stores it (OutboxEmail.kind and .payload). A payload holds facts,
// never a secret: the links in it are signed from ids when the email is rendered (render.ts), so a
// database reader cannot lift a working invite or reset link from a pending row.

const ROLES = ["CANDIDATE", "CO_INTERVIEWER", "OBSERVER", "INTERVIEWER"] as const;

/** An interview as its emails describe it, copied when the email is queued. */
const interviewFacts = z.object({
  sessionId: z.string(),
  title: z.string(),
  organiserName: z.string(),
  organiserEmail: z.string().nullable(),
  recipientName: z.string().nullable(),
  role: z.enum(ROLES),
  startsAt: z.iso.datetime(),
  durationMin: z.number().int(),
  /** The zone the recipient reads times in: their own when their account has one, else the organiser's. */
  timeZone: z.string(),
  /** The calendar entry's SEQUENCE when this was queued. */
  sequence: z.number().int().min(0),
  /** Their personal invite link's invite; null for a member already in the interview (their link is the room). */
  inviteId: z.string().nullable(),
});
export type InterviewFacts = z.infer<typeof interviewFacts>;

/**
 * A booked peer practice session, as an interview's facts: the first half's room, the partner in the
 * organiser's place (reminders say "with <partner>"), the recipient's role in the first half.
 */
const practiceFacts = interviewFacts.extend({ topic: z.string(), asksFirst: z.boolean() });
export type PracticeFacts = z.infer<typeof practiceFacts>;

const accountFacts = z.object({ tokenId: z.string(), name: z.string().nullable() });

export const emailMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("interviewInvitation"), payload: interviewFacts }),
  z.object({ kind: z.literal("interviewRescheduled"), payload: interviewFacts.extend({ previousStartsAt: z.iso.datetime() }) }),
  z.object({ kind: z.literal("interviewCancelled"), payload: interviewFacts }),
  z.object({ kind: z.literal("interviewReminder"), payload: interviewFacts.extend({ before: z.enum(REMINDER_KEYS as [Reminder, ...Reminder[]]) }) }),
  z.object({ kind: z.literal("practiceBooked"), payload: practiceFacts }),
  /** The session of a booked slot was cancelled: by the recipient, or by the partner (their booking is open again). */
  z.object({ kind: z.literal("practiceCancelled"), payload: practiceFacts.extend({ byRecipient: z.boolean() }) }),
  z.object({ kind: z.literal("feedbackReady"), payload: z.object({ sessionId: z.string(), title: z.string(), recipientName: z.string().nullable() }) }),
  z.object({ kind: z.literal("verifyEmail"), payload: accountFacts }),
  z.object({ kind: z.literal("resetPassword"), payload: accountFacts }),
  z.object({ kind: z.literal("changeEmail"), payload: accountFacts.extend({ newEmail: z.string() }) }),
  /** To the old address, after a change: the owner learns of it even if someone else made it. */
  z.object({ kind: z.literal("emailChanged"), payload: z.object({ name: z.string().nullable(), newEmail: z.string() }) }),
]);
export type EmailMessage = z.infer<typeof emailMessageSchema>;
export type EmailKind = EmailMessage["kind"];

/** Kinds a recipient can stop with the unsubscribe link; the others are what they asked for or need. */
export const UNSUBSCRIBABLE: ReadonlySet<EmailKind> = new Set(["interviewReminder"]);

/** Kinds that carry the interview's calendar entry. */
export const CALENDAR_KINDS: ReadonlySet<EmailKind> = new Set([
  "interviewInvitation",
  "interviewRescheduled",
  "interviewCancelled",
  "practiceBooked",
  "practiceCancelled",
]);
