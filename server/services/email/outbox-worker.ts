import type pg from "pg";
import { listen, type Listening } from "@/server/platform/db/listen";
import { inTransaction } from "@/server/platform/db/transaction";
import { emailMessageSchema, UNSUBSCRIBABLE } from "@/server/domain/email/messages";
import { renderEmail, type RenderContext } from "@/server/domain/email/render";
import type { SignedLinks } from "@/server/auth/signed-links";
import { addressOf, isPermanentFailure, sendEmail, type Mailer } from "@/server/services/email/mailer";

export interface OutboxWorkerOptions {
  pool: pg.Pool;
  /** A connection string for the LISTEN connection, which stays open and so is not the pool's. */
  databaseUrl: string;
  mailer: Mailer;
  from: string;
  appUrl: string;
  links: SignedLinks;
  /** Emails in flight at once; each holds a pool connection (its row's lock) while it is sent. */
  lanes?: number;
  /** How often the worker looks for due emails when nobody woke it (reminders come due by the clock). */
  pollMs?: number;
  now?: () => Date;
  reportError?: (what: string, error: unknown) => void;
}

/** After this many failed attempts an email is given up (failedAt), about four hours after the first. */
export const MAX_ATTEMPTS = 20;

/** The wait before attempt `attempts + 1`: 10 s doubling to 15 minutes, with a fifth of jitter so nodes spread out. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(15 * 60_000, 10_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.9 + 0.2 * random()));
}

interface ClaimedRow {
  id: string;
  kind: string;
  to: string;
  payload: unknown;
  attempts: number;
  optedOut: boolean;
}

// One due email, locked for this transaction; SKIP LOCKED lets every other lane and node take the next.
const CLAIM_SQL = `
SELECT e."id", e."kind", e."to", e."payload", e."attempts",
       EXISTS (SELECT 1 FROM "EmailOptOut" o WHERE o."email" = e."to" AND o."kind" = e."kind") AS "optedOut"
FROM "OutboxEmail" e
WHERE e."sentAt" IS NULL AND e."failedAt" IS NULL AND e."cancelledAt" IS NULL AND e."sendAfter" <= $1
ORDER BY e."sendAfter"
LIMIT 1
FOR UPDATE OF e SKIP LOCKED`;

type Outcome =
  { kind: "sent" } | { kind: "skipped"; why: string } | { kind: "retry"; error: unknown; connection: boolean } | { kind: "failed"; error: unknown };

/**
 * Sends the outbox. Each email is sent inside the transaction that locked its row and marked sent in
 * the same one: a crash before the commit rolls the claim back (PostgreSQL ends a dead client's
 * transaction), so nothing is lost; another node never holds the same row at once, so nothing is sent
 * twice. The one window left opens when the SMTP server has the whole message (it may still work on it
 * before its 250) and closes at the commit: a crash there sends the email again, with the same
 * Message-ID. tests/integration/outbox-crash.test.ts finds one per lane at each kill while the server
 * takes 15 ms over a message.
 */
export class OutboxWorker {
  private readonly options: Required<Omit<OutboxWorkerOptions, "reportError">> & Pick<OutboxWorkerOptions, "reportError">;
  private listener: Listening | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private lanes: Array<Promise<void>> = [];
  private pausedUntil = 0;

  constructor(options: OutboxWorkerOptions) {
    this.options = { ...options, lanes: options.lanes ?? 2, pollMs: options.pollMs ?? 2_000, now: options.now ?? (() => new Date()) };
  }

  async start(): Promise<void> {
    this.running = true;
    this.listener = await listen(this.options.databaseUrl, "outbox_email", () => this.nudge(), this.options.reportError);
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    this.timer.unref();
    this.lanes = Array.from({ length: this.options.lanes }, () => this.lane());
  }

