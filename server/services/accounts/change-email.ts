import type { SignedLinks } from "@/server/auth/signed-links";
import { verifyPassword } from "@/server/auth/password";
import { LINK_NOT_VALID } from "@/server/domain/accounts/account-links";
import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { AppError } from "@/server/platform/errors";
import { claimAccountToken, issueAccountToken, retireAccountTokens } from "@/server/services/accounts/account-links";
import { enforceLimit, RATE_LIMITS } from "@/server/services/accounts/rate-limits";
import { queueEmails } from "@/server/services/email/outbox";

const WRONG_PASSWORD = "That is not your current password.";
const TAKEN_MEANWHILE = "Another account uses this address now, so yours was not changed. Choose another address in your settings.";

/**
 * Asks to move the account to `newEmail`: the current password is checked, then a link goes to the new
 * address. When another account already uses it, nothing is sent and the answer is the same, so this
 * form cannot be used to learn who has an account (the owner of that address is not bothered either).
 */
export async function requestEmailChange(
  db: Db,
  userId: string,
  input: { newEmail: string; password: string },
  emailOn: boolean,
  now: Date,
): Promise<{ sent: boolean }> {
  await enforceLimit(db, RATE_LIMITS.emailChangesPerAccount, userId, now);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, passwordHash: true, isGuest: true } });
  if (!user || user.isGuest) throw new AppError("FORBIDDEN", "Guests have no address to change; create an account first.");
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("BAD_REQUEST", WRONG_PASSWORD, {
      password: [user.passwordHash ? WRONG_PASSWORD : "Your account has no password yet: set one with “Forgot password?” on the sign-in page."],
    });
  }
  if (input.newEmail === user.email) throw new AppError("BAD_REQUEST", "That is already your address.", { newEmail: ["That is already your address."] });
  // Without email the new address cannot be confirmed; the settings page says so before anyone tries.
  if (!emailOn) return { sent: false };
  await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.newEmail }, select: { id: true } })) return;
    const tokenId = await issueAccountToken(tx, user.id, "change-email", input.newEmail, now);
    await queueEmails(tx, [{ kind: "changeEmail", to: input.newEmail, payload: { tokenId, name: user.name, newEmail: input.newEmail } }], now);
  });
  return { sent: true };
}

/**
 * Moves the account to the address the link was sent to, confirmed by the opening of the link: the old
 * address is told, every other link of the account retired, and every session ends, as after a reset
 * (whoever changed the address may not be the owner). Refused, with nothing changed, when another
 * account took the address meanwhile.
 */
export async function confirmEmailChange(db: Db, links: SignedLinks, token: string, now: Date): Promise<{ email: string; userId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await claimAccountToken(tx, links, "change-email", token, now);
      if (!claimed) throw new AppError("NOT_FOUND", LINK_NOT_VALID);
      const before = await tx.user.findUniqueOrThrow({ where: { id: claimed.userId }, select: { email: true, name: true } });
      await tx.user.update({ where: { id: claimed.userId }, data: { email: claimed.email, emailVerified: now, sessionsValidFrom: now } });
      await retireAccountTokens(tx, claimed.userId, now);
      if (before.email && before.email !== claimed.email) {
        await queueEmails(tx, [{ kind: "emailChanged", to: before.email, payload: { name: before.name, newEmail: claimed.email } }], now);
      }
      return { email: claimed.email, userId: claimed.userId };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", TAKEN_MEANWHILE);
    throw error;
  }
}
