import { canSeeNote, canSeeScratchpad, type Actor } from "./policy";
import {
  questionElapsedMs,
  sessionElapsedMs,
  timingOf,
  type ExampleScore,
  type PresenceStatus,
  type QuestionSnapshot,
  type Role,
  type RoomState,
  type RoomStatus,
  type RubricCriterion,
  type Score,
  type Scratchpad,
} from "./room-state";

export interface ParticipantView {
  userId: string;
  role: Role;
  name: string;
  presence: PresenceStatus;
  /** When `presence` last changed; null for someone who joined but never reported presence. */
  presenceSince: string | null;
}

/**
 * A question's clock as server instants. Clients tick it locally as
 * `accumulatedMs + (serverNow - startedAt)`, with `serverNow` from their measured clock offset.
 */
export interface TimerView {
  startedAt: string | null;
  accumulatedMs: number;
  timeBoxSec: number | null;
  /** Elapsed as of the view's `asOf`; null when the view was built without a server time. */
  elapsedMs: number | null;
}

export interface SessionClockView {
  startedAt: string | null;
  endedAt: string | null;
  elapsedMs: number | null;
}

export interface StaffFollowUpView {
  id: string;
  prompt: string;
  answer: string | null;
  lookFor: string[];
  revealedAt: string | null;
}

export interface KeyPointView {
  index: number;
  text: string;
  checked: boolean;
}

export interface StaffQuestionView {
  id: string;
  position: number;
  prompt: string;
  section: string[];
  answer: string | null;
  keyPoints: KeyPointView[];
  rubric: RubricCriterion[];
  redFlags: string[];
  exampleScore: ExampleScore | null;
  meta: Record<string, unknown>;
  followUps: StaffFollowUpView[];
  timer: TimerView;
  asked: boolean;
  scratchpad: Scratchpad | null;
  /** Every interviewer's score for this question. */
  scores: Score[];
}

export interface NoteView {
  id: string;
  authorId: string;
  questionId: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  mine: boolean;
}

interface StaffViewBase {
  sessionId: string;
  status: RoomStatus;
  viewer: Actor;
  asOf: string | null;
  participants: ParticipantView[];
  clock: SessionClockView;
  currentIndex: number;
  currentQuestionId: string | null;
  questions: StaffQuestionView[];
  /** Only the notes this viewer may read, oldest first. */
  notes: NoteView[];
}

export interface InterviewerView extends StaffViewBase {
  role: "INTERVIEWER";
  readOnly: false;
}

export interface ObserverView extends StaffViewBase {
  role: "OBSERVER";
  readOnly: true;
}

export interface CandidateFollowUpView {
  id: string;
  prompt: string;
  revealedAt: string;
}

export interface CandidateQuestionView {
  id: string;
  position: number;
  prompt: string;
  timer: TimerView;
  /** Revealed follow-ups only, in the order they were revealed. */
  followUps: CandidateFollowUpView[];
  scratchpad: Scratchpad | null;
}

export interface CandidateView {
  role: "CANDIDATE";
  sessionId: string;
  status: RoomStatus;
  viewer: Actor;
  asOf: string | null;
  participants: ParticipantView[];
  clock: SessionClockView;
  /** How many questions the interview has, for "question 2 of 5"; none of the later ones is shown. */
  questionCount: number;
  /** Null in the lobby. */
  current: CandidateQuestionView | null;
  /** Questions already asked, other than the current one, by position. */
  earlier: CandidateQuestionView[];
}

export type RoomView = InterviewerView | ObserverView | CandidateView;

type ViewFor<R extends Role> = R extends "INTERVIEWER" ? InterviewerView : R extends "OBSERVER" ? ObserverView : CandidateView;

/**
 * What `viewer` may see of the room. Every payload sent to a room member is built here. `now` (server
 * time) fills in the elapsed times; without it clients compute them from the instants.
 */
export function viewFor<R extends Role>(state: RoomState, viewer: { userId: string; role: R }, now?: Date): ViewFor<R>;
export function viewFor(state: RoomState, viewer: Actor, now?: Date): RoomView {
  switch (viewer.role) {
    case "CANDIDATE":
      return candidateView(state, viewer, now);
    case "INTERVIEWER":
      return { ...staffView(state, viewer, now), role: "INTERVIEWER", readOnly: false };
    case "OBSERVER":
      return { ...staffView(state, viewer, now), role: "OBSERVER", readOnly: true };
  }
}

function participantsView(state: RoomState): ParticipantView[] {
  return state.participants.map((participant) => {
    const presence = state.presence[participant.userId];
    return {
      userId: participant.userId,
      role: participant.role,
      name: participant.name,
      presence: presence?.status ?? "disconnected",
      presenceSince: presence?.since ?? null,
    };
  });
}

function clockView(state: RoomState, now: Date | undefined): SessionClockView {
  return {
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    elapsedMs: now ? sessionElapsedMs(state, now) : null,
  };
}

