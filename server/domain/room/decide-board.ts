import { BOARD_FULL, fitsBoard, mergeBoard } from "../board/board";
import type { CommandOf } from "./commands";
import type { Decision } from "./decide";
import type { Actor } from "./policy";
import { refuse } from "./room-error";
import { boardFor, findQuestion, type RoomState } from "./room-state";

/**
 * A member's drawing on an asked question's whiteboard: the elements that supersede the board's become
 * a `boardChanged` event; none (a push sent again, or older than what others drew since) changes nothing.
 */
export function drawOnBoard(state: RoomState, actor: Actor, command: CommandOf<"drawOnBoard">, at: string): Decision {
  if (state.status !== "live") return refuse("CONFLICT", state.status === "lobby" ? "The interview has not started yet." : "The interview has ended.");
  const question = findQuestion(state, command.questionId);
  if (!question || !state.visitedQuestionIds.includes(question.id)) return refuse("NOT_FOUND", "That question has not been asked in this interview.");
  const { board, taken } = mergeBoard(boardFor(state, question), command.elements);
  if (taken.length === 0) return { ok: true, events: [] };
  if (!fitsBoard(board.size)) return refuse("PAYLOAD_TOO_LARGE", `${BOARD_FULL} That drawing was not added.`);
  return { ok: true, events: [{ type: "boardChanged", payload: { questionId: question.id, elements: taken, by: actor.userId, at } }] };
}
