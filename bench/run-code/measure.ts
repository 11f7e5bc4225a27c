// One language's figures: cold and cold-with-cache time to the first output of a worker's run (asked for as
// CodeRunner asks, components/runner/protocol.ts), the first output of the runs after the first through the
// page's own CodeRunner (each on a worker of its own), and what a cold start downloaded.
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page, Request } from "playwright";

const PROGRAMS: Record<string, string> = {
  python: 'print("hello")',
  javascript: 'console.log("hello")',
  typescript: 'const greeting: string = "hello";\nconsole.log(greeting);',
  sql: "SELECT 'hello' AS greeting;",
};

/**
 * Evaluated in the page as a string (tsx would wrap a serialised function's inner functions in __name).
 * A new worker (a worker serves one run), then the time from posting its run to its first output message,
 * and to its end.
 */
const RUN_IN_PAGE = `async ({ language, code, id }) => {
  window.__benchWorker?.terminate();
  const worker = (window.__benchWorker = new Worker("/runtimes/" + language + ".worker.js", { type: "module" }));
  const memoryBytes = (language === "sql" ? 512 : 256) * 1024 * 1024;
  const started = performance.now();
  return await new Promise((resolve, reject) => {
    let first = null;
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === "output" && first === null) first = performance.now() - started;
      if (message.type === "done") resolve({ firstOutputMs: first, doneMs: performance.now() - started, status: message.status });
      if (message.type === "fatal") reject(new Error(message.message));
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ type: "run", job: { id, language, code, stdin: "", entry: null, tests: [], limits: { timeMs: 10000, memoryBytes, outputChars: 1048576 } } });
  });
}`;

interface RunTiming {
  firstOutputMs: number | null;
  doneMs: number;
  status: string;
}

export interface Series {
  medianMs: number;
  runsMs: number[];
}

export interface FileSize {
  path: string;
  transferredBytes: number;
  decodedBytes: number;
  encoding: string | null;
  /** Chromium reports no body size for a worker's own script: its gzipped size is computed here instead. */
  estimated?: true;
}

export interface LanguageFigures {
  /** A new browser context: the runtime downloaded and started. */
  cold: Series;
  /** A new worker, its files in the HTTP cache (a second visit, or a run after a time limit ended the worker). */
  coldCached: Series;
  /** Through CodeRunner, in a new context: the second run, asked for as soon as the first ended. */
  second: Series;
  /** The third run, asked for as soon as the second ended. */
  third: Series;
  /** A fourth run, asked for `pauseMs` after the third ended (the time to read a result and edit). */
  afterPause: Series;
  pauseMs: number;
  transferredBytes: number;
  decodedBytes: number;
  files: FileSize[];
}

/**
 * Evaluated in the page after the runner's bundle (tests/support/runner-bundle.ts): four runs through the
 * page's CodeRunner, each timed from run() to its first output.
 */
const RUNS_THROUGH_RUNNER = `async ({ language, code, pauseMs }) => {
  const runner = window.codeRunner;
  const timed = async () => {
    const asked = performance.now();
    let first = null;
    const result = await runner.run({ language, code }, (progress) => {
      if (progress.type === "output" && first === null) first = performance.now() - asked;
    });
    if (result.status !== "ok" || first === null) throw new Error(language + ": the run ended " + result.status + " " + result.message);
    return Math.round(first);
  };
  const first = await timed();
  const second = await timed();
  const third = await timed();
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  const afterPause = await timed();
  runner.dispose();
  return { first, second, third, afterPause };
}`;

let nextId = 1;

async function runOnce(page: Page, language: string): Promise<number> {
  const timing = (await page.evaluate(`(${RUN_IN_PAGE})(${JSON.stringify({ language, code: PROGRAMS[language], id: nextId++ })})`)) as RunTiming;
  if (timing.status !== "ok" || timing.firstOutputMs === null) throw new Error(`${language}: the run ended ${timing.status} without output`);
  return Math.round(timing.firstOutputMs);
}

function series(runsMs: number[]): Series {
  const sorted = [...runsMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? (sorted[middle] as number) : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
  return { medianMs, runsMs };
}

/** A page of the app under its own policy, with the sizes of everything under /runtimes/ it (and its workers) fetched. */
async function openPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page; files: Promise<FileSize>[] }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const files: Promise<FileSize>[] = [];
  context.on("requestfinished", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/runtimes/")) files.push(fileSize(request, url.pathname));
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  return { context, page, files };
}

async function fileSize(request: Request, path: string): Promise<FileSize> {
  const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
  const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
  const encoding = response?.headers()["content-encoding"] ?? null;
  const size = { path, decodedBytes: body.length, encoding };
  if (sizes.responseBodySize === 0 && body.length > 0) {
    const bodyBytes = encoding === "gzip" ? gzipSync(body).length : body.length;
    return { ...size, transferredBytes: bodyBytes + sizes.responseHeadersSize, estimated: true };
  }
  return { ...size, transferredBytes: sizes.responseBodySize + sizes.responseHeadersSize };
}

interface RunnerTimings {
  first: number;
  second: number;
  third: number;
  afterPause: number;
}

export async function measureLanguage(
  browser: Browser,
  baseUrl: string,
  language: string,
  options: { cold: number; pauseMs: number; runnerBundle: string },
): Promise<LanguageFigures> {
  const cold: number[] = [];
  const coldCached: number[] = [];
  const runner: RunnerTimings[] = [];
  let files: FileSize[] = [];
  for (let i = 0; i < options.cold; i++) {
    const opened = await openPage(browser, baseUrl);
    cold.push(await runOnce(opened.page, language));
    if (i === 0) files = await Promise.all(opened.files);
    coldCached.push(await runOnce(opened.page, language));
    await opened.context.close();
    // A context of its own, so that its first run is cold too and nothing else runs beside it.
    const fresh = await openPage(browser, baseUrl);
    await fresh.page.evaluate(options.runnerBundle);
    runner.push(
      (await fresh.page.evaluate(
        `(${RUNS_THROUGH_RUNNER})(${JSON.stringify({ language, code: PROGRAMS[language], pauseMs: options.pauseMs })})`,
      )) as RunnerTimings,
    );
    await fresh.context.close();
  }
  return {
    cold: series(cold),
    coldCached: series(coldCached),
    second: series(runner.map((timings) => timings.second)),
    third: series(runner.map((timings) => timings.third)),
    afterPause: series(runner.map((timings) => timings.afterPause)),
    pauseMs: options.pauseMs,
    transferredBytes: files.reduce((sum, file) => sum + file.transferredBytes, 0),
    decodedBytes: files.reduce((sum, file) => sum + file.decodedBytes, 0),
    files,
  };
}
