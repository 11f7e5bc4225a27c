// The practice bench's load: people joining at an even pace across the app nodes, each then waiting as
// the waiting page does (./person.ts); and the floor, the same status poll with nobody queued.
import type { AppServer } from "@/tests/support/app-server";
import { cpuMsOf } from "../realtime/process-stats";
import type { BenchPerson } from "./people";
import { Practitioner, type Journey } from "./person";

export interface LoadOptions {
  seconds: number;
  pollMs: number;
  /** How long after the last join the people still wait before they count as unmatched and leave. */
  graceMs: number;
}

export interface LoadRun {
  journeys: Journey[];
  windowMs: number;
  /** Each app node's CPU over the window, in % of one core. */
  nodeCpuPercent: number[];
  /** This load generator's own CPU over the window, in % of one core (it shares the machine). */
  generatorCpuPercent: number;
}

const percentOf = (cpuMs: number, windowMs: number) => Math.round((cpuMs / windowMs) * 100);

/** Person i joins at i * seconds / people, on node i % nodes; resolves once everyone is done. */
export async function runLoad(nodes: AppServer[], people: BenchPerson[], options: LoadOptions): Promise<LoadRun> {
  const pids = nodes.map((node) => node.process.pid ?? 0);
  const cpuBefore = pids.map(cpuMsOf);
  const generatorBefore = process.cpuUsage();
  const startedAt = Date.now();
  const deadline = startedAt + options.seconds * 1000 + options.graceMs;
  const spacingMs = (options.seconds * 1000) / people.length;
  const practitioners = people.map((person, i) => new Practitioner(person, i % nodes.length, nodes[i % nodes.length]!.url));
  await Promise.all(
    practitioners.map(async (practitioner, i) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + i * spacingMs - Date.now())));
      await practitioner.practise(options.pollMs, deadline);
    }),
  );
  const windowMs = Date.now() - startedAt;
  const generator = process.cpuUsage(generatorBefore);
  return {
    journeys: practitioners.map((practitioner) => practitioner.journey),
    windowMs,
    nodeCpuPercent: pids.map((pid, n) => percentOf(cpuMsOf(pid) - cpuBefore[n]!, windowMs)),
    generatorCpuPercent: percentOf((generator.user + generator.system) / 1000, windowMs),
  };
}

/**
 * The floor: `calls` status polls with nobody in the queue, a few at a time across the nodes, after as many
 * again to warm the nodes up (a fresh server compiles its routes and fills its caches on first use); and the
 * nodes' CPU per poll meanwhile, the cost of one request when the machine lets the node have it.
 */
export async function measureFloor(
  nodes: AppServer[],
  people: BenchPerson[],
  calls: number,
  concurrency = 4,
): Promise<{ latencies: number[]; cpuMsPerCall: number }> {
  const latencies: number[] = [];
  const poll = async (round: "warm-up" | "measured") => {
    let next = 0;
    const lane = async () => {
      while (next < calls) {
        const i = next++;
        const practitioner = new Practitioner(people[i % people.length]!, 0, nodes[i % nodes.length]!.url);
        const sentAt = performance.now();
        await practitioner.trpc.practice.status.query();
        if (round === "measured") latencies.push(performance.now() - sentAt);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  };
  await poll("warm-up");
  const nodeCpuMs = () => nodes.reduce((sum, node) => sum + cpuMsOf(node.process.pid ?? 0), 0);
  const cpuBefore = nodeCpuMs();
  await poll("measured");
  return { latencies, cpuMsPerCall: Math.round(((nodeCpuMs() - cpuBefore) / calls) * 10) / 10 };
}