  /** Stops taking emails and waits for those in flight. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.nudge();
    await Promise.all(this.lanes);
    await this.listener?.stop();
    this.listener = null;
  }

  /** Look for due emails now (also what a NOTIFY does). */
  nudge(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.wake;
      this.wake = () => {
        previous?.();
        resolve();
      };
    });
  }

  private async lane(): Promise<void> {
    while (this.running) {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, this.options.pollMs)));
      let sentOne = false;
      try {
        sentOne = await this.sendNext();
      } catch (error) {
        this.options.reportError?.("email: the outbox worker failed", error);
      }
      if (!sentOne && this.running) await this.sleep();
    }
  }

  /** Claims, sends and settles one due email; false when none was due. */
  async sendNext(): Promise<boolean> {
    return inTransaction(this.options.pool, async (client) => {
      const now = this.options.now();
      const { rows } = await client.query<ClaimedRow>(CLAIM_SQL, [now]);
      const row = rows[0];
      if (!row) return false;
      const outcome = await this.deliver(row, now);
      await this.settle(client, row, outcome);
      return true;
    });
  }

  private async deliver(row: ClaimedRow, now: Date): Promise<Outcome> {
    const message = emailMessageSchema.safeParse({ kind: row.kind, payload: row.payload });
    if (!message.success) return { kind: "failed", error: new Error(`unreadable ${row.kind} email: ${message.error.message}`) };
    if (row.optedOut && UNSUBSCRIBABLE.has(message.data.kind)) return { kind: "skipped", why: "unsubscribed" };
    if (message.data.kind === "interviewReminder" && new Date(message.data.payload.startsAt) <= now) return { kind: "skipped", why: "too late" };
    const { appUrl, links, from, mailer } = this.options;
    const context: RenderContext = {
      appUrl,
      fromAddress: addressOf(from),
      to: row.to,
      links: {
        invite: (inviteId) => `${appUrl}/join/${links.inviteToken(inviteId)}`,
        account: (purpose, tokenId) => `${appUrl}/account/${purpose}/${links.sign(purpose, tokenId)}`,
        unsubscribe: (email, kind) => `${appUrl}/unsubscribe/${links.sign("unsubscribe", JSON.stringify({ email, kind }))}`,
      },
    };
    try {
      await sendEmail(mailer, from, { id: row.id, to: row.to, rendered: renderEmail(message.data, context), host: new URL(appUrl).hostname });
      return { kind: "sent" };
    } catch (error) {
      if (isPermanentFailure(error)) return { kind: "failed", error };
      return { kind: "retry", error, connection: (error as { responseCode?: number }).responseCode === undefined };
    }
  }

  private async settle(client: pg.PoolClient, row: ClaimedRow, outcome: Outcome): Promise<void> {
    const now = this.options.now();
    switch (outcome.kind) {
      case "sent":
        await client.query(`UPDATE "OutboxEmail" SET "sentAt" = $2, "attempts" = "attempts" + 1, "lastError" = NULL WHERE "id" = $1`, [row.id, now]);
        return;
      case "skipped":
        await client.query(`UPDATE "OutboxEmail" SET "cancelledAt" = $2, "lastError" = $3 WHERE "id" = $1`, [row.id, now, outcome.why]);
        return;
      case "failed":
        await client.query(`UPDATE "OutboxEmail" SET "failedAt" = $2, "attempts" = "attempts" + 1, "lastError" = $3 WHERE "id" = $1`, [
          row.id,
          now,
          errorText(outcome.error),
        ]);
        this.options.reportError?.(`email: gave up on a ${row.kind} email`, outcome.error);
        return;
      case "retry": {
        const attempts = row.attempts + 1;
        const delay = retryDelayMs(attempts);
        const givenUp = attempts >= MAX_ATTEMPTS;
        await client.query(`UPDATE "OutboxEmail" SET "attempts" = $2, "lastError" = $3, "sendAfter" = $4, "failedAt" = $5 WHERE "id" = $1`, [
          row.id,
          attempts,
          errorText(outcome.error),
          new Date(now.getTime() + delay),
          givenUp ? now : null,
        ]);
        // The server is unreachable: every lane waits instead of spending each email's attempts on it.
        if (outcome.connection) this.pausedUntil = Date.now() + Math.min(delay, 30_000);
        if (givenUp) this.options.reportError?.(`email: gave up on a ${row.kind} email after ${attempts} attempts`, outcome.error);
        return;
      }
    }
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
}
