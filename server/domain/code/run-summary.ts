import type { RunRecord } from "./run-record";
import { passedCount } from "./run-result";

const ENDINGS: Record<RunRecord["status"], string> = {
  ok: "finished",
  error: "ended with an error",
  timeout: "stopped at the time limit",
  memory: "stopped at the memory limit",
  "output-limit": "stopped at the output limit",
  cancelled: "stopped by hand",
};

/** A run in a few words, for lists, the timeline and reports: how it ended, and how many tests passed. */
export function runSummary(run: Pick<RunRecord, "status" | "tests">): string {
  const tests = run.tests.length > 0 ? `${passedCount(run)} of ${run.tests.length} tests passed` : null;
  if (run.status === "ok") return tests ?? ENDINGS.ok;
  return tests ? `${ENDINGS[run.status]}, ${tests}` : ENDINGS[run.status];
}
