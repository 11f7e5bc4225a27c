import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import { db } from "@/server/db/client";
import { eventForViewer, viewFor } from "@/server/domain/room";
import { AppError, toFailure } from "@/server/errors";
import {
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
import { executeCommand, joinRoom, leaveRoom, type PublishRoomEvents } from "@/server/services/room-service";

export type RoomServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData & { sessionIds?: Set<string> }>;
type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData & { sessionIds?: Set<string> }>;

const COMMANDS_BURST = 40;
const COMMANDS_PER_SECOND = 10;

/** Every socket of one user in one session: how events reach them on whichever node they are connected to. */
export function memberRoom(sessionId: string, userId: string): string {
  return `session:${sessionId}:user:${userId}`;
}

export const REMOVED_MESSAGE = "The interviewer removed you from this interview.";

/**
 * Publishes committed events to each member, projected and viewed for that member only. A removed
 * participant is told so, and their sockets leave the room's channel: nothing more reaches them.
 */
export function roomPublisher(io: RoomServer): PublishRoomEvents {
  return (state, events) => {
    const now = new Date();
    for (const { event } of events) {
      if (event.type !== "participantRemoved") continue;
      const channel = memberRoom(state.sessionId, event.payload.userId);
      io.to(channel).emit("room:removed", { sessionId: state.sessionId, message: REMOVED_MESSAGE });
      io.in(channel).socketsLeave(channel);
    }
    for (const participant of state.participants) {
      const viewer = { userId: participant.userId, role: participant.role };
      const view = viewFor(state, viewer, now);
      for (const { seq, event } of events) {
        const projected = eventForViewer(event, state, viewer);
        if (projected) io.to(memberRoom(state.sessionId, participant.userId)).emit("room:event", { sessionId: state.sessionId, seq, event: projected, view });
      }
    }
  };
}

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new AppError("BAD_REQUEST", "That message was malformed.");
  return result.data;
}

export function registerRoomHandlers(io: RoomServer, socket: RoomSocket, options: { isShuttingDown: () => boolean }): void {
  const publish = roomPublisher(io);
  const allow = createRateLimiter(COMMANDS_BURST, COMMANDS_PER_SECOND);
  const user = () => ({ id: socket.data.user.id, name: socket.data.user.name });
  const sessionIds = (socket.data.sessionIds ??= new Set());

  /** Runs a handler and always answers through the acknowledgement with a Result, never throws. */
  function handle<A extends object>(ack: unknown, run: () => Promise<A>): void {
    if (typeof ack !== "function") return;
    const reply = ack as (result: unknown) => void;
    if (!allow()) {
      reply(toFailure(new AppError("RATE_LIMITED")));
      return;
    }
    run().then(
      (result) => reply({ ok: true, ...result }),
      (error: unknown) => {
        if (!(error instanceof AppError)) console.error("[realtime] handler failed:", error);
        reply(toFailure(error));
      },
    );
  }

  socket.on("time:sync", (payload, ack) =>
    handle(ack, async () => ({ serverNow: Date.now(), clientSentAt: parse(timeSyncPayloadSchema, payload).clientSentAt })),
  );

  socket.on("room:join", (payload, ack) =>
    handle(ack, async () => {
      const input = parse(roomJoinPayloadSchema, payload);
      // Subscribe before reading, so nothing committed in between is missed (a duplicate is harmless:
      // clients drop events at or below the sequence number they have).
      await socket.join(memberRoom(input.sessionId, socket.data.user.id));
      try {
        const outcome = await joinRoom(db(), publish, { sessionId: input.sessionId, user: user(), lastSeq: input.lastSeq, now: new Date() });
        sessionIds.add(input.sessionId);
        return outcome;
      } catch (error) {
        await socket.leave(memberRoom(input.sessionId, socket.data.user.id));
        throw error;
      }
    }),
  );

  socket.on("room:leave", (payload, ack) =>
    handle(ack, async () => {
      const { sessionId } = parse(roomLeavePayloadSchema, payload);
      if (!sessionIds.delete(sessionId)) return {};
      await socket.leave(memberRoom(sessionId, socket.data.user.id));
      await markGoneIfLastSocket(sessionId);
      return {};
    }),
  );

  socket.on("room:command", (payload, ack) =>
    handle(ack, async () => {
      const input = parse(roomCommandPayloadSchema, payload);
      if (!sessionIds.has(input.sessionId)) throw new AppError("FORBIDDEN", "Join the room first.");
      const outcome = await executeCommand(db(), publish, {
        sessionId: input.sessionId,
        user: user(),
        idempotencyKey: input.idempotencyKey,
        command: input.command,
        now: new Date(),
      });
      return { seq: outcome.seq };
    }),
  );

  async function markGoneIfLastSocket(sessionId: string): Promise<void> {
    const remaining = await io.in(memberRoom(sessionId, socket.data.user.id)).fetchSockets();
    if (remaining.some((other) => other.id !== socket.id)) return;
    await leaveRoom(db(), publish, { sessionId, user: user(), now: new Date() });
  }

  socket.on("disconnect", () => {
    // During a shutdown everyone reconnects to the next server in moments; do not record them as gone.
    if (options.isShuttingDown()) return;
    for (const sessionId of sessionIds) {
      markGoneIfLastSocket(sessionId).catch((error: unknown) => console.error("[realtime] presence update failed:", error));
    }
  });
}
