// npm run bench:practice -- [--people 2000] [--seconds 60] [--nodes 2] [--poll-ms 2000] [--grace-seconds 30]
//   [--topics 5] [--floor-calls 300] [--cpu-prof DIR] [--logs DIR]
//
// Peer practice matching under load, through the real app (production build, tRPC over HTTP). --people
// join the queue evenly over --seconds, person i on node i % nodes, on the bundled bank's --topics largest
// topics, levels weighted toward MID and SENIOR, half of them with a second topic they would also take.
// Each then waits as the waiting page does (bench/practice/person.ts): a status poll every --poll-ms, a
// heartbeat every 20 s, an accept as soon as a match is offered; whoever is not in a running session
// --grace-seconds after the last join counts as unmatched and leaves. Measured: the time to a match as the
// person sees it (poll delay included) and as the matcher made it, the time to the running session, the
// status polls' latency under the load. The baseline in the same run: the same load on one node first,
// and the floor, the same status poll with nobody queued, on each scenario's nodes. After each scenario the
// database is checked (bench/practice/invariants.ts): nobody matched twice, nobody in two rooms; the bench
// fails otherwise. PostgreSQL: a fresh database per scenario on TEST_DATABASE_URL's server, dropped after,
// or an embedded one. The last line is one JSON object.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/server/platform/db/client";
import { bankFilesIn, importBankPaths } from "@/server/services/bank/import-paths";
import { ensureProductionBuild } from "@/scripts/production-build";
import { startAppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/free-port";
import { copyTemplateDatabase, createTestDatabaseServer, type TestDatabaseServer } from "@/tests/support/test-database";
import { checkInvariants, invariantsHold } from "./practice/invariants";
import { measureFloor, runLoad, type LoadOptions } from "./practice/load";
import { insertPeople, largestTopics, type BenchPerson } from "./practice/people";
import { row, ROW_HEADER, scenarioResult, type ScenarioResult } from "./practice/report";
import { loadAverage } from "./realtime/process-stats";

const { values: args } = parseArgs({
  options: {
    people: { type: "string", default: "2000" },
    seconds: { type: "string", default: "60" },
    nodes: { type: "string", default: "2" },
    /** The waiting page's status poll. */
    "poll-ms": { type: "string", default: "2000" },
    "grace-seconds": { type: "string", default: "30" },
    topics: { type: "string", default: "5" },
    "floor-calls": { type: "string", default: "300" },
    /** Writes a V8 CPU profile of each scenario's first node into this folder (bench/realtime/profile-summary.ts). */
    "cpu-prof": { type: "string", default: "" },
    /** Writes each app node's stderr (errors it reported) into this folder. */
    logs: { type: "string", default: "" },
  },
});
const PEOPLE = Number(args.people);
const NODES = Number(args.nodes);
const LOAD: LoadOptions = { seconds: Number(args.seconds), pollMs: Number(args["poll-ms"]), graceMs: Number(args["grace-seconds"]) * 1000 };
const FLOOR_CALLS = Number(args["floor-calls"]);

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The template every scenario copies: migrated, the bundled bank imported, the people and their profiles. */
async function prepareTemplate(database: TestDatabaseServer): Promise<{ people: BenchPerson[]; topics: string[] }> {
  const db = createDb(database.templateUrl);
  try {
    await importBankPaths(db, await bankFilesIn(path.resolve("content/banks")));
    const topics = await largestTopics(db, Number(args.topics));
    return { people: await insertPeople(database.templateUrl, topics, PEOPLE), topics };
  } finally {
    await db.$disconnect();
  }
}

/** The load on `nodes` fresh app nodes over a fresh copy of the template; checks the invariants after. */
async function scenario(database: TestDatabaseServer, people: BenchPerson[], nodeCount: number): Promise<ScenarioResult> {
  const databaseUrl = await copyTemplateDatabase(database);
  const profile = (n: number) => (args["cpu-prof"] && n === 0 ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : []);
  const nodes = await Promise.all(Array.from({ length: nodeCount }, (_, n) => startAppServer(databaseUrl, { nodeArgs: profile(n) })));
  try {
    const floor = await measureFloor(nodes, people, FLOOR_CALLS);
    const run = await runLoad(nodes, people, LOAD);
    const invariants = await checkInvariants(databaseUrl);
    const result = await scenarioResult(`${nodeCount} node${nodeCount > 1 ? "s" : ""}`, databaseUrl, run, floor, invariants);
    log(row(result));
    if (result.unmatched > 0) log(`  unmatched: ${JSON.stringify(result.unmatchedBy)}`);
    if (Object.keys(result.errors).length > 0) log(`  errors: ${JSON.stringify(result.errors)}`);
    log(`  floor: ${result.floorCpuMsPerPoll} ms of node CPU per status poll; invariants: ${JSON.stringify(invariants)}`);
    return result;
  } finally {
    await Promise.all(nodes.map((node) => node.kill()));
    if (args.logs) {
      mkdirSync(args.logs, { recursive: true });
      nodes.forEach((node, n) => writeFileSync(path.join(args.logs!, `${nodeCount}-nodes-node-${n}.log`), node.stderr()));
    }
  }
}

function line(r: ScenarioResult) {
  return {
    nodes: r.nodes,
    joined: r.joined,
    matched: r.matched,
    proposed_only: r.proposedOnly,
    unmatched: r.unmatched,
    seen_match_ms: r.seenMatchMs,
    server_match_ms: r.serverMatchMs,
    active_ms: r.activeMs,
    status_polls: r.statusPolls,
    status_poll_ms: r.statusPollMs,
    floor_status_ms: r.floorMs,
    floor_cpu_ms_per_poll: r.floorCpuMsPerPoll,
    join_ms: r.joinMs,
    errors: r.errors,
    node_cpu_percent: r.nodeCpuPercent,
    generator_cpu_percent: r.generatorCpuPercent,
    invariants: r.invariants,
    load: r.loadAverage,
  };
}

async function main(): Promise<boolean> {
  if (ensureProductionBuild(log) !== 0) throw new Error("the production build failed");
  const loadBefore = loadAverage();
  log(`machine: ${os.cpus().length} cores, node ${process.version}; load average before: ${loadBefore}`);
  const database = await createTestDatabaseServer(await freePort());
  try {
    const { people, topics } = await prepareTemplate(database);
    log(`${PEOPLE} people over ${LOAD.seconds} s on topics ${JSON.stringify(topics)}; status poll every ${LOAD.pollMs} ms`);
    log(ROW_HEADER);
    const results: ScenarioResult[] = [];
    for (const nodeCount of NODES > 1 ? [1, NODES] : [1]) results.push(await scenario(database, people, nodeCount));
    const held = results.every((result) => invariantsHold(result.invariants));
    const summary = {
      people: PEOPLE,
      seconds: LOAD.seconds,
      poll_ms: LOAD.pollMs,
      topics,
      results: Object.fromEntries(results.map((result) => [result.scenario.replace(" ", "_"), line(result)])),
      invariants_held: held,
      load_average_before: loadBefore,
      load_average_after: loadAverage(),
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return held;
  } finally {
    await database.dispose();
  }
}

main().then(
  (held) => process.exit(held ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
