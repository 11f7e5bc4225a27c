import { foldCall } from "./call";
import type { RoomEvent, RoomEventOf, RoomEventType } from "./events";
import { withLegacyScore } from "../scoring/legacy";
import { changeScorecard, emptyScorecard, type Scorecard } from "../scoring/scorecard";
import { boardFor, findQuestion, type QuestionTiming, type RoomState } from "./room-state";
import { mergeBoard } from "../board/board";
import { checkpointed } from "./scratchpad";
import { unreachable } from "./unreachable";

/**
 * Folds one event into the state, returning a new state and leaving the old one untouched. Events are
 * trusted (decide produced them); one naming a question or note that does not exist changes nothing,
 * so replaying a log can never crash a room.
 */
export function apply(state: RoomState, event: RoomEvent): RoomState {
  switch (event.type) {
    case "participantJoined":
      return joined(state, event.payload);
    case "participantRemoved": {
      const { userId } = event.payload;
      const { [userId]: _gone, ...presence } = state.presence;
      return { ...state, participants: state.participants.filter((participant) => participant.userId !== userId), presence };
    }
    case "presenceChanged": {
      const { userId, status, at } = event.payload;
      return { ...state, presence: { ...state.presence, [userId]: { status, since: at } } };
    }
    case "interviewStarted":
      return interviewStarted(state, event.payload);
    case "questionChanged":
      return questionChanged(state, event.payload);
    case "followUpRevealed": {
      if (state.reveals.some((reveal) => reveal.followUpId === event.payload.followUpId)) return state;
      return { ...state, reveals: [...state.reveals, { ...event.payload }] };
    }
    case "keyPointChecked": {
      const { questionId, index, checked } = event.payload;
      const others = (state.checkedKeyPoints[questionId] ?? []).filter((i) => i !== index);
      const next = checked ? [...others, index].sort((a, b) => a - b) : others;
      return { ...state, checkedKeyPoints: { ...state.checkedKeyPoints, [questionId]: next } };
    }
    case "noteAdded":
      return noteAdded(state, event.payload);
    case "noteEdited": {
      const { noteId, body, updatedAt } = event.payload;
      return { ...state, notes: state.notes.map((note) => (note.id === noteId ? { ...note, body, updatedAt } : note)) };
    }
    case "noteDeleted":
      return noteDeleted(state, event.payload);
    case "scoreSet": {
      const { at, ...score } = event.payload;
      return { ...state, scorecards: withLegacyScore(state.scorecards, score, findQuestion(state, score.questionId), at) };
    }
    case "scorecardChanged": {
      const { scorerId, change, at, amendment } = event.payload;
      return { ...state, scorecards: upsertCard(state.scorecards, scorerId, at, (card) => changeScorecard(card, change, at, amendment)) };
    }
    case "scorecardSubmitted": {
      const { scorerId, card, at } = event.payload;
      return { ...state, scorecards: upsertCard(state.scorecards, scorerId, at, () => card) };
    }
    case "competencyWeightsSet":
      return { ...state, weights: { ...event.payload.weights } };
    case "feedbackDrafted":
      return { ...state, feedback: { ...state.feedback, draft: event.payload.text } };
    case "feedbackReleased":
      return { ...state, feedback: { draft: event.payload.text, released: event.payload } };
    case "selfAssessmentFinished":
      return { ...state, selfAssessment: event.payload };
    case "scratchpadUpdated": {
      const { questionId } = event.payload;
      return { ...state, scratchpads: { ...state.scratchpads, [questionId]: checkpointed(state.scratchpads[questionId] ?? null, event.payload) } };
    }
    case "testCaseAdded": {
      const { questionId, test } = event.payload;
      return { ...state, addedTests: { ...state.addedTests, [questionId]: [...(state.addedTests[questionId] ?? []), test] } };
    }
    case "codeRan":
      return { ...state, runs: [...state.runs, event.payload] };
    case "boardChanged":
      return boardChanged(state, event.payload);
    case "interviewEnded":
      return interviewEnded(state, event.payload);
    case "callJoined":
    case "callLeft":
    case "callMediaChanged":
    case "callPolicyChanged":
      return { ...state, call: foldCall(state.call, event) };
  }
  return unreachable(event);
}

