import { competencyOf } from "../scoring/competencies";
import { releasedScoresForCandidate, selfAssessmentCriteria, type Feedback, type ReleasedScores, type SelfAssessment } from "../scoring/feedback";
import type { Scorecard } from "../scoring/scorecard";
import { canSeeFeedbackDraft, canSeeNote, canSeeReleasedFeedback, canSeeReleasedScores, canSeeScratchpad, othersScorecardsFor, type Actor } from "./policy";
import {
  boardFor,
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
  type Scratchpad,
  testsOf,
} from "./room-state";
import type { RunnableLanguage, TestCase } from "../code/code-spec";
import type { QuestionProvenance } from "../bank/part-sources";
import type { RunRecord } from "../code/run-record";
import { unreachable } from "./unreachable";
import type { Call } from "./room-state";
import type { Board } from "../board/board";

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

/**
 * A question's code as every member who sees the pad is shown it: its language, starter code and the
 * function its tests call (null without a spec), and the tests runs check: its own, then those added.
 */
export interface CodeView {
  language: RunnableLanguage | null;
  starterCode: string;
  entry: string | null;
  tests: TestCase[];
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
  code: CodeView;
  /** The runs of this question's pad, oldest first. */
  runs: RunRecord[];
  /** Its whiteboard: what was drawn, or the starting diagram the bank gave it, shown to staff before it is asked. */
  board: Board;
  /** Where its parts came from in the bank's document, and the passages around them; null when unknown. */
  provenance: QuestionProvenance | null;
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

/**
 * The scoring a member of staff is shown, by the blind rule: their own card; who has submitted; the others'
 * submitted cards only once their own is submitted (null until then). Released scores are the owner's
 * card, so they follow the same rule.
 */
export interface ScoringView {
  mine: Scorecard | null;
  submitted: Array<{ scorerId: string; submittedAt: string }>;
  others: Scorecard[] | null;
  weights: Record<string, number>;
  feedback: Feedback;
  selfAssessment: SelfAssessment | null;
}

export type StaffRole = Exclude<Role, "CANDIDATE">;

interface StaffViewBase {
  sessionId: string;
  status: RoomStatus;
  viewer: Actor;
  asOf: string | null;
  participants: ParticipantView[];
  call: Call;
  clock: SessionClockView;
  currentIndex: number;
  currentQuestionId: string | null;
  questions: StaffQuestionView[];
  /** Only the notes this viewer may read, oldest first. */
  notes: NoteView[];
  scoring: ScoringView;
}

/** What the owner, a co-interviewer or an observer sees; what each may do is in policy.ts. */
export interface StaffView extends StaffViewBase {
  role: StaffRole;
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
  code: CodeView;
  runs: RunRecord[];
  board: Board;
}

export interface CandidateView {
  role: "CANDIDATE";
  sessionId: string;
  status: RoomStatus;
  viewer: Actor;
  asOf: string | null;
  participants: ParticipantView[];
  call: Call;
  clock: SessionClockView;
  /** How many questions the interview has, for "question 2 of 5"; none of the later ones is shown. */
  questionCount: number;
  /** Null in the lobby. */
  current: CandidateQuestionView | null;
  /** Questions already asked, other than the current one, by position. */
  earlier: CandidateQuestionView[];
  /** Null until the interviewer releases feedback. */
  feedback: CandidateFeedbackView | null;
}

/** Released feedback, as the candidate may see it (canSeeReleasedScores). */
export interface CandidateFeedbackView {
  text: string;
  releasedAt: string;
  /** The criteria the released scores cover, without levels: what the candidate may rate themselves on. Null without scores. */
  criteria: ReturnType<typeof selfAssessmentCriteria> | null;
  selfAssessment: SelfAssessment | null;
  /** Shown once the candidate has rated themselves or chosen not to. */
  scores: ReleasedScores | null;
}

export type RoomView = StaffView | CandidateView;

type ViewFor<R extends Role> = R extends "CANDIDATE" ? CandidateView : StaffView;

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
    case "CO_INTERVIEWER":
    case "OBSERVER":
      return { ...staffView(state, viewer, now), role: viewer.role };
  }
  return unreachable(viewer.role);
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

