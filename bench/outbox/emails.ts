import type { RenderContext } from "@/server/domain/email/render";
import type { SignedLinks } from "@/server/auth/signed-links";
import type { QueuedEmail } from "@/server/services/email/outbox";

export const FROM = "Mockroom <interviews@mockroom.test>";
export const APP_URL = "http://mockroom.test";

/** Emails per batch: an interview's invitations to its members, queued in the transaction that plans it. */
export const BATCH = 4;

/**
 * The i-th email of a scenario, always the same: every BATCH emails, the first half of a round are an
 * interview's invitations (calendar attached, one transaction for the batch), the second half single
 * emails (feedback ready, password reset), one per transaction. The address names it, so the bench
 * finds which commit caused what the SMTP server received.
 */
export function benchEmail(scenario: string, index: number): QueuedEmail {
  const to = `${scenario}-${index}@example.com`;
  const round = Math.floor(index / (2 * BATCH));
  if (index % (2 * BATCH) < BATCH) {
    return {
      kind: "interviewInvitation",
      to,
      payload: {
        sessionId: `s-${scenario}-${round}`,
        title: "System design: a URL shortener",
        organiserName: "Ada Organiser",
        organiserEmail: "ada@example.com",
        recipientName: `Member ${index}`,
        role: "CANDIDATE",
        startsAt: "2027-03-01T15:00:00.000Z",
        durationMin: 60,
        timeZone: "Europe/Paris",
        sequence: 0,
        inviteId: `invite-${scenario}-${index}`,
      },
    };
  }
  if (index % 2 === 0)
    return { kind: "feedbackReady", to, payload: { sessionId: `s-${scenario}-${round}`, title: "Algorithms", recipientName: `Member ${index}` } };
  return { kind: "resetPassword", to, payload: { tokenId: `token-${scenario}-${index}`, name: `Member ${index}` } };
}

/** The transactions that queue emails [0, count): a batch of BATCH invitations, then BATCH single emails. */
export function transactionsOf(scenario: string, count: number): QueuedEmail[][] {
  const transactions: QueuedEmail[][] = [];
  for (let index = 0; index < count;) {
    if (index % (2 * BATCH) < BATCH) {
      const end = Math.min(count, index + BATCH);
      transactions.push(Array.from({ length: end - index }, (_, offset) => benchEmail(scenario, index + offset)));
      index = end;
    } else {
      transactions.push([benchEmail(scenario, index)]);
      index += 1;
    }
  }
  return transactions;
}

/** What the worker renders with (outbox-worker.ts), for the baseline that sends without an outbox. */
export function renderContext(to: string, links: SignedLinks): RenderContext {
  return {
    appUrl: APP_URL,
    fromAddress: "interviews@mockroom.test",
    to,
    links: {
      invite: (inviteId) => `${APP_URL}/join/${links.inviteToken(inviteId)}`,
      account: (purpose, tokenId) => `${APP_URL}/account/${purpose}/${links.sign(purpose, tokenId)}`,
      unsubscribe: (email, kind) => `${APP_URL}/unsubscribe/${links.sign("unsubscribe", JSON.stringify({ email, kind }))}`,
    },
  };
}
