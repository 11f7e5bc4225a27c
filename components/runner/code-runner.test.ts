import { describe, expect, it } from "vitest";
import type { RunnableLanguage } from "@/server/domain/code/code-spec";
import { CODE_LIMITS } from "@/server/domain/code/code-spec";
import { fitsRunResultLimits, RUN_RESULT_LIMITS, runResultSchema } from "@/server/domain/code/run-result";
import { CodeRunner, HARD_STOP_GRACE_MS, LOAD_TIMEOUT_MS, type RunProgress, type WorkerLike } from "./code-runner";
import { CappedText } from "./capped-text";
import type { FromWorker, Job, ToWorker } from "./protocol";

/** A worker's message, its run's id filled in unless given. */
type Said = FromWorker extends infer M ? (M extends FromWorker ? Omit<M, "id"> & { id?: number } : never) : never;

/** A worker the test speaks for: it records what the page sent and whether the page ended it. */
class ScriptedWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  jobs: Job[] = [];
  /** Asked to load its runtime before any run: a spare. */
  warmed = false;
  terminated = false;
  constructor(readonly language: RunnableLanguage) {}
  postMessage(message: ToWorker): void {
    if (message.type === "warm") this.warmed = true;
    else this.jobs.push(message.job);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(message: Said): void {
    this.onmessage?.({ data: { id: this.jobs.at(-1)?.id ?? 0, ...message } as FromWorker });
  }
}

