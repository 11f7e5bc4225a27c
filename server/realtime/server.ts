import type { Server as HttpServer } from "node:http";
import { createGateway } from "@/server/realtime/gateway";
import { createRoomPublisher } from "@/server/realtime/publisher";
import { startSocketIo } from "@/server/realtime/socket-io";
import { REALTIME_NOT_RUNNING } from "@/server/realtime/status";
import { warmLiveRooms } from "@/server/services/room/actions";
import type { Runtime } from "@/server/platform/runtime";

// Where the realtime side is put together from the runtime: the Socket.IO server (socket-io.ts), the
// gateway it hands events to, and the publisher the room engine sends committed events through.

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
  /** Tells every client the server is going down, then closes all sockets. */
  close(reason: string): Promise<void>;
}

/** Loads the rooms of the interviews running now, so that their members, all rejoining at once, find them in memory. */
async function warm(runtime: Runtime, options: RealtimeOptions): Promise<void> {
  const warmingStartedAt = performance.now();
  try {
    const warmed = await warmLiveRooms(runtime.engine, runtime.pool);
    if (warmed > 0) options.log(`loaded the rooms of ${warmed} live interviews in ${Math.round(performance.now() - warmingStartedAt)} ms`);
  } catch (error) {
    // Not fatal: each room loads on demand as it would have anyway.
    options.logError(`loading the live rooms failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function startRealtime(httpServer: HttpServer, options: RealtimeOptions): Promise<Realtime> {
  const { runtime } = options;
  const { engine, pool, publisher, metrics, reportError } = runtime;
  let shuttingDown = false;
  const otherNodes = Boolean(options.redisUrl);
  const adapter = otherNodes ? "redis" : "memory";
  const sockets = await startSocketIo(httpServer, options);

  await warm(runtime, options);
  const gateway = createGateway({
    engine,
    pool,
    metrics,
    otherNodes,
    isShuttingDown: () => shuttingDown,
    reportError,
    now: Date.now,
    relay: (sessionId, userId, event, message) => sockets.channels.send(sessionId, userId, event, message),
  });
  sockets.serve(gateway, (sessionId, seq) => engine.advanced(sessionId, seq));
  publisher.attach(createRoomPublisher(sockets.channels, { otherNodes }));
  metrics.setGaugeSources({
    rooms: () => engine.stats().rooms,
    queued: () => engine.stats().queued,
    sockets: () => sockets.connectedSockets(),
    pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  });
  runtime.realtimeStatus = () => ({ running: true, adapter, connectedSockets: sockets.connectedSockets() });
  runtime.endSocketsOf = (userId) => sockets.endSocketsOf(userId);

  return {
    async close(reason) {
      shuttingDown = true;
      await engine.persistAll();
      publisher.attach(null);
      await sockets.close(reason);
      runtime.realtimeStatus = () => ({ ...REALTIME_NOT_RUNNING, adapter });
      runtime.endSocketsOf = () => undefined;
    },
  };
}
