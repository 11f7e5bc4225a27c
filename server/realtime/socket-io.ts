import type { Server as HttpServer, IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server, type Socket } from "socket.io";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "@/server/platform/http/security-headers";
import { userFromHeaders } from "@/server/auth/session";
import { SCRATCHPAD_MAX_LENGTH } from "@/server/domain/room";
import type { Gateway, MemberChannels } from "@/server/realtime/gateway";
import type { SessionChannels } from "@/server/realtime/publisher";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@/server/realtime/protocol";

// The only file that knows Socket.IO: it builds the server (origin check, security headers, the Redis
// adapter, handshake authentication), hands each event to the gateway and its answer to the
// acknowledgement, and gives the gateway and the publisher their channels as Socket.IO rooms.

export type RoomServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Largest single socket message accepted; past it Socket.IO closes the connection without an answer, so it
 * must hold the biggest legitimate message: a whole scratchpad sent as one splice (a paste of the full
 * limit, or a resend after a conflict). JSON spends up to 6 bytes on one UTF-16 unit (a control character
 * as \u00XX; CJK text takes 3), plus the envelope. Anything smaller than this is answered, so a scratchpad
 * edit past the limit gets the domain's clear refusal and the socket stays up.
 */
export const MAX_PAYLOAD_BYTES = SCRATCHPAD_MAX_LENGTH * 6 + 16 * 1024;

export interface SocketIoOptions {
  appUrl: string;
  redisUrl?: string;
  /** The deployment's prefix for the adapter's Redis channels. */
  redisKeyPrefix: string;
  log: (line: string) => void;
}

/** The Socket.IO server, as the rest of the realtime side sees it. */
export interface SocketIo {
  /** Channels for the room publisher: every socket of one member of a session, on any node. */
  channels: SessionChannels;
  /** Starts answering connections through the gateway; a node's `room:advanced` goes to `onAdvanced`. */
  serve(gateway: Gateway, onAdvanced: (sessionId: string, seq: number) => void): void;
  connectedSockets(): number;
  /** Closes every socket of the user, on whichever node it is connected to. */
  endSocketsOf(userId: string): void;
  /** Tells every client the server is going down, then closes all sockets and the adapter's connections. */
  close(reason: string): Promise<void>;
}

/** Every socket of one user, in any session: how their sockets are closed when their sessions end. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Every socket of one user in one session: how events reach them on whichever node they are connected to. */
export function memberRoom(sessionId: string, userId: string): string {
  return `session:${sessionId}:user:${userId}`;
}

/**
 * A browser always sends Origin on a WebSocket upgrade; refusing foreign origins stops another site from
 * riding the session cookie (cross-site WebSocket hijacking). Non-browser clients send none.
 */
function originAllowed(req: IncomingMessage, appUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const sameHost = req.headers.host ? [`http://${req.headers.host}`, `https://${req.headers.host}`] : [];
  return origin === new URL(appUrl).origin || sameHost.includes(origin);
}

export async function startSocketIo(httpServer: HttpServer, options: SocketIoOptions): Promise<SocketIo> {
  const io: RoomServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    // Leave upgrades for other paths (Next.js dev HMR) alone instead of destroying them.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(originAllowed(req, options.appUrl) ? null : "origin not allowed", originAllowed(req, options.appUrl)),
    // No connection-state recovery: it keeps every packet sent to a room for its whole window, in
    // memory, to replay what a client rejoining with `lastSeq` gets from the event log anyway.
  });

  // Polling responses are written by engine.io, not by the app's request handler.
  io.engine.on("headers", (headers: Record<string, string>) => {
    Object.assign(headers, STATIC_SECURITY_HEADERS, { "Content-Security-Policy": API_CONTENT_SECURITY_POLICY });
  });

  const redisClients = options.redisUrl ? await attachRedisAdapter(io, options.redisUrl, options) : [];
  io.use(async (socket, next) => {
    try {
      const user = await userFromHeaders(socket.request.headers);
      if (!user) return next(new Error("unauthorized"));
      socket.data.user = user;
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  return {
    channels: sessionChannels(io),
    serve(gateway, onAdvanced) {
      io.on("connection", (socket) => {
        void socket.join(userRoom(socket.data.user.id));
        serveSocket(io, socket, gateway);
      });
      io.on("room:advanced", onAdvanced);
    },
    connectedSockets: () => io.engine.clientsCount,
    endSocketsOf: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    async close(reason) {
      io.emit("server:shutdown", { reason });
      // Flush the shutdown notice before the transports close.
      await new Promise((resolve) => setTimeout(resolve, 100));
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}

async function attachRedisAdapter(io: RoomServer, redisUrl: string, options: SocketIoOptions): Promise<Redis[]> {
  const pub = new Redis(redisUrl, { lazyConnect: true });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on("error", (error) => options.log(`redis: ${String(error)}`));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: `${options.redisKeyPrefix}:socket.io` }));
  return [pub, sub];
}

function sessionChannels(io: RoomServer): SessionChannels {
  return {
    // Socket.IO's typed emit cannot follow a generic event name; `send`'s own signature checks the pair.
    send: (sessionId, userId, event, message) => io.to(memberRoom(sessionId, userId)).emit(event, ...([message] as never)),
    unsubscribeAll: (sessionId, userId) => {
      const channel = memberRoom(sessionId, userId);
      io.in(channel).socketsLeave(channel);
    },
    announceAdvanced: (sessionId, seq) => io.serverSideEmit("room:advanced", sessionId, seq),
  };
}

/** One socket's channels: its user's member room in each session. */
function memberChannels(io: RoomServer, socket: RoomSocket): MemberChannels {
  const channel = (sessionId: string) => memberRoom(sessionId, socket.data.user.id);
  return {
    subscribe: async (sessionId) => socket.join(channel(sessionId)),
    unsubscribe: async (sessionId) => socket.leave(channel(sessionId)),
    isSubscribed: (sessionId) => socket.rooms.has(channel(sessionId)),
    othersSubscribed: async (sessionId) => (await io.in(channel(sessionId)).fetchSockets()).some((other) => other.id !== socket.id),
  };
}

/** Each event to the gateway, its Result to the acknowledgement; an event without one is ignored. */
function serveSocket(io: RoomServer, socket: RoomSocket, gateway: Gateway): void {
  const member = gateway.connect(socket.data.user, memberChannels(io, socket));
  const answer = (event: keyof ClientToServerEvents) => (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    void gateway.handle(member, event, payload).then((result) => (ack as (result: unknown) => void)(result));
  };
  socket.on("time:sync", answer("time:sync"));
  socket.on("room:join", answer("room:join"));
  socket.on("room:leave", answer("room:leave"));
  socket.on("room:command", answer("room:command"));
  socket.on("call:signal", answer("call:signal"));
  socket.on("pad:pull", answer("pad:pull"));
  socket.on("pad:cursor", answer("pad:cursor"));
  socket.on("board:pointer", answer("board:pointer"));
  socket.on("disconnect", () => void gateway.disconnect(member));
}