/** The call is everyone's to see: who is in it, from which tab, and what each sends. */
function callView(call: Call): Call {
  const members = Object.entries(call.members).map(([userId, { connectionId, joinedAt, media }]) => [
    userId,
    { connectionId, joinedAt, media: { audio: media.audio, video: media.video, screen: media.screen } },
  ]);
  return { observersMaySpeak: call.observersMaySpeak, members: Object.fromEntries(members) };
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
    call: callView(state.call),
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
        rubric: question.rubric.map((criterion) => ({
          title: criterion.title,
          lookFor: [...criterion.lookFor],
          competency: competencyOf(question, criterion),
        })),
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
        code: codeView(state, question),
        runs: runsView(state, question.id),
        board: boardFor(state, question),
        // A plan stored before provenance existed has no such field at all.
        provenance: question.provenance ?? null,
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
    scoring: scoringView(state, viewer),
  };
}

/** Submitted cards in the order they were submitted, so that a view folded event by event lists them alike. */
function bySubmission(a: Pick<Scorecard, "submittedAt" | "scorerId">, b: Pick<Scorecard, "submittedAt" | "scorerId">): number {
  return (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.scorerId.localeCompare(b.scorerId);
}

export function scoringView(state: RoomState, viewer: Actor): ScoringView {
  const submitted = state.scorecards.filter((card) => card.submittedAt !== null).sort(bySubmission);
  return {
    mine: copy(state.scorecards.find((card) => card.scorerId === viewer.userId) ?? null),
    submitted: submitted.map((card) => ({ scorerId: card.scorerId, submittedAt: card.submittedAt ?? "" })),
    others: othersScorecardsFor(viewer, state)?.sort(bySubmission).map(copy) ?? null,
    weights: { ...state.weights },
    feedback: staffFeedback(state.feedback, viewer, state),
    selfAssessment: copy(state.selfAssessment),
  };
}

/** The feedback as a member of staff may see it (canSeeFeedbackDraft, canSeeReleasedFeedback). */
function staffFeedback(feedback: Feedback, viewer: Actor, state: Pick<RoomState, "scorecards">): Feedback {
  return {
    draft: canSeeFeedbackDraft(viewer) ? feedback.draft : "",
    released: feedback.released && canSeeReleasedFeedback(viewer, state) ? copy(feedback.released) : null,
  };
}

/** The candidate's part of a release: text, the criteria to rate themselves on, and the scores when they may see them. */
export function candidateFeedback(state: Pick<RoomState, "feedback" | "selfAssessment" | "questions" | "reveals">): CandidateFeedbackView | null {
  const released = state.feedback.released;
  if (!released) return null;
  const scores = released.scores ? releasedScoresForCandidate(released.scores, state.questions, state.reveals) : null;
  return {
    text: released.text,
    releasedAt: released.releasedAt,
    criteria: scores ? selfAssessmentCriteria(scores) : null,
    selfAssessment: copy(state.selfAssessment),
    scores: canSeeReleasedScores(state) ? scores : null,
  };
}

/** Views never share objects with the state they were built from. */
function copy<T>(value: T): T {
  return value === null ? value : structuredClone(value);
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
    call: callView(state.call),
    clock: clockView(state, now),
    questionCount: state.questions.length,
    current: current ? candidateQuestion(state, current, now) : null,
    earlier: asked.filter((question) => question.id !== currentId).map((question) => candidateQuestion(state, question, now)),
    feedback: candidateFeedback(state),
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
    code: codeView(state, question),
    runs: runsView(state, question.id),
    board: boardFor(state, question),
  };
}

/** A question's code, field by field: the spec's, then every test runs check. */
export function codeView(state: Pick<RoomState, "addedTests">, question: Pick<QuestionSnapshot, "id" | "code">): CodeView {
  const spec = question.code;
  return {
    language: spec?.language ?? null,
    starterCode: spec?.starterCode ?? "",
    entry: spec?.entry ?? null,
    tests: testsOf(state, question).map(({ name, input, expected }) => ({ name, input, expected })),
  };
}

function runsView(state: RoomState, questionId: string): RunRecord[] {
  return state.runs.filter((run) => run.questionId === questionId).map(copyRun);
}

/** A run, field by field: what every member who sees the pad is shown of it. */
export function copyRun(run: RunRecord): RunRecord {
  const { runId, language, status, message, durationMs, stdout, stderr, tests, questionId, by, at, revision } = run;
  return {
    runId,
    language,
    status,
    message,
    durationMs,
    stdout,
    stderr,
    tests: tests.map(({ name, passed, expected, actual, error, invalid, notRun }) => ({
      name,
      passed,
      expected,
      actual,
      ...(error === undefined ? {} : { error }),
      ...(invalid ? { invalid } : {}),
      ...(notRun ? { notRun } : {}),
    })),
    questionId,
    by,
    at,
    revision,
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
