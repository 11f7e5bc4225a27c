import { z } from "zod";
import { dbText } from "../db-text";
import { CODE_LIMITS, runnableLanguageSchema } from "./code-spec";

/**
 * What one press of Run produced, as the browser that ran it reports it and as the room saves it (an
 * event). Bounded by construction: `capRunResult` cuts every field to the sizes below and the whole to
 * `totalChars`, so a result is a few tens of kilobytes at most, whatever the program printed; the room
 * refuses a reported result larger than that (`fitsRunResultLimits`).
 */

export const RUN_STATUSES = ["ok", "error", "timeout", "memory", "output-limit", "cancelled"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
/** ok: the program ran to its end (its tests may still fail); error: it stopped on an uncaught error. */
export type RunStatus = z.infer<typeof runStatusSchema>;

export const RUN_RESULT_LIMITS = {
  /** Standard output kept: its start and its end, with a marker where the middle was cut. */
  stdoutChars: 16 * 1024,
  stderrChars: 8 * 1024,
  /** A test's expected and actual values, as shown. */
  valueChars: 2 * 1024,
  errorChars: 1024,
  messageChars: 500,
  /**
   * A whole result's text (`runResultChars`): past this, the tests' values and errors share what the
   * output, the message and the test names leave. The per-field limits alone would allow 287,076.
   */
  totalChars: 64 * 1024,
} as const;

export const testResultSchema = z.object({
  name: dbText.max(CODE_LIMITS.testNameChars),
  passed: z.boolean(),
  expected: dbText.max(RUN_RESULT_LIMITS.valueChars),
  /** What the code produced; null when it produced nothing (it failed, or the test did not run). */
  actual: dbText.max(RUN_RESULT_LIMITS.valueChars).nullable(),
  error: dbText.max(RUN_RESULT_LIMITS.errorChars).optional(),
  /** The test case itself is broken (its expected value cannot be read): not a failure of the code. */
  invalid: z.literal(true).optional(),
  /** The run ended (a limit, a cancel) before this test: `error` says why. */
  notRun: z.literal(true).optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const runResultSchema = z.object({
  language: runnableLanguageSchema,
  status: runStatusSchema,
  /** Why the run stopped, in a sentence, when it did not end by itself (a limit, a cancel, a crash). */
  message: dbText.max(RUN_RESULT_LIMITS.messageChars).nullable(),
  stdout: dbText.max(RUN_RESULT_LIMITS.stdoutChars),
  stderr: dbText.max(RUN_RESULT_LIMITS.stderrChars),
  tests: z.array(testResultSchema).max(CODE_LIMITS.testsPerQuestion),
  /** From the start of the program (the runtime loaded) to its end. */
  durationMs: z.number().int().nonnegative(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export function passedCount(result: Pick<RunResult, "tests">): number {
  return result.tests.filter((test) => test.passed).length;
}

/** At most `max` characters: the start and the end of `text`, and a line saying how much was cut between. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = (cut: number) => `\n… ${cut.toLocaleString("en")} characters truncated …\n`;
  // The marker's own length depends on the count; the longest count it can name is text.length.
  const keep = Math.max(0, max - marker(text.length).length);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return withoutSplitPair(text.slice(0, head), "end") + marker(text.length - keep) + withoutSplitPair(text.slice(text.length - tail), "start");
}

/** At most `max` characters: the start of `text`, ending in "… truncated". */
export function truncateEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = "… truncated";
  return withoutSplitPair(text.slice(0, Math.max(0, max - marker.length)), "end") + marker;
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A program may print a NUL or half a character; PostgreSQL stores neither, so each becomes U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, "\uFFFD");
}

/** A cut through a surrogate pair leaves half a character, which PostgreSQL cannot store: drop that half. */
function withoutSplitPair(text: string, side: "start" | "end"): string {
  if (side === "end") return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
  return /^[\uDC00-\uDFFF]/.test(text) ? text.slice(1) : text;
}

function capTest(test: TestResult, valueChars: number, errorChars: number): TestResult {
  return {
    ...test,
    name: truncateEnd(storableText(test.name), CODE_LIMITS.testNameChars),
    expected: truncateEnd(storableText(test.expected), valueChars),
    actual: test.actual === null ? null : truncateEnd(storableText(test.actual), valueChars),
    ...(test.error === undefined ? {} : { error: truncateEnd(storableText(test.error), errorChars) }),
  };
}

/** The characters of a result's text: its message, output, and each test's name, values and error. */
export function runResultChars(result: Pick<RunResult, "message" | "stdout" | "stderr" | "tests">): number {
  const tests = result.tests.reduce((sum, test) => sum + test.name.length + test.expected.length + (test.actual?.length ?? 0) + (test.error?.length ?? 0), 0);
  return (result.message?.length ?? 0) + result.stdout.length + result.stderr.length + tests;
}

/** A result no larger in all than one `capRunResult` makes: the rule for a result a member reports. */
export function fitsRunResultLimits(result: Pick<RunResult, "message" | "stdout" | "stderr" | "tests">): boolean {
  return runResultChars(result) <= RUN_RESULT_LIMITS.totalChars;
}

/**
 * The result cut to the limits above and made storable, so that it always passes `runResultSchema` and
 * `fitsRunResultLimits`. Past the total, each test's expected value, actual value and error get an equal
 * share of what the rest leaves: at least 229 characters each with 50 tests, names and output at their limits.
 */
export function capRunResult(result: RunResult): RunResult {
  const capped: RunResult = {
    ...result,
    message: result.message === null ? null : truncateEnd(storableText(result.message), RUN_RESULT_LIMITS.messageChars),
    stdout: truncateMiddle(storableText(result.stdout), RUN_RESULT_LIMITS.stdoutChars),
    stderr: truncateMiddle(storableText(result.stderr), RUN_RESULT_LIMITS.stderrChars),
    tests: result.tests.slice(0, CODE_LIMITS.testsPerQuestion).map((test) => capTest(test, RUN_RESULT_LIMITS.valueChars, RUN_RESULT_LIMITS.errorChars)),
    durationMs: Math.max(0, Math.round(result.durationMs)),
  };
  if (fitsRunResultLimits(capped)) return capped;
  const fixed = runResultChars({ ...capped, tests: capped.tests.map((test) => ({ ...test, expected: "", actual: null, error: undefined })) });
  const share = Math.floor((RUN_RESULT_LIMITS.totalChars - fixed) / (3 * capped.tests.length));
  return { ...capped, tests: capped.tests.map((test) => capTest(test, share, share)) };
}
