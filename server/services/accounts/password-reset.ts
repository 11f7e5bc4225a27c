import type { SignedLinks } from "@/server/auth/signed-links";
import { hashPassword } from "@/server/auth/password";
import { LINK_NOT_VALID } from "@/server/domain/accounts/account-links";
import type { Db } from "@/server/platform/db/client";
import { AppError } from "@/server/platform/errors";
import { claimAccountToken, issueAccountToken, retireAccountTokens } from "@/server/services/accounts/account-links";
import { enforceLimit, RATE_LIMITS } from "@/server/services/accounts/rate-limits";
import { queueEmails } from "@/server/services/email/outbox";

/**
 * Counts a reset request against the requested address and the client's, before anything is looked up:
 * every address counts the same, so being limited says nothing about whether it has an account.
 */
export async function limitResetRequests(db: Db, email: string, clientAddress: string, now: Date): Promise<void> {
  await enforceLimit(db, RATE_LIMITS.resetRequestsPerEmail, email, now);
  await enforceLimit(db, RATE_LIMITS.resetRequestsPerAddress, clientAddress, now);
}

/**
 * Queues a reset link when an account (not a guest: a guest has no address) uses `email`; does nothing
 * otherwise. The caller answers the same sentence either way.
 */
export async function sendPasswordReset(db: Db, email: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, isGuest: true } });
    if (!user || user.isGuest) return;
    const tokenId = await issueAccountToken(tx, user.id, "reset-password", email, now);
    await queueEmails(tx, [{ kind: "resetPassword", to: email, payload: { tokenId, name: user.name } }], now);
  });
}

/**
 * Sets a new password with a reset link: the link is used up, every other reset link retired, and every
 * session of the account ends (sessionsValidFrom), this browser's included: the person signs in anew.
 * The password is hashed before the transaction, so no row stays locked for argon2's time.
 */
export async function resetPassword(db: Db, links: SignedLinks, input: { token: string; password: string }, now: Date): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const claimed = await claimAccountToken(tx, links, "reset-password", input.token, now);
    if (!claimed) throw new AppError("NOT_FOUND", LINK_NOT_VALID);
    // A person who could read the mail at this address has shown they hold it.
    await tx.user.update({ where: { id: claimed.userId }, data: { passwordHash, sessionsValidFrom: now, emailVerified: now } });
    await retireAccountTokens(tx, claimed.userId, now, "reset-password");
    return { userId: claimed.userId };
  });
}
