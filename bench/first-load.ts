// npm run bench:first-load -- [--app-dir DIR] [--against DIR] [--languages python,javascript,typescript,sql] [--modules] [--out FILE]
//
// The room page's first-load JavaScript, as the candidate's browser downloads it: real Chromium (headless,
// the e2e suite's flags) against the real app (production build, `npm start`'s scripts/start.ts, on a fresh
// database) in a started interview, in a new browser context (empty HTTP cache). Every response is counted
// as served (compressed where the app compresses), decoded, and gzipped (level 6). Then, per language, what
// picking it in the pad adds (its highlighting) and what its first Run adds (the runtime, from /runtimes/).
//
// --app-dir: the checkout to measure (default: this one). --against: another checkout (e.g. a worktree of an
// older commit, with node_modules and `node scripts/prisma-generate.mjs`), built and measured the same way,
// one after the other, and the difference reported: the chunk files only one of them loads, and with
// --modules, the modules whose first-load size changed (`next analyze`: one more compile per checkout).
// The last line is one JSON object.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright";
import { launchChromium } from "./call/browsers";
import { startCheckout } from "./first-load/app";
import { isJavaScript, LANGUAGES, measureRoom, totals, type Language, type Phase, type RoomLoad, type Transfer } from "./first-load/measure";
import { analyzeFirstLoad, byOwner, moduleDeltas } from "./first-load/modules";
import { startedRoom } from "./first-load/room";
import { loadAverage } from "./realtime/process-stats";

const { values: args } = parseArgs({
  options: {
    "app-dir": { type: "string", default: "." },
    against: { type: "string", default: "" },
    languages: { type: "string", default: LANGUAGES.join(",") },
    modules: { type: "boolean", default: false },
    out: { type: "string", default: "" },
  },
});

function log(line: string): void {
  process.stderr.write(`[first-load] ${line}\n`);
}

function languages(): Language[] {
  const asked = args.languages.split(",").map((name) => name.trim());
  const unknown = asked.filter((name) => !(LANGUAGES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--languages: unknown ${unknown.join(", ")} (known: ${LANGUAGES.join(", ")})`);
  return asked as Language[];
}

interface CheckoutLoad extends RoomLoad {
  appDir: string;
  commit: string;
  question: string;
}

async function measureCheckout(browser: Browser, appDir: string, chosen: Language[]): Promise<CheckoutLoad> {
  const commit = execFileSync("git", ["-C", appDir, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  log(`${appDir} (${commit}): building if needed, then starting…`);
  const app = await startCheckout(appDir, log);
  try {
    const room = await startedRoom(browser, app.url);
    log(`${appDir}: room ${room.sessionId} started on "${room.question}"; measuring…`);
    const load = await measureRoom(browser, app.url, room, chosen);
    return { appDir, commit, question: room.question, ...load };
  } finally {
    await app.stop();
  }
}

/** The JSON's view of a phase: its totals, and its files (only the JavaScript ones for the first load). */
function report(phase: Phase, onlyJs: boolean) {
  return { js: phase.js, all: phase.all, files: onlyJs ? phase.files.filter(isJavaScript) : phase.files };
}

function reportCheckout(load: CheckoutLoad) {
  const languages = Object.fromEntries(
    Object.entries(load.languages).map(([language, { pick, run, runStatus }]) => [
      language,
      { pick: report(pick, false), run: run ? report(run, false) : null, runStatus },
    ]),
  );
  return {
    appDir: load.appDir,
    commit: load.commit,
    question: load.question,
    firstLoad: report(load.firstLoad, true),
    firstLoadRepeats: load.firstLoadRepeats,
    languages,
  };
}

function subtract(after: ReturnType<typeof totals>, before: ReturnType<typeof totals>) {
  return {
    files: after.files - before.files,
    servedBytes: after.servedBytes - before.servedBytes,
    decodedBytes: after.decodedBytes - before.decodedBytes,
    gzipBytes: after.gzipBytes - before.gzipBytes,
  };
}

/** The first load's JavaScript files that only one checkout loads (content-hashed names: the same name is the same file). */
function chunkDifference(current: CheckoutLoad, against: CheckoutLoad) {
  const js = (load: CheckoutLoad) => load.firstLoad.files.filter(isJavaScript);
  const names = (files: Transfer[]) => new Set(files.map((file) => file.path));
  const currentNames = names(js(current));
  const againstNames = names(js(against));
  const onlyCurrent = js(current).filter((file) => !againstNames.has(file.path));
  const onlyAgainst = js(against).filter((file) => !currentNames.has(file.path));
  return {
    js: subtract(current.firstLoad.js, against.firstLoad.js),
    sharedFiles: js(current).length - onlyCurrent.length,
    onlyCurrent: { ...totals(onlyCurrent), files: onlyCurrent },
    onlyAgainst: { ...totals(onlyAgainst), files: onlyAgainst },
  };
}

function moduleReport(currentDir: string, againstDir: string) {
  const current = analyzeFirstLoad(currentDir, log);
  const against = againstDir ? analyzeFirstLoad(againstDir, log) : null;
  if (!against) return { total: current.total };
  const deltas = moduleDeltas(against, current);
  return { total: current.total, againstTotal: against.total, byOwner: byOwner(deltas), changed: deltas.slice(0, 40), changedCount: deltas.length };
}

async function main(): Promise<void> {
  const chosen = languages();
  const appDir = path.resolve(args["app-dir"]);
  const againstDir = args.against ? path.resolve(args.against) : "";
  const loadBefore = loadAverage();
  const browser = await launchChromium();
  let current: CheckoutLoad;
  let against: CheckoutLoad | null = null;
  try {
    // One app at a time: building and serving both at once would measure the machine, not the page.
    if (againstDir) against = await measureCheckout(browser, againstDir, chosen);
    current = await measureCheckout(browser, appDir, chosen);
  } finally {
    await browser.close();
  }
  const loadAfterMeasuring = loadAverage();
  const modules = args.modules ? moduleReport(appDir, againstDir) : null;
  const summary = {
    bench: "first-load",
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: loadAfterMeasuring },
    current: reportCheckout(current),
    against: against ? reportCheckout(against) : null,
    difference: against ? chunkDifference(current, against) : null,
    modules,
  };
  if (args.out) writeFileSync(args.out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
