"use client";

import { cn } from "@/components/ui/cn";
import type { StaffQuestionView } from "@/server/domain/room";
import { AGREEMENT_STATISTICS, agreementSummary, criterionAgreement } from "@/server/domain/scoring/agreement";
import { competencyScores } from "@/server/domain/scoring/competencies";
import { isLevel, ratingLabel, RECOMMENDATION_LABELS } from "@/server/domain/scoring/scale";
import type { Scorecard } from "@/server/domain/scoring/scorecard";

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const score = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/** After submitting: every scorer's level per criterion, disagreements of two levels or more marked. */
export function AgreementView({
  questions,
  cards,
  weights,
  nameOf,
}: {
  questions: StaffQuestionView[];
  cards: Scorecard[];
  weights: Record<string, number>;
  nameOf: (userId: string) => string;
}) {
  const asked = questions.filter((question) => question.asked);
  const rows = criterionAgreement(cards, asked);
  const summary = agreementSummary(
    rows,
    cards.map((card) => card.scorerId),
  );
  const numberOf = new Map(questions.map((question, i) => [question.id, i + 1]));
  const competencies = competencyScores(cards, asked, weights);
  return (
    <section aria-labelledby="agreement-heading" className="grid gap-3" data-testid="agreement-view">
      <h3 id="agreement-heading" className="text-sm font-semibold">
        Scorers compared
      </h3>
      <AgreementFigures summary={summary} />
      <p className="text-xs text-muted-foreground">
        {summary.scorers} scorers, {summary.pairs} rated pairs. {AGREEMENT_STATISTICS}
      </p>
      <AgreementTable cards={cards} rows={rows} numberOf={numberOf} competencies={competencies} nameOf={nameOf} />
    </section>
  );
}

function AgreementFigures({ summary }: { summary: ReturnType<typeof agreementSummary> }) {
  return (
    <dl className="grid grid-cols-3 gap-2 text-center">
      {[
        ["Exact agreement", percent(summary.exact)],
        ["Within one level", percent(summary.adjacent)],
        ["Weighted kappa", summary.kappa === null ? "—" : summary.kappa.toFixed(2)],
      ].map(([term, value]) => (
        <div key={term} className="rounded-md border px-2 py-1.5">
          <dt className="text-[11px] text-muted-foreground">{term}</dt>
          <dd className="font-mono text-sm font-semibold tabular-nums" data-testid="agreement-figure">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Each scorer's level per criterion, then the competencies, the session score and the recommendation. */
function AgreementTable({
  cards,
  rows,
  numberOf,
  competencies,
  nameOf,
}: {
  cards: Scorecard[];
  rows: ReturnType<typeof criterionAgreement>;
  numberOf: ReadonlyMap<string, number>;
  competencies: ReturnType<typeof competencyScores>;
  nameOf: (userId: string) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs">
        <thead>
          <tr className="border-b text-muted-foreground">
            <th scope="col" className="py-1 pr-2 font-medium">
              Criterion
            </th>
            {cards.map((card) => (
              <th key={card.scorerId} scope="col" className="px-1 py-1 font-medium">
                {nameOf(card.scorerId)}
                {card.amendments.length > 0 ? (
                  <span className="block font-normal text-destructive" title="Changed after submitting, with the reasons in the card's history">
                    amended ×{card.amendments.length}
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.questionId}:${row.criterion}`}
              className={cn("border-b last:border-0", row.disagreement && "bg-destructive/10")}
              data-testid={row.disagreement ? "disagreement" : undefined}
            >
              <th scope="row" className="py-1 pr-2 font-normal">
                <span className="text-muted-foreground">Q{numberOf.get(row.questionId)} · </span>
                {row.title}
                {row.disagreement ? <span className="ml-1 font-medium text-destructive">({row.spread} levels apart)</span> : null}
              </th>
              {row.ratings.map((entry) => (
                <td key={entry.scorerId} className={cn("px-1 py-1 tabular-nums", !isLevel(entry.rating) && "text-muted-foreground")}>
                  {entry.rating === null ? "—" : ratingLabel(entry.rating)}
                </td>
              ))}
            </tr>
          ))}
          <TotalsRows cards={cards} competencies={competencies} />
        </tbody>
      </table>
    </div>
  );
}

/** Below the criteria: each competency, the session score and each scorer's recommendation. */
function TotalsRows({ cards, competencies }: { cards: Scorecard[]; competencies: ReturnType<typeof competencyScores> }) {
  return (
    <>
      {competencies.competencies.map((competency) => (
        <tr key={competency.key} className="border-b bg-muted/40">
          <th scope="row" className="py-1 pr-2 font-medium">
            {competency.title} <span className="font-normal text-muted-foreground">(competency, mean {score(competency.mean)})</span>
          </th>
          {competency.byScorer.map((entry) => (
            <td key={entry.scorerId} className="px-1 py-1 font-mono tabular-nums">
              {score(entry.score)}
            </td>
          ))}
        </tr>
      ))}
      <tr className="border-b">
        <th scope="row" className="py-1 pr-2 font-medium">
          Session score <span className="font-normal text-muted-foreground">(mean {score(competencies.overall.mean)})</span>
        </th>
        {competencies.overall.byScorer.map((entry) => (
          <td key={entry.scorerId} className="px-1 py-1 font-mono font-semibold tabular-nums">
            {score(entry.score)}
          </td>
        ))}
      </tr>
      <tr>
        <th scope="row" className="py-1 pr-2 font-medium">
          Recommendation
        </th>
        {cards.map((card) => (
          <td key={card.scorerId} className="px-1 py-1">
            {card.summary.recommendation ? RECOMMENDATION_LABELS[card.summary.recommendation] : "—"}
          </td>
        ))}
      </tr>
    </>
  );
}
