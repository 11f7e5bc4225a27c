// npm run bench:realtime -- [--rooms 250,500,1000,1500,2000] [--seconds 20] [--interval-ms 2000] [--cpu-prof DIR]
//   [--pad-rooms 1000] [--pad-seconds 20] [--keystroke-ms 200] [--pad-cursors on|off]
//   [--board-rooms 1000] [--board-seconds 20] [--point-ms 50]
//   [--protocol-version N|none]  (default: this checkout's; "none" for a server older than versioned joins)
//
// Load on the live room as a load generator sees it, over the documented protocol, against a bare
// Socket.IO relay of the same message pattern measured in the same run. Each room has an interviewer and
// a candidate socket; one command per room every interval (reveal or question change, key-point tick,
// note, pad push). Steps the room count up to find the knee: the first count where delivery p99
// is over 200 ms or anything is lost. Then, at each pad room count, both members of every room type in
// the pad at once (bench/realtime/pad-load.ts), on the app and on the relay; then the candidate of every
// room draws on the whiteboard while the interviewer watches (bench/realtime/board-load.ts). The last line
// is one JSON object.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "@/server/platform/db/client";
import { bankFilesIn, importBankPaths } from "@/server/services/bank/import-paths";
import { PROTOCOL_VERSION as CURRENT_PROTOCOL_VERSION } from "@/server/realtime/protocol";
import { ensureProductionBuild } from "@/scripts/production-build";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/free-port";
import { createTestDatabaseServer } from "@/tests/support/test-database";
import { LoadRoom, summary, type Role, type RoomSpec } from "./realtime/load";
import { measurePad, PAD_HEADER, padRow, type PadResult } from "./realtime/pad-load";
import { BOARD_HEADER, boardRow, measureBoard, type BoardResult } from "./realtime/board-load";
import { cpuMsOf, loadAverage, rssBytesOf, treeCpuMsOf } from "./realtime/process-stats";
import { RoomFactory } from "./realtime/setup";

const { values: args } = parseArgs({
  options: {
    rooms: { type: "string", default: "250,500,1000,1500,2000" },
    seconds: { type: "string", default: "20" },
    "interval-ms": { type: "string", default: "2000" },
    "protocol-version": { type: "string", default: String(CURRENT_PROTOCOL_VERSION) },
    /** Room counts (of the rooms connected) at which both members type in the pad; "" for none. */
    "pad-rooms": { type: "string", default: "1000" },
    "pad-seconds": { type: "string", default: "20" },
    /** Each typing member's time between keystrokes. */
    "keystroke-ms": { type: "string", default: "200" },
    /** Whether the typists share their cursor after each keystroke, as the browser does. */
    "pad-cursors": { type: "string", default: "on" },
    /** Room counts at which the candidate draws on the whiteboard; "" for none. */
    "board-rooms": { type: "string", default: "1000" },
    "board-seconds": { type: "string", default: "20" },
    /** The drawing member's time between points of a stroke. */
    "point-ms": { type: "string", default: "50" },
    /** Writes a V8 CPU profile of the app server into this folder (summarise it with bench/realtime/profile-summary.ts). */
    "cpu-prof": { type: "string", default: "" },
  },
});
const STEPS = args.rooms.split(",").map(Number);
const LOAD_MS = Number(args.seconds) * 1000;
const INTERVAL_MS = Number(args["interval-ms"]);
const PROTOCOL_VERSION = args["protocol-version"] === "none" ? null : Number(args["protocol-version"]);
const PAD_STEPS = args["pad-rooms"] ? args["pad-rooms"].split(",").map(Number) : [];
const PAD_SECONDS = Number(args["pad-seconds"]);
const KEYSTROKE_MS = Number(args["keystroke-ms"]);
const PAD_CURSORS = args["pad-cursors"] !== "off";
const BOARD_STEPS = args["board-rooms"] ? args["board-rooms"].split(",").map(Number) : [];
const BOARD_SECONDS = Number(args["board-seconds"]);
const POINT_MS = Number(args["point-ms"]);
/** After the load stops, how long in-flight commands and deliveries may still take before counting as lost. */
const DRAIN_MS = 5_000;
const KNEE_P99_MS = 200;

