import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { hashPassword } from "@/server/auth/password";
import type { SignUpInput } from "@/server/api/routers/account/sign-up.schema";
import { AppError } from "@/server/platform/errors";
import { type AccountUser, accountFields } from "@/server/services/accounts/account-user";

/**
 * Creates an account. When a guest is signed in, the guest identity is claimed instead, so the
 * interviews it took part in stay with the new account.
 */
export async function signUp(db: Db, input: SignUpInput, currentGuestId?: string): Promise<AccountUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    if (currentGuestId) {
      const guest = await db.user.findUnique({ where: { id: currentGuestId }, select: { isGuest: true } });
      if (guest?.isGuest) {
        return await db.user.update({
          where: { id: currentGuestId },
          data: { name: input.name, email: input.email, passwordHash, isGuest: false },
          select: accountFields,
        });
      }
    }
    return await db.user.create({ data: { name: input.name, email: input.email, passwordHash }, select: accountFields });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists.", {
        email: ["An account with this email already exists. Sign in instead?"],
      });
    }
    throw error;
  }
}
