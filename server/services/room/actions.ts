import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import { eventForViewer, scratchpadsFor, viewFor, type Actor, type ClientCommand, type Command, type Role } from "@/server/domain/room";
import type { RoomJoinResult } from "@/server/realtime/protocol";
import { AppError } from "@/server/platform/errors";
import { RoomEngine, type CommandOutcome } from "@/server/services/room/engine";
import { eventsBetween, liveSessionIds, participantRole, ROOM_NOT_FOUND } from "@/server/services/room/store";

export type { CommandOutcome, RoomPublisher } from "@/server/services/room/engine";

/** Beyond this many missed events a rejoining client gets a fresh view instead of a replay. */
export const MAX_CATCH_UP_EVENTS = 500;

export interface RoomUser {
  id: string;
  name: string | null;
}

/** The member's role in the session, from the database: never from anything the client says. */
export async function memberRole(pool: Pool, sessionId: string, userId: string): Promise<Role> {
  const role = await participantRole(pool, sessionId, userId);
  // A session that does not exist and one the user is not in look the same from outside.
  if (!role) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  return role;
}

/** Interviews are warmed at start if they are live and started within this long (longer ones are abandoned). */
const WARM_STARTED_WITHIN_MS = 12 * 60 * 60 * 1000;
const WARM_MAX_ROOMS = 5_000;

/**
 * Loads the rooms of the interviews running now into the engine, before the server takes connections:
 * after a restart their members all rejoin at once, and find their rooms in memory.
 */
export async function warmLiveRooms(engine: RoomEngine, pool: Pool): Promise<number> {
  return engine.warm(await liveSessionIds(pool, new Date(Date.now() - WARM_STARTED_WITHIN_MS), WARM_MAX_ROOMS));
}

/** Keys are scoped to their sender, so no client can collide with (or probe) another's commands. */
function scopedKey(userId: string, idempotencyKey: string): string {
  return `${userId}:${idempotencyKey}`;
}

/**
 * The one path by which anything changes in a room. A command retried with the same idempotency key is
 * applied once; the retry gets the sequence number of the first.
 */
export function executeCommand(
  engine: RoomEngine,
  input: { sessionId: string; actor: Actor; idempotencyKey: string; command: ClientCommand | Command; now: Date },
): Promise<CommandOutcome> {
  return engine.submit({ ...input, idempotencyKey: scopedKey(input.actor.userId, input.idempotencyKey) });
}

/**
 * Enters the room (recording the join and the presence), then answers a client that holds its view at
 * `lastSeq` with what it missed since, projected for its role, and any other with a fresh view (see
 * RoomJoinResult). With `subscribedAt` (performance.now()), the room is read from the database unless it
 * was read after that instant, in case another node wrote to it; joins that arrive together share reads.
 */
export async function joinRoom(
  engine: RoomEngine,
  pool: Pool,
  input: { sessionId: string; actor: Actor; name: string | null; lastSeq: number | null; now: Date; subscribedAt: number | null },
): Promise<RoomJoinResult> {
  const { sessionId, actor, now, lastSeq } = input;
  const name = input.name?.trim() || "Participant";
  let outcome = await engine.submit(
    { sessionId, actor, now, idempotencyKey: randomUUID(), command: { type: "join", name } },
    input.subscribedAt === null ? {} : { readAfter: input.subscribedAt },
  );
  if (outcome.state.presence[actor.userId]?.status !== "connected") {
    outcome = await engine.submit({ sessionId, actor, now, idempotencyKey: randomUUID(), command: { type: "setPresence", status: "connected" } });
  }
  const { state, seq } = outcome;
  // A plan can change only before the room's first event (canEditPlan), and a client holds a view only
  // after its own join event: a view at `lastSeq` always has the current plan, and events complete it.
  if (lastSeq === null || lastSeq > seq || seq - lastSeq > MAX_CATCH_UP_EVENTS) return { mode: "snapshot", view: viewFor(state, actor, now), seq };

  const missed = lastSeq === seq ? [] : await eventsBetween(pool, sessionId, lastSeq, seq);
  const events = missed.flatMap(({ seq: eventSeq, event }) => {
    const projected = eventForViewer(event, state, actor);
    return projected ? [{ seq: eventSeq, event: projected }] : [];
  });
  return { mode: "events", events, scratchpads: scratchpadsFor(state, actor), seq };
}

/**
 * Marks a member disconnected when their last socket in the room is gone. Leaving always succeeds: for
 * someone removed meanwhile the room records nothing (see `can`), and a deleted room has nobody to mark.
 */
export async function leaveRoom(engine: RoomEngine, input: { sessionId: string; actor: Actor; now: Date }): Promise<void> {
  try {
    await engine.submit({ ...input, idempotencyKey: randomUUID(), command: { type: "setPresence", status: "disconnected" } });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
  }
}
