// npm run bench:run-code -- [--languages python,javascript,typescript,sql] [--cold 5] [--pause 5000] [--out FILE]
//
// The code runner in real Chromium (headless, the e2e suite's flags) against the real app (production
// build, server/index.ts, on a fresh embedded PostgreSQL or TEST_DATABASE_URL's server), from a page of the
// app under its own Content-Security-Policy. For each language, the time from a run being asked for to the
// first output arriving on the page:
//   - cold: a new browser context (empty HTTP cache), so a new worker that downloads and starts the runtime;
//   - cold, cached: a new worker in the same context (the files in the HTTP cache: a second visit);
//   - second, third: through the page's CodeRunner (components/runner/code-runner.ts, bundled as the app
//     bundles it), in a new context, the runs after a first one, each asked for as soon as the one before
//     ended; after a pause: one more, asked for --pause ms after the third ended.
// And each runtime's size: the bytes its cold start transferred (compressed where the app serves them so),
// and their decoded size. The last line is one JSON object.
import { parseArgs } from "node:util";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { ensureProductionBuild } from "@/scripts/production-build";
import { startAppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/free-port";
import { codeRunnerBundle } from "@/tests/support/runner-bundle";
import { createTestDatabaseServer } from "@/tests/support/test-database";
import { launchChromium } from "./call/browsers";
import { loadAverage } from "./realtime/process-stats";
import { measureLanguage, type LanguageFigures } from "./run-code/measure";

const LANGUAGES = ["python", "javascript", "typescript", "sql"] as const;
type Language = (typeof LANGUAGES)[number];

const { values: args } = parseArgs({
  options: {
    languages: { type: "string", default: LANGUAGES.join(",") },
    cold: { type: "string", default: "5" },
    pause: { type: "string", default: "5000" },
    out: { type: "string", default: "" },
  },
});

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function languages(): Language[] {
  const asked = args.languages.split(",").map((name) => name.trim());
  const unknown = asked.filter((name) => !(LANGUAGES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--languages: unknown ${unknown.join(", ")} (known: ${LANGUAGES.join(", ")})`);
  return asked as Language[];
}

async function main(): Promise<void> {
  const chosen = languages();
  const cold = Number(args.cold);
  const pauseMs = Number(args.pause);
  if (ensureProductionBuild(log) !== 0) throw new Error("the production build failed");
  const runnerBundle = await codeRunnerBundle();
  const database = await createTestDatabaseServer(await freePort());
  const app = await startAppServer(database.templateUrl);
  const browser = await launchChromium();
  const loadBefore = loadAverage();
  const figures: Record<string, LanguageFigures> = {};
  try {
    for (const language of chosen) {
      log(`${language}: ${cold} times a cold start, a cached one, and four runs through the runner…`);
      figures[language] = await measureLanguage(browser, app.url, language, { cold, pauseMs, runnerBundle });
      log(`${language}: ${JSON.stringify(figures[language])}`);
    }
  } finally {
    await browser.close();
    await app.kill();
    await database.dispose();
  }
  const summary = {
    bench: "run-code",
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: loadAverage() },
    runs: { cold, pauseMs },
    languages: figures,
  };
  if (args.out) writeFileSync(args.out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
