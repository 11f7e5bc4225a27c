// What the candidate's browser downloads: the room page's first load in a new browser context (empty HTTP
// cache), then, per language, what picking it in the pad adds (its highlighting) and what the first Run
// adds (the runtime). Every response is counted with the bytes as served (compressed where the app
// compresses), decoded, and gzipped here (level 6, what a gzipping server or proxy would send), headers
// left out.
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page, Request } from "playwright";
import { cookiesFor } from "../call/room";
import type { StartedRoom } from "./room";

export const LANGUAGES = ["python", "javascript", "typescript", "sql"] as const;
export type Language = (typeof LANGUAGES)[number];

const PROGRAMS: Record<Language, string> = {
  python: 'print("hello")',
  javascript: 'console.log("hello")',
  typescript: 'const greeting: string = "hello";\nconsole.log(greeting);',
  sql: "SELECT 'hello' AS greeting;",
};

export interface Transfer {
  path: string;
  /** The response's media type (application/javascript, application/wasm…). */
  type: string;
  encoding: string | null;
  servedBytes: number;
  decodedBytes: number;
  gzipBytes: number;
  /** Chromium reports no body size for a worker's own script: its served size is computed from its body instead. */
  estimated?: true;
}

export interface Totals {
  files: number;
  servedBytes: number;
  decodedBytes: number;
  gzipBytes: number;
}

export interface Phase {
  js: Totals;
  all: Totals;
  files: Transfer[];
}

export interface LanguageLoad {
  /** Picking the language in the pad: its highlighting, loaded on demand since before issue 23. */
  pick: Phase;
  /** The first Run: the runtime; null where the room has no Run. */
  run: Phase | null;
  runStatus: string | null;
}

export interface RoomLoad {
  firstLoad: Phase;
  /** The first load's JavaScript (served bytes) each time the room was opened again, one per language: the same as the first. */
  firstLoadRepeats: number[];
  languages: Partial<Record<Language, LanguageLoad>>;
}

/** No request (the socket's long polling aside) for this long: the page has loaded what it wanted. */
const QUIET_MS = 2_000;
const RUN_TIMEOUT_MS = 180_000;

export function isJavaScript(transfer: Transfer): boolean {
  return /javascript|ecmascript/.test(transfer.type) || /\.m?js$/.test(transfer.path);
}

export function totals(files: Transfer[]): Totals {
  return {
    files: files.length,
    servedBytes: files.reduce((sum, file) => sum + file.servedBytes, 0),
    decodedBytes: files.reduce((sum, file) => sum + file.decodedBytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

function phaseOf(files: Transfer[]): Phase {
  const sorted = [...files].sort((a, b) => b.decodedBytes - a.decodedBytes);
  return { js: totals(sorted.filter(isJavaScript)), all: totals(sorted), files: sorted };
}

async function transferOf(request: Request): Promise<Transfer> {
  const response = await request.response();
  const [sizes, body] = await Promise.all([request.sizes(), response ? response.body().catch(() => Buffer.alloc(0)) : Promise.resolve(Buffer.alloc(0))]);
  const headers = response?.headers() ?? {};
  const encoding = headers["content-encoding"] ?? null;
  const gzipBytes = gzipSync(body).length;
  const size = {
    path: new URL(request.url()).pathname,
    type: (headers["content-type"] ?? "").split(";")[0] ?? "",
    encoding,
    decodedBytes: body.length,
    gzipBytes,
  };
  if (sizes.responseBodySize === 0 && body.length > 0) return { ...size, servedBytes: encoding === "gzip" ? gzipBytes : body.length, estimated: true };
  return { ...size, servedBytes: sizes.responseBodySize };
}

/** Every finished request of the context (its workers' included), taken phase by phase. */
function track(context: BrowserContext) {
  let pending: Promise<Transfer>[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const counted = (request: Request) => !new URL(request.url()).pathname.startsWith("/socket.io/");
  context.on("request", (request) => {
    if (!counted(request)) return;
    inFlight++;
    lastActivity = performance.now();
  });
  const settle = (request: Request) => {
    if (!counted(request)) return;
    inFlight--;
    lastActivity = performance.now();
  };
  context.on("requestfinished", (request) => {
    settle(request);
    if (counted(request)) pending.push(transferOf(request));
  });
  context.on("requestfailed", settle);
  return {
    async quiet(): Promise<void> {
      while (inFlight > 0 || performance.now() - lastActivity < QUIET_MS) await new Promise((resolve) => setTimeout(resolve, 100));
    },
    async take(): Promise<Phase> {
      const taken = pending;
      pending = [];
      return phaseOf(await Promise.all(taken));
    },
  };
}

interface OpenRoom {
  context: BrowserContext;
  page: Page;
  traffic: ReturnType<typeof track>;
  firstLoad: Phase;
}

/** The candidate opens the started room in a new context (an empty HTTP cache), and waits until it has loaded. */
async function openRoom(browser: Browser, baseUrl: string, room: StartedRoom): Promise<OpenRoom> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 } });
  await context.addCookies(cookiesFor(baseUrl, room.candidateCookies));
  const traffic = track(context);
  const page = await context.newPage();
  await page.goto(`/room/${room.sessionId}`);
  await page.getByTestId("current-question").waitFor();
  await page.locator(".cm-content").first().waitFor();
  await traffic.quiet();
  return { context, page, traffic, firstLoad: await traffic.take() };
}

/** Picks the language in the pad, then presses Run once (where the room has Run) and waits for the run's result. */
async function pickAndRun({ page, traffic }: OpenRoom, language: Language): Promise<LanguageLoad> {
  await page.getByLabel("Language").selectOption(language);
  await traffic.quiet();
  const pick = await traffic.take();
  const panel = page.getByTestId("run-panel");
  if ((await panel.count()) === 0) return { pick, run: null, runStatus: null };
  await page.getByLabel("Scratchpad").fill(PROGRAMS[language]);
  const before = await page.getByTestId("run").count();
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByTestId("run").nth(before).waitFor({ timeout: RUN_TIMEOUT_MS });
  const runStatus = await page.getByTestId("runs").getByTestId("run-result").first().getAttribute("data-status");
  await traffic.quiet();
  return { pick, run: await traffic.take(), runStatus };
}

/**
 * The room's first load, then each language on its own: a new context that opens the room again (its first
 * load counted in `firstLoadRepeats`), picks the language and runs it, so that no language finds another's
 * files (QuickJS serves JavaScript and TypeScript) in the cache.
 */
export async function measureRoom(browser: Browser, baseUrl: string, room: StartedRoom, languages: readonly Language[]): Promise<RoomLoad> {
  const first = await openRoom(browser, baseUrl, room);
  await first.context.close();
  const loads: Partial<Record<Language, LanguageLoad>> = {};
  const firstLoadRepeats: number[] = [];
  for (const language of languages) {
    const opened = await openRoom(browser, baseUrl, room);
    try {
      firstLoadRepeats.push(opened.firstLoad.js.servedBytes);
      const picker = opened.page.getByLabel("Language");
      const initial = await picker.inputValue();
      loads[language] = await pickAndRun(opened, language);
      // The pad's language is the room's: put it back, or the next first load would include this one's highlighting.
      await picker.selectOption(initial);
      await opened.traffic.quiet();
    } finally {
      await opened.context.close();
    }
  }
  return { firstLoad: first.firstLoad, firstLoadRepeats, languages: loads };
}
