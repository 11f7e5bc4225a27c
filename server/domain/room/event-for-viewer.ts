import type { CallEvent } from "./call";
import type { RoomEvent, RoomEventOf } from "./events";
import {
  canSeeFeedbackDraft,
  canSeeInterviewerMaterial,
  canSeeNote,
  canSeeReleasedFeedback,
  canSeeScratchpad,
  othersScorecardsFor,
  type Actor,
} from "./policy";
import { candidateFeedback, codeView, copyRun, scoringView, type CandidateFeedbackView, type CodeView, type ScoringView } from "./view-for";
import type { TestCase } from "../code/code-spec";
import type { RunRecord } from "../code/run-record";
import { boardFor, findQuestion, type PresenceStatus, type Role, type RoomState, type ScratchpadLanguage } from "./room-state";
import { unreachable } from "./unreachable";
import type { BoardElement } from "../board/board-element";
import type { Board } from "../board/board";

type ScoringEventType =
  "scoreSet" | "scorecardChanged" | "scorecardSubmitted" | "competencyWeightsSet" | "feedbackDrafted" | "feedbackReleased" | "selfAssessmentFinished";

/**
 * Staff receive room events as logged, minus notes they may not read. Scoring events are never sent as
 * logged: each becomes the viewer's whole scoring part as it is now (`scoringUpdated`), built by the same
 * blind rule as their view, and only for those it changes something for.
 */
export type StaffViewEvent = Exclude<RoomEvent, { type: ScoringEventType }> | { type: "scoringUpdated"; payload: ScoringView };

/** The part of a question a candidate learns when it is asked: tests added later arrive as their own events. */
export interface CandidateQuestionIntro {
  id: string;
  position: number;
  prompt: string;
  timeBoxSec: number | null;
  code: CodeView;
  /** Its whiteboard's starting diagram. */
  board: Board;
}

export type CandidateViewEvent =
  | { type: "participantJoined"; payload: { userId: string; role: Role; name: string } }
  | { type: "participantRemoved"; payload: { userId: string; role: Role; at: string } }
  | { type: "presenceChanged"; payload: { userId: string; status: PresenceStatus; at: string } }
  | { type: "interviewStarted"; payload: { startedAt: string; question: CandidateQuestionIntro } }
  | {
      type: "questionChanged";
      payload: {
        at: string;
        from: { questionId: string; accumulatedMs: number };
        to: { question: CandidateQuestionIntro; accumulatedMs: number };
      };
    }
  | { type: "followUpRevealed"; payload: { questionId: string; followUpId: string; prompt: string; revealedAt: string } }
  | { type: "scratchpadUpdated"; payload: { questionId: string; text: string; updatedAt: string; revision?: number; language?: ScratchpadLanguage } }
  | { type: "interviewEnded"; payload: { endedAt: string; questionId: string | null; accumulatedMs: number | null } }
  | { type: "testCaseAdded"; payload: { questionId: string; test: TestCase } }
  | { type: "codeRan"; payload: RunRecord }
  | { type: "boardChanged"; payload: { questionId: string; elements: BoardElement[]; by: string; at: string } }
  /** The call is everyone's to see: who is in it and what each sends. */
  | CallEvent
  /** Released feedback as the candidate may see it now (after a release, and after they rate themselves). */
  | { type: "feedbackUpdated"; payload: CandidateFeedbackView };

export type ViewEvent = StaffViewEvent | CandidateViewEvent;

type ViewEventFor<R extends Role> = R extends "CANDIDATE" ? CandidateViewEvent : StaffViewEvent;

/**
 * How one logged event is shown to `viewer`, or null when they must not learn of it at all. This is the
 * path for live events, catch-up replays and every secondary event (edits, deletes), so that none of
 * them can carry hidden content past the view rules.
 *
 * `state` is the room after the event, or later (a batch, a catch-up). Most events read only its question
 * snapshots, which never change during a session. Scoring events carry the viewer's scoring (or feedback)
 * as `state` has it, which is what a fresh view would show: replaying them with the latest state brings a
 * view to the latest state, as catch-up requires.
 */