interface StepResult {
  rooms: number;
  commands: number;
  ack: { p50: number; p95: number; p99: number; max: number };
  delivery: { p50: number; p95: number; p99: number; max: number };
  lost: number;
  errors: number;
  errorCodes: Record<string, number>;
  cpuMsPerCommand: number;
  dbCpuMsPerCommand: number | null;
  /** Server memory per live room: RSS above the idle server (all rooms planned, no socket yet), per room. */
  rssPerRoomKb: number;
  /** Bytes of scratchpad checkpoints written per room and minute of typing (app only). */
  scratchpadBytesPerRoomMinute: number | null;
  bytesPerEvent: Record<Role, number>;
  loadAverage: string;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the load on `rooms` for LOAD_MS and measures it. */
async function measure(
  rooms: LoadRoom[],
  serverPid: number,
  databasePid: number | null,
  idleRss: number,
  scratchpadBytes: (() => Promise<number>) | null,
): Promise<StepResult> {
  for (const room of rooms) room.resetStats();
  const rssBefore = rssBytesOf(serverPid);
  const scratchpadBefore = scratchpadBytes ? await scratchpadBytes() : 0;
  const cpuBefore = cpuMsOf(serverPid);
  const dbBefore = databasePid ? treeCpuMsOf(databasePid) : 0;
  const timers: NodeJS.Timeout[] = [];
  for (const room of rooms) {
    timers.push(
      setTimeout(() => {
        room.fire();
        timers.push(setInterval(() => room.fire(), INTERVAL_MS));
      }, Math.random() * INTERVAL_MS),
    );
  }
  await sleep(LOAD_MS);
  for (const timer of timers) clearTimeout(timer);
  await sleep(DRAIN_MS);
  const cpuMs = cpuMsOf(serverPid) - cpuBefore;
  const dbCpuMs = databasePid ? treeCpuMsOf(databasePid) - dbBefore : null;
  const scratchpadWritten = scratchpadBytes ? (await scratchpadBytes()) - scratchpadBefore : null;

  const acks: number[] = [];
  const deliveries: number[] = [];
  const errorCodes: Record<string, number> = {};
  let lost = 0;
  let commands = 0;
  for (const room of rooms) {
    for (const command of room.sent) {
      commands++;
      if (command.error) {
        errorCodes[command.error] = (errorCodes[command.error] ?? 0) + 1;
        continue;
      }
      if (command.ackAt === null || command.deliveryKey === null) {
        lost++;
        continue;
      }
      acks.push(command.ackAt - command.sentAt);
      const receivedAt = room.received[command.target].get(command.deliveryKey);
      if (receivedAt === undefined) lost++;
      else deliveries.push(Math.max(0, receivedAt - command.sentAt));
    }
  }
  const meanBytes = (role: Role) => {
    const all = rooms.flatMap((room) => room.bytes[role]);
    return all.length === 0 ? 0 : Math.round(all.reduce((a, b) => a + b, 0) / all.length);
  };
  const answered = Math.max(1, acks.length);
  return {
    rooms: rooms.length,
    commands,
    ack: summary(acks),
    delivery: summary(deliveries),
    lost,
    errors: Object.values(errorCodes).reduce((a, b) => a + b, 0),
    errorCodes,
    cpuMsPerCommand: Math.round((cpuMs / answered) * 100) / 100,
    dbCpuMsPerCommand: dbCpuMs === null ? null : Math.round((dbCpuMs / answered) * 100) / 100,
    rssPerRoomKb: Math.round((Math.max(rssBefore, rssBytesOf(serverPid)) - idleRss) / 1024 / rooms.length),
    scratchpadBytesPerRoomMinute: scratchpadWritten === null ? null : Math.round(scratchpadWritten / rooms.length / (LOAD_MS / 60_000)),
    bytesPerEvent: { interviewer: meanBytes("interviewer"), candidate: meanBytes("candidate") },
    loadAverage: loadAverage(),
  };
}

async function connectRooms(url: string, specs: RoomSpec[], protocol: { version: number | null }, start: boolean): Promise<LoadRoom[]> {
  const rooms: LoadRoom[] = [];
  for (let i = 0; i < specs.length; i += 50) {
    const batch = specs.slice(i, i + 50).map((spec) => new LoadRoom(url, spec, protocol));
    await Promise.all(batch.map((room) => room.join()));
    if (start) await Promise.all(batch.map((room) => room.start()));
    rooms.push(...batch);
  }
  return rooms;
}

async function postmasterPid(databaseUrl: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The checkpointer is a child of the postmaster on every supported version.
    const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'");
    const child = rows[0]?.pid;
    if (!child) return null;
    const { readFileSync } = await import("node:fs");
    const stat = readFileSync(`/proc/${child}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

function row(kind: string, result: StepResult): string {
  return [
    kind.padEnd(5),
    String(result.rooms).padStart(5),
    String(result.commands).padStart(7),
    `${result.ack.p50}/${result.ack.p99}`.padStart(14),
    `${result.delivery.p50}/${result.delivery.p95}/${result.delivery.p99}/${result.delivery.max}`.padStart(26),
    String(result.lost).padStart(5),
    `${result.errors}${result.errors ? ` ${JSON.stringify(result.errorCodes)}` : ""}`.padStart(7),
    String(result.cpuMsPerCommand).padStart(8),
    String(result.dbCpuMsPerCommand ?? "-").padStart(7),
    String(result.rssPerRoomKb).padStart(8),
    `${result.bytesPerEvent.interviewer}/${result.bytesPerEvent.candidate}`.padStart(12),
    String(result.scratchpadBytesPerRoomMinute ?? "-").padStart(15),
    `  ${result.loadAverage}`,
  ].join(" ");
}

/** The bare relay, started like the app (tsx), once it listens. */
async function startRelay(port: number): Promise<ChildProcess> {
  const relay = spawn(process.execPath, ["--import", "tsx", "bench/realtime/relay-server.ts", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => relay.stdout?.once("data", resolve));
  return relay;
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/**
 * Restarts a server (`restart` stops it, starts the next one and returns its pid once it is ready) with
 * `rooms` connected, and times each socket's rejoin from that moment; says who was busy meanwhile.
 */
async function timeRejoin(kind: string, rooms: LoadRoom[], restart: () => Promise<number>): Promise<ReturnType<typeof summary>> {
  for (const room of rooms) room.rejoinedAt.interviewer = room.rejoinedAt.candidate = null;
  const pid = await restart();
  const readyAt = performance.now();
  const generatorCpu = process.cpuUsage();
  const serverCpuAtReady = cpuMsOf(pid);
  const deadline = readyAt + 60_000;
  const pending = () => rooms.filter((room) => room.rejoinedAt.interviewer === null || room.rejoinedAt.candidate === null).length;
  while (pending() > 0 && performance.now() < deadline) await sleep(100);
  const window = performance.now() - readyAt;
  const generatorUsed = process.cpuUsage(generatorCpu);
  // Who was busy while the sockets rejoined: the server, or this load generator (same machine).
  log(
    `${kind} rejoin window ${Math.round(window)} ms: server CPU ${Math.round(((cpuMsOf(pid) - serverCpuAtReady) / window) * 100)}%, load generator CPU ${Math.round(((generatorUsed.user + generatorUsed.system) / 1000 / window) * 100)}% (of one core)`,
  );
  const result = summary(
    rooms.flatMap((room) => [room.rejoinedAt.interviewer, room.rejoinedAt.candidate]).map((at) => (at === null ? 60_000 : Math.max(0, at - readyAt))),
  );
  log(
    `${kind} restart with ${rooms.length} rooms: ${rooms.length - pending()} rooms fully rejoined; rejoin after ready p50/p99/max ${result.p50}/${result.p99}/${result.max} ms`,
  );
  return result;
}

async function main(): Promise<void> {
  if (ensureProductionBuild(log) !== 0) throw new Error("the production build failed");
  const database = await createTestDatabaseServer(await freePort());
  // Whatever fails, the database server goes with this process.
  try {
    await run(database.templateUrl);
  } finally {
    await database.dispose();
  }
}

/** The servers under load, the app and the bare relay: the rejoin measure restarts them in place. */
interface Servers {
  databaseUrl: string;
  nodeArgs: string[];
  app: AppServer;
  appPid: number;
  relay: ChildProcess;
  relayPort: number;
  relayPid: number;
  databasePid: number | null;
  /** Bytes of scratchpad checkpoints in the event log so far. */
  scratchpadBytes: () => Promise<number>;
}

interface Steps {
  results: Array<{ app: StepResult; relay: StepResult }>;
  knee: number | null;
}

interface Restarts {
  rejoin: ReturnType<typeof summary>;
  relayRejoin: ReturnType<typeof summary>;
  restarted: StepResult;
}

async function run(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl);
  await importBankPaths(db, await bankFilesIn(path.resolve("content/banks")));
  await db.$disconnect();

  const nodeArgs = args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : [];
  const app = await startAppServer(databaseUrl, { nodeArgs });
  const relayPort = await freePort();
  const relay = await startRelay(relayPort);
  const appPid = app.process.pid ?? 0;
  const relayPid = relay.pid ?? 0;
  const databasePid = await postmasterPid(databaseUrl);
  const stats = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const scratchpadBytes = async () =>
    Number(
      (await stats.query<{ bytes: string | null }>(`SELECT sum(pg_column_size("payload")) AS bytes FROM "SessionEvent" WHERE "type" = 'scratchpadUpdated'`))
        .rows[0]?.bytes ?? 0,
    );
  const servers: Servers = { databaseUrl, nodeArgs, app, appPid, relay, relayPort, relayPid, databasePid, scratchpadBytes };
  await sleep(2_000);

  log(`machine: ${(await import("node:os")).cpus().length} cores, node ${process.version}; load average before: ${loadAverage()}`);
  log("kind  rooms    cmds  ack p50/p99 ms  delivery p50/p95/p99/max ms  lost  errors  cpu ms/cmd  db ms  KB/room  bytes i/c  pad B/room/min  load avg");
  // The memory of an idle server, before planning grows its heap; compared below with a restarted server
  // holding every room live, which has served nothing but the rooms.
  const freshIdleRss = rssBytesOf(appPid);
  const factory = new RoomFactory(app.url);
  const allSpecs = await factory.rooms(0, Math.max(...STEPS));
  await sleep(5_000);
  const idle = { app: rssBytesOf(appPid), relay: rssBytesOf(relayPid) };
  log(
    `${allSpecs.length} rooms planned; RSS: app ${Math.round(freshIdleRss / 1024 / 1024)} MB fresh, ${Math.round(idle.app / 1024 / 1024)} MB after planning; relay ${Math.round(idle.relay / 1024 / 1024)} MB`,
  );
  const appRooms: LoadRoom[] = [];
  const relayRooms: LoadRoom[] = [];
  let steps: Steps;
  let pads: PadSteps;
  let boards: BoardSteps;
  let restarts: Restarts;
  try {
    steps = await stepUp(servers, allSpecs, idle, appRooms, relayRooms);
    pads = await typeInPads(servers, appRooms, relayRooms);
    boards = await drawOnBoards(servers, appRooms, relayRooms);
    restarts = await restartWithRoomsLive(servers, appRooms, relayRooms, freshIdleRss);
  } finally {
    for (const room of [...appRooms, ...relayRooms]) room.close();
    servers.relay.kill();
    await stats.end();
    await servers.app.kill();
  }
  console.log(JSON.stringify({ ...resultLine(steps, restarts, appRooms.length), pad: padLine(pads), board: boardLine(boards) }));
}

/**
 * Steps the room count up, app and relay side by side, connecting the rooms each step adds to the rooms
 * already live; stops after the knee once it is at 1000 rooms or more.
 */
async function stepUp(
  servers: Servers,
  allSpecs: RoomSpec[],
  idle: { app: number; relay: number },
  appRooms: LoadRoom[],
  relayRooms: LoadRoom[],
): Promise<Steps> {
  const results: Steps["results"] = [];
  let knee: number | null = null;
  for (const count of STEPS) {
    const specs = allSpecs.slice(appRooms.length, count);
    appRooms.push(...(await connectRooms(servers.app.url, specs, { version: PROTOCOL_VERSION }, true)));
    const relaySpecs = Array.from({ length: count - relayRooms.length }, (_, i) => ({
      sessionId: `relay-${relayRooms.length + i}`,
      interviewerCookie: "",
      candidateCookie: "",
    }));
    relayRooms.push(...(await connectRooms(`http://127.0.0.1:${servers.relayPort}`, relaySpecs, { version: null }, false)));

    const appResult = await measure(appRooms, servers.appPid, servers.databasePid, idle.app, servers.scratchpadBytes);
    log(row("app", appResult));
    const relayResult = await measure(relayRooms, servers.relayPid, null, idle.relay, null);
    log(row("relay", relayResult));
    results.push({ app: appResult, relay: relayResult });
    if (knee === null && (appResult.delivery.p99 > KNEE_P99_MS || appResult.lost > 0 || appResult.errors > 0)) {
      knee = count;
      if (count >= 1000) break;
    }
  }
  return { results, knee };
}

type PadSteps = Array<{ app: PadResult; relay: PadResult }>;

/** Both members of the first `count` rooms type in their pads, on the app and then on the relay, per pad step. */
async function typeInPads(servers: Servers, appRooms: LoadRoom[], relayRooms: LoadRoom[]): Promise<PadSteps> {
  const results: PadSteps = [];
  if (PAD_STEPS.length === 0) return results;
  log(
    `pad: both members of each room type a keystroke every ${KEYSTROKE_MS} ms for ${PAD_SECONDS} s, as the browser's pad sends it${PAD_CURSORS ? "" : " (without cursor shares)"}`,
  );
  log(PAD_HEADER);
  for (const count of PAD_STEPS) {
    if (count > appRooms.length) {
      log(`pad: ${count} rooms asked, ${appRooms.length} connected: skipped`);
      continue;
    }
    const options = { seconds: PAD_SECONDS, keystrokeMs: KEYSTROKE_MS, cursors: PAD_CURSORS };
    const app = await measurePad(appRooms.slice(0, count), { ...options, serverPid: servers.appPid, databasePid: servers.databasePid });
    log(padRow("app", app));
    const relay = await measurePad(relayRooms.slice(0, count), { ...options, serverPid: servers.relayPid, databasePid: null });
    log(padRow("relay", relay));
    results.push({ app, relay });
  }
  return results;
}

type BoardSteps = Array<{ app: BoardResult; relay: BoardResult }>;

/** The candidate of each of the first `count` rooms draws on the whiteboard, on the app and then on the relay. */
async function drawOnBoards(servers: Servers, appRooms: LoadRoom[], relayRooms: LoadRoom[]): Promise<BoardSteps> {
  const results: BoardSteps = [];
  if (BOARD_STEPS.length === 0) return results;
  log(`board: the candidate of each room draws a point every ${POINT_MS} ms for ${BOARD_SECONDS} s, strokes sent whole at most every 50 ms`);
  log(BOARD_HEADER);
  for (const count of BOARD_STEPS) {
    if (count > appRooms.length) {
      log(`board: ${count} rooms asked, ${appRooms.length} connected: skipped`);
      continue;
    }
    const options = { seconds: BOARD_SECONDS, pointMs: POINT_MS };
    const app = await measureBoard(appRooms.slice(0, count), { ...options, serverPid: servers.appPid, databasePid: servers.databasePid });
    log(boardRow("app", app));
    const relay = await measureBoard(relayRooms.slice(0, count), { ...options, serverPid: servers.relayPid, databasePid: null });
    log(boardRow("relay", relay));
    results.push({ app, relay });
  }
  return results;
}

/** The whiteboard's figures at 1000 rooms (or the last step), beside the relay's. */
function boardLine(boards: BoardSteps) {
  const at = boards.find((result) => result.app.rooms === 1000) ?? boards.at(-1);
  if (!at) return null;
  const { app, relay } = at;
  return {
    rooms: app.rooms,
    point_ms: POINT_MS,
    pushes: app.pushes,
    p50_ms: app.latency.p50,
    p99_ms: app.latency.p99,
    relay_p50_ms: relay.latency.p50,
    relay_p99_ms: relay.latency.p99,
    drawn_p50_ms: app.drawnLatency.p50,
    drawn_p99_ms: app.drawnLatency.p99,
    bytes_per_change: app.bytesPerChange,
    bytes_per_push: app.bytesPerPush,
    pushes_per_second: app.pushesPerSecond,
    cpu_ms_per_push: app.cpuMsPerPush,
    db_cpu_ms_per_push: app.dbCpuMsPerPush,
    relay_cpu_ms_per_push: relay.cpuMsPerPush,
    undelivered: app.undelivered,
    errors: Object.values(app.errors).reduce((a, b) => a + b, 0),
    load_average: app.loadAverage,
  };
}

/** The pad's figures at 1000 rooms (or the last pad step), beside the relay's. */
function padLine(pads: PadSteps) {
  const at = pads.find((result) => result.app.rooms === 1000) ?? pads.at(-1);
  if (!at) return null;
  const { app, relay } = at;
  return {
    rooms: app.rooms,
    keystroke_ms: KEYSTROKE_MS,
    cursors: PAD_CURSORS,
    keystrokes: app.keystrokes,
    keystrokes_planned: app.keystrokesPlanned,
    p50_ms: app.latency.p50,
    p99_ms: app.latency.p99,
    relay_p50_ms: relay.latency.p50,
    relay_p99_ms: relay.latency.p99,
    typed_p50_ms: app.typedLatency.p50,
    typed_p99_ms: app.typedLatency.p99,
    bytes_per_relayed_edit: app.bytesPerRelay,
    pushes_per_second: app.pushesPerSecond,
    keystrokes_per_push: app.keystrokesPerPush,
    cpu_ms_per_push: app.cpuMsPerPush,
    db_cpu_ms_per_push: app.dbCpuMsPerPush,
    relay_cpu_ms_per_push: relay.cpuMsPerPush,
    lost: app.lost,
    diverged: app.diverged,
    undelivered: app.undelivered,
    unsettled: app.unsettled,
    errors: Object.values(app.pushErrors).reduce((a, b) => a + b, 0) + app.trouble + app.resets,
    generator_cpu_percent: app.generatorCpuPercent,
    load_average: app.loadAverage,
  };
}

/**
 * A restart (SIGTERM, as a deploy does) with every room connected: how long until each socket has
 * rejoined, from the moment the new server is ready. The relay first, as the floor: its clients only
 * reconnect and join, with no session to check, no room to load and nothing to catch up. Then the
 * restarted app under the same load.
 */
async function restartWithRoomsLive(servers: Servers, appRooms: LoadRoom[], relayRooms: LoadRoom[], freshIdleRss: number): Promise<Restarts> {
  const relayRejoin = await timeRejoin("relay", relayRooms, async () => {
    await stopProcess(servers.relay, "SIGTERM");
    servers.relay = await startRelay(servers.relayPort);
    servers.relayPid = servers.relay.pid ?? 0;
    return servers.relayPid;
  });
  const rejoin = await timeRejoin("app", appRooms, async () => {
    const port = servers.app.port;
    await servers.app.kill("SIGTERM");
    servers.app = await startAppServer(servers.databaseUrl, { port, nodeArgs: servers.nodeArgs });
    servers.appPid = servers.app.process.pid ?? 0;
    return servers.appPid;
  });
  const answerBytes = (role: Role) => {
    const sizes = appRooms.flatMap((room) => room.rejoinBytes[role] ?? []);
    return Math.round(sizes.reduce((sum, size) => sum + size, 0) / Math.max(1, sizes.length));
  };
  log(`rejoin answers, mean bytes: interviewer ${answerBytes("interviewer")}, candidate ${answerBytes("candidate")}`);
  const restarted = await measure(appRooms, servers.appPid, servers.databasePid, freshIdleRss, servers.scratchpadBytes);
  log(row("app*", restarted));
  log("app*: the restarted server, under the same load; its KB/room is its RSS above a fresh idle server's, per room");
  return { rejoin, relayRejoin, restarted };
}

/** The last line: the step at 1000 rooms (or the last step), beside the relay, and the restart. */
function resultLine({ results, knee }: Steps, { rejoin, relayRejoin, restarted }: Restarts, rejoinRooms: number) {
  const at = results.find((result) => result.app.rooms === 1000) ?? results.at(-1);
  if (!at) throw new Error("nothing was measured");
  return {
    rooms: at.app.rooms,
    p50_ms: at.app.delivery.p50,
    p99_ms: at.app.delivery.p99,
    relay_p99_ms: at.relay.delivery.p99,
    ratio_p99: Math.round((at.app.delivery.p99 / Math.max(0.1, at.relay.delivery.p99)) * 10) / 10,
    ack_p99_ms: at.app.ack.p99,
    lost: at.app.lost,
    errors: at.app.errors,
    cpu_ms_per_command: at.app.cpuMsPerCommand,
    db_cpu_ms_per_command: at.app.dbCpuMsPerCommand,
    rss_kb_per_room: restarted.rssPerRoomKb,
    scratchpad_checkpoint_bytes_per_room_minute: at.app.scratchpadBytesPerRoomMinute,
    bytes_per_event: at.app.bytesPerEvent,
    knee_rooms: knee,
    // Measured with every room of the last step connected.
    rejoin_rooms: rejoinRooms,
    rejoin_after_restart_p99_ms: rejoin.p99,
    relay_rejoin_after_restart_p99_ms: relayRejoin.p99,
    max_rooms_measured: results.at(-1)?.app.rooms ?? 0,
    load_average: loadAverage(),
  };
}

// Exits outright once done: socket.io-client sockets and timers would otherwise keep the process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
