import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";
import { TEST_AUTH_SECRET } from "./test-auth";

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server wrote to stderr so far (a test may assert nothing crashed). */
  stderr(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The real app, as `npm start` runs it (server/index.ts: Next.js, next-auth, tRPC and Socket.IO on one
 * port) on the given database, from the production build that the integration global setup ensured.
 */
export async function startAppServer(
  databaseUrl: string,
  options: { port?: number; redisUrl?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "mockroom-app-"));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: TEST_AUTH_SECRET,
      BANK_IMPORT_ON_START: "false",
      REDIS_URL: options.redisUrl ?? "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`app server exited early (${code}):\n${output}\n${stderr}`)));
  });
  return {
    url,
    port,
    process: child,
    stderr: () => stderr,
    kill: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        const done = () => void rm(dataDir, { recursive: true, force: true }).then(() => resolve());
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill(signal);
      }),
  };
}
