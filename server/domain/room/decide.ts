import type { Command, CommandOf } from "./commands";
import type { RoomEvent } from "./events";
import { decideCall, leaveCallWith } from "./decide-call";
import { decideCode } from "./decide-code";
import { drawOnBoard } from "./decide-board";
import { decideScoring, isCitedBy } from "./decide-scoring";
import { can, canBeRemoved, noteAuthorRoleOf, type Actor } from "./policy";
import { refuse, type Refused } from "./room-error";
import { currentQuestion, findParticipant, findQuestion, msBetween, timingOf, type QuestionSnapshot, type RoomState } from "./room-state";
import { unreachable } from "./unreachable";

/**
 * `events` may be empty: the command asked for what already holds (a follow-up another tab revealed, a
 * presence that did not change, "next" from a question that is no longer current). That is success, not
 * an error, so that double clicks and retries from several tabs converge quietly.
 */
export type Decision = { ok: true; events: RoomEvent[] } | Refused;

/** A fresh array each time, so that no caller can share (and mutate) another's result. */
function unchanged(): Decision {
  return { ok: true, events: [] };
}

function emit(...events: RoomEvent[]): Decision {
  return { ok: true, events };
}

function notLive(state: RoomState): Refused {
  return state.status === "lobby" ? refuse("CONFLICT", "The interview has not started yet.") : refuse("CONFLICT", "The interview has ended.");
}

/**
 * Decides what happens when `actor` sends `command`. Pure: the server time and an id source are passed in.
 * `command` must already have been parsed with `commandSchema` at the boundary.
 */
export function decide(state: RoomState, actor: Actor, command: Command, now: Date, ids: () => string): Decision {
  const allowed = can(actor, command, state);
  if (!allowed.ok) return allowed;
  const at = now.toISOString();

  switch (command.type) {
    case "join":
      return join(state, actor, command);
    case "setPresence": {
      // Someone no longer in the room (a leave after their removal) has no presence to change.
      if (!findParticipant(state, actor.userId) || state.presence[actor.userId]?.status === command.status) return unchanged();
      const presence: RoomEvent = { type: "presenceChanged", payload: { userId: actor.userId, status: command.status, at } };
      return emit(...(command.status === "disconnected" ? leaveCallWith(state, actor.userId, "disconnected", at) : []), presence);
    }
    case "start":
      return start(state, at);
    case "nextQuestion":
    case "previousQuestion":
      return stepQuestion(state, command, at);
    case "goToQuestion": {
      if (state.status !== "live") return notLive(state);
      const target = findQuestion(state, command.questionId);
      if (!target) return refuse("NOT_FOUND", "That question is not in this interview.");
      return changeQuestion(state, target, at);
    }
    case "revealFollowUp":
      return revealFollowUp(state, command, at);
    case "setKeyPointChecked":
      return setKeyPointChecked(state, command);
    case "addNote":
      return addNote(state, actor, command, at, ids);
    case "editNote":
      return editNote(state, command, at);
    case "deleteNote":
      return deleteNote(state, actor, command, at);
    case "rateCriterion":
    case "setRedFlags":
    case "setQuestionOverall":
    case "setSummary":
    case "submitScorecard":
    case "setCompetencyWeights":
    case "draftFeedback":
    case "releaseFeedback":
    case "finishSelfAssessment":
      return decideScoring(state, actor, command, at, ids);
    case "checkpointScratchpad":
      return checkpointScratchpad(state, command, at);
    case "editScratchpad":
      // Live edits change the draft (see scratchpad.ts), not the logged state.
      return refuse("BAD_REQUEST", "Scratchpad edits are applied to the live draft.");
    case "addTestCase":
    case "recordRun":
      return decideCode(state, actor, command, at);
    case "drawOnBoard":
      return drawOnBoard(state, actor, command, at);
    case "end":
      return end(state, at);
    case "removeParticipant":
      return removeParticipant(state, command, at);
    case "joinCall":
    case "leaveCall":
    case "setCallMedia":
    case "setCallPolicy":
      return decideCall(state, actor, command, at);
  }
  return unreachable(command);
}

/** The display name is set on the first join and does not change inside the room. */
function join(state: RoomState, actor: Actor, command: CommandOf<"join">): Decision {
  if (findParticipant(state, actor.userId)) return unchanged();
  return emit({ type: "participantJoined", payload: { userId: actor.userId, role: actor.role, name: command.name } });
}

function start(state: RoomState, at: string): Decision {
  if (state.status === "live") return unchanged();
  if (state.status === "ended") return refuse("CONFLICT", "The interview has ended.");
  const first = state.questions[0];
  if (!first) return refuse("CONFLICT", "This interview has no questions.");
  return emit({ type: "interviewStarted", payload: { startedAt: at, questionId: first.id } });
}

function stepQuestion(state: RoomState, command: CommandOf<"nextQuestion" | "previousQuestion">, at: string): Decision {
  if (state.status !== "live") return notLive(state);
  const current = currentQuestion(state);
  if (!current || current.id !== command.fromQuestionId) return unchanged();
  const step = command.type === "nextQuestion" ? 1 : -1;
  const target = state.questions[state.currentIndex + step];
  if (!target) {
    return refuse("CONFLICT", step === 1 ? "This is already the last question." : "This is already the first question.");
  }
  return changeQuestion(state, target, at);
}

