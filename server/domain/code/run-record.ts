import { z } from "zod";
import { runResultSchema } from "./run-result";

/**
 * A run as the room keeps it: what the browser that ran it showed (`RunResult`, bounded in size by its
 * schema), named by a `runId` so that a retried report is kept once, and, once kept, who ran it, when,
 * and on which version of the pad. The server never runs code: a run is its member's account of it, and
 * the code it ran is the pad's, checkpointed at `revision` before the run is logged.
 */

export const RUN_LIMITS = {
  /** Runs one interview keeps: each is in the room's state, shown and replayed. */
  perSession: 200,
  /**
   * Characters of output and test values those runs hold in all: a typical run has a few thousand, so
   * this stops only a member who fills every run to its limit, which would make the room's state (held
   * in memory, snapshotted) tens of MB.
   */
  sessionChars: 2_000_000,
  /** No run lasts longer than the runner's own limits allow. */
  durationMs: 10 * 60_000,
} as const;

/** A run as its member sends it. */
export const runReportSchema = runResultSchema.extend({
  runId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  durationMs: z.number().int().min(0).max(RUN_LIMITS.durationMs),
});
export type RunReport = z.infer<typeof runReportSchema>;

export const runRecordSchema = runReportSchema.extend({
  questionId: z.string().min(1).max(64),
  by: z.string().min(1).max(64),
  at: z.iso.datetime(),
  revision: z.number().int().min(0),
});
export type RunRecord = z.infer<typeof runRecordSchema>;
