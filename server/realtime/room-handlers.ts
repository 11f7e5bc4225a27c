import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import type { Pool } from "pg";
import { eventForViewer, scratchpadEditForViewer, type Actor, type RoomState } from "@/server/domain/room";
import { ROOM_NOT_FOUND, type StoredEvent } from "@/server/services/room/store";
import { AppError, RetryLaterError, toFailure } from "@/server/platform/errors";
import type { EngineMetrics } from "@/server/platform/observability/metrics";
import {
  PROTOCOL_VERSION,
  roomCommandPayloadSchema,
  roomJoinPayloadSchema,
  roomLeavePayloadSchema,
  timeSyncPayloadSchema,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from "@/server/realtime/protocol";
import { createRateLimiter } from "@/server/realtime/rate-limit";
import type { RoomEngine } from "@/server/services/room/engine";
import { executeCommand, joinRoom, leaveRoom, memberRole, type RoomPublisher } from "@/server/services/room/actions";

export type RoomServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const COMMANDS_BURST = 40;
const COMMANDS_PER_SECOND = 10;

/** Every socket of one user in one session: how events reach them on whichever node they are connected to. */
export function memberRoom(sessionId: string, userId: string): string {
  return `session:${sessionId}:user:${userId}`;
}

export const REMOVED_MESSAGE = "The interviewer removed you from this interview.";
export const REPLACED_MESSAGE =
  "You joined this interview on another device with a fresh link, so this one has left it. If that was not you, ask the interviewer for a fresh link: it lets you back in here.";
export const DELETED_MESSAGE = "The interviewer deleted this interview.";

/**
 * Publishes committed events to each member, each event projected for that member only: the message
 * carries the change, never the whole view. A removed participant is told so, and their sockets leave
 * the member channel, which also ends the role they had cached: nothing more reaches them.
 */
export function roomPublisher(io: RoomServer, options: { otherNodes: boolean }): RoomPublisher {
  return {
    events: (state, events) => {
      publishEvents(io, state, events);
      const last = events.at(-1);
      if (last && options.otherNodes) io.serverSideEmit("room:advanced", state.sessionId, last.seq);
    },
    sessionDeleted: (sessionId, userIds) => {
      for (const userId of userIds) {
        const channel = memberRoom(sessionId, userId);
        io.to(channel).emit("room:removed", { sessionId, message: DELETED_MESSAGE });
        io.in(channel).socketsLeave(channel);
      }
    },
    scratchpadEdit: (state, edit) => {
      for (const participant of state.participants) {
        const projected = scratchpadEditForViewer(edit, state, participant);
        if (projected) io.to(memberRoom(state.sessionId, participant.userId)).emit("room:scratchpad", { sessionId: state.sessionId, ...projected });
      }
    },
  };
}

function publishEvents(io: RoomServer, state: RoomState, events: StoredEvent[]): void {
  for (const { event } of events) {
    if (event.type !== "participantRemoved") continue;
    const channel = memberRoom(state.sessionId, event.payload.userId);
    io.to(channel).emit("room:removed", { sessionId: state.sessionId, message: event.payload.replaced ? REPLACED_MESSAGE : REMOVED_MESSAGE });
    io.in(channel).socketsLeave(channel);
  }
  for (const participant of state.participants) {
    const viewer = { userId: participant.userId, role: participant.role };
    const channel = io.to(memberRoom(state.sessionId, participant.userId));
    for (const { seq, event } of events) {
      const projected = eventForViewer(event, state, viewer);
      if (projected) channel.emit("room:event", { sessionId: state.sessionId, seq, event: projected });
    }
  }
}

/** Counts a room command by type and result, and times it from arrival to answer. */
async function measured<T>(metrics: EngineMetrics, type: string, run: () => Promise<T>): Promise<T> {
  const { commands, commandSeconds, busy } = metrics;
  const stop = commandSeconds.startTimer({ type });
  try {
    const result = await run();
    commands.inc({ type, result: "ok" });
    return result;
  } catch (error) {
    const code = error instanceof AppError ? error.code : "INTERNAL";
    commands.inc({ type, result: code });
    if (code === "BUSY") busy.inc();
    throw error;
  } finally {
    stop();
  }
}

/**
 * The payload, or BAD_REQUEST. With `detail`, the message names the first field that is wrong and what
 * was expected (zod's messages name types and bounds, never the value sent), so that a client sending a
 * level of 7 learns which field to fix.
 */
function parse<T>(schema: z.ZodType<T>, payload: unknown, options: { detail?: boolean } = {}): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.filter((part) => typeof part === "string" || typeof part === "number").join(".");
  throw new AppError(
    "BAD_REQUEST",
    options.detail && issue && field ? `That message was malformed: ${field}: ${issue.message}.` : "That message was malformed.",
  );
}

export interface HandlerOptions {
  engine: RoomEngine;
  pool: Pool;
  metrics: EngineMetrics;
  /** Whether other nodes serve rooms too (through the Redis adapter), and so may write to any room. */
  otherNodes: boolean;
  isShuttingDown: () => boolean;
  reportError: (what: string, error: unknown) => void;
}