function changeQuestion(state: RoomState, target: QuestionSnapshot, at: string): Decision {
  const current = currentQuestion(state);
  if (!current || current.id === target.id) return unchanged();
  const leaving = timingOf(state, current.id);
  return emit({
    type: "questionChanged",
    payload: {
      at,
      fromQuestionId: current.id,
      fromAccumulatedMs: leaving.accumulatedMs + (leaving.startedAt ? msBetween(leaving.startedAt, at) : 0),
      toQuestionId: target.id,
      toAccumulatedMs: timingOf(state, target.id).accumulatedMs,
    },
  });
}

function revealFollowUp(state: RoomState, command: CommandOf<"revealFollowUp">, at: string): Decision {
  if (state.status !== "live") return notLive(state);
  const current = currentQuestion(state);
  if (!current || current.id !== command.questionId) {
    return refuse("CONFLICT", "Follow-ups can only be revealed for the current question.");
  }
  if (!current.followUps.some((followUp) => followUp.id === command.followUpId)) {
    return refuse("NOT_FOUND", "That follow-up is not part of the current question.");
  }
  // A second reveal (another tab, a retry) is a no-op, so there is exactly one reveal and one reveal time.
  if (state.reveals.some((reveal) => reveal.followUpId === command.followUpId)) return unchanged();
  return emit({
    type: "followUpRevealed",
    payload: { questionId: current.id, followUpId: command.followUpId, revealedAt: at },
  });
}

function setKeyPointChecked(state: RoomState, command: CommandOf<"setKeyPointChecked">): Decision {
  if (state.status === "lobby") return notLive(state);
  const question = visitedQuestion(state, command.questionId);
  if (!question.ok) return question;
  if (command.index >= question.question.keyPoints.length) return refuse("NOT_FOUND", "That key point was not found.");
  const checked = (state.checkedKeyPoints[command.questionId] ?? []).includes(command.index);
  if (checked === command.checked) return unchanged();
  return emit({
    type: "keyPointChecked",
    payload: { questionId: command.questionId, index: command.index, checked: command.checked },
  });
}

function addNote(state: RoomState, actor: Actor, command: CommandOf<"addNote">, at: string, ids: () => string): Decision {
  const authorRole = noteAuthorRoleOf(actor.role);
  return emit({
    type: "noteAdded",
    payload: {
      noteId: ids(),
      authorId: actor.userId,
      authorRole,
      questionId: state.status === "live" ? (currentQuestion(state)?.id ?? null) : null,
      body: command.body,
      createdAt: at,
    },
  });
}

function editNote(state: RoomState, command: CommandOf<"editNote">, at: string): Decision {
  // `can` has already established that the note exists, is not deleted, and belongs to the actor.
  const note = state.notes.find((candidate) => candidate.id === command.noteId);
  if (!note) return refuse("NOT_FOUND", "That note was not found.");
  if (note.body === command.body) return unchanged();
  return emit({
    type: "noteEdited",
    payload: { noteId: note.id, authorId: note.authorId, authorRole: note.authorRole, body: command.body, updatedAt: at },
  });
}

function deleteNote(state: RoomState, actor: Actor, command: CommandOf<"deleteNote">, at: string): Decision {
  const note = state.notes.find((candidate) => candidate.id === command.noteId);
  if (!note) return refuse("NOT_FOUND", "That note was not found.");
  // Evidence stays what the scorer relied on: a cited note is uncited before it can go.
  if (isCitedBy(state, actor.userId, note.id)) return refuse("CONFLICT", "This note is cited as evidence on your scorecard: remove the citation first.");
  return emit({
    type: "noteDeleted",
    payload: { noteId: note.id, authorId: note.authorId, authorRole: note.authorRole, deletedAt: at },
  });
}

function checkpointScratchpad(state: RoomState, command: CommandOf<"checkpointScratchpad">, at: string): Decision {
  // Taken before the question changes and before the end, so none is due once the room has ended.
  if (state.status !== "live") return notLive(state);
  const question = visitedQuestion(state, command.questionId);
  if (!question.ok) return question;
  const saved = state.scratchpads[command.questionId];
  if (saved && saved.revision >= command.revision) return unchanged();
  const language = command.language ?? saved?.language ?? "plain";
  return emit({
    type: "scratchpadUpdated",
    payload: { questionId: command.questionId, text: command.text, updatedAt: at, revision: command.revision, language },
  });
}

function end(state: RoomState, at: string): Decision {
  if (state.status === "ended") return unchanged();
  const current = currentQuestion(state);
  const timing = current ? timingOf(state, current.id) : null;
  return emit({
    type: "interviewEnded",
    payload: {
      endedAt: at,
      questionId: current?.id ?? null,
      accumulatedMs: timing ? timing.accumulatedMs + (timing.startedAt ? msBetween(timing.startedAt, at) : 0) : null,
    },
  });
}

function removeParticipant(state: RoomState, command: CommandOf<"removeParticipant">, at: string): Decision {
  const target = findParticipant(state, command.userId);
  // Someone who was admitted but never entered the room has nothing in it to remove.
  if (!target) return unchanged();
  if (!canBeRemoved(target.role)) return refuse("FORBIDDEN", "The interviewer cannot be removed from the room.");
  const replaced = command.replaced ? { replaced: true as const } : {};
  return emit(...leaveCallWith(state, target.userId, "removed", at), {
    type: "participantRemoved",
    payload: { userId: target.userId, role: target.role, at, ...replaced },
  });
}

/** Scores, ticks and scratchpads belong to questions that have actually been asked. */
function visitedQuestion(state: RoomState, questionId: string): { ok: true; question: QuestionSnapshot } | Refused {
  const question = findQuestion(state, questionId);
  if (!question || !state.visitedQuestionIds.includes(questionId)) {
    return refuse("NOT_FOUND", "That question has not been asked in this interview.");
  }
  return { ok: true, question };
}
