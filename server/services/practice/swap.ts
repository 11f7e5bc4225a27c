// Swapping roles: the first half's interview ends and the second begins, with the other person asking.
import type { Db } from "@/server/platform/db/client";
import { decideSwap } from "@/server/domain/practice/peer-session";
import { AppError } from "@/server/platform/errors";
import type { RoomEngine } from "@/server/services/room/engine";
import { executeCommand } from "@/server/services/room/actions";
import { activePeerSessionOf, swapFacts } from "@/server/services/practice/status";

export const PEER_SESSION_NOT_FOUND = "That practice session was not found.";

/**
 * Asks to swap roles. The swap happens once both have asked, or at once when the half's time is up: the
 * first half's interview is ended by the engine as its interviewer would end it, which every member's
 * room sees, and the second half (already planned) is where both go next.
 */
export async function askToSwap(db: Db, engine: RoomEngine, userId: string, peerSessionId: string, now: Date): Promise<{ swapped: boolean }> {
  const decision = await db.$transaction(async (tx) => {
    // Two people asking at once take turns: the second sees the first's ask.
    await tx.$queryRaw`SELECT 1 FROM "PeerSession" WHERE "id" = ${peerSessionId} FOR UPDATE`;
    const session = await activePeerSessionOf(tx, userId, now);
    if (!session || session.id !== peerSessionId) throw new AppError("NOT_FOUND", PEER_SESSION_NOT_FOUND);
    const decided = decideSwap(swapFacts(session), userId, now);
    if ("error" in decided) throw new AppError("CONFLICT", decided.error);
    if (!decided.swap && !session.swapAskedBy.includes(userId)) {
      await tx.peerSession.update({ where: { id: peerSessionId }, data: { swapAskedBy: { push: userId } } });
    }
    return decided.swap ? { firstHalfId: session.firstHalf?.id ?? null, asker: session.firstId } : null;
  });
  if (!decision?.firstHalfId) return { swapped: false };
  await executeCommand(engine, {
    sessionId: decision.firstHalfId,
    actor: { userId: decision.asker, role: "INTERVIEWER" },
    idempotencyKey: `practice-swap:${peerSessionId}`,
    command: { type: "end" },
    now,
  });
  return { swapped: true };
}
