// The production bundle `npm start` serves, and the integration tests' app servers too: built when there
// is none or the sources are newer than it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildBoardAssets } from "./build-board-assets";
import { buildRuntimes } from "./build-runtimes";

const BUILD_ID = ".next/BUILD_ID";
const SOURCES = ["app", "components", "server", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "proxy.ts"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(BUILD_ID)) return false;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}

/** Builds unless the build is current; returns the build's exit status (0 when nothing had to be done). */
export function ensureProductionBuild(log: (line: string) => void = console.log): number {
  // The code runner's files (public/runtimes/) and the whiteboard's fonts first: they are part of what the build serves.
  buildRuntimes();
  buildBoardAssets();
  if (buildIsCurrent()) return 0;
  log("[mockroom] no current production build: building first (minutes on a first start; see the README)…");
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return build.status ?? 1;
}