export function registerRoomHandlers(io: RoomServer, socket: RoomSocket, options: HandlerOptions): void {
  const { engine, pool } = options;
  const allow = createRateLimiter(COMMANDS_BURST, COMMANDS_PER_SECOND);
  const roles = (socket.data.roles ??= new Map());

  /**
   * The member's role cached at join, while the socket is still in the member's channel. A socket that
   * joined and has been taken out of the channel was removed from the session: to it, like to anyone
   * who is not a member, the session does not exist.
   */
  function actorIn(sessionId: string): Actor {
    const role = roles.get(sessionId);
    if (!role) throw new AppError("FORBIDDEN", "Join the room first.");
    if (!socket.rooms.has(memberRoom(sessionId, socket.data.user.id))) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
    return { userId: socket.data.user.id, role };
  }

  /** Runs a handler and always answers through the acknowledgement with a Result, never throws. */
  function handle<A extends object>(ack: unknown, run: () => Promise<A>): void {
    if (typeof ack !== "function") return;
    const reply = ack as (result: unknown) => void;
    if (!allow()) {
      reply(toFailure(new RetryLaterError("RATE_LIMITED", 1000 / COMMANDS_PER_SECOND)));
      return;
    }
    run().then(
      (result) => reply({ ok: true, ...result }),
      (error: unknown) => {
        if (!(error instanceof AppError)) options.reportError("room handler", error);
        reply(toFailure(error));
      },
    );
  }

  socket.on("time:sync", (payload, ack) =>
    handle(ack, async () => ({ serverNow: Date.now(), clientSentAt: parse(timeSyncPayloadSchema, payload).clientSentAt })),
  );

  socket.on("room:join", (payload, ack) =>
    handle(ack, async () => {
      if (typeof payload === "object" && payload !== null && (payload as { protocolVersion?: unknown }).protocolVersion !== PROTOCOL_VERSION) {
        throw new AppError("OUTDATED_CLIENT");
      }
      const input = parse(roomJoinPayloadSchema, payload);
      const { id: userId, name } = socket.data.user;
      const channel = memberRoom(input.sessionId, userId);
      // Subscribe before reading anything, so nothing committed in between is missed (a duplicate is
      // harmless: clients drop events at or below the sequence number they have). A removal committed
      // after the membership read below takes the socket out of the channel again, which is checked last.
      // Until then the channel carries nothing to a non-member: events go to participants only.
      await socket.join(channel);
      const subscribedAt = performance.now();
      try {
        const actor = { userId, role: await memberRole(pool, input.sessionId, userId) };
        roles.set(input.sessionId, actor.role);
        // On one node every write to a room goes through this node's engine, so its copy is complete;
        // with other nodes, the room is read again unless it was read after this socket subscribed.
        const joined = await joinRoom(engine, pool, {
          sessionId: input.sessionId,
          actor,
          name,
          lastSeq: input.lastSeq,
          now: new Date(),
          subscribedAt: options.otherNodes ? subscribedAt : null,
        });
        if (!socket.rooms.has(channel)) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
        return joined;
      } catch (error) {
        roles.delete(input.sessionId);
        await socket.leave(channel);
        throw error;
      }
    }),
  );

  socket.on("room:leave", (payload, ack) =>
    handle(ack, async () => {
      const { sessionId } = parse(roomLeavePayloadSchema, payload);
      const role = roles.get(sessionId);
      if (!roles.delete(sessionId) || !role) return {};
      await socket.leave(memberRoom(sessionId, socket.data.user.id));
      await markGoneIfLastSocket(sessionId, { userId: socket.data.user.id, role });
      return {};
    }),
  );

  socket.on("room:command", (payload, ack) =>
    handle(ack, async () => {
      const input = parse(roomCommandPayloadSchema, payload, { detail: true });
      return measured(options.metrics, input.command.type, async () => {
        const outcome = await executeCommand(engine, {
          sessionId: input.sessionId,
          actor: actorIn(input.sessionId),
          idempotencyKey: input.idempotencyKey,
          command: input.command,
          now: new Date(),
        });
        return outcome.revision === undefined ? { seq: outcome.seq } : { seq: outcome.seq, revision: outcome.revision };
      });
    }),
  );

  async function markGoneIfLastSocket(sessionId: string, actor: Actor): Promise<void> {
    const remaining = await io.in(memberRoom(sessionId, actor.userId)).fetchSockets();
    if (remaining.some((other) => other.id !== socket.id)) return;
    await leaveRoom(engine, { sessionId, actor, now: new Date() });
  }

  socket.on("disconnect", () => {
    // During a shutdown everyone reconnects to the next server in moments; do not record them as gone.
    if (options.isShuttingDown()) return;
    for (const [sessionId, role] of roles) {
      markGoneIfLastSocket(sessionId, { userId: socket.data.user.id, role }).catch((error: unknown) => {
        if (!(error instanceof AppError)) options.reportError("presence update", error);
      });
    }
  });
}
