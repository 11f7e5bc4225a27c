// The app server's side of a call: its CPU time from /proc, and the call-signal counters it exposes on
// GET /metrics (server/platform/observability/metrics.ts; enabled by METRICS_TOKEN, read with it as a
// bearer token).
import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time a process's threads have used so far, in ms, to the nanosecond: the sum of each thread's
 * time on a CPU (/proc/PID/task/TID/schedstat), what getrusage reports. /proc/PID/stat counts in 10 ms
 * ticks, too coarse for a call's few tens of milliseconds. A thread that has exited is no longer counted:
 * Node's threads (the main one, libuv's pool, V8's helpers) live as long as the process.
 */
export function preciseCpuMsOf(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

export interface SignalCounters {
  /** Signals relayed (result "ok"), by kind: description (offers and answers) and candidate. */
  relayed: Record<string, number>;
  /** Signals refused, by result (the error code). */
  refused: Record<string, number>;
  bytes: number;
}

/** Parses one Prometheus sample line's labels: `name{a="x",b="y"} 3` → { a: "x", b: "y" }. */
function labelsOf(line: string): Record<string, string> {
  const inside = /\{([^}]*)\}/.exec(line)?.[1] ?? "";
  return Object.fromEntries([...inside.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

export function parseSignalCounters(text: string): SignalCounters {
  const counters: SignalCounters = { relayed: {}, refused: {}, bytes: 0 };
  for (const line of text.split("\n")) {
    const value = Number(line.split(" ").at(-1));
    if (line.startsWith("mockroom_call_signal_bytes_total")) counters.bytes += value;
    if (!line.startsWith("mockroom_call_signals_total{")) continue;
    const { kind = "?", result = "?" } = labelsOf(line);
    if (result === "ok") counters.relayed[kind] = (counters.relayed[kind] ?? 0) + value;
    else counters.refused[result] = (counters.refused[result] ?? 0) + value;
  }
  return counters;
}

export async function scrapeSignals(baseUrl: string, token: string): Promise<SignalCounters> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return parseSignalCounters(await response.text());
}

/** What happened between two scrapes. */
export function signalsBetween(before: SignalCounters, after: SignalCounters): SignalCounters {
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(a)
        .map(([key, value]) => [key, value - (b[key] ?? 0)])
        .filter(([, value]) => value !== 0),
    );
  return { relayed: minus(after.relayed, before.relayed), refused: minus(after.refused, before.refused), bytes: after.bytes - before.bytes };
}

export function countOf(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, value) => sum + value, 0);
}

/** CPU milliseconds the process used during `window` (which returns when done). */
export async function cpuMsDuring(pid: number, window: () => Promise<void>): Promise<{ cpuMs: number; wallMs: number }> {
  const cpuBefore = preciseCpuMsOf(pid);
  const startedAt = performance.now();
  await window();
  return { cpuMs: preciseCpuMsOf(pid) - cpuBefore, wallMs: performance.now() - startedAt };
}
