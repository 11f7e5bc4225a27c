import type { Db } from "@/server/platform/db/client";
import { verifyPassword } from "@/server/auth/password";
import { TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";
import { countAttempt, isLimited, RATE_LIMITS } from "@/server/services/accounts/rate-limits";
import { type AccountUser, accountFields } from "@/server/services/accounts/account-user";

/**
 * The user for a correct email and password, else null: never says which of the two was wrong, in its
 * answer or in its time (an unknown address costs the same password check as a wrong password).
 */
export async function authenticate(db: Db, email: string, password: string): Promise<AccountUser | null> {
  const user = await db.user.findUnique({ where: { email }, select: { ...accountFields, passwordHash: true } });
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) return null;
  return { id: user.id, name: user.name, email: user.email, isGuest: user.isGuest };
}

/**
 * Email and password sign-in, refused without checking the password once the account or the address
 * has failed too often; only failures count. The thrown message reaches the sign-in form as its `error`.
 */
export async function signInWithPassword(db: Db, input: { email: string; password: string }, address: string, now: Date): Promise<AccountUser | null> {
  const { signInFailuresPerAccount: perAccount, signInFailuresPerAddress: perAddress } = RATE_LIMITS;
  if ((await isLimited(db, perAccount, input.email, now)) || (await isLimited(db, perAddress, address, now))) throw new Error(TOO_MANY_ATTEMPTS);
  const user = await authenticate(db, input.email, input.password);
  if (!user) await Promise.all([countAttempt(db, perAccount, input.email, now), countAttempt(db, perAddress, address, now)]);
  return user;
}
