// "Practise now": joining and leaving the queue, and saying one is still there.
import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { AppError } from "@/server/platform/errors";
import { canPractise, PRACTICE_NEEDS_ACCOUNT } from "@/server/domain/practice/policy";
import { requireTopics } from "@/server/services/practice/topics";
import { activePeerSessionOf } from "@/server/services/practice/status";
import { declineMatch } from "@/server/services/practice/proposal";

/** A ticket the waiting page has not renewed for this long is dropped: the tab was closed, or nobody is there. */
export const TICKET_TTL_MS = 60_000;

export const ALREADY_QUEUED = "You are already looking for a partner (perhaps in another tab).";
export const IN_A_SESSION = "You are in a practice session already; finish it before looking for another partner.";
export const NEEDS_PROFILE = "Set up your practice profile first: topics, level and languages.";

export async function joinQueue(db: Db, user: { id: string; isGuest: boolean }, topic: string, now: Date): Promise<void> {
  if (!canPractise(user)) throw new AppError("FORBIDDEN", PRACTICE_NEEDS_ACCOUNT);
  const profile = await db.practiceProfile.findUnique({ where: { userId: user.id } });
  if (!profile) throw new AppError("BAD_REQUEST", NEEDS_PROFILE);
  await requireTopics(db, [topic]);
  if (await activePeerSessionOf(db, user.id, now)) throw new AppError("CONFLICT", IN_A_SESSION);
  try {
    await db.practiceTicket.create({
      data: {
        userId: user.id,
        topic,
        alsoTopics: profile.topics.filter((other) => other !== topic),
        level: profile.level,
        languages: profile.languages,
        joinedAt: now,
        seenAt: now,
      },
    });
  } catch (error) {
    // The primary key is the person: a second tab, or a second node, finds the first ticket there.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", ALREADY_QUEUED);
    throw error;
  }
}

/** Leaving the queue always succeeds; a match offered meanwhile is declined with it. */
export async function leaveQueue(db: Db, userId: string, now: Date): Promise<void> {
  const ticket = await db.practiceTicket.findUnique({ where: { userId }, select: { proposalId: true } });
  if (ticket?.proposalId) await declineMatch(db, userId, ticket.proposalId, now);
  await db.practiceTicket.deleteMany({ where: { userId } });
}

/** The waiting page's heartbeat; false when there is no ticket any more (it was dropped, or matched). */
export async function stillHere(db: Db, userId: string, now: Date): Promise<boolean> {
  const renewed = await db.practiceTicket.updateMany({ where: { userId }, data: { seenAt: now } });
  return renewed.count > 0;
}
