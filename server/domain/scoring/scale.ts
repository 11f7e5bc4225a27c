import { z } from "zod";
import type { ExampleScore, RubricCriterion } from "../room/room-state";

/**
 * The anchored scale every rubric criterion is rated on. "No evidence" is a mark of its own: the answer
 * never touched the criterion, which says nothing about how well it would have, so it never counts as a
 * low score (aggregates leave it out).
 */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
export const NO_EVIDENCE = "no_evidence";

export const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "must be a level from 1 to 4" });
export const ratingSchema = z.union([levelSchema, z.literal(NO_EVIDENCE)], { error: `must be a level from 1 to 4, or "${NO_EVIDENCE}"` });
export type Rating = z.infer<typeof ratingSchema>;

export const LEVEL_NAMES: Record<Level, string> = { 1: "Missed", 2: "Partial", 3: "Solid", 4: "Exceptional" };

export function ratingLabel(rating: Rating): string {
  return rating === NO_EVIDENCE ? "No evidence" : `${rating} ${LEVEL_NAMES[rating]}`;
}

export function isLevel(rating: Rating | null | undefined): rating is Level {
  return typeof rating === "number";
}

/** The documents' own scale for a whole answer, as in their example scores ("7/10"). */
export const OVERALL_MAX = 10;

export const RECOMMENDATIONS = ["strong_no", "no", "no_decision", "yes", "strong_yes"] as const;
export const recommendationSchema = z.enum(RECOMMENDATIONS);
export type Recommendation = z.infer<typeof recommendationSchema>;
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  no_decision: "No decision",
  yes: "Yes",
  strong_yes: "Strong yes",
};

const DESCRIBED_POINTS = 3;

/** What each level of a criterion means, from its look-fors (or the question's key points when it has none). */
export function levelDescriptions(
  criterion: RubricCriterion,
  question: { keyPoints: readonly string[]; exampleScore: ExampleScore | null },
): Record<Level, string> {
  const points = criterion.lookFor.length > 0 ? criterion.lookFor : question.keyPoints;
  // Short enough to read beside the choices: the first few points, and how many more there are.
  const shown = points.slice(0, DESCRIBED_POINTS).join("; ");
  const covers = points.length === 0 ? criterion.title : points.length > DESCRIBED_POINTS ? `${shown}; and ${points.length - DESCRIBED_POINTS} more` : shown;
  const strong = question.exampleScore && question.exampleScore.score / question.exampleScore.outOf >= 0.7 ? question.exampleScore.reasons : [];
  return {
    1: `Does not cover it, or gets it wrong: ${covers}.`,
    2: `Covers part of it, or only when prompted: ${covers}.`,
    3: `Covers it soundly and unprompted: ${covers}.`,
    4: `Covers all of it and also reasons about trade-offs and failure modes` + (strong.length > 0 ? `, as a strong answer does (${strong.join("; ")}).` : "."),
  };
}

/**
 * What the key points ticked during the interview suggest for the question's criteria. A suggestion
 * only: the scorer picks the level; nothing is set from it.
 */
export function suggestedLevel(keyPoints: ReadonlyArray<{ checked: boolean }>): { level: Level; reason: string } | null {
  const ticked = keyPoints.filter((point) => point.checked).length;
  if (keyPoints.length === 0 || ticked === 0) return null;
  const reason = `${ticked} of ${keyPoints.length} key points ticked`;
  if (ticked === keyPoints.length) return { level: 3, reason };
  return { level: 2, reason };
}

/** A rating at either end of the scale should say why: the scorer is asked to cite a note. A warning, not a rule. */
export function wantsEvidence(rating: Rating | null, citedNotes: number): boolean {
  return (rating === 1 || rating === 4) && citedNotes === 0;
}
