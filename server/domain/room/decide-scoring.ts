import { competencyKey, competencyOf } from "../scoring/competencies";
import { releasedScoresForCandidate, releasedScoresFrom } from "../scoring/feedback";
import {
  changeScorecard,
  describeChange,
  emptyScorecard,
  questionScoreOf,
  unratedCriteria,
  type Evidence,
  type Scorecard,
  type ScorecardChange,
} from "../scoring/scorecard";
import type { CommandOf } from "./commands";
import type { Decision } from "./decide";
import type { RoomEvent } from "./events";
import type { Actor } from "./policy";
import { refuse, type Refused } from "./room-error";
import { findQuestion, type QuestionSnapshot, type RoomState } from "./room-state";
import { unreachable } from "./unreachable";

/** Scorecards, weights, feedback and the candidate's self-assessment. `can` has already checked the role. */

export type ScoringCommand = CommandOf<
  | "rateCriterion"
  | "setRedFlags"
  | "setQuestionOverall"
  | "setSummary"
  | "submitScorecard"
  | "setCompetencyWeights"
  | "draftFeedback"
  | "releaseFeedback"
  | "finishSelfAssessment"
>;

const emit = (...events: RoomEvent[]): Decision => ({ ok: true, events });
const unchanged = (): Decision => ({ ok: true, events: [] });
const notStarted = (): Refused => refuse("CONFLICT", "The interview has not started yet.");
const NOT_ENDED = "once the interview has ended.";

export function decideScoring(state: RoomState, actor: Actor, command: ScoringCommand, at: string, ids: () => string): Decision {
  switch (command.type) {
    case "rateCriterion":
    case "setRedFlags":
    case "setQuestionOverall":
    case "setSummary": {
      if (state.status === "lobby") return notStarted();
      const card = cardOf(state, actor, at);
      const change = scorecardChange(state, actor, card, command);
      if (!change.ok) return change;
      return changeCard(card, actor, change.change, command.amendmentReason, state, at, ids);
    }
    case "submitScorecard":
      return submit(state, actor, at);
    case "setCompetencyWeights":
      return setWeights(state, command, at);
    case "draftFeedback":
      if (state.feedback.draft === command.text) return unchanged();
      return emit({ type: "feedbackDrafted", payload: { text: command.text, at } });
    case "releaseFeedback":
      return release(state, actor, command, at);
    case "finishSelfAssessment":
      return finishSelfAssessment(state, command, at);
  }
  return unreachable(command);
}

function askedQuestion(state: RoomState, questionId: string): { ok: true; question: QuestionSnapshot } | Refused {
  const question = findQuestion(state, questionId);
  if (!question || !state.visitedQuestionIds.includes(questionId)) return refuse("NOT_FOUND", "That question has not been asked in this interview.");
  return { ok: true, question };
}

function asked(state: RoomState): QuestionSnapshot[] {
  return state.questions.filter((question) => state.visitedQuestionIds.includes(question.id));
}

type ChangeResult = { ok: true; change: ScorecardChange } | Refused;

/**
 * The change a command asks for, checked against the question it names, with every field the command
 * leaves out taken from the card as it is.
 */
function scorecardChange(
  state: RoomState,
  actor: Actor,
  card: Scorecard,
  command: CommandOf<"rateCriterion" | "setRedFlags" | "setQuestionOverall" | "setSummary">,
): ChangeResult {
  if (command.type === "setSummary") {
    const summary = { ...card.summary };
    for (const key of ["recommendation", "takeaways", "strengths", "improvements"] as const) {
      if (command[key] !== undefined) Object.assign(summary, { [key]: command[key] });
    }
    return { ok: true, change: { kind: "summary", summary } };
  }
  const found = askedQuestion(state, command.questionId);
  if (!found.ok) return found;
  const { question } = found;
  const section = questionScoreOf(card, question.id);
  switch (command.type) {
    case "rateCriterion": {
      const criterion = question.rubric[command.criterion];
      if (!criterion) return refuse("BAD_REQUEST", "That criterion is not on this question's rubric.");
      const before = section.ratings.find((rating) => rating.criterion === command.criterion);
      const evidence = command.evidence === undefined ? { ok: true as const, notes: before?.evidence ?? [] } : citedNotes(state, actor, command.evidence);
      if (!evidence.ok) return evidence;
      const rating = {
        criterion: command.criterion,
        title: criterion.title,
        rating: command.rating === undefined ? (before?.rating ?? null) : command.rating,
        comment: command.comment ?? before?.comment ?? "",
        evidence: evidence.notes,
      };
      return { ok: true, change: { kind: "rating", questionId: question.id, rating } };
    }
    case "setRedFlags": {
      if (command.redFlags.some((index) => index >= question.redFlags.length)) return refuse("BAD_REQUEST", "That red flag is not on this question.");
      const redFlags = [...new Set(command.redFlags)].sort((a, b) => a - b);
      return { ok: true, change: { kind: "redFlags", questionId: question.id, redFlags, customRedFlags: [...new Set(command.customRedFlags)] } };
    }
    case "setQuestionOverall": {
      const overall = command.overall === undefined ? section.overall : command.overall;
      return { ok: true, change: { kind: "overall", questionId: question.id, overall, comment: command.comment ?? section.comment } };
    }
  }
  return unreachable(command);
}

/** Evidence is the scorer's own notes, copied as they read now; a note they cannot see is not found. */
function citedNotes(state: RoomState, actor: Actor, noteIds: readonly string[]): { ok: true; notes: Evidence[] } | Refused {
  const notes: Evidence[] = [];
  for (const noteId of new Set(noteIds)) {
    const note = state.notes.find((candidate) => candidate.id === noteId && candidate.deletedAt === null && candidate.authorId === actor.userId);
    if (!note) return refuse("NOT_FOUND", "A cited note was not found among your notes.");
    notes.push({ noteId: note.id, body: note.body, createdAt: note.createdAt });
  }
  return { ok: true, notes };
}