function boardChanged(state: RoomState, payload: RoomEventOf<"boardChanged">["payload"]): RoomState {
  const question = findQuestion(state, payload.questionId);
  if (!question) return state;
  const { board } = mergeBoard(boardFor(state, question), payload.elements);
  return { ...state, boards: { ...state.boards, [question.id]: board } };
}

/** Folds a sequence of events, e.g. a log replayed onto a snapshot. */
export function applyAll(state: RoomState, events: readonly RoomEvent[]): RoomState {
  return events.reduce(apply, state);
}

type PayloadOf<T extends RoomEventType> = RoomEventOf<T>["payload"];

function joined(state: RoomState, { userId, role, name }: PayloadOf<"participantJoined">): RoomState {
  const known = state.participants.some((participant) => participant.userId === userId);
  const participants = known
    ? state.participants.map((participant) => (participant.userId === userId ? { userId, role, name } : participant))
    : [...state.participants, { userId, role, name }];
  return { ...state, participants };
}

function interviewStarted(state: RoomState, { startedAt, questionId }: PayloadOf<"interviewStarted">): RoomState {
  const index = state.questions.findIndex((question) => question.id === questionId);
  if (index === -1) return state;
  return {
    ...state,
    status: "live",
    startedAt,
    currentIndex: index,
    visitedQuestionIds: visit(state.visitedQuestionIds, questionId),
    timing: withTiming(state.timing, questionId, { startedAt, accumulatedMs: 0 }),
  };
}

function questionChanged(state: RoomState, payload: PayloadOf<"questionChanged">): RoomState {
  const { at, fromQuestionId, fromAccumulatedMs, toQuestionId, toAccumulatedMs } = payload;
  const index = state.questions.findIndex((question) => question.id === toQuestionId);
  if (index === -1) return state;
  const stopped = withTiming(state.timing, fromQuestionId, { startedAt: null, accumulatedMs: fromAccumulatedMs });
  return {
    ...state,
    currentIndex: index,
    visitedQuestionIds: visit(state.visitedQuestionIds, toQuestionId),
    timing: withTiming(stopped, toQuestionId, { startedAt: at, accumulatedMs: toAccumulatedMs }),
  };
}

function interviewEnded(state: RoomState, { endedAt, questionId, accumulatedMs }: PayloadOf<"interviewEnded">): RoomState {
  const timing = questionId !== null && accumulatedMs !== null ? withTiming(state.timing, questionId, { startedAt: null, accumulatedMs }) : state.timing;
  return { ...state, status: "ended", endedAt, timing };
}

function noteAdded(state: RoomState, { noteId, authorId, authorRole, questionId, body, createdAt }: PayloadOf<"noteAdded">): RoomState {
  if (state.notes.some((note) => note.id === noteId)) return state;
  return {
    ...state,
    notes: [...state.notes, { id: noteId, authorId, authorRole, questionId, body, createdAt, updatedAt: createdAt, deletedAt: null }],
  };
}

/** The body goes with the delete: a tombstone only keeps what is needed to route later events. */
function noteDeleted(state: RoomState, { noteId, deletedAt }: PayloadOf<"noteDeleted">): RoomState {
  return {
    ...state,
    notes: state.notes.map((note) => (note.id === noteId ? { ...note, body: "", updatedAt: deletedAt, deletedAt } : note)),
  };
}

function upsertCard(cards: readonly Scorecard[], scorerId: string, at: string, change: (card: Scorecard) => Scorecard): Scorecard[] {
  const existing = cards.find((card) => card.scorerId === scorerId);
  if (!existing) return [...cards, change(emptyScorecard(scorerId, at))];
  return cards.map((card) => (card === existing ? change(card) : card));
}

function visit(visited: string[], questionId: string): string[] {
  return visited.includes(questionId) ? visited : [...visited, questionId];
}

function withTiming(timing: RoomState["timing"], questionId: string, next: QuestionTiming): RoomState["timing"] {
  return { ...timing, [questionId]: next };
}
