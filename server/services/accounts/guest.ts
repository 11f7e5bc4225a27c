import type { Db } from "@/server/platform/db/client";
import { AppError } from "@/server/platform/errors";
import { admitWithInvite, finishAdmission, lockValidInvite } from "@/server/services/invites/admission";
import { type AccountUser, accountFields } from "@/server/services/accounts/account-user";

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
