import { z } from "zod";
import { dbText } from "../db-text";
import { runnableLanguageSchema } from "./code-spec";

/**
 * What a run of the pad's code showed, as the room keeps it: made in the browser of whoever pressed Run
 * (the server never runs code), so it is that member's account of the run, bounded in size so that it
 * fits the room's log. The code itself is the pad's, checkpointed at `revision` before the run is logged.
 */

export const RUN_LIMITS = {
  /** Standard output and standard error, each, as kept; a runner cuts longer output and says so. */
  outputChars: 16 * 1024,
  /** A test's expected and actual values, and its error, each. */
  valueChars: 1024,
  /** A question's test cases, its own and those added in the interview. */
  tests: 50,
  /** Runs one interview keeps: each is in the room's state, shown and replayed. */
  perSession: 200,
  stdinChars: 10_000,
  /** No run lasts longer than the runner's own limits allow. */
  durationMs: 10 * 60_000,
} as const;

/**
 * How a run ended: every test passed, one failed, it ran without tests and ended normally, it threw
 * or did not compile, or a limit ended it (time, memory, output), or the member stopped it.
 */
export const RUN_STATUSES = ["passed", "failed", "ok", "error", "timeout", "memory", "output-limit", "cancelled"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

const value = dbText.max(RUN_LIMITS.valueChars);

export const testResultSchema = z.object({
  name: dbText.max(120),
  passed: z.boolean(),
  expected: value,
  actual: value,
  /** Why the test could not be judged (its code threw, its expected value is not JSON); null when it was. */
  error: value.nullable(),
});
export type TestResult = z.infer<typeof testResultSchema>;

/** A run as its member sends it. */
export const runReportSchema = z.object({
  runId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  language: runnableLanguageSchema,
  status: runStatusSchema,
  durationMs: z.number().int().min(0).max(RUN_LIMITS.durationMs),
  stdin: dbText.max(RUN_LIMITS.stdinChars),
  stdout: dbText.max(RUN_LIMITS.outputChars),
  stderr: dbText.max(RUN_LIMITS.outputChars),
  tests: z.array(testResultSchema).max(RUN_LIMITS.tests),
});
export type RunReport = z.infer<typeof runReportSchema>;

/** A run as the room keeps it: who ran it, when, on which version of the pad. */
export const runRecordSchema = runReportSchema.extend({
  questionId: z.string().min(1).max(64),
  by: z.string().min(1).max(64),
  at: z.iso.datetime(),
  revision: z.number().int().min(0),
});
export type RunRecord = z.infer<typeof runRecordSchema>;
