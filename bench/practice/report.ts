// A scenario's figures from what its people saw and what the database holds.
import pg from "pg";
import { summary, type Summary } from "../realtime/load";
import { loadAverage } from "../realtime/process-stats";
import type { Invariants } from "./invariants";
import type { LoadRun } from "./load";
import type { Journey } from "./person";

export interface ScenarioResult {
  scenario: string;
  nodes: number;
  people: number;
  joined: number;
  /** People whose session was running by the end. */
  matched: number;
  /** Offered a match that was not running by the end. */
  proposedOnly: number;
  /** Never offered a match; by "topic / LEVEL". */
  unmatched: number;
  unmatchedBy: Record<string, number>;
  /** Join request sent to the first status poll showing the offer (the person's view, poll delay included). */
  seenMatchMs: Summary;
  /** Join answered to the proposal's createdAt, the start of the matching round's transaction (may read early). */
  serverMatchMs: Summary;
  /** Join request sent to the first status poll showing the session running. */
  activeMs: Summary;
  statusPolls: number;
  statusPollMs: Summary;
  joinMs: Summary;
  floorMs: Summary;
  /** The app nodes' CPU per status poll during the floor. */
  floorCpuMsPerPoll: number;
  errors: Record<string, number>;
  nodeCpuPercent: number[];
  generatorCpuPercent: number;
  invariants: Invariants;
  loadAverage: string;
}

/** The first proposal each person was in, by the database's clock (the same machine's). */
async function firstProposals(databaseUrl: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ userId: string; at: Date }>(
      `SELECT "userId", min("createdAt") AS "at" FROM (
         SELECT "firstId" AS "userId", "createdAt" FROM "PeerSession" UNION ALL SELECT "secondId", "createdAt" FROM "PeerSession") p
       GROUP BY "userId"`,
    );
    return new Map(rows.map((row) => [row.userId, row.at.getTime()]));
  } finally {
    await client.end();
  }
}

const since = (journeys: Journey[], from: (j: Journey) => number | null, to: (j: Journey) => number | null | undefined) =>
  summary(journeys.flatMap((j) => (from(j) !== null && to(j) != null ? [to(j)! - from(j)!] : [])));

export async function scenarioResult(
  scenario: string,
  databaseUrl: string,
  run: LoadRun,
  floor: { latencies: number[]; cpuMsPerCall: number },
  invariants: Invariants,
): Promise<ScenarioResult> {
  const { journeys } = run;
  const proposedAt = await firstProposals(databaseUrl);
  const joined = journeys.filter((j) => j.joinedAt !== null);
  const unmatched = joined.filter((j) => !proposedAt.has(j.person.id));
  const unmatchedBy: Record<string, number> = {};
  for (const { person } of unmatched) {
    const key = `${person.topic} / ${person.level}${person.alsoTopic ? ` (+ ${person.alsoTopic})` : ""}`;
    unmatchedBy[key] = (unmatchedBy[key] ?? 0) + 1;
  }
  const errors: Record<string, number> = {};
  for (const j of journeys) for (const [key, count] of Object.entries(j.errors)) errors[key] = (errors[key] ?? 0) + count;
  const polls = journeys.flatMap((j) => j.pollMs);
  return {
    scenario,
    nodes: run.nodeCpuPercent.length,
    people: journeys.length,
    joined: joined.length,
    matched: journeys.filter((j) => j.activeAt !== null).length,
    proposedOnly: joined.filter((j) => j.activeAt === null && proposedAt.has(j.person.id)).length,
    unmatched: unmatched.length,
    unmatchedBy,
    seenMatchMs: since(
      journeys,
      (j) => j.joinSentAt,
      (j) => j.proposedAt,
    ),
    serverMatchMs: since(
      journeys,
      (j) => j.joinedAt,
      (j) => proposedAt.get(j.person.id),
    ),
    activeMs: since(
      journeys,
      (j) => j.joinSentAt,
      (j) => j.activeAt,
    ),
    statusPolls: polls.length,
    statusPollMs: summary(polls),
    joinMs: since(
      journeys,
      (j) => j.joinSentAt,
      (j) => j.joinedAt,
    ),
    floorMs: summary(floor.latencies),
    floorCpuMsPerPoll: floor.cpuMsPerCall,
    errors,
    nodeCpuPercent: run.nodeCpuPercent,
    generatorCpuPercent: run.generatorCpuPercent,
    invariants,
    loadAverage: loadAverage(),
  };
}

const quartet = (s: Summary) => `${Math.round(s.p50)}/${Math.round(s.p95)}/${Math.round(s.p99)}/${Math.round(s.max)}`;

export const ROW_HEADER =
  "scenario  people matched proposed unmatched  seen match p50/p95/p99/max ms  server match ms  active ms  status polls p50/p99 ms (floor)  join p50/p99  node CPU %  gen CPU %  load avg";

export function row(r: ScenarioResult): string {
  return [
    r.scenario.padEnd(8),
    String(r.people).padStart(7),
    String(r.matched).padStart(7),
    String(r.proposedOnly).padStart(8),
    String(r.unmatched).padStart(9),
    quartet(r.seenMatchMs).padStart(30),
    quartet(r.serverMatchMs).padStart(16),
    quartet(r.activeMs).padStart(20),
    `${r.statusPolls} ${Math.round(r.statusPollMs.p50)}/${Math.round(r.statusPollMs.p99)} (${Math.round(r.floorMs.p50)}/${Math.round(r.floorMs.p99)})`.padStart(
      24,
    ),
    `${Math.round(r.joinMs.p50)}/${Math.round(r.joinMs.p99)}`.padStart(12),
    r.nodeCpuPercent.join("+").padStart(10),
    String(r.generatorCpuPercent).padStart(9),
    ` ${r.loadAverage}`,
  ].join(" ");
}
