// A real coturn for the tests: Debian's `turnserver` (installed by .ci/run when missing), on loopback,
// checking credentials with a shared secret (use-auth-secret), as the README runs it beside the app.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";
import { stunAnswers } from "./turn-client";

export interface Coturn {
  host: string;
  port: number;
  realm: string;
  /** Everything turnserver logged so far, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

export function coturnInstalled(): boolean {
  return spawnSync("turnserver", ["-h"], { stdio: "ignore" }).error === undefined;
}

/** Stops turnserver: SIGTERM, and SIGKILL if it has not exited 3 s later. */
function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export interface CoturnOptions {
  /**
   * Relay between relayed addresses on loopback. coturn refuses loopback peers by default (a relay must not
   * reach its own host), and on one machine both browsers' relayed addresses are 127.0.0.1: a call forced
   * through the relay needs this.
   */
  allowLoopbackPeers?: boolean;
}

/** Starts turnserver on a free loopback port, with no TLS, no CLI and no configuration file, and waits until it answers. */
export async function startCoturn(secret: string, options: CoturnOptions = {}): Promise<Coturn> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), "mockroom-coturn-"));
  const realm = "mockroom.test";
  const child = spawn(
    "turnserver",
    [
      "-n",
      "--listening-ip=127.0.0.1",
      "--relay-ip=127.0.0.1",
      `--listening-port=${port}`,
      "--use-auth-secret",
      `--static-auth-secret=${secret}`,
      `--realm=${realm}`,
      "--no-tls",
      "--no-dtls",
      "--no-cli",
      "--log-file=stdout",
      "--simple-log",
      `--pidfile=${path.join(dir, "turnserver.pid")}`,
      `--userdb=${path.join(dir, "turndb")}`,
      ...(options.allowLoopbackPeers ? ["--allow-loopback-peers"] : []),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const coturn: Coturn = {
    host: "127.0.0.1",
    port,
    realm,
    output: () => output,
    stop: async () => {
      await stopped(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
  for (let attempt = 0; attempt < 4; attempt++) {
    if (child.exitCode !== null) break;
    if (await stunAnswers(coturn)) return coturn;
  }
  await coturn.stop();
  throw new Error(`turnserver did not answer on 127.0.0.1:${port}:\n${output}`);
}
