import type { RoomEvent, RoomEventOf } from "./events";
import { canSeeInterviewerMaterial, canSeeNote, canSeeScratchpad, type Actor } from "./policy";
import { findQuestion, type PresenceStatus, type Role, type RoomState, type ScratchpadLanguage } from "./room-state";

/** Interviewers and observers receive room events as logged, minus notes they may not read. */
export type StaffViewEvent = RoomEvent;

/** The part of a question a candidate learns when it is asked. */
export interface CandidateQuestionIntro {
  id: string;
  position: number;
  prompt: string;
  timeBoxSec: number | null;
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
  | { type: "interviewEnded"; payload: { endedAt: string; questionId: string | null; accumulatedMs: number | null } };

export type ViewEvent = StaffViewEvent | CandidateViewEvent;

type ViewEventFor<R extends Role> = R extends "CANDIDATE" ? CandidateViewEvent : StaffViewEvent;

/**
 * How one logged event is shown to `viewer`, or null when they must not learn of it at all. This is the
 * path for live events, catch-up replays and every secondary event (edits, deletes), so that none of
 * them can carry hidden content past the view rules.
 *
 * Only the question snapshots of `state` are read, and they never change during a session, so replaying
 * old events with the room's latest state projects them exactly as they were projected live.
 */
export function eventForViewer<R extends Role>(
  event: RoomEvent,
  state: Pick<RoomState, "questions">,
  viewer: { userId: string; role: R },
): ViewEventFor<R> | null;
export function eventForViewer(event: RoomEvent, state: Pick<RoomState, "questions">, viewer: Actor): ViewEvent | null {
  if (canSeeInterviewerMaterial(viewer.role)) return staffEvent(event, viewer);
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

function staffEvent(event: RoomEvent, viewer: Actor): StaffViewEvent | null {
  switch (event.type) {
    case "noteAdded":
    case "noteEdited":
    case "noteDeleted":
      return canSeeNote(viewer, event.payload) ? event : null;
    default:
      return event;
  }
}

/** Built field by field from the event and the asked question; everything not named here stays on the server. */
function candidateEvent(event: RoomEvent, state: Pick<RoomState, "questions">): CandidateViewEvent | null {
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
    case "keyPointChecked":
    case "noteAdded":
    case "noteEdited":
    case "noteDeleted":
    case "scoreSet":
      return null;
  }
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
  return { id: question.id, position: question.position, prompt: question.prompt, timeBoxSec: question.timeBoxSec };
}
