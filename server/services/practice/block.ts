// Blocking a partner: the matcher never pairs the two again, whichever of them is waiting.
import type { Db } from "@/server/platform/db/client";
import { AppError } from "@/server/platform/errors";
import { sideOf } from "@/server/domain/practice/peer-session";
import { PEER_SESSION_NOT_FOUND } from "@/server/services/practice/swap";

/** Blocks the other person of a peer session (proposed, running or past) the user was in. */
export async function blockPartner(db: Db, userId: string, peerSessionId: string): Promise<void> {
  const session = await db.peerSession.findUnique({ where: { id: peerSessionId }, select: { firstId: true, secondId: true } });
  const side = session && sideOf(session, userId);
  if (!session || !side) throw new AppError("NOT_FOUND", PEER_SESSION_NOT_FOUND);
  const blockedId = side === "first" ? session.secondId : session.firstId;
  await db.peerBlock.upsert({ where: { blockerId_blockedId: { blockerId: userId, blockedId } }, create: { blockerId: userId, blockedId }, update: {} });
}
