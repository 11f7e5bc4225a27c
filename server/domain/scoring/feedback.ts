import { z } from "zod";
import { idSchema, instantSchema } from "../room/primitives";
import type { QuestionSnapshot, Reveal } from "../room/room-state";
import { competencyOf, competencyScores } from "./competencies";
import { competencyKeySchema, competencyRefSchema } from "./competency-set";
import { criterionShownToCandidate } from "./follow-up-criteria";
import { ratingSchema, OVERALL_MAX } from "./scale";
import { questionScoreOf, selfRatingSchema, type Scorecard } from "./scorecard";

/**
 * What the candidate is given after the interview: feedback the interviewer writes for them (apart from
 * every private note) and, if the interviewer chooses, the scores of the interviewer's submitted card,
 * copied at release. The candidate may rate themselves on the same criteria before they see those scores.
 */

export const releasedScoresSchema = z.object({
  questions: z.array(
    z.object({
      questionId: idSchema,
      prompt: z.string(),
      overall: z.number().int().min(0).max(OVERALL_MAX).nullable(),
      criteria: z.array(
        z.object({
          criterion: z.number().int().min(0),
          title: z.string(),
          rating: ratingSchema.nullable(),
          /** Absent in releases made before criteria had competencies. */
          competency: competencyRefSchema.optional(),
        }),
      ),
    }),
  ),
  /** `key` is absent in releases made before criteria had competencies, when `title` was a criterion's. */
  competencies: z.array(z.object({ key: competencyKeySchema.optional(), title: z.string(), score: z.number().nullable() })),
  overall: z.number().nullable(),
});
export type ReleasedScores = z.infer<typeof releasedScoresSchema>;

export const releaseSchema = z.object({
  text: z.string(),
  releasedAt: instantSchema,
  scores: releasedScoresSchema.nullable(),
});
export type Release = z.infer<typeof releaseSchema>;

export const feedbackSchema = z.object({
  /** The interviewer's text as it is being written; the candidate sees only what was released. */
  draft: z.string(),
  released: releaseSchema.nullable(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const selfAssessmentSchema = z.object({
  /** Empty when the candidate chose to see their scores without rating themselves. */
  ratings: z.array(selfRatingSchema),
  finishedAt: instantSchema,
});
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

/** The scores a release carries: the interviewer's own card, question by question, with the competencies. */
export function releasedScoresFrom(card: Scorecard, asked: readonly QuestionSnapshot[], weights: Readonly<Record<string, number>>): ReleasedScores {
  const summary = competencyScores([card], asked, weights);
  return {
    questions: asked.map((question) => {
      const section = questionScoreOf(card, question.id);
      return {
        questionId: question.id,
        prompt: question.prompt,
        overall: section.overall,
        criteria: question.rubric.map((criterion, index) => ({
          criterion: index,
          title: criterion.title,
          rating: section.ratings.find((rating) => rating.criterion === index)?.rating ?? null,
          competency: competencyOf(question, criterion),
        })),
      };
    }),
    competencies: summary.competencies.map((competency) => ({ key: competency.key, title: competency.title, score: competency.byScorer[0]?.score ?? null })),
    overall: summary.overall.mean,
  };
}

/**
 * The released scores as the candidate may read them, built field by field: a criterion that names a
 * follow-up never revealed to them is left out (its level still counts in the figures).
 */
export function releasedScoresForCandidate(
  scores: ReleasedScores,
  questions: ReadonlyArray<Pick<QuestionSnapshot, "id" | "followUps">>,
  reveals: readonly Reveal[],
): ReleasedScores {
  const shown = (questionId: string, title: string) => {
    const question = questions.find((candidate) => candidate.id === questionId);
    return question !== undefined && criterionShownToCandidate(question, title, reveals);
  };
  return {
    questions: scores.questions.map((question) => ({
      questionId: question.questionId,
      prompt: question.prompt,
      overall: question.overall,
      criteria: question.criteria
        .filter((criterion) => shown(question.questionId, criterion.title))
        .map(({ criterion, title, rating, competency }) => ({ criterion, title, rating, ...(competency ? { competency: { ...competency } } : {}) })),
    })),
    // A competency is named from its bank's set; only a release from before competencies is named after a criterion.
    competencies: scores.competencies
      .filter((competency) => competency.key !== undefined || questions.every((question) => criterionShownToCandidate(question, competency.title, reveals)))
      .map(({ key, title, score }) => ({ ...(key === undefined ? {} : { key }), title, score })),
    overall: scores.overall,
  };
}

/** The criteria a candidate rates themselves on: those of the released scores, without the levels. */
export function selfAssessmentCriteria(
  scores: ReleasedScores,
): Array<{ questionId: string; prompt: string; criteria: Array<{ criterion: number; title: string }> }> {
  return scores.questions.map((question) => ({
    questionId: question.questionId,
    prompt: question.prompt,
    criteria: question.criteria.map(({ criterion, title }) => ({ criterion, title })),
  }));
}
