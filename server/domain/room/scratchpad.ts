import { SCRATCHPAD_MAX_LENGTH, SCRATCHPAD_TOO_LONG, type CommandOf, type TextChange } from "./commands";
import { can, type Actor } from "./policy";
import { refuse, type Refused } from "./room-error";
import { findQuestion, type RoomState, type Scratchpad, type ScratchpadLanguage } from "./room-state";

/**
 * The candidate's typing is not logged per keystroke. Each edit is a few splices of the text at a known
 * revision; the server keeps the live text (the draft) in memory, relays each edit to the room, and
 * checkpoints the draft into the log (`checkpointScratchpad`) every few seconds, before the question
 * changes and when the candidate leaves.
 */

/** The splices applied in order, or null when one does not fit the text (a client out of step). No length limit. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string | null {
  let result = text;
  for (const { from, to, insert } of changes) {
    if (from > to || to > result.length) return null;
    result = result.slice(0, from) + insert + result.slice(to);
  }
  return result;
}

/** The scratchpad's one length rule: the server refuses past it, and the candidate's editor refuses the same change first. */
export function fitsScratchpad(text: string): boolean {
  return text.length <= SCRATCHPAD_MAX_LENGTH;
}

/** The smallest single splice that turns `before` into `after`: what an editor's change event amounts to. */
export function diffText(before: string, after: string): TextChange {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

export type ScratchpadDecision = { ok: true; draft: Scratchpad } | Refused;

/**
 * Decides a live edit against the current draft (or the last checkpoint when there is none). An edit
 * made on another revision is refused with CONFLICT: the client then takes the room's text and resends
 * its own as one splice.
 */
export function decideScratchpadEdit(
  state: RoomState,
  draft: Scratchpad | undefined,
  actor: Actor,
  command: CommandOf<"editScratchpad">,
  now: Date,
): ScratchpadDecision {
  const allowed = can(actor, command, state);
  if (!allowed.ok) return allowed;
  if (state.status !== "live") return refuse("CONFLICT", state.status === "lobby" ? "The interview has not started yet." : "The interview has ended.");
  if (!findQuestion(state, command.questionId) || !state.visitedQuestionIds.includes(command.questionId)) {
    return refuse("NOT_FOUND", "That question has not been asked in this interview.");
  }
  const current = draft ?? state.scratchpads[command.questionId] ?? { text: "", updatedAt: now.toISOString(), revision: 0, language: "plain" as const };
  if (command.baseRevision !== current.revision) return refuse("CONFLICT", "The scratchpad changed elsewhere; resending your text.");
  const text = applyTextChanges(current.text, command.changes);
  if (text === null) return refuse("BAD_REQUEST", "That edit does not fit the scratchpad's text.");
  if (!fitsScratchpad(text)) return refuse("BAD_REQUEST", `${SCRATCHPAD_TOO_LONG} That change was not saved.`);
  return { ok: true, draft: { text, updatedAt: now.toISOString(), revision: current.revision + 1, language: command.language ?? current.language } };
}

/** A scratchpad after its checkpoint (older events lack the revision and the language). */
export function checkpointed(
  previous: Scratchpad | null,
  checkpoint: { text: string; updatedAt: string; revision?: number; language?: ScratchpadLanguage },
): Scratchpad {
  return {
    text: checkpoint.text,
    updatedAt: checkpoint.updatedAt,
    revision: checkpoint.revision ?? (previous?.revision ?? 0) + 1,
    language: checkpoint.language ?? previous?.language ?? "plain",
  };
}