function timerView(state: RoomState, question: QuestionSnapshot, now: Date | undefined): TimerView {
  const timing = timingOf(state, question.id);
  return {
    startedAt: timing.startedAt,
    accumulatedMs: timing.accumulatedMs,
    timeBoxSec: question.timeBoxSec,
    elapsedMs: now ? questionElapsedMs(timing, now) : null,
  };
}

function currentQuestionId(state: RoomState): string | null {
  return state.status === "lobby" ? null : (state.questions[state.currentIndex]?.id ?? null);
}

function staffView(state: RoomState, viewer: Actor, now: Date | undefined): StaffViewBase {
  const revealedAt = new Map(state.reveals.map((reveal) => [reveal.followUpId, reveal.revealedAt]));
  return {
    sessionId: state.sessionId,
    status: state.status,
    viewer: { userId: viewer.userId, role: viewer.role },
    asOf: now?.toISOString() ?? null,
    participants: participantsView(state),
    clock: clockView(state, now),
    currentIndex: state.currentIndex,
    currentQuestionId: currentQuestionId(state),
    questions: state.questions.map((question) => {
      const checked = state.checkedKeyPoints[question.id] ?? [];
      return {
        id: question.id,
        position: question.position,
        prompt: question.prompt,
        section: [...question.section],
        answer: question.answer,
        keyPoints: question.keyPoints.map((text, index) => ({ index, text, checked: checked.includes(index) })),
        rubric: question.rubric.map((criterion) => ({ title: criterion.title, lookFor: [...criterion.lookFor] })),
        redFlags: [...question.redFlags],
        exampleScore: question.exampleScore ? { ...question.exampleScore, reasons: [...question.exampleScore.reasons] } : null,
        meta: { ...question.meta },
        followUps: question.followUps.map((followUp) => ({
          id: followUp.id,
          prompt: followUp.prompt,
          answer: followUp.answer,
          lookFor: [...followUp.lookFor],
          revealedAt: revealedAt.get(followUp.id) ?? null,
        })),
        timer: timerView(state, question, now),
        asked: state.visitedQuestionIds.includes(question.id),
        scratchpad: scratchpadView(state, question.id),
        scores: state.scores
          .filter((score) => score.questionId === question.id)
          .map((score) => ({ ...score, criteria: score.criteria.map((criterion) => ({ ...criterion })) })),
      };
    }),
    notes: state.notes
      .filter((note) => note.deletedAt === null && canSeeNote(viewer, note))
      .map((note) => ({
        id: note.id,
        authorId: note.authorId,
        questionId: note.questionId,
        body: note.body,
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
        mine: note.authorId === viewer.userId,
      })),
  };
}

/**
 * Built up from what has been shown to the candidate (asked questions, revealed follow-ups), field by
 * field, never by removing fields from the interviewer's view: a field added to the question snapshot
 * later stays hidden unless someone adds it here on purpose.
 */
function candidateView(state: RoomState, viewer: Actor, now: Date | undefined): CandidateView {
  const currentId = currentQuestionId(state);
  const asked = state.questions.filter((question) => state.visitedQuestionIds.includes(question.id));
  const current = asked.find((question) => question.id === currentId);
  return {
    role: "CANDIDATE",
    sessionId: state.sessionId,
    status: state.status,
    viewer: { userId: viewer.userId, role: viewer.role },
    asOf: now?.toISOString() ?? null,
    participants: participantsView(state),
    clock: clockView(state, now),
    questionCount: state.questions.length,
    current: current ? candidateQuestion(state, current, now) : null,
    earlier: asked.filter((question) => question.id !== currentId).map((question) => candidateQuestion(state, question, now)),
  };
}

function candidateQuestion(state: RoomState, question: QuestionSnapshot, now: Date | undefined): CandidateQuestionView {
  const followUps: CandidateFollowUpView[] = [];
  for (const reveal of state.reveals) {
    if (reveal.questionId !== question.id) continue;
    const followUp = question.followUps.find((candidate) => candidate.id === reveal.followUpId);
    if (followUp) followUps.push({ id: followUp.id, prompt: followUp.prompt, revealedAt: reveal.revealedAt });
  }
  return {
    id: question.id,
    position: question.position,
    prompt: question.prompt,
    timer: timerView(state, question, now),
    followUps,
    scratchpad: scratchpadView(state, question.id),
  };
}

/** A question's scratchpad as every view shows it, field by field; null when nothing is written yet. */
function scratchpadView(state: RoomState, questionId: string): Scratchpad | null {
  const scratchpad = state.scratchpads[questionId];
  return scratchpad ? { text: scratchpad.text, updatedAt: scratchpad.updatedAt, revision: scratchpad.revision, language: scratchpad.language } : null;
}

/**
 * The scratchpads `viewer` is shown, by asked question (null: nothing written yet), as the room has them
 * now. Live edits are not logged events, so a client catching up from the event log takes these as they
 * are (see `catchUp`).
 */
export function scratchpadsFor(state: RoomState, viewer: Actor): Record<string, Scratchpad | null> {
  if (!canSeeScratchpad(viewer.role)) return {};
  return Object.fromEntries(state.visitedQuestionIds.map((questionId) => [questionId, scratchpadView(state, questionId)]));
}
