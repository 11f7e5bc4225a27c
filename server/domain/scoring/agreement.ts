import type { QuestionSnapshot } from "../room/room-state";
import { isLevel, LEVELS, type Level, type Rating } from "./scale";
import { ratingOf, type Scorecard } from "./scorecard";

/** Named on the page with the figures. */
export const AGREEMENT_STATISTICS =
  "Exact agreement: the share of scorer pairs that gave a criterion the same level. Adjacent agreement: within one level. " +
  "Quadratically weighted Cohen's kappa, averaged over scorer pairs: 1 is perfect agreement, 0 is what chance gives. " +
  "Criteria marked “no evidence” are left out.";

/** Two scorers this far apart on one criterion disagree. */
export const DISAGREEMENT_SPREAD = 2;

export interface CriterionAgreement {
  questionId: string;
  criterion: number;
  title: string;
  ratings: Array<{ scorerId: string; rating: Rating | null }>;
  /** Highest minus lowest level; null with fewer than two levels. */
  spread: number | null;
  disagreement: boolean;
}

export interface AgreementSummary {
  scorers: number;
  /** Criteria that at least two scorers rated on the scale. */
  criteria: number;
  pairs: number;
  exact: number | null;
  adjacent: number | null;
  kappa: number | null;
}

export function criterionAgreement(cards: readonly Scorecard[], asked: ReadonlyArray<Pick<QuestionSnapshot, "id" | "rubric">>): CriterionAgreement[] {
  return asked.flatMap((question) =>
    question.rubric.map((criterion, index) => {
      const ratings = cards.map((card) => ({ scorerId: card.scorerId, rating: ratingOf(card, question.id, index)?.rating ?? null }));
      const levels = ratings.flatMap((entry) => (isLevel(entry.rating) ? [entry.rating] : []));
      const spread = levels.length < 2 ? null : Math.max(...levels) - Math.min(...levels);
      return {
        questionId: question.id,
        criterion: index,
        title: criterion.title,
        ratings,
        spread,
        disagreement: spread !== null && spread >= DISAGREEMENT_SPREAD,
      };
    }),
  );
}

/**
 * Cohen's kappa with quadratic weights for two scorers' levels on the same criteria: 1 − Σ w·O / Σ w·E,
 * where O is the observed joint distribution, E the product of the marginals and w = (i − j)² / (k − 1)².
 * Null when it is undefined (both scorers used one level and the same one).
 */
export function quadraticKappa(pairs: ReadonlyArray<readonly [Level, Level]>): number | null {
  if (pairs.length === 0) return null;
  const k = LEVELS.length;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const first = new Array<number>(k).fill(0);
  const second = new Array<number>(k).fill(0);
  for (const [a, b] of pairs) {
    observed[a - 1]![b - 1]! += 1;
    first[a - 1]! += 1;
    second[b - 1]! += 1;
  }
  let disagreementObserved = 0;
  let disagreementExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const weight = (i - j) ** 2 / (k - 1) ** 2;
      disagreementObserved += (weight * observed[i]![j]!) / pairs.length;
      disagreementExpected += (weight * first[i]! * second[j]!) / pairs.length ** 2;
    }
  }
  if (disagreementExpected === 0) return null;
  return 1 - disagreementObserved / disagreementExpected;
}

export function agreementSummary(rows: readonly CriterionAgreement[], scorerIds: readonly string[]): AgreementSummary {
  let pairs = 0;
  let exact = 0;
  let adjacent = 0;
  const kappas: number[] = [];
  for (let a = 0; a < scorerIds.length; a++) {
    for (let b = a + 1; b < scorerIds.length; b++) {
      const both: Array<[Level, Level]> = [];
      for (const row of rows) {
        const first = row.ratings.find((entry) => entry.scorerId === scorerIds[a])?.rating;
        const second = row.ratings.find((entry) => entry.scorerId === scorerIds[b])?.rating;
        if (isLevel(first) && isLevel(second)) both.push([first, second]);
      }
      pairs += both.length;
      exact += both.filter(([x, y]) => x === y).length;
      adjacent += both.filter(([x, y]) => Math.abs(x - y) <= 1).length;
      const kappa = quadraticKappa(both);
      if (kappa !== null) kappas.push(kappa);
    }
  }
  return {
    scorers: scorerIds.length,
    criteria: rows.filter((row) => row.ratings.filter((entry) => isLevel(entry.rating)).length >= 2).length,
    pairs,
    exact: pairs === 0 ? null : exact / pairs,
    adjacent: pairs === 0 ? null : adjacent / pairs,
    kappa: kappas.length === 0 ? null : kappas.reduce((sum, value) => sum + value, 0) / kappas.length,
  };
}
