// A checkout's app as `npm start` runs it (scripts/start.ts: the production build when there is none or it
// is older than the sources, then server/index.ts), started in that checkout's folder so that an older
// commit serves its own build, migrates its own schema and imports its own bundled bank. The database is
// a fresh one on TEST_DATABASE_URL's server when set, else the app's own embedded PostgreSQL in a
// temporary data folder (the new user's default).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/tests/support/free-port";
import { TEST_AUTH_SECRET } from "@/tests/support/test-auth";

export interface StartedApp {
  url: string;
  stop(): Promise<void>;
}

/** The start's output goes to stderr: stdout is the bench's JSON line. */
const BUILD_AND_START_TIMEOUT_MS = 20 * 60_000;

async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return { env: { EMBEDDED_POSTGRES_PORT: String(await freePort()) }, drop: async () => {} };
  const name = `mockroom_first_load_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function startCheckout(appDir: string, log: (line: string) => void): Promise<StartedApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "mockroom-first-load-"));
  const database = await freshDatabase();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: appDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      DATA_DIR: dataDir,
      AUTH_SECRET: TEST_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      ...database.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${appDir}: not ready after ${BUILD_AND_START_TIMEOUT_MS / 60_000} minutes`)), BUILD_AND_START_TIMEOUT_MS);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      output += chunk.toString();
      if (output.includes("ready on")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${appDir}: the app exited before it was ready (${code})`));
    });
  });
  log(`${appDir}: ready on ${url}`);
  return {
    url,
    async stop() {
      // SIGTERM: the server stops its embedded PostgreSQL itself before it exits.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
