import type { CodeView, Scratchpad } from "@/server/domain/room";
import type { RunRecord } from "@/server/domain/code/run-record";
import type { Board } from "@/server/domain/board/board";

/** What the pad and the whiteboard of a question need of the question, alike in the candidate's and the staff's views. */
export interface PadQuestion {
  id: string;
  scratchpad: Scratchpad | null;
  code: CodeView;
  runs: RunRecord[];
  board: Board;
}
