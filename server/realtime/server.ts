import type { Server as HttpServer, IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "@/server/platform/http/security-headers";
import { userFromHeaders } from "@/server/auth/session";
import { registerRoomHandlers, roomPublisher, type RoomServer } from "@/server/realtime/room-handlers";
import { warmLiveRooms } from "@/server/services/room/actions";
import type { Runtime } from "@/server/platform/runtime";
import { REALTIME_NOT_RUNNING } from "@/server/realtime/status";
import { SCRATCHPAD_MAX_LENGTH } from "@/server/domain/room";

/**
 * Largest single socket message accepted; past it Socket.IO closes the connection without an answer, so it
 * must hold the biggest legitimate message: a whole scratchpad sent as one splice (a paste of the full
 * limit, or a resend after a conflict). JSON spends up to 6 bytes on one UTF-16 unit (a control character
 * as \u00XX; CJK text takes 3), plus the envelope. Anything smaller than this is answered, so a scratchpad
 * edit past the limit gets the domain's clear refusal and the socket stays up.
 */
export const MAX_PAYLOAD_BYTES = SCRATCHPAD_MAX_LENGTH * 6 + 16 * 1024;

export interface RealtimeOptions {
  runtime: Runtime;
  appUrl: string;
  redisUrl?: string;
  /** The deployment's prefix for the adapter's Redis channels. */
  redisKeyPrefix: string;
  log: (line: string) => void;
  logError: (line: string) => void;
}

export interface Realtime {
  io: RoomServer;
  /** Tells every client the server is going down, then closes all sockets. */
  close(reason: string): Promise<void>;
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

export async function startRealtime(httpServer: HttpServer, options: RealtimeOptions): Promise<Realtime> {
  let shuttingDown = false;
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

  const redisClients: Redis[] = [];
  if (options.redisUrl) {
    const pub = new Redis(options.redisUrl, { lazyConnect: true });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on("error", (error) => options.log(`redis: ${String(error)}`));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub, { key: `${options.redisKeyPrefix}:socket.io` }));
    redisClients.push(pub, sub);
  }

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

  const { engine, pool, publisher, metrics, reportError } = options.runtime;
  const warmingStartedAt = performance.now();
  try {
    const warmed = await warmLiveRooms(engine, pool);
    if (warmed > 0) options.log(`loaded the rooms of ${warmed} live interviews in ${Math.round(performance.now() - warmingStartedAt)} ms`);
  } catch (error) {
    // Not fatal: each room loads on demand as it would have anyway.
    options.logError(`loading the live rooms failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.on("connection", (socket) =>
    registerRoomHandlers(io, socket, { engine, pool, metrics, otherNodes: Boolean(options.redisUrl), isShuttingDown: () => shuttingDown, reportError }),
  );
  publisher.attach(roomPublisher(io, { otherNodes: Boolean(options.redisUrl) }));
  io.on("room:advanced", (sessionId, seq) => engine.advanced(sessionId, seq));
  metrics.setGaugeSources({
    rooms: () => engine.stats().rooms,
    queued: () => engine.stats().queued,
    sockets: () => io.engine.clientsCount,
    pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  });

  options.runtime.realtimeStatus = () => ({
    running: true,
    adapter: options.redisUrl ? "redis" : "memory",
    connectedSockets: io.engine.clientsCount,
  });

  return {
    io,
    async close(reason) {
      shuttingDown = true;
      await engine.persistAll();
      publisher.attach(null);
      io.emit("server:shutdown", { reason });
      // Flush the shutdown notice before the transports close.
      await new Promise((resolve) => setTimeout(resolve, 100));
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
      options.runtime.realtimeStatus = () => ({ ...REALTIME_NOT_RUNNING, adapter: options.redisUrl ? "redis" : "memory" });
    },
  };
}
