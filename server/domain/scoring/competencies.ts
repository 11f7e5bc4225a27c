import type { QuestionSnapshot, RubricCriterion } from "../room/room-state";
import { classifyCompetency } from "./classify-competency";
import { DEFAULT_COMPETENCIES, type CompetencyRef } from "./competency-set";
import { levelsOf, type Scorecard } from "./scorecard";

/** Stated on the page beside the figures, so that nobody has to guess how they were made. */
export const COMPETENCY_FORMULA =
  "A competency (problem solving, system design, …, as the question bank assigns them) gathers the criteria scored under it across questions. " +
  "Its score is the mean of their levels (1–4), leaving out “no evidence”. The session score is the weighted mean of the competency scores: " +
  "equal weights unless the interviewer sets them.";

export const DEFAULT_WEIGHT = 1;
export const WEIGHT_MAX = 10;

/** Names compared loosely: case, punctuation and spacing do not tell two apart. */
export function competencyKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** What the competency of a criterion is read from: the criterion, and its question for one planned before competencies. */
export type ScoredQuestion = Pick<QuestionSnapshot, "id" | "rubric" | "prompt" | "section" | "meta">;

/**
 * The competency a criterion of a question as asked is scored under: the one the bank gave it, or, for a
 * question planned before criteria had competencies, the importer's proposal from the default set (the
 * same pure classifier, so an old session charts as a new one would).
 */
export function competencyOf(question: Omit<ScoredQuestion, "id" | "rubric">, criterion: RubricCriterion): CompetencyRef {
  if (criterion.competency) return criterion.competency;
  // A room's questions are the same objects from event to event: classify each old criterion once.
  const known = proposed.get(criterion);
  if (known) return known;
  const documentTitle = question.meta["documentTitle"];
  const competency = classifyCompetency(
    {
      title: criterion.title,
      lookFor: criterion.lookFor,
      prompt: question.prompt,
      section: question.section,
      documentTitle: typeof documentTitle === "string" ? documentTitle : null,
    },
    DEFAULT_COMPETENCIES,
  );
  proposed.set(criterion, competency);
  return competency;
}

const proposed = new WeakMap<RubricCriterion, CompetencyRef>();

export interface CompetencyScore {
  /** The competency's key in its bank's set. */
  key: string;
  /** Its name, as the first question that has it names it. */
  title: string;
  weight: number;
  /** How many criteria (across questions) it gathers. */
  criteria: number;
  /** Per scorer: the mean of their levels, or null when they rated none of it. */
  byScorer: Array<{ scorerId: string; score: number | null }>;
  /** The mean of the scorers' scores. */
  mean: number | null;
}

export interface CompetencySummary {
  competencies: CompetencyScore[];
  /** The weighted mean of competency scores, per scorer and across scorers. */
  overall: { byScorer: Array<{ scorerId: string; score: number | null }>; mean: number | null };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function weightedMean(entries: Array<{ value: number | null; weight: number }>): number | null {
  const counted = entries.filter((entry): entry is { value: number; weight: number } => entry.value !== null && entry.weight > 0);
  const total = counted.reduce((sum, entry) => sum + entry.weight, 0);
  return total === 0 ? null : counted.reduce((sum, entry) => sum + entry.value * entry.weight, 0) / total;
}

/** The competencies of the asked questions, each scored for each card as COMPETENCY_FORMULA says. */
export function competencyScores(cards: readonly Scorecard[], asked: readonly ScoredQuestion[], weights: Readonly<Record<string, number>>): CompetencySummary {
  const groups = new Map<string, { title: string; criteria: Set<string> }>();
  for (const question of asked) {
    question.rubric.forEach((criterion, index) => {
      const { key, name } = competencyOf(question, criterion);
      const group = groups.get(key) ?? { title: name, criteria: new Set<string>() };
      group.criteria.add(`${question.id}#${index}`);
      groups.set(key, group);
    });
  }
  const levels = cards.map((card) => ({ scorerId: card.scorerId, levels: levelsOf(card) }));
  const competencies = [...groups].map(([key, group]): CompetencyScore => {
    const byScorer = levels.map(({ scorerId, levels: rated }) => ({
      scorerId,
      score: mean(rated.filter((entry) => group.criteria.has(`${entry.questionId}#${entry.criterion}`)).map((entry) => entry.level)),
    }));
    return {
      key,
      title: group.title,
      weight: weights[key] ?? DEFAULT_WEIGHT,
      criteria: group.criteria.size,
      byScorer,
      mean: mean(byScorer.flatMap((entry) => (entry.score === null ? [] : [entry.score]))),
    };
  });
  const byScorer = cards.map((card, i) => ({
    scorerId: card.scorerId,
    score: weightedMean(competencies.map((competency) => ({ value: competency.byScorer[i]?.score ?? null, weight: competency.weight }))),
  }));
  return {
    competencies,
    overall: { byScorer, mean: mean(byScorer.flatMap((entry) => (entry.score === null ? [] : [entry.score]))) },
  };
}
