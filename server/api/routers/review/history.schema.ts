import type { Role } from "@/server/domain/room";
import type { Recommendation } from "@/server/domain/scoring/scale";

/** The history's filters are the domain's (the page's query string takes them too). */
export { historyFiltersSchema as reviewHistoryInput, type HistoryFiltersInput as ReviewHistoryInput } from "@/server/domain/review/history-filters";

// No output schema: the procedure answers these types as the service builds them.
export interface HistoryRow {
  id: string;
  title: string;
  status: "PLANNED" | "LIVE" | "ENDED" | "CANCELLED";
  myRole: Role;
  ownerName: string;
  candidateName: string | null;
  /** When it started, or was scheduled, or was created: the date the history sorts and filters by. */
  date: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  questionCount: number;
  /** On the viewer's own submitted scorecard; null for candidates and unsubmitted cards. */
  recommendation: Recommendation | null;
  /** For the candidate: the interviewer has released feedback to them. */
  feedbackReleased: boolean;
}

export interface HistoryPage {
  rows: HistoryRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The documents the user's sessions asked from (asked questions only, for a candidate): the document filter's choices. */
  documents: string[];
}
