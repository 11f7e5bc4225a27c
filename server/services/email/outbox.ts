import { randomUUID } from "node:crypto";
import type { Prisma } from "@/server/platform/db/generated/client";
import { emailMessageSchema, type EmailMessage } from "@/server/domain/email/messages";

export type QueuedEmail = EmailMessage & {
  to: string;
  /** The interview it is about: a reschedule or cancellation withdraws its pending reminders. */
  sessionId?: string;
  /** Not before this instant (a reminder); now when absent. */
  sendAfter?: Date;
};

type Tx = Pick<Prisma.TransactionClient, "outboxEmail">;

/**
 * Queues emails in the caller's transaction, so they are sent if and only if the change that causes
 * them commits. The worker (outbox-worker.ts) sends them; a trigger wakes it on commit.
 */
export async function queueEmails(tx: Tx, emails: QueuedEmail[], now: Date): Promise<void> {
  if (emails.length === 0) return;
  await tx.outboxEmail.createMany({
    data: emails.map((email) => {
      // A message the renderer could not read later is a bug here, not a failed send in an hour.
      const { kind, payload } = emailMessageSchema.parse({ kind: email.kind, payload: email.payload });
      return { id: randomUUID(), kind, payload, to: email.to, sessionId: email.sessionId ?? null, sendAfter: email.sendAfter ?? now, createdAt: now };
    }),
  });
}

/** Withdraws the interview's reminders not sent yet (a reschedule queues new ones; a cancellation none). */
export async function withdrawReminders(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx.outboxEmail.updateMany({
    where: { sessionId, kind: "interviewReminder", sentAt: null, failedAt: null, cancelledAt: null },
    data: { cancelledAt: now },
  });
}
