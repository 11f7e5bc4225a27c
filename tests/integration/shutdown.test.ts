// Issue 20, items 9 and 10: `npm start` stops cleanly whatever sends the signal. A deploy's SIGTERM that
// reaches a paused (busy) server still ends in a clean shutdown, and a terminal's Ctrl-C (SIGINT to the
// whole process group) stops the app before its embedded PostgreSQL, leaving no database running.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/platform/db/client";
import { embeddedDatabaseUrl } from "@/server/platform/db/database-url";
import { startEmbeddedPostgres } from "@/server/platform/db/embedded-postgres";
import { fileDatabase } from "../support/db";
import { plannedInterview } from "../support/fixtures";
import { freePort } from "../support/free-port";
import { RoomClient } from "../support/room-client";
import { TEST_AUTH_SECRET } from "../support/test-auth";

interface Launched {
  url: string;
  dataDir: string;
  npm: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

const launched: Launched[] = [];
const clients: RoomClient[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  for (const { npm, dataDir } of launched) {
    // Whatever a failed test left running: the launch's process group (npm may have gone before the
    // server), and a database in its data folder.
    const pids = [...(npm.pid ? [-npm.pid] : []), ...processesMentioning(dataDir).map(({ pid }) => pid)];
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  }
});

/**
 * `npm start` as a user runs it, in a process group of its own (as a terminal gives it), with only the
 * environment given here. JSON logs, so that an error line is recognised by its level.
 */
async function npmStart(env: Record<string, string>): Promise<Launched> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "mockroom-npm-start-"));
  const url = `http://127.0.0.1:${port}`;
  const npm = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      // The Node that runs the tests runs the app (npm's scripts find `node` on the PATH).
      PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ""}`,
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      DATA_DIR: dataDir,
      AUTH_SECRET: TEST_AUTH_SECRET,
      BANK_IMPORT_ON_START: "false",
      LOG_FORMAT: "json",
      ...env,
    },
  });
  let output = "";
  npm.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  const app = { url, dataDir, npm, output: () => output, exited };
  launched.push(app);
  await new Promise<void>((resolve, reject) => {
    npm.stdout?.on("data", () => output.includes("ready on") && resolve());
    void exited.then(() => reject(new Error(`npm start exited early:\n${output}`)));
  });
  return app;
}

/** Every process whose command line mentions `text`, with its parent. */
function processesMentioning(text: string): Array<{ pid: number; ppid: number; args: string }> {
  return execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && (match[3] ?? "").includes(text))
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] ?? "" }));
}

/** The process that serves the app: the deepest one below npm that runs scripts/start.ts. */
function serverPid(npm: ChildProcess): number {
  const candidates = processesMentioning("scripts/start.ts");
  const depth = (pid: number): number => {
    const parent = candidates.find((candidate) => candidate.pid === pid)?.ppid;
    return parent === npm.pid ? 1 : parent === undefined ? 0 : 1 + depth(parent);
  };
  const deepest = candidates.filter((candidate) => depth(candidate.pid) > 0).sort((a, b) => depth(b.pid) - depth(a.pid))[0];
  if (!deepest) throw new Error("no server process below npm");
  return deepest.pid;
}

/**
 * A live room whose last events are not in its snapshot yet (the engine snapshots every 50 events), with
 * the interviewer connected: what a clean shutdown must tell and save.
 */
async function liveRoom(db: Db, url: string, tag: string) {
  const { sessionId, interviewer } = await plannedInterview(db, tag, url);
  const iris = new RoomClient(url, interviewer.session.cookieHeader(), sessionId);
  clients.push(iris);
  await iris.joined();
  expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
  for (const body of ["one", "two", "three"]) expect(await iris.command({ type: "addNote", body })).toMatchObject({ ok: true });
  const seq = (await db.sessionEvent.aggregate({ where: { sessionId }, _max: { seq: true } }))._max.seq ?? 0;
  const { version } = await db.interviewSession.findUniqueOrThrow({ where: { id: sessionId } });
  expect(version).toBeLessThan(seq);
  const told = new Promise<unknown>((resolve) => iris.socket.once("server:shutdown", resolve));
  return { sessionId, seq, told };
}

/** The log lines at error level or above (pino: 50), and anything on stderr that says error. */
function errorsIn(output: string): string[] {
  return output.split("\n").filter((line) => {
    if (!line.startsWith("{")) return /error|fail/i.test(line);
    return ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50;
  });
}

describe("npm start", () => {
  // A deploy signals npm alone (a container's stop, systemd's KillMode=mixed) or every process of the
  // service (systemd's default); a busy server may not run for a while after the signal arrives.
  it.each(["npm", "its process group"])("shuts down cleanly on a SIGTERM to %s that arrives while the server is paused", async (target) => {
    const { url: databaseUrl, db } = await fileDatabase();
    const app = await npmStart({ DATABASE_URL: databaseUrl });
    const { sessionId, seq, told } = await liveRoom(db, app.url, "sigterm");

    const server = serverPid(app.npm);
    const npmPid = app.npm.pid ?? 0;
    process.kill(server, "SIGSTOP");
    process.kill(target === "npm" ? npmPid : -npmPid, "SIGTERM");
    // Far longer than a supervisor that gives its child a few milliseconds would wait.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.kill(server, "SIGCONT");

    expect(await app.exited).toBe(0);
    expect(await told).toEqual({ reason: "Server is restarting" });
    expect((await db.interviewSession.findUniqueOrThrow({ where: { id: sessionId } })).version).toBe(seq);
    expect(app.output()).toContain("stopped");
    expect(errorsIn(app.output())).toEqual([]);
    await db.$disconnect();
  });

  it("stops the app before its embedded PostgreSQL on Ctrl-C, and leaves no database running", async () => {
    const postgresPort = await freePort();
    const app = await npmStart({ EMBEDDED_POSTGRES_PORT: String(postgresPort) });
    const db = createDb(embeddedDatabaseUrl(postgresPort));
    const { sessionId, seq, told } = await liveRoom(db, app.url, "sigint");
    await db.$disconnect();

    // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group.
    process.kill(-(app.npm.pid ?? 0), "SIGINT");

    expect(await app.exited).toBe(0);
    expect(await told).toEqual({ reason: "Server is restarting" });
    expect(app.output()).toContain("stopped");
    expect(errorsIn(app.output())).toEqual([]);
    expect(processesMentioning(path.join(app.dataDir, "postgres"))).toEqual([]);

    // The final snapshot is on disk: the database, started again, has it.
    const again = await startEmbeddedPostgres({ dataDir: app.dataDir, port: postgresPort });
    const reopened = createDb(again.url);
    try {
      expect((await reopened.interviewSession.findUniqueOrThrow({ where: { id: sessionId } })).version).toBe(seq);
    } finally {
      await reopened.$disconnect();
      await again.stop();
    }
  });

  it("stops its embedded PostgreSQL when start-up fails (the app's port is taken)", async () => {
    const postgresPort = await freePort();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      await expect(npmStart({ EMBEDDED_POSTGRES_PORT: String(postgresPort), PORT: String(port) })).rejects.toThrow(/EADDRINUSE/);
      const app = launched.at(-1);
      if (!app) throw new Error("nothing launched");
      expect(await app.exited).toBe(1);
      // It was running: the migrations ran on it before the app failed to listen.
      expect(app.output()).toContain("embedded PostgreSQL on 127.0.0.1");
      await expect.poll(() => processesMentioning(path.join(app.dataDir, "postgres")), { timeout: 10_000 }).toEqual([]);
    } finally {
      taken.close();
    }
  });
});