export function eventForViewer<R extends Role>(event: RoomEvent, state: RoomState, viewer: { userId: string; role: R }): ViewEventFor<R> | null;
export function eventForViewer(event: RoomEvent, state: RoomState, viewer: Actor): ViewEvent | null {
  if (canSeeInterviewerMaterial(viewer.role)) return staffEvent(event, state, viewer);
  return candidateEvent(event, state);
}

/**
 * How a live scratchpad edit (not a logged event) is shown to `viewer`: like the checkpoints it leads to,
 * the candidate's text for an asked question is every member's to see; anything else, nobody's.
 */
export function scratchpadEditForViewer<E extends { questionId: string }>(edit: E, state: Pick<RoomState, "visitedQuestionIds">, viewer: Actor): E | null {
  if (!state.visitedQuestionIds.includes(edit.questionId)) return null;
  return canSeeScratchpad(viewer.role) ? edit : null;
}

/**
 * Whether a member is shown another's pointer on a question's whiteboard: as with its `boardChanged`
 * events, an asked question's board is everyone's in the room (and only an asked one is drawn on).
 */
export function boardPointerForViewer<P extends { questionId: string }>(pointer: P, state: Pick<RoomState, "visitedQuestionIds">): P | null {
  return state.visitedQuestionIds.includes(pointer.questionId) ? pointer : null;
}

function staffEvent(event: RoomEvent, state: RoomState, viewer: Actor): StaffViewEvent | null {
  switch (event.type) {
    case "noteAdded":
    case "noteEdited":
    case "noteDeleted":
      return canSeeNote(viewer, event.payload) ? event : null;
    case "scoreSet":
    case "scorecardChanged":
      // A draft is its scorer's alone; an amendment reaches those who may see the submitted card.
      if (!scoringChangeReaches(event, state, viewer)) return null;
      return { type: "scoringUpdated", payload: scoringView(state, viewer) };
    case "feedbackDrafted":
      return canSeeFeedbackDraft(viewer) ? { type: "scoringUpdated", payload: scoringView(state, viewer) } : null;
    case "feedbackReleased":
      return canSeeReleasedFeedback(viewer, state) ? { type: "scoringUpdated", payload: scoringView(state, viewer) } : null;
    case "scorecardSubmitted":
    case "competencyWeightsSet":
    case "selfAssessmentFinished":
      return { type: "scoringUpdated", payload: scoringView(state, viewer) };
    // What happens in the room itself is every staff member's to see, as logged.
    case "participantJoined":
    case "participantRemoved":
    case "presenceChanged":
    case "interviewStarted":
    case "questionChanged":
    case "followUpRevealed":
    case "keyPointChecked":
    case "scratchpadUpdated":
    case "testCaseAdded":
    case "codeRan":
    case "boardChanged":
    case "interviewEnded":
    case "callJoined":
    case "callLeft":
    case "callMediaChanged":
    case "callPolicyChanged":
      return event;
  }
  return unreachable(event);
}

function scoringChangeReaches(event: RoomEventOf<"scoreSet" | "scorecardChanged">, state: RoomState, viewer: Actor): boolean {
  const { scorerId } = event.payload;
  if (scorerId === viewer.userId) return true;
  const amended = event.type === "scorecardChanged" && event.payload.amendment !== null;
  return amended && (othersScorecardsFor(viewer, state)?.some((card) => card.scorerId === scorerId) ?? false);
}

