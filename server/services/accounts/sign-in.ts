import type { Db } from "@/server/platform/db/client";
import { verifyPassword } from "@/server/auth/password";
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
