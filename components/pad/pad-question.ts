import type { CodeView, Scratchpad } from "@/server/domain/room";
import type { RunRecord } from "@/server/domain/code/run-record";

/** What the pad of a question needs of the question, alike in the candidate's and the staff's views. */
export interface PadQuestion {
  id: string;
  scratchpad: Scratchpad | null;
  code: CodeView;
  runs: RunRecord[];
}
