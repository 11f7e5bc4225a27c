import type { Db } from "@/server/platform/db/client";
import { TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";
import { AppError } from "@/server/platform/errors";
import { countAttempt, RATE_LIMITS } from "@/server/services/accounts/rate-limits";
import { admitWithInvite, finishAdmission, hashInviteToken, lockValidInvite } from "@/server/services/invites/admission";
import type { RoomEngine } from "@/server/services/room/engine";
import { type AccountUser, accountFields } from "@/server/services/accounts/account-user";

/**
 * A display-name-only identity for someone holding a valid invite link, admitted to its session in the
 * same transaction. A link that admits nobody new (expired, revoked, a used candidate link) creates
 * nothing and answers null.
 */
export async function createGuest(db: Db, engine: RoomEngine, name: string, inviteToken: string, now: Date): Promise<AccountUser | null> {
  try {
    const admitted = await db.$transaction(async (tx) => {
      const invite = await lockValidInvite(tx, inviteToken, now);
      if (!invite) return null;
      const user = await tx.user.create({ data: { name, isGuest: true }, select: accountFields });
      return { user, admission: await admitWithInvite(tx, invite, user.id, now) };
    });
    if (!admitted) return null;
    await finishAdmission(engine, admitted.admission, now);
    return admitted.user;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return null;
    throw error;
  }
}

/** Guest sign-in with an invite link, refused once that link has signed in too many guests. */
export async function signInAsGuest(db: Db, engine: RoomEngine, input: { name: string; inviteToken: string }, now: Date): Promise<AccountUser | null> {
  // The thrown message reaches the sign-in form as its `error`.
  if (!(await countAttempt(db, RATE_LIMITS.guestSignInsPerInvite, hashInviteToken(input.inviteToken), now))) throw new Error(TOO_MANY_ATTEMPTS);
  return createGuest(db, engine, input.name, input.inviteToken, now);
}
