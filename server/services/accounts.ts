import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { type SignUpInput } from "@/server/auth/credentials";
import { AppError } from "@/server/errors";
import { admitWithInvite, finishAdmission, lockValidInvite } from "@/server/services/invites/admission";

export interface AccountUser {
  id: string;
  name: string | null;
  email: string | null;
  isGuest: boolean;
}

const accountFields = { id: true, name: true, email: true, isGuest: true } as const;

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
 * A display-name-only identity for someone holding a valid invite link, admitted to its session in the
 * same transaction. A link that admits nobody new (expired, revoked, a used candidate link) creates
 * nothing and answers null.
 */
export async function createGuest(db: Db, name: string, inviteToken: string, now: Date): Promise<AccountUser | null> {
  try {
    const admitted = await db.$transaction(async (tx) => {
      const invite = await lockValidInvite(tx, inviteToken, now);
      if (!invite) return null;
      const user = await tx.user.create({ data: { name, isGuest: true }, select: accountFields });
      return { user, admission: await admitWithInvite(tx, invite, user.id, now) };
    });
    if (!admitted) return null;
    await finishAdmission(admitted.admission, now);
    return admitted.user;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return null;
    throw error;
  }
}
