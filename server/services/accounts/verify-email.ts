import type { SignedLinks } from "@/server/auth/signed-links";
import { LINK_NOT_VALID } from "@/server/domain/accounts/account-links";
import type { Db } from "@/server/platform/db/client";
import type { Prisma } from "@/server/platform/db/generated/client";
import { AppError } from "@/server/platform/errors";
import { claimAccountToken, issueAccountToken } from "@/server/services/accounts/account-links";
import { enforceLimit, RATE_LIMITS } from "@/server/services/accounts/rate-limits";
import { queueEmails } from "@/server/services/email/outbox";

type Tx = Pick<Prisma.TransactionClient, "accountToken" | "outboxEmail" | "$queryRaw">;

/** Queues a link that confirms `email` is the account's, in the caller's transaction (sign-up's, say). */
export async function queueVerification(tx: Tx, user: { id: string; name: string | null; email: string }, now: Date): Promise<void> {
  const tokenId = await issueAccountToken(tx, user.id, "verify-email", user.email, now);
  await queueEmails(tx, [{ kind: "verifyEmail", to: user.email, payload: { tokenId, name: user.name } }], now);
}

/**
 * Sends the link again to the signed-in account's address; rate limited per account. Nothing is sent
 * for an address already confirmed, or for an account without one (a guest).
 */
export async function resendVerification(db: Db, userId: string, now: Date): Promise<{ sent: boolean }> {
  await enforceLimit(db, RATE_LIMITS.verificationResendsPerAccount, userId, now);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, emailVerified: true } });
    if (!user?.email || user.emailVerified) return { sent: false };
    await queueVerification(tx, { id: user.id, name: user.name, email: user.email }, now);
    return { sent: true };
  });
}

/** Confirms the address the link was sent to, if the account still uses it; the link is used up. */
export async function verifyEmail(db: Db, links: SignedLinks, token: string, now: Date): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const claimed = await claimAccountToken(tx, links, "verify-email", token, now);
    if (!claimed) throw new AppError("NOT_FOUND", LINK_NOT_VALID);
    // updateMany: an address confirmed already keeps the first time it was.
    await tx.user.updateMany({ where: { id: claimed.userId, emailVerified: null }, data: { emailVerified: now } });
    return { email: claimed.email };
  });
}
