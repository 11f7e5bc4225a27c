// Blocking and reporting a partner. A block keeps the two from ever being matched again, whichever of
// them is waiting; a report is kept for whoever runs this Mockroom, and blocks too.
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import type { Prisma } from "@/server/platform/db/generated/client";
import { AppError } from "@/server/platform/errors";
import { sideOf } from "@/server/domain/practice/peer-session";
import { PEER_SESSION_NOT_FOUND } from "@/server/services/practice/swap";

/** The other person of a peer session (proposed, running or past) the user was in. */
async function partnerIn(db: Pick<Db, "peerSession">, userId: string, peerSessionId: string): Promise<string> {
  const session = await db.peerSession.findUnique({ where: { id: peerSessionId }, select: { firstId: true, secondId: true } });
  const side = session && sideOf(session, userId);
  if (!session || !side) throw new AppError("NOT_FOUND", PEER_SESSION_NOT_FOUND);
  return side === "first" ? session.secondId : session.firstId;
}

async function block(tx: Pick<Db, "peerBlock"> | Prisma.TransactionClient, blockerId: string, blockedId: string): Promise<void> {
  await tx.peerBlock.upsert({ where: { blockerId_blockedId: { blockerId, blockedId } }, create: { blockerId, blockedId }, update: {} });
}

export async function blockPartner(db: Db, userId: string, peerSessionId: string): Promise<void> {
  await block(db, userId, await partnerIn(db, userId, peerSessionId));
}

/** Reports the partner of a session (once per session), and blocks them. */
export async function reportPartner(db: Db, userId: string, peerSessionId: string, reason: string): Promise<void> {
  const reportedId = await partnerIn(db, userId, peerSessionId);
  await db.$transaction(async (tx) => {
    const created = await tx.peerReport.createMany({
      data: [{ id: randomUUID(), peerSessionId, reporterId: userId, reportedId, reason }],
      skipDuplicates: true,
    });
    if (created.count === 0) throw new AppError("CONFLICT", "You have already reported this partner for this session.");
    await block(tx, userId, reportedId);
  });
}
