import { z } from "zod";
import { idSchema, instantSchema } from "../room/primitives";
import type { QuestionSnapshot } from "../room/room-state";
import { isLevel, levelSchema, NO_EVIDENCE, OVERALL_MAX, ratingSchema, recommendationSchema, type Level, type Rating } from "./scale";

/**
 * A scorer's scorecard for one session: a section per asked question (each criterion's rating with its
 * evidence, the red flags seen, an overall score on the documents' 0–10 scale) and a summary with the
 * recommendation. Drafts autosave; submitting locks the card, and every later change is an amendment with
 * a reason, kept in `amendments`.
 */

/** A note the rating cites, copied when cited: the evidence stays as it was when the scorer relied on it. */
export const evidenceSchema = z.object({
  noteId: idSchema,
  body: z.string(),
  createdAt: instantSchema,
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const criterionRatingSchema = z.object({
  /** Index into the question's rubric. */
  criterion: z.number().int().min(0),
  title: z.string(),
  rating: ratingSchema.nullable(),
  comment: z.string(),
  evidence: z.array(evidenceSchema),
});
export type CriterionRating = z.infer<typeof criterionRatingSchema>;

export const questionScoreSchema = z.object({
  questionId: idSchema,
  /** By criterion index; criteria never touched are absent. */
  ratings: z.array(criterionRatingSchema),
  /** Indexes of the document's red flags seen in the answer. */
  redFlags: z.array(z.number().int().min(0)),
  customRedFlags: z.array(z.string()),
  overall: z.number().int().min(0).max(OVERALL_MAX).nullable(),
  comment: z.string(),
});
export type QuestionScore = z.infer<typeof questionScoreSchema>;

export const summarySchema = z.object({
  recommendation: recommendationSchema.nullable(),
  takeaways: z.string(),
  strengths: z.string(),
  improvements: z.string(),
});
export type Summary = z.infer<typeof summarySchema>;

export const amendmentSchema = z.object({
  id: idSchema,
  at: instantSchema,
  reason: z.string(),
  /** What changed, in words ("Q2 · Correctness: 2 Partial → 3 Solid"). */
  change: z.string(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const scorecardSchema = z.object({
  scorerId: idSchema,
  questions: z.array(questionScoreSchema),
  summary: summarySchema,
  submittedAt: instantSchema.nullable(),
  amendments: z.array(amendmentSchema),
  updatedAt: instantSchema,
});
export type Scorecard = z.infer<typeof scorecardSchema>;

/** One change to a scorecard, as commands ask for it and events record it. */
export const scorecardChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rating"), questionId: idSchema, rating: criterionRatingSchema }),
  z.object({ kind: z.literal("redFlags"), questionId: idSchema, redFlags: z.array(z.number().int().min(0)), customRedFlags: z.array(z.string()) }),
  z.object({ kind: z.literal("overall"), questionId: idSchema, overall: z.number().int().min(0).max(OVERALL_MAX).nullable(), comment: z.string() }),
  z.object({ kind: z.literal("summary"), summary: summarySchema }),
]);
export type ScorecardChange = z.infer<typeof scorecardChangeSchema>;

export const EMPTY_SUMMARY: Summary = { recommendation: null, takeaways: "", strengths: "", improvements: "" };

export function emptyScorecard(scorerId: string, at: string): Scorecard {
  return { scorerId, questions: [], summary: { ...EMPTY_SUMMARY }, submittedAt: null, amendments: [], updatedAt: at };
}

function emptyQuestionScore(questionId: string): QuestionScore {
  return { questionId, ratings: [], redFlags: [], customRedFlags: [], overall: null, comment: "" };
}

export function questionScoreOf(card: Scorecard | undefined, questionId: string): QuestionScore {
  return card?.questions.find((section) => section.questionId === questionId) ?? emptyQuestionScore(questionId);
}

export function ratingOf(card: Scorecard | undefined, questionId: string, criterion: number): CriterionRating | undefined {
  return questionScoreOf(card, questionId).ratings.find((rating) => rating.criterion === criterion);
}

function withQuestion(card: Scorecard, questionId: string, change: (section: QuestionScore) => QuestionScore): Scorecard {
  const known = card.questions.some((section) => section.questionId === questionId);
  const questions = known
    ? card.questions.map((section) => (section.questionId === questionId ? change(section) : section))
    : [...card.questions, change(emptyQuestionScore(questionId))];
  return { ...card, questions };
}

/** The card with `change` made; pure, so the server's state and every client's view change alike. */
export function changeScorecard(card: Scorecard, change: ScorecardChange, at: string, amendment: Amendment | null): Scorecard {
  const amended = amendment && !card.amendments.some((known) => known.id === amendment.id) ? [...card.amendments, amendment] : card.amendments;
  const next = { ...card, updatedAt: at, amendments: amended };
  switch (change.kind) {
    case "rating": {
      const { rating } = change;
      return withQuestion(next, change.questionId, (section) => ({
        ...section,
        ratings: [...section.ratings.filter((known) => known.criterion !== rating.criterion), rating].sort((a, b) => a.criterion - b.criterion),
      }));
    }
    case "redFlags":
      return withQuestion(next, change.questionId, (section) => ({ ...section, redFlags: change.redFlags, customRedFlags: change.customRedFlags }));
    case "overall":
      return withQuestion(next, change.questionId, (section) => ({ ...section, overall: change.overall, comment: change.comment }));
    case "summary":
      return { ...next, summary: change.summary };
  }
}

/** The criteria of asked questions that are neither rated nor marked "no evidence": submitting waits for them. */
export function unratedCriteria(
  card: Scorecard | undefined,
  asked: ReadonlyArray<Pick<QuestionSnapshot, "id" | "rubric">>,
): Array<{ questionId: string; criterion: number; title: string }> {
  return asked.flatMap((question) =>
    question.rubric.flatMap((criterion, index) =>
      ratingOf(card, question.id, index)?.rating == null ? [{ questionId: question.id, criterion: index, title: criterion.title }] : [],
    ),
  );
}

/** "2 Partial → 3 Solid", for the amendment history. */
export function describeChange(card: Scorecard, change: ScorecardChange, questionLabel: (questionId: string) => string): string {
  const show = (rating: Rating | null | undefined) => (rating == null ? "unrated" : rating === NO_EVIDENCE ? "no evidence" : String(rating));
  switch (change.kind) {
    case "rating": {
      const before = ratingOf(card, change.questionId, change.rating.criterion);
      const what = before?.rating === change.rating.rating ? "comment or evidence" : `${show(before?.rating)} → ${show(change.rating.rating)}`;
      return `${questionLabel(change.questionId)} · ${change.rating.title}: ${what}`;
    }
    case "redFlags":
      return `${questionLabel(change.questionId)} · red flags`;
    case "overall": {
      const before = questionScoreOf(card, change.questionId).overall;
      return `${questionLabel(change.questionId)} · overall: ${before ?? "unscored"} → ${change.overall ?? "unscored"}`;
    }
    case "summary":
      return "Summary and recommendation";
  }
}

/** The levels of a card, criterion by criterion, leaving out "no evidence" and unrated ones. */
export function levelsOf(card: Scorecard): Array<{ questionId: string; criterion: number; title: string; level: Level }> {
  return card.questions.flatMap((section) =>
    section.ratings.flatMap((rating) =>
      isLevel(rating.rating) ? [{ questionId: section.questionId, criterion: rating.criterion, title: rating.title, level: rating.rating }] : [],
    ),
  );
}

export const selfRatingSchema = z.object({ questionId: idSchema, criterion: z.number().int().min(0), level: levelSchema });
export type SelfRating = z.infer<typeof selfRatingSchema>;
