import { spawn, type ChildProcess } from "node:child_process";
import { TEST_AUTH_SECRET } from "./test-auth";

export interface RealtimeServerProcess {
  url: string;
  port: number;
  process: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts tests/support/realtime-server-process.ts as a child process; resolves once it listens. */
export async function startRealtimeServer(databaseUrl: string, port = 0): Promise<RealtimeServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/realtime-server-process.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: TEST_AUTH_SECRET, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const actualPort = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`realtime server exited early (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    process: child,
    kill: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
