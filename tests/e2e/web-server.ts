// The end-to-end suite's server: what `npm start` runs (scripts/start.ts), on a data folder of its own
// that is removed once the server has stopped. Playwright stops this process group with SIGTERM
// (playwright.config.ts, gracefulShutdown); the server runs in a group of its own and is told here, so
// that it shuts down cleanly, embedded PostgreSQL included, before the folder goes. A run leaves nothing
// behind in the temporary folder.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR is not set");

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env: process.env, detached: true });
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