/** Built field by field from the event and the asked question; everything not named here stays on the server. */
function candidateEvent(event: RoomEvent, state: RoomState): CandidateViewEvent | null {
  switch (event.type) {
    case "participantJoined": {
      const { userId, role, name } = event.payload;
      return { type: "participantJoined", payload: { userId, role, name } };
    }
    case "participantRemoved": {
      const { userId, role, at } = event.payload;
      return { type: "participantRemoved", payload: { userId, role, at } };
    }
    case "presenceChanged": {
      const { userId, status, at } = event.payload;
      return { type: "presenceChanged", payload: { userId, status, at } };
    }
    case "interviewStarted": {
      const question = intro(state, event.payload.questionId);
      if (!question) return null;
      return { type: "interviewStarted", payload: { startedAt: event.payload.startedAt, question } };
    }
    case "questionChanged":
      return questionChanged(event, state);
    case "followUpRevealed": {
      const { questionId, followUpId, revealedAt } = event.payload;
      const followUp = findQuestion(state, questionId)?.followUps.find((candidate) => candidate.id === followUpId);
      if (!followUp) return null;
      return { type: "followUpRevealed", payload: { questionId, followUpId, prompt: followUp.prompt, revealedAt } };
    }
    case "scratchpadUpdated": {
      const { questionId, text, updatedAt, revision, language } = event.payload;
      return {
        type: "scratchpadUpdated",
        payload: { questionId, text, updatedAt, ...(revision === undefined ? {} : { revision }), ...(language === undefined ? {} : { language }) },
      };
    }
    case "interviewEnded": {
      const { endedAt, questionId, accumulatedMs } = event.payload;
      return { type: "interviewEnded", payload: { endedAt, questionId, accumulatedMs } };
    }
    // The pad's tests and runs, of an asked question, are everyone's who sees the pad.
    case "testCaseAdded": {
      const { questionId, test } = event.payload;
      if (!state.visitedQuestionIds.includes(questionId)) return null;
      return { type: "testCaseAdded", payload: { questionId, test: { name: test.name, input: test.input, expected: test.expected } } };
    }
    case "codeRan":
      return state.visitedQuestionIds.includes(event.payload.questionId) ? { type: "codeRan", payload: copyRun(event.payload) } : null;
    // An asked question's whiteboard is everyone's who is in the room, as it is drawn.
    case "boardChanged": {
      const { questionId, elements, by, at } = event.payload;
      return state.visitedQuestionIds.includes(questionId) ? { type: "boardChanged", payload: { questionId, elements, by, at } } : null;
    }
    case "callJoined":
    case "callLeft":
    case "callMediaChanged":
    case "callPolicyChanged":
      return candidateCallEvent(event);
    case "feedbackReleased":
    case "selfAssessmentFinished": {
      const feedback = candidateFeedback(state);
      return feedback ? { type: "feedbackUpdated", payload: feedback } : null;
    }
    case "keyPointChecked":
    case "noteAdded":
    case "noteEdited":
    case "noteDeleted":
    case "scoreSet":
    case "scorecardChanged":
    case "scorecardSubmitted":
    case "competencyWeightsSet":
    case "feedbackDrafted":
      return null;
  }
  return unreachable(event);
}

function candidateCallEvent(event: CallEvent): CallEvent {
  switch (event.type) {
    case "callJoined": {
      const { userId, connectionId, media, at } = event.payload;
      return { type: "callJoined", payload: { userId, connectionId, media: { audio: media.audio, video: media.video, screen: media.screen }, at } };
    }
    case "callLeft": {
      const { userId, reason, at } = event.payload;
      return { type: "callLeft", payload: { userId, reason, at } };
    }
    case "callMediaChanged": {
      const { userId, media, at } = event.payload;
      return { type: "callMediaChanged", payload: { userId, media: { audio: media.audio, video: media.video, screen: media.screen }, at } };
    }
    case "callPolicyChanged": {
      const { observersMaySpeak, at } = event.payload;
      return { type: "callPolicyChanged", payload: { observersMaySpeak, at } };
    }
  }
  return unreachable(event);
}

function questionChanged(event: RoomEventOf<"questionChanged">, state: Pick<RoomState, "questions">): CandidateViewEvent | null {
  const { at, fromQuestionId, fromAccumulatedMs, toQuestionId, toAccumulatedMs } = event.payload;
  const question = intro(state, toQuestionId);
  if (!question) return null;
  return {
    type: "questionChanged",
    payload: {
      at,
      from: { questionId: fromQuestionId, accumulatedMs: fromAccumulatedMs },
      to: { question, accumulatedMs: toAccumulatedMs },
    },
  };
}

function intro(state: Pick<RoomState, "questions">, questionId: string): CandidateQuestionIntro | null {
  const question = findQuestion(state, questionId);
  if (!question) return null;
  // Only the question's own tests: those added later reach the candidate as `testCaseAdded`.
  // Only the question's own tests and starting diagram: what was added later reaches the candidate as events.
  const code = codeView({ addedTests: {} }, question);
  const board = boardFor({ boards: {} }, question);
  return { id: question.id, position: question.position, prompt: question.prompt, timeBoxSec: question.timeBoxSec, code, board };
}