function cardOf(state: RoomState, actor: Actor, at: string): Scorecard {
  return state.scorecards.find((candidate) => candidate.scorerId === actor.userId) ?? emptyScorecard(actor.userId, at);
}

function changeCard(
  card: Scorecard,
  actor: Actor,
  change: ScorecardChange,
  reason: string | undefined,
  state: RoomState,
  at: string,
  ids: () => string,
): Decision {
  const changed = changeScorecard(card, change, at, null);
  const sameContent = JSON.stringify({ ...changed, updatedAt: null }) === JSON.stringify({ ...card, updatedAt: null });
  if (sameContent) return unchanged();
  if (card.submittedAt !== null && !reason) return refuse("BAD_REQUEST", "Your scorecard is submitted: give a reason to amend it.");
  if (card.submittedAt !== null && change.kind === "rating" && change.rating.rating === null) {
    return refuse("BAD_REQUEST", "A submitted scorecard keeps every criterion rated: choose a level or “no evidence”.");
  }
  const label = (questionId: string) => `Q${(findQuestion(state, questionId)?.position ?? 0) + 1}`;
  const amendment = card.submittedAt !== null && reason ? { id: ids(), at, reason, change: describeChange(card, change, label) } : null;
  return emit({ type: "scorecardChanged", payload: { scorerId: actor.userId, change, at, amendment } });
}

function submit(state: RoomState, actor: Actor, at: string): Decision {
  if (state.status !== "ended") return refuse("CONFLICT", `Scorecards are submitted ${NOT_ENDED}`);
  const card = cardOf(state, actor, at);
  if (card.submittedAt !== null) return unchanged();
  const unrated = unratedCriteria(card, asked(state)).length;
  if (unrated > 0) {
    return refuse("BAD_REQUEST", `${unrated === 1 ? "A criterion is" : `${unrated} criteria are`} still unrated: rate each one or mark it “no evidence”.`);
  }
  return emit({ type: "scorecardSubmitted", payload: { scorerId: actor.userId, card: { ...card, submittedAt: at, updatedAt: at }, at } });
}

function setWeights(state: RoomState, command: CommandOf<"setCompetencyWeights">, at: string): Decision {
  // A competency is named by its key, or by its name as shown.
  const known = new Map<string, string>();
  for (const question of state.questions)
    for (const criterion of question.rubric) {
      const { key, name } = competencyOf(question, criterion);
      known.set(key, key).set(competencyKey(name), key);
    }
  const weights: Record<string, number> = {};
  for (const { competency, weight } of command.weights) {
    const key = known.get(competency) ?? known.get(competencyKey(competency));
    if (key === undefined) return refuse("BAD_REQUEST", "That competency is not in this interview.");
    weights[key] = weight;
  }
  if (JSON.stringify(Object.entries(weights).sort()) === JSON.stringify(Object.entries(state.weights).sort())) return unchanged();
  return emit({ type: "competencyWeightsSet", payload: { weights, at } });
}

function release(state: RoomState, actor: Actor, command: CommandOf<"releaseFeedback">, at: string): Decision {
  if (state.status !== "ended") return refuse("CONFLICT", `Feedback is released ${NOT_ENDED}`);
  const released = state.feedback.released;
  // The candidate rated themselves against the released scores: those stay as they were; the text may change.
  if (state.selfAssessment !== null && released) {
    if (command.includeScores !== (released.scores !== null)) {
      return refuse("CONFLICT", "The candidate has rated themselves against the released scores: you can change the text, not the scores.");
    }
    return emit({ type: "feedbackReleased", payload: { text: command.text, releasedAt: at, scores: released.scores } });
  }
  let scores = null;
  if (command.includeScores) {
    const card = state.scorecards.find((candidate) => candidate.scorerId === actor.userId);
    if (!card || card.submittedAt === null) return refuse("CONFLICT", "Submit your scorecard before releasing scores with the feedback.");
    scores = releasedScoresFrom(card, asked(state), state.weights);
  }
  return emit({ type: "feedbackReleased", payload: { text: command.text, releasedAt: at, scores } });
}

function finishSelfAssessment(state: RoomState, command: CommandOf<"finishSelfAssessment">, at: string): Decision {
  const released = state.feedback.released?.scores;
  if (!released) return refuse("CONFLICT", "No scores have been released to rate yourself against.");
  // The candidate rates what they were shown, so a hidden criterion's index is as unknown as a made-up one.
  const scores = releasedScoresForCandidate(released, state.questions, state.reveals);
  if (state.selfAssessment !== null) return refuse("CONFLICT", "You have already rated yourself.");
  const seen = new Set<string>();
  for (const rating of command.ratings) {
    const key = `${rating.questionId}#${rating.criterion}`;
    const onRelease = scores.questions.some(
      (question) => question.questionId === rating.questionId && question.criteria.some((c) => c.criterion === rating.criterion),
    );
    if (!onRelease || seen.has(key)) return refuse("BAD_REQUEST", "A rating names a criterion that is not among the released ones, or names it twice.");
    seen.add(key);
  }
  return emit({ type: "selfAssessmentFinished", payload: { ratings: command.ratings, finishedAt: at } });
}

export function isCitedBy(state: RoomState, scorerId: string, noteId: string): boolean {
  const card = state.scorecards.find((candidate) => candidate.scorerId === scorerId);
  return card?.questions.some((section) => section.ratings.some((rating) => rating.evidence.some((evidence) => evidence.noteId === noteId))) ?? false;
}