function setup() {
  let now = 0;
  let timers: { at: number; callback: () => void; cleared: boolean }[] = [];
  const workers: ScriptedWorker[] = [];
  const runner = new CodeRunner({
    createWorker: (language) => {
      const worker = new ScriptedWorker(language);
      workers.push(worker);
      return worker;
    },
    now: () => now,
    setTimer: (callback, ms) => {
      const timer = { at: now + ms, callback, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((timer) => !timer.cleared && timer.at <= now);
    timers = timers.filter((timer) => !due.includes(timer));
    for (const timer of due) timer.callback();
  };
  return { runner, workers, advance };
}

const TESTS = [
  { name: "one", input: "[1]", expected: "2" },
  { name: "two", input: "[2]", expected: "4" },
];

describe("CodeRunner", () => {
  it("runs each program in a worker of its own, and starts the next run's worker as soon as a run ends", async () => {
    const { runner, workers, advance } = setup();
    const progress: RunProgress[] = [];
    const first = runner.run({ language: "python", code: "print(1)" }, (event) => progress.push(event));
    const worker = workers[0] as ScriptedWorker;
    expect(worker.warmed).toBe(false);
    expect(worker.jobs[0]).toMatchObject({ language: "python", code: "print(1)", stdin: "", entry: null, tests: [], limits: { timeMs: 10_000 } });
    advance(3_000);
    worker.say({ type: "started" });
    advance(20);
    worker.say({ type: "output", stream: "stdout", text: "1\n" });
    worker.say({ type: "done", status: "ok", message: null });
    const result = await first;
    expect(progress.map((event) => (event.type === "phase" ? event.phase : event.type))).toEqual(["loading", "running", "output"]);
    expect(result).toEqual({ language: "python", status: "ok", message: null, stdout: "1\n", stderr: "", tests: [], durationMs: 20 });
    // The worker that ran the program is ended; a spare loads its runtime for the next run.
    expect(worker.terminated).toBe(true);
    const spare = workers[1] as ScriptedWorker;
    expect(spare).toMatchObject({ language: "python", warmed: true, terminated: false, jobs: [] });
    spare.say({ type: "ready" });

    const events: RunProgress[] = [];
    const second = runner.run({ language: "python", code: "x" }, (event) => events.push(event));
    expect(spare.jobs).toHaveLength(1);
    spare.say({ type: "started" });
    spare.say({ type: "done", status: "ok", message: null });
    await second;
    expect(events).toEqual([{ type: "phase", phase: "running" }]);
    expect(spare.terminated).toBe(true);
    expect(workers).toHaveLength(3);
  });

  it("says a fresh runtime is starting when the next run comes before its spare is ready", async () => {
    const { runner, workers } = setup();
    const first = runner.run({ language: "sql", code: "" });
    (workers[0] as ScriptedWorker).say({ type: "started" });
    (workers[0] as ScriptedWorker).say({ type: "done", status: "ok", message: null });
    await first;
    const events: RunProgress[] = [];
    const second = runner.run({ language: "sql", code: "SELECT 1" }, (event) => events.push(event));
    const spare = workers[1] as ScriptedWorker;
    expect(spare.jobs[0]?.code).toBe("SELECT 1");
    spare.say({ type: "started" });
    spare.say({ type: "done", status: "ok", message: null });
    await second;
    expect(events).toEqual([
      { type: "phase", phase: "starting" },
      { type: "phase", phase: "running" },
    ]);
  });

  it("keeps a spare per language, drops one that breaks while loading, and starts none once disposed of", async () => {
    const { runner, workers } = setup();
    for (const language of ["javascript", "sql", "javascript"] as const) {
      const run = runner.run({ language, code: "" });
      const worker = workers.findLast((candidate) => candidate.language === language && !candidate.terminated) as ScriptedWorker;
      worker.say({ type: "started" });
      worker.say({ type: "done", status: "ok", message: null });
      await run;
    }
    // Three runs, each on a worker of its own, and one spare for each language.
    expect(workers.map((worker) => [worker.language, worker.terminated])).toEqual([
      ["javascript", true],
      ["javascript", true],
      ["sql", true],
      ["sql", false],
      ["javascript", false],
    ]);
    const broken = workers[4] as ScriptedWorker;
    broken.onerror?.({ message: "Uncaught SyntaxError" });
    expect(broken.terminated).toBe(true);
    void runner.run({ language: "javascript", code: "" });
    expect(workers).toHaveLength(6);
    runner.dispose();
    expect(workers.map((worker) => worker.terminated)).toEqual([true, true, true, true, true, true]);
    await expect(runner.run({ language: "sql", code: "" })).rejects.toThrow(/disposed/);
    expect(workers).toHaveLength(6);
  });

  it("ends the worker past the time limit and its grace, and the next run gets a fresh one", async () => {
    const { runner, workers, advance } = setup();
    const run = runner.run({ language: "python", code: "while True: pass", spec: { entry: "f", tests: TESTS }, limits: { timeMs: 1_000 } });
    const worker = workers[0] as ScriptedWorker;
    advance(5_000);
    worker.say({ type: "started" });
    worker.say({ type: "test", index: 0, result: { name: "one", passed: true, expected: "2", actual: "2" } });
    advance(1_000 + HARD_STOP_GRACE_MS - 1);
    expect(worker.terminated).toBe(false);
    advance(1);
    const result = await run;
    expect(worker.terminated).toBe(true);
    expect(result.status).toBe("timeout");
    expect(result.message).toMatch(/^Stopped after 1 s: the time limit/);
    expect(result.tests.map((test) => [test.passed, test.notRun ?? false, test.error])).toEqual([
      [true, false, undefined],
      [false, true, "Not run: the run reached its time limit first."],
    ]);
    void runner.run({ language: "python", code: "" });
    expect((workers[1] as ScriptedWorker).jobs).toHaveLength(1);
  });

  it("ends the worker when the output passes the limit, keeping the start and end of it", async () => {
    const { runner, workers } = setup();
    const run = runner.run({ language: "javascript", code: "", limits: { outputChars: 100_000 } });
    const worker = workers[0] as ScriptedWorker;
    worker.say({ type: "started" });
    for (let i = 0; i < 20; i++) worker.say({ type: "output", stream: "stdout", text: `${i}`.padEnd(10_000, ".") });
    const result = await run;
    expect(worker.terminated).toBe(true);
    expect(result.status).toBe("output-limit");
    expect(result.message).toBe("Stopped: the program printed more than 98 KB of output, the limit of a run.");
    expect(result.stdout.length).toBeLessThanOrEqual(RUN_RESULT_LIMITS.stdoutChars);
    expect(result.stdout.startsWith("0.")).toBe(true);
    expect(result.stdout).toMatch(/characters truncated/);
    expect(result.stdout.endsWith("9".padEnd(10_000, ".").slice(-100))).toBe(true);
  });

  it("ends the worker when the program stopped itself too", async () => {
    const { runner, workers } = setup();
    const run = runner.run({ language: "javascript", code: "" });
    const worker = workers[0] as ScriptedWorker;
    worker.say({ type: "started" });
    worker.say({ type: "done", status: "timeout", message: "Stopped after 10 s" });
    expect((await run).status).toBe("timeout");
    expect(worker.terminated).toBe(true);
  });

  it("cancels: ends the worker and resolves with what was printed", async () => {
    const { runner, workers } = setup();
    const run = runner.run({ language: "sql", code: "", spec: { entry: null, tests: TESTS } });
    const worker = workers[0] as ScriptedWorker;
    worker.say({ type: "started" });
    worker.say({ type: "output", stream: "stderr", text: "partial" });
    runner.cancel();
    const result = await run;
    expect(worker.terminated).toBe(true);
    expect(result).toMatchObject({ status: "cancelled", stderr: "partial" });
    expect(result.tests.every((test) => test.error === "Not run: the run was cancelled.")).toBe(true);
    expect(runner.running).toBe(false);
  });

  it("refuses a second run while one is in progress", async () => {
    const { runner } = setup();
    void runner.run({ language: "python", code: "" });
    await expect(runner.run({ language: "python", code: "" })).rejects.toThrow(/already in progress/);
  });

  it("reports a runtime that fails to load, or never starts, and a worker error", async () => {
    const { runner, workers, advance } = setup();
    const failed = runner.run({ language: "python", code: "" });
    (workers[0] as ScriptedWorker).say({ type: "fatal", message: "The runtime could not be loaded: 404" });
    expect(await failed).toMatchObject({ status: "error", message: "The runtime could not be loaded: 404" });
    expect((workers[0] as ScriptedWorker).terminated).toBe(true);

    const stuck = runner.run({ language: "python", code: "" });
    advance(LOAD_TIMEOUT_MS);
    expect(await stuck).toMatchObject({ status: "error", message: "The Python runtime did not start within 120 s." });

    const crashed = runner.run({ language: "python", code: "" });
    (workers[2] as ScriptedWorker).onerror?.({ message: "Uncaught RangeError: WebAssembly.Memory(): could not allocate memory" });
    expect(await crashed).toMatchObject({ status: "memory" });
    // Each run above came after a spare was started for it: workers 0, 1 and 2 ran, 3 waits.
    expect(workers.map((worker) => worker.jobs.length)).toEqual([1, 1, 1, 0]);
  });

  it("ignores messages of another run and test indexes out of range, and caps what it returns", async () => {
    const { runner, workers } = setup();
    const run = runner.run({ language: "javascript", code: "", spec: { entry: "f", tests: TESTS } });
    const worker = workers[0] as ScriptedWorker;
    worker.say({ type: "started" });
    worker.say({ type: "done", id: 999, status: "ok", message: null });
    worker.say({ type: "test", index: 7, result: { name: "x", passed: true, expected: "", actual: "" } });
    worker.say({ type: "test", index: 1, result: { name: "two", passed: false, expected: "4", actual: "x".repeat(10_000) } });
    worker.say({ type: "output", stream: "stdout", text: "nul\u0000" });
    worker.say({ type: "done", status: "ok", message: null });
    const result = await run;
    expect(result.tests).toHaveLength(2);
    expect(result.tests[1]?.actual?.length).toBeLessThanOrEqual(RUN_RESULT_LIMITS.valueChars);
    expect(runResultSchema.safeParse(result).success).toBe(true);
  });
});

describe("the result a runner hands to the room", () => {
  it("fits the room's limit of a run's result however much a worker reports", async () => {
    const { runner, workers } = setup();
    const tests = Array.from({ length: CODE_LIMITS.testsPerQuestion }, (_, i) => ({
      name: `t${i}`.padEnd(CODE_LIMITS.testNameChars, "-"),
      input: "[]",
      expected: "e".repeat(5_000),
    }));
    const run = runner.run({ language: "python", code: "", spec: { entry: "f", tests } });
    const worker = workers[0] as ScriptedWorker;
    worker.say({ type: "started" });
    for (let i = 0; i < 100; i++) worker.say({ type: "output", stream: i % 2 ? "stdout" : "stderr", text: "o".repeat(10_000) });
    tests.forEach((test, index) =>
      worker.say({
        type: "test",
        index,
        result: { name: test.name, passed: false, expected: test.expected, actual: "a".repeat(9_000), error: "x".repeat(9_000) },
      }),
    );
    worker.say({ type: "done", status: "error", message: "m".repeat(2_000) });
    const result = await run;
    expect(runResultSchema.safeParse(result).success).toBe(true);
    expect(fitsRunResultLimits(result)).toBe(true);
  });
});

describe("CappedText", () => {
  it("keeps everything that fits, then the start and the end", () => {
    const text = new CappedText(100);
    text.append("a".repeat(30));
    expect(text.toString()).toBe("a".repeat(30));
    for (let i = 0; i < 100; i++) text.append("b".repeat(10));
    text.append("THE END");
    const shown = text.toString();
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown.startsWith("aaaa")).toBe(true);
    expect(shown.endsWith("THE END")).toBe(true);
    const kept = shown.replace(/\n… [\d,]+ characters truncated …\n/, "").length;
    expect(shown).toContain(`… ${(text.length - kept).toLocaleString("en")} characters truncated …`);
  });
});
