import type { TestCase } from "@/server/domain/code/code-spec";
import { compareOutput, compareReturnValue, parseJsonValue, type Verdict } from "@/server/domain/code/compare";
import type { TestResult } from "@/server/domain/code/run-result";
import { formatSize, type Job, type JobEnd, type OutputStream } from "../protocol";

/**
 * A language's engine: runs a job in its runtime (already loaded), writing output and test results as they
 * come. Engines are free of workers and messages, so the unit tests run them in Node on the same runtimes.
 */
export interface Engine {
  run(job: Job, io: JobIO): Promise<JobEnd>;
}

export interface JobIO {
  /** Streams output; returns false once the output limit is reached (the engine then stops the program). */
  write(stream: OutputStream, text: string): boolean;
  test(index: number, result: TestResult): void;
  /** A monotonic clock in milliseconds (performance.now). */
  now(): number;
  /**
   * Called from the runtime's periodic checks while a program computes (QuickJS's interrupt handler,
   * Pyodide's interrupt polling): output waiting in a batch goes out then, since no timer can fire in a
   * worker busy with a synchronous program.
   */
  tick(): void;
}

/** The program stopped on a limit: nothing more of the job runs. */
export class Stopped extends Error {
  constructor(readonly end: JobEnd) {
    super(end.message ?? end.status);
  }
}

export const NETWORK_DISABLED = "Network access is disabled in the code runner: programs run offline, in your browser.";

export function timeLimitMessage(job: Job): string {
  return `Stopped after ${formatSeconds(job.limits.timeMs)}: the time limit of a run. Look for an endless loop, or a slow algorithm on a large input.`;
}

export function memoryLimitMessage(job: Job): string {
  return `Stopped: the program used more than ${formatSize(job.limits.memoryBytes)} of memory, the limit of a run.`;
}

export function outputLimitMessage(job: Job): string {
  return `Stopped: the program printed more than ${formatSize(job.limits.outputChars)} of output, the limit of a run.`;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** A function test's outcome: the returned value as JSON (NaN and ±Infinity allowed), or the error it raised. */
export type CallOutcome = { ok: true; json: string } | { ok: false; error: string };
/** A standard-input test's outcome: what the program printed, and the error it stopped on, if any. */
export interface StdioOutcome {
  stdout: string;
  error: string | null;
}

export interface TestDriver {
  /** Calls the job's entry with the arguments (a JSON array, already checked); throws Stopped on a limit. */
  call(argsJson: string): Promise<CallOutcome>;
  /** Runs the whole program on this standard input, capturing its output; throws Stopped on a limit. */
  runWithStdin(stdin: string): Promise<StdioOutcome>;
}

/** Each test in order, reported as it finishes. A limit (Stopped) ends them all: the page marks the rest. */
export async function runTests(job: Job, io: JobIO, driver: TestDriver): Promise<void> {
  for (const [index, test] of job.tests.entries()) {
    io.test(index, job.entry === null ? await stdioTest(test, driver) : await functionTest(test, driver));
  }
}

async function functionTest(test: TestCase, driver: TestDriver): Promise<TestResult> {
  const base = { name: test.name, expected: test.expected };
  let args;
  try {
    args = parseJsonValue(test.input);
  } catch (error) {
    return { ...base, passed: false, actual: null, invalid: true, error: `The test's input is not valid JSON (${(error as Error).message}).` };
  }
  if (!Array.isArray(args)) {
    return { ...base, passed: false, actual: null, invalid: true, error: "The test's input must be a JSON array of the arguments, such as [[2, 7, 11], 9]." };
  }
  const outcome = await driver.call(test.input);
  if (!outcome.ok) return { ...base, passed: false, actual: null, error: outcome.error };
  return withVerdict({ ...base, actual: outcome.json }, compareReturnValue(test.expected, outcome.json));
}

async function stdioTest(test: TestCase, driver: TestDriver): Promise<TestResult> {
  const outcome = await driver.runWithStdin(test.input);
  const verdict = compareOutput(test.expected, outcome.stdout);
  const result = withVerdict({ name: test.name, expected: test.expected, actual: outcome.stdout }, verdict);
  return outcome.error === null ? result : { ...result, passed: false, error: outcome.error };
}

export function withVerdict(test: Omit<TestResult, "passed">, verdict: Verdict): TestResult {
  switch (verdict.kind) {
    case "pass":
      return { ...test, passed: true };
    case "fail":
      return { ...test, passed: false };
    case "invalid-test":
      return { ...test, passed: false, invalid: true, error: verdict.message };
  }
}
