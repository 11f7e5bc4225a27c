import type { Db } from "@/server/platform/db/client";
import { TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";
import { AppError } from "@/server/platform/errors";

/** A fixed window: at most `max` counted attempts per `windowMs`, per key. */
export interface RateLimit {
  name: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * Limits on what a stranger can try without an account. Sign-in counts only failures, so that signing in
 * often never locks anyone out; the others count every attempt.
 */
export const RATE_LIMITS = {
  /** Password guessing against one account, from anywhere. */
  signInFailuresPerAccount: { name: "sign-in:account", max: 10, windowMs: 15 * MINUTE },
  /** Password spraying across accounts from one address. */
  signInFailuresPerAddress: { name: "sign-in:address", max: 50, windowMs: 15 * MINUTE },
  signUpsPerAddress: { name: "sign-up:address", max: 20, windowMs: 60 * MINUTE },
  /** Guest identities made with one invite link. */
  guestSignInsPerInvite: { name: "guest:invite", max: 30, windowMs: 60 * MINUTE },
  /** Reset emails to one address, whether or not it has an account (a mailbox flood, a guessing run). */
  resetRequestsPerEmail: { name: "reset:email", max: 5, windowMs: 60 * MINUTE },
  /** Reset requests from one address across many addresses (probing which have accounts). */
  resetRequestsPerAddress: { name: "reset:address", max: 30, windowMs: 60 * MINUTE },
  /** Verification links sent again to one account. */
  verificationResendsPerAccount: { name: "verify:account", max: 5, windowMs: 60 * MINUTE },
  /** Address changes asked by one account: each checks the password and sends an email to a new address. */
  emailChangesPerAccount: { name: "change-email:account", max: 5, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimit>;

function bucketKey(limit: RateLimit, key: string): string {
  return `${limit.name}:${key}`;
}

/**
 * Counts one attempt and tells whether it is within the limit. One statement, so that every app node
 * shares the count (the table is in PostgreSQL) and two attempts at once cannot both slip under it.
 */
export async function countAttempt(db: Pick<Db, "$queryRaw">, limit: RateLimit, key: string, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const rows = await db.$queryRaw<Array<{ hits: number }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStartedAt", "hits") VALUES (${bucketKey(limit, key)}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimitBucket"."windowStartedAt" <= ${windowStart} THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
      "windowStartedAt" = CASE WHEN "RateLimitBucket"."windowStartedAt" <= ${windowStart} THEN ${now} ELSE "RateLimitBucket"."windowStartedAt" END
    RETURNING "hits"`;
  return (rows[0]?.hits ?? 0) <= limit.max;
}

/** Whether the key has used up its window already, without counting anything. */
export async function isLimited(db: Pick<Db, "$queryRaw">, limit: RateLimit, key: string, now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ hits: number }>>`
    SELECT "hits" FROM "RateLimitBucket"
    WHERE "key" = ${bucketKey(limit, key)} AND "windowStartedAt" > ${new Date(now.getTime() - limit.windowMs)}`;
  return (rows[0]?.hits ?? 0) >= limit.max;
}

/** Counts an attempt and refuses it with RATE_LIMITED when it is over the limit. */
export async function enforceLimit(db: Pick<Db, "$queryRaw">, limit: RateLimit, key: string, now: Date): Promise<void> {
  if (!(await countAttempt(db, limit, key, now))) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
}

/** Buckets whose window ended long ago; run now and then so that a spray of keys does not pile up. */
export async function deleteExpiredBuckets(db: Pick<Db, "$executeRaw">, now: Date): Promise<number> {
  const longest = Math.max(...Object.values(RATE_LIMITS).map((limit) => limit.windowMs));
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowStartedAt" < ${new Date(now.getTime() - longest)}`;
}
