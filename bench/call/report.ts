// The call benchmark's figures per configuration, and the tables it prints.
import { percentile } from "../realtime/load";
import { MILESTONES, type Milestone, type RunResult } from "./measure";
import { countOf } from "./server-stats";

export interface ConfigSummary {
  members: number;
  ice: "direct" | "relay";
  runs: number;
  /** Peer connections in the call: n(n − 1)/2. */
  connections: number;
  /** Member and remote member pairs measured (each direction counts). */
  pairs: number;
  firstFrameMs: { p50: number; p95: number; max: number };
  missing: number;
  clickSpreadMsP50: number;
  /** The median of each milestone, in ms from the later of the two members' clicks. */
  milestonesP50: Record<Milestone, number | null>;
  /** The server's CPU over the join minus the same length of idle (room open, nobody joining): median, min, max. */
  serverCpuMsPerCall: { p50: number; min: number; max: number };
  idleCpuMsPerSecond: number;
  signalsPerCall: { description: number; candidate: number; total: number; refused: number };
  signalBytesPerCall: number;
  loadAverageBefore: string;
  loadAverageAfter: string;
}

const round = (value: number, places = 0) => Math.round(value * 10 ** places) / 10 ** places;

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function summarise(
  config: { members: number; ice: "direct" | "relay"; runs: number },
  results: RunResult[],
  before: string,
  after: string,
): ConfigSummary {
  const frames = results.flatMap((result) => result.firstFrameMs).sort((a, b) => a - b);
  const cpu = results.map((result) => result.join.cpuMs - (result.idle.cpuMs * result.join.wallMs) / result.idle.wallMs);
  const idleRate = mean(results.map((result) => (result.idle.cpuMs / result.idle.wallMs) * 1000));
  const milestonesP50 = Object.fromEntries(
    MILESTONES.map((milestone) => {
      const values = results.flatMap((result) => result.milestones[milestone]);
      return [milestone, values.length === 0 ? null : round(median(values))];
    }),
  ) as Record<Milestone, number | null>;
  const perCall = (count: (result: RunResult) => number) => round(mean(results.map(count)), 1);
  return {
    ...config,
    connections: (config.members * (config.members - 1)) / 2,
    pairs: frames.length,
    firstFrameMs: { p50: round(percentile(frames, 50)), p95: round(percentile(frames, 95)), max: round(frames.at(-1) ?? 0) },
    missing: results.reduce((sum, result) => sum + result.missing, 0),
    clickSpreadMsP50: round(median(results.map((result) => result.clickSpreadMs))),
    milestonesP50,
    serverCpuMsPerCall: { p50: round(median(cpu), 1), min: round(Math.min(...cpu), 1), max: round(Math.max(...cpu), 1) },
    idleCpuMsPerSecond: round(idleRate, 1),
    signalsPerCall: {
      description: perCall((result) => result.signals.relayed.description ?? 0),
      candidate: perCall((result) => result.signals.relayed.candidate ?? 0),
      total: perCall((result) => countOf(result.signals.relayed)),
      refused: perCall((result) => countOf(result.signals.refused)),
    },
    signalBytesPerCall: round(mean(results.map((result) => result.signals.bytes))),
    loadAverageBefore: before,
    loadAverageAfter: after,
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

export function summaryTable(summaries: ConfigSummary[]): string {
  return table(
    [
      "members",
      "ice",
      "runs",
      "pairs",
      "first frame p50/p95/max ms",
      "missing",
      "server CPU ms/call p50 (min-max)",
      "signals/call (descr+cand)",
      "signal KB/call",
      "load avg before → after",
    ],
    summaries.map((s) => [
      String(s.members),
      s.ice,
      String(s.runs),
      String(s.pairs),
      `${s.firstFrameMs.p50} / ${s.firstFrameMs.p95} / ${s.firstFrameMs.max}`,
      String(s.missing),
      `${s.serverCpuMsPerCall.p50} (${s.serverCpuMsPerCall.min}-${s.serverCpuMsPerCall.max})`,
      `${s.signalsPerCall.total} (${s.signalsPerCall.description}+${s.signalsPerCall.candidate})${s.signalsPerCall.refused ? `, ${s.signalsPerCall.refused} refused` : ""}`,
      String(round(s.signalBytesPerCall / 1024, 1)),
      `${s.loadAverageBefore} → ${s.loadAverageAfter}`,
    ]),
  );
}

/** Where the join's time goes: each milestone's median, from the later of the pair's clicks. */
export function breakdownTable(summaries: ConfigSummary[]): string {
  return table(
    ["members", "ice", ...MILESTONES.map((milestone) => `${milestone} p50`)],
    summaries.map((s) => [String(s.members), s.ice, ...MILESTONES.map((milestone) => String(s.milestonesP50[milestone] ?? "-"))]),
  );
}
