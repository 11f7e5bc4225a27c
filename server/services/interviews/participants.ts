// Taking someone out of an interview.
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import type { SessionUser } from "@/server/auth/session";
import { canBeRemoved } from "@/server/domain/room";
import { AppError, RetryLaterError } from "@/server/platform/errors";
import { executeCommand } from "@/server/services/room/actions";
import type { RoomEngine } from "@/server/services/room/engine";
import { requireOrganiser, roleIn } from "@/server/services/interviews/membership";

/**
 * The owner removes a candidate or an observer: their membership goes first (from then on they cannot
 * join), then the room records it, which takes their open tabs out and updates everyone's view. Calling
 * it again finishes a removal whose second step failed: someone still in the room is removed from it.
 */
export async function removeParticipant(db: Db, engine: RoomEngine, user: SessionUser, input: { sessionId: string; userId: string }, now: Date): Promise<void> {
  await requireOrganiser(db, input.sessionId, user.id);
  const target = await roleIn(db, input.sessionId, input.userId);
  if (target !== null && !canBeRemoved(target)) throw new AppError("FORBIDDEN", "Interviewers cannot be removed from the interview.");
  if (target !== null) await db.participant.delete({ where: { sessionId_userId: { sessionId: input.sessionId, userId: input.userId } } });
  const recorded = await recordRemoval(engine, user.id, input.sessionId, input.userId, now);
  if (target === null && !recorded) throw new AppError("NOT_FOUND", "That person is not in this interview.");
}

const REMOVAL_ATTEMPTS = 10;

/**
 * Records a removal by the owner (`ownerId`) in the room, waiting out a busy room; whether it removed
 * someone who was in it. `replaced`: the same person came in on another device (a fresh candidate link).
 */
export async function recordRemoval(
  engine: RoomEngine,
  ownerId: string,
  sessionId: string,
  userId: string,
  now: Date,
  options: { replaced?: true } = {},
): Promise<boolean> {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await executeCommand(engine, {
        sessionId,
        actor: { userId: ownerId, role: "INTERVIEWER" },
        idempotencyKey,
        command: { type: "removeParticipant", userId, ...options },
        now,
      });
      return outcome.events.length > 0;
    } catch (error) {
      if (!(error instanceof RetryLaterError) || attempt === REMOVAL_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
    }
  }
}
