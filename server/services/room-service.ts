import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import {
  decide,
  applyAll,
  eventForViewer,
  viewFor,
  type Actor,
  type Command,
  type RoomState,
  type RoomView,
  type ViewEvent,
} from "@/server/domain/room";
import { AppError } from "@/server/errors";
import { appendEvents, eventsAfter, lockRoom, ROOM_NOT_FOUND, type StoredEvent } from "@/server/services/room-store";

/** Beyond this many missed events a rejoining client gets a fresh view instead of a replay. */
export const MAX_CATCH_UP_EVENTS = 500;

export interface RoomUser {
  id: string;
  name: string | null;
}

/** Sends committed events to the room's members; the realtime layer implements it. */
export type PublishRoomEvents = (state: RoomState, events: StoredEvent[]) => void;

export interface CommandOutcome {
  seq: number;
  state: RoomState;
  events: StoredEvent[];
}

/** The member's role in the session, from the database: never from anything the client says. */
async function actorFor(db: Pick<Db, "participant">, sessionId: string, userId: string): Promise<Actor> {
  const participant = await db.participant.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { role: true },
  });
  // A session that does not exist and one the user is not in look the same from outside.
  if (!participant) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  return { userId, role: participant.role };
}

/**
 * Load, decide, save, publish: the one path by which anything changes in a room. A command retried with
 * the same idempotency key is applied once; the retry gets the sequence number of the first.
 */
export async function executeCommand(
  db: Db,
  publish: PublishRoomEvents,
  input: { sessionId: string; user: RoomUser; idempotencyKey: string; command: Command; now: Date },
): Promise<CommandOutcome> {
  const actor = await actorFor(db, input.sessionId, input.user.id);
  // Keys are scoped to their sender, so no client can collide with (or probe) another's commands.
  const idempotencyKey = `${input.user.id}:${input.idempotencyKey}`;

  const outcome = await db.$transaction(async (tx) => {
    const room = await lockRoom(tx, input.sessionId);
    const earlier = await tx.sessionEvent.findUnique({ where: { idempotencyKey }, select: { seq: true, sessionId: true } });
    if (earlier) {
      if (earlier.sessionId !== input.sessionId) throw new AppError("CONFLICT", "That command id was already used.");
      return { seq: earlier.seq, state: room.state, events: [] };
    }
    const decision = decide(room.state, actor, input.command, input.now, () => randomUUID());
    if (!decision.ok) throw new AppError(decision.error.code, decision.error.message);
    if (decision.events.length === 0) return { seq: room.seq, state: room.state, events: [] };
    const next = applyAll(room.state, decision.events);
    const events = await appendEvents(tx, room, next, decision.events, { actorId: actor.userId, idempotencyKey, at: input.now });
    return { seq: room.seq + decision.events.length, state: next, events };
  });

  // Published only after the commit: nobody ever sees an event that could still roll back.
  if (outcome.events.length > 0) publish(outcome.state, outcome.events);
  return outcome;
}

export type JoinOutcome =
  | { mode: "snapshot"; view: RoomView; seq: number }
  | { mode: "events"; events: Array<{ seq: number; event: ViewEvent }>; view: RoomView; seq: number };

/**
 * Enters the room (recording the join and the presence), then answers with what the client missed since
 * `lastSeq`, projected for its role, or a fresh view when it has nothing or is too far behind.
 */
export async function joinRoom(
  db: Db,
  publish: PublishRoomEvents,
  input: { sessionId: string; user: RoomUser; lastSeq: number | null; now: Date },
): Promise<JoinOutcome> {
  const actor = await actorFor(db, input.sessionId, input.user.id);
  const name = input.user.name?.trim() || "Participant";
  let outcome = await executeCommand(db, publish, { ...input, idempotencyKey: randomUUID(), command: { type: "join", name } });
  if (outcome.state.presence[actor.userId]?.status !== "connected") {
    outcome = await executeCommand(db, publish, { ...input, idempotencyKey: randomUUID(), command: { type: "setPresence", status: "connected" } });
  }
  const { state, seq } = outcome;
  const view = viewFor(state, actor, input.now);

  const behind = input.lastSeq === null ? Infinity : seq - input.lastSeq;
  if (input.lastSeq === null || behind < 0 || behind > MAX_CATCH_UP_EVENTS) return { mode: "snapshot", view, seq };

  const missed = await eventsAfter(db, input.sessionId, input.lastSeq, MAX_CATCH_UP_EVENTS);
  const events = missed.flatMap(({ seq: eventSeq, event }) => {
    const projected = eventForViewer(event, state, actor);
    return projected ? [{ seq: eventSeq, event: projected }] : [];
  });
  return { mode: "events", events, view, seq };
}

/** Marks a member disconnected when their last socket in the room is gone. */
export async function leaveRoom(db: Db, publish: PublishRoomEvents, input: { sessionId: string; user: RoomUser; now: Date }): Promise<void> {
  await executeCommand(db, publish, { ...input, idempotencyKey: randomUUID(), command: { type: "setPresence", status: "disconnected" } });
}
