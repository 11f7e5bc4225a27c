// npm run bench:call -- [--members 2,5] [--ice direct,relay] [--runs-2 10] [--runs-5 5] [--warmup 1]
//   [--window-ms 3000] [--timeout-ms 15000] [--out FILE] [--no-peer-probe]
//
// The call, joined in real Chromium with its fake camera and microphone against the real app (production
// build, server/index.ts, on a fresh embedded PostgreSQL or TEST_DATABASE_URL's server) with a real coturn
// beside it, as README.md's "Calls: STUN and TURN" runs it. One room: owner, candidate, co-interviewer and
// two observers (the owner lets observers speak, so all five send camera and microphone), each member in a
// browser context of their own in one Chromium. For 2 and 5 members, directly and forced through the TURN
// relay (`?ice=relay`): every member clicks "Join call" in the device check at once, and the time from the
// later of two members' clicks to the first decoded frame of the other's camera is measured in each page.
// The app server's CPU over the join, minus the same window with the room open and nobody joining, and the
// call signals it relayed (GET /metrics) are the server's cost of a call. The last line is one JSON object.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright";
import { createDb } from "@/server/platform/db/client";
import { bankFilesIn, importBankPaths } from "@/server/services/bank/import-paths";
import { ensureProductionBuild } from "@/scripts/production-build";
import { startAppServer } from "@/tests/support/app-server";
import { startCoturn } from "@/tests/support/coturn";
import { freePort } from "@/tests/support/free-port";
import { createTestDatabaseServer } from "@/tests/support/test-database";
import { launchChromium, letObserversSpeak, openRoom } from "./call/browsers";
import { measureRun, type RunResult, type RunSetup } from "./call/measure";
import { planRoom, type BenchRoom } from "./call/room";
import { breakdownTable, summarise, summaryTable, type ConfigSummary } from "./call/report";
import { loadAverage } from "./realtime/process-stats";

const { values: args } = parseArgs({
  options: {
    members: { type: "string", default: "2,5" },
    ice: { type: "string", default: "direct,relay" },
    "runs-2": { type: "string", default: "10" },
    "runs-5": { type: "string", default: "5" },
    /** Runs before the measured ones in each configuration, not counted (first use of the pages' code paths). */
    warmup: { type: "string", default: "1" },
    /** The CPU window: the same length with nobody joining, and from the clicks on (longer if the frames come later). */
    "window-ms": { type: "string", default: "3000" },
    /** A remote camera not seen this long after the clicks counts as missing (the run goes on). */
    "timeout-ms": { type: "string", default: "15000" },
    out: { type: "string", default: "" },
    /** Leaves RTCPeerConnection alone (no milestones): a check that the probe does not change what is measured. */
    "no-peer-probe": { type: "boolean", default: false },
  },
});

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

interface Config {
  members: number;
  ice: "direct" | "relay";
  runs: number;
}

function configs(): Config[] {
  const runsFor = (members: number) => Number(args[`runs-${members}` as "runs-2" | "runs-5"] ?? args["runs-5"]);
  return args.members.split(",").flatMap((members) =>
    args.ice.split(",").map((ice) => {
      if (ice !== "direct" && ice !== "relay") throw new Error(`--ice: direct or relay, not ${ice}`);
      return { members: Number(members), ice, runs: runsFor(Number(members)) };
    }),
  );
}

async function main(): Promise<void> {
  if (ensureProductionBuild(log) !== 0) throw new Error("the production build failed");
  const database = await createTestDatabaseServer(await freePort());
  const secret = randomBytes(24).toString("base64url");
  // Both browsers' relayed addresses are 127.0.0.1 here: coturn must relay between loopback peers.
  const coturn = await startCoturn(secret, { allowLoopbackPeers: true });
  try {
    await run(database.templateUrl, { ICE_TURN_URLS: `turn:${coturn.host}:${coturn.port}?transport=udp`, TURN_SHARED_SECRET: secret });
  } finally {
    await coturn.stop();
    await database.dispose();
  }
}

async function run(databaseUrl: string, turnEnv: Record<string, string>): Promise<void> {
  const db = createDb(databaseUrl);
  await importBankPaths(db, await bankFilesIn(path.resolve("content/banks")));
  await db.$disconnect();
  const metricsToken = randomBytes(24).toString("base64url");
  const app = await startAppServer(databaseUrl, { env: { ...turnEnv, METRICS_TOKEN: metricsToken } });
  let browser: Browser | null = null;
  try {
    const room = await planRoom(app.url);
    browser = await launchChromium();
    const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", node: process.version, chromium: browser.version() };
    log(`machine: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, Chromium ${machine.chromium}; load average before: ${loadAverage()}`);
    for (const owner of await openRoom(browser, app.url, room.sessionId, room.members.slice(0, 1), "")) {
      await letObserversSpeak(owner);
      await owner.context.close();
    }
    const summaries: ConfigSummary[] = [];
    for (const config of configs()) {
      summaries.push(await measureConfig(browser, room, config, { appUrl: app.url, appPid: app.process.pid ?? 0, metricsToken }));
      log(summaryTable(summaries.slice(-1)));
    }
    log(`\n${summaryTable(summaries)}\n\n${breakdownTable(summaries)}`);
    const result = { machine, load_average_after: loadAverage(), window_ms: Number(args["window-ms"]), configs: summaries };
    if (args.out) writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result));
  } finally {
    await browser?.close();
    await app.kill();
  }
}

async function measureConfig(
  browser: Browser,
  room: BenchRoom,
  config: Config,
  server: Pick<RunSetup, "appUrl" | "appPid" | "metricsToken">,
): Promise<ConfigSummary> {
  const loadBefore = loadAverage();
  const pages = await openRoom(
    browser,
    server.appUrl,
    room.sessionId,
    room.members.slice(0, config.members),
    config.ice === "relay" ? "?ice=relay" : "",
    !args["no-peer-probe"],
  );
  const setup: RunSetup = { ...server, pages, windowMs: Number(args["window-ms"]), timeoutMs: Number(args["timeout-ms"]) };
  const results: RunResult[] = [];
  try {
    for (let i = 0; i < Number(args.warmup); i++) await measureRun(setup);
    for (let i = 0; i < config.runs; i++) {
      const startedAt = performance.now();
      const result = await measureRun(setup);
      for (const miss of result.misses) log(`  a first frame not seen by the ${miss.role}: ${JSON.stringify(miss)}`);
      log(
        `${config.members} members, ${config.ice}, run ${i + 1}/${config.runs} (${Math.round((performance.now() - startedAt) / 1000)} s): first frames ${result.firstFrameMs.map(Math.round).join(" ")} ms` +
          `${result.missing ? `, ${result.missing} missing` : ""}; clicks spread ${Math.round(result.clickSpreadMs)} ms; load ${loadAverage()}`,
      );
      results.push(result);
    }
  } finally {
    await Promise.all(pages.map(({ context }) => context.close()));
  }
  return summarise(config, results, loadBefore, loadAverage());
}

// Exits outright once done: nothing left open should keep the process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
