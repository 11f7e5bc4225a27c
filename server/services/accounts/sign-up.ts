import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { hashPassword } from "@/server/auth/password";
import type { SignUpInput } from "@/server/api/routers/account/sign-up.schema";
import { AppError } from "@/server/platform/errors";
import { type AccountUser, accountFields } from "@/server/services/accounts/account-user";
import { queueVerification } from "@/server/services/accounts/verify-email";

export interface SignUpOptions {
  /** The guest signed in now: their identity is claimed instead of a new one made. */
  currentGuestId?: string | undefined;
  /** Whether this server sends email: then a link to confirm the address is queued with the account. */
  emailOn?: boolean;
  now?: Date;
}

/**
 * Creates an account. When a guest is signed in, the guest identity is claimed instead, so the
 * interviews it took part in stay with the new account. With email on, the confirmation link is queued
 * in the same transaction: an account is never made without its email, nor an email sent for none.
 */
export async function signUp(db: Db, input: SignUpInput, options: SignUpOptions = {}): Promise<AccountUser> {
  const passwordHash = await hashPassword(input.password);
  const now = options.now ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      const guest = options.currentGuestId ? await tx.user.findUnique({ where: { id: options.currentGuestId }, select: { isGuest: true } }) : null;
      const data = { name: input.name, email: input.email, passwordHash };
      const user = guest?.isGuest
        ? await tx.user.update({ where: { id: options.currentGuestId }, data: { ...data, isGuest: false }, select: accountFields })
        : await tx.user.create({ data, select: accountFields });
      if (options.emailOn) await queueVerification(tx, { id: user.id, name: user.name, email: input.email }, now);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists.", {
        email: ["An account with this email already exists. Sign in instead?"],
      });
    }
    throw error;
  }
}
