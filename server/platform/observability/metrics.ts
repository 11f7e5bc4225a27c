import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * What operators see of the realtime engine, in Prometheus' text format at GET /metrics (see
 * server/platform/http/metrics-endpoint.ts). One registry per process, held by the runtime.
 */
export interface EngineMetrics {
  registry: Registry;
  commands: Counter<"type" | "result">;
  commandSeconds: Histogram<"type">;
  busy: Counter;
  /** Call signals relayed or refused, and the bytes of those relayed (the server's whole part in a call's media). */
  callSignals: Counter<"kind" | "result">;
  callSignalBytes: Counter;
  /** Filled in when scraped, from the sources that know the figures. */
  gauges: { rooms: Gauge; sockets: Gauge; queueDepth: Gauge; poolConnections: Gauge<"state"> };
  /** Where the gauges read from; the realtime server sets it when it starts. */
  setGaugeSources(sources: EngineGaugeSources): void;
}

export interface EngineGaugeSources {
  rooms: () => number;
  queued: () => number;
  sockets: () => number;
  pool: () => { total: number; idle: number; waiting: number };
}

interface SourceHolder {
  current: EngineGaugeSources | null;
}

export function createMetrics(): EngineMetrics {
  const sources: SourceHolder = { current: null };
  const registry = new Registry();
  // Process figures, including event-loop lag (nodejs_eventloop_lag_*), heap and CPU.
  collectDefaultMetrics({ register: registry });
  const gauge = <L extends string>(name: string, help: string, read: (g: Gauge<L>, s: EngineGaugeSources) => void, labelNames: L[] = []) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        if (sources.current) read(this, sources.current);
      },
    });
  return {
    registry,
    commands: new Counter({
      name: "mockroom_room_commands_total",
      help: "Room commands handled, by type and result (ok or the error code).",
      labelNames: ["type", "result"],
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: "mockroom_room_command_duration_seconds",
      help: "Time from a room command's arrival to its acknowledgement.",
      labelNames: ["type"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    busy: new Counter({ name: "mockroom_room_busy_total", help: "Commands answered BUSY because a queue was full.", registers: [registry] }),
    callSignals: new Counter({
      name: "mockroom_call_signals_total",
      help: "WebRTC signals (description or candidate) relayed (ok) or refused (the error code).",
      labelNames: ["kind", "result"],
      registers: [registry],
    }),
    callSignalBytes: new Counter({ name: "mockroom_call_signal_bytes_total", help: "Bytes of the call signals relayed, as JSON.", registers: [registry] }),
    gauges: {
      rooms: gauge("mockroom_live_rooms", "Rooms held in this process's memory.", (g, s) => g.set(s.rooms())),
      sockets: gauge("mockroom_sockets", "Connected Socket.IO clients.", (g, s) => g.set(s.sockets())),
      queueDepth: gauge("mockroom_room_queue_depth", "Room commands waiting to be written.", (g, s) => g.set(s.queued())),
      poolConnections: gauge(
        "mockroom_db_pool_connections",
        "Database pool connections: total, idle, and requests waiting for one.",
        (g, s) => {
          const pool = s.pool();
          g.set({ state: "total" }, pool.total);
          g.set({ state: "idle" }, pool.idle);
          g.set({ state: "waiting" }, pool.waiting);
        },
        ["state"],
      ),
    },
    setGaugeSources(current) {
      sources.current = current;
    },
  };
}
