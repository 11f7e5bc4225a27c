import type { Calibration, CandidateProgress } from "@/server/domain/review/progress";

// No input, and no output schema: the procedure answers this type, built by the domain's progress functions.
export interface Progress {
  /** Null when the person took no ended session. */
  candidate: CandidateProgress | null;
  /** Null when they scored no ended session. */
  calibration: Calibration | null;
}
