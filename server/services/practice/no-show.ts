// Leaving a partner who never came into the room, and reporting a partner.
import type { Db } from "@/server/platform/db/client";
import { decideNoShow } from "@/server/domain/practice/peer-session";
import { AppError } from "@/server/platform/errors";
import type { RoomEngine } from "@/server/services/room/engine";
import { executeCommand } from "@/server/services/room/actions";
import { activePeerSessionOf, currentHalf, partnerCame } from "@/server/services/practice/status";
import { PEER_SESSION_NOT_FOUND } from "@/server/services/practice/swap";

/**
 * Ends a session whose partner has not come into the first half's room five minutes after it began: the
 * session is withdrawn, its two interviews ended or cancelled (and hidden from both histories: nothing
 * happened), the partner counted as a no-show. The one who waited is free to look for someone else at once.
 */
export async function leaveNoShow(db: Db, engine: RoomEngine, userId: string, peerSessionId: string, now: Date): Promise<void> {
  const opened = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "PeerSession" WHERE "id" = ${peerSessionId} FOR UPDATE`;
    const session = await activePeerSessionOf(tx, userId, now);
    if (!session || session.id !== peerSessionId) throw new AppError("NOT_FOUND", PEER_SESSION_NOT_FOUND);
    const partnerId = userId === session.firstId ? session.secondId : session.firstId;
    const half = currentHalf(session);
    const decided = decideNoShow({ half: half?.half ?? 0, halfStartedAt: half?.startedAt ?? null, partnerCame: await partnerCame(tx, session, userId) }, now);
    if ("error" in decided) throw new AppError("CONFLICT", decided.error);
    await tx.peerSession.update({ where: { id: peerSessionId }, data: { status: "WITHDRAWN", endedAt: now } });
    await tx.practiceProfile.updateMany({ where: { userId: partnerId }, data: { noShows: { increment: 1 } } });
    const halves = [
      { sessionId: session.firstHalf?.id, asker: session.firstId },
      { sessionId: session.secondHalf?.id, asker: session.secondId },
    ].filter((entry): entry is { sessionId: string; asker: string } => entry.sessionId !== undefined);
    const ids = halves.map((entry) => entry.sessionId);
    await tx.participant.updateMany({ where: { sessionId: { in: ids } }, data: { hiddenAt: now } });
    const entered = await tx.sessionEvent.findMany({
      where: { sessionId: { in: ids }, type: "participantJoined" },
      select: { sessionId: true, actorId: true },
    });
    const askerEntered = (half: (typeof halves)[number]) => entered.some((event) => event.sessionId === half.sessionId && event.actorId === half.asker);
    // A room its interviewer never entered has nothing in it to end: it is cancelled as a planned interview is.
    const unopened = halves.filter((half) => !askerEntered(half)).map((half) => half.sessionId);
    await tx.interviewSession.updateMany({ where: { id: { in: unopened } }, data: { status: "CANCELLED" } });
    return halves.filter(askerEntered);
  });
  // A room its interviewer entered ends as they would end it, so that whoever is in it sees it end.
  for (const { sessionId, asker } of opened) {
    await executeCommand(engine, {
      sessionId,
      actor: { userId: asker, role: "INTERVIEWER" },
      idempotencyKey: `practice-no-show:${peerSessionId}`,
      command: { type: "end" },
      now,
    });
  }
}
