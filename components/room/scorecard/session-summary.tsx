"use client";

import { CheckCircle2, Lock } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { usePendingChoice } from "@/components/hooks/use-pending-choice";
import { wallClock } from "@/components/room/format-time";
import { AutosaveText } from "@/components/room/scorecard/autosave-text";
import type { useScorecard } from "@/components/room/scorecard/use-scorecard";
import { AMENDMENT_REASON_MAX_LENGTH, SUMMARY_MAX_LENGTH } from "@/server/domain/room/commands";
import { canManageFeedback, type ClientCommand, type StaffView } from "@/server/domain/room";
import { COMPETENCY_FORMULA, competencyScores, DEFAULT_WEIGHT, WEIGHT_MAX } from "@/server/domain/scoring/competencies";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type Recommendation } from "@/server/domain/scoring/scale";
import { EMPTY_SUMMARY, unratedCriteria } from "@/server/domain/scoring/scorecard";

const score = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/** The session part of the viewer's card: competencies, recommendation and summary, then submission. */
export function SessionSummary({
  view,
  scorecard,
  run,
}: {
  view: StaffView;
  scorecard: ReturnType<typeof useScorecard>;
  run: (command: ClientCommand) => Promise<boolean>;
}) {
  const card = view.scoring.mine;
  const summary = card?.summary ?? EMPTY_SUMMARY;
  const asked = view.questions.filter((question) => question.asked);
  const unrated = unratedCriteria(card ?? undefined, asked).length;
  const competencies = competencyScores(card ? [card] : [], asked, view.scoring.weights);
  const disabled = scorecard.locked;
  // Only the field that changed: the server keeps the others as they are.
  const saveSummary = (change: Partial<typeof summary>) => scorecard.send({ type: "setSummary", ...change });

  return (
    <div className="grid gap-5" data-testid="session-summary">
      <CompetencyTable view={view} competencies={competencies} run={run} />

      <RecommendationChoice value={summary.recommendation} disabled={disabled} onChange={(recommendation) => saveSummary({ recommendation })} />
      <AutosaveText
        label="Key takeaways"
        value={summary.takeaways}
        maxLength={SUMMARY_MAX_LENGTH}
        disabled={disabled}
        rows={3}
        onSave={(takeaways) => saveSummary({ takeaways })}
      />
      <AutosaveText
        label="Strengths"
        value={summary.strengths}
        maxLength={SUMMARY_MAX_LENGTH}
        disabled={disabled}
        onSave={(strengths) => saveSummary({ strengths })}
      />
      <AutosaveText
        label="Areas to improve"
        value={summary.improvements}
        maxLength={SUMMARY_MAX_LENGTH}
        disabled={disabled}
        onSave={(improvements) => saveSummary({ improvements })}
      />
      <Submission view={view} unrated={unrated} scorecard={scorecard} run={run} />
    </div>
  );
}

/** The viewer's score per competency, with the weights the lead interviewer may change. */
function CompetencyTable({
  view,
  competencies,
  run,
}: {
  view: StaffView;
  competencies: ReturnType<typeof competencyScores>;
  run: (command: ClientCommand) => Promise<boolean>;
}) {
  return (
    <section aria-labelledby="competencies-heading">
      <h3 id="competencies-heading" className="text-sm font-semibold">
        Your scores by competency
      </h3>
      <table className="mt-2 w-full text-left text-xs">
        <thead>
          <tr className="border-b text-muted-foreground">
            <th scope="col" className="py-1 font-medium">
              Competency
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Weight
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Score (1–4)
            </th>
          </tr>
        </thead>
        <tbody>
          {competencies.competencies.map((competency) => (
            <tr key={competency.key} className="border-b">
              <th scope="row" className="py-1 pr-2 font-normal">
                {competency.title}
                {competency.criteria > 1 ? <span className="text-muted-foreground"> · {competency.criteria} criteria</span> : null}
              </th>
              <td className="py-1 text-right">
                {canManageFeedback(view.role) ? (
                  <WeightInput key={competency.weight} competency={competency} weights={view.scoring.weights} run={run} />
                ) : (
                  <span className="tabular-nums">{competency.weight}</span>
                )}
              </td>
              <td className="py-1 text-right font-mono tabular-nums">{score(competency.byScorer[0]?.score ?? null)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-1 font-medium">
              Session score
            </th>
            <td />
            <td className="py-1 text-right font-mono font-semibold tabular-nums" data-testid="session-score">
              {score(competencies.overall.mean)}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="mt-1.5 text-xs text-muted-foreground">
        {COMPETENCY_FORMULA} Default weight: {DEFAULT_WEIGHT}.
      </p>
    </section>
  );
}

function WeightInput({
  competency,
  weights: current,
  run,
}: {
  competency: ReturnType<typeof competencyScores>["competencies"][number];
  weights: Record<string, number>;
  run: (command: ClientCommand) => Promise<boolean>;
}) {
  return (
    <input
      type="number"
      aria-label={`Weight of ${competency.title}`}
      min={0}
      max={WEIGHT_MAX}
      step={1}
      defaultValue={competency.weight}
      className="h-7 w-14 rounded border border-input bg-card px-1 text-right"
      onBlur={(event) => {
        const weight = Number(event.target.value);
        // An emptied field is not a weight of 0: it puts the weight back.
        if (event.target.value.trim() === "" || !Number.isFinite(weight) || weight === competency.weight) {
          event.target.value = String(competency.weight);
          return;
        }
        const weights = { ...current, [competency.key]: Math.min(WEIGHT_MAX, Math.max(0, weight)) };
        void run({
          type: "setCompetencyWeights",
          weights: Object.entries(weights).map(([key, value]) => ({ competency: key, weight: value })),
        });
      }}
    />
  );
}

function RecommendationChoice({
  value,
  disabled,
  onChange,
}: {
  value: Recommendation | null;
  disabled: boolean;
  onChange: (value: Recommendation) => Promise<unknown>;
}) {
  const { shown, choose } = usePendingChoice(value, onChange);
  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    const picked = RECOMMENDATIONS[Number(event.key) - 1];
    if (disabled || !picked || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    void choose(picked);
  }
  return (
    <fieldset disabled={disabled} onKeyDown={onKeyDown} className="grid gap-1.5">
      <legend className="text-sm font-semibold">Recommendation</legend>
      <div className="flex flex-wrap gap-1.5">
        {RECOMMENDATIONS.map((recommendation) => (
          <label
            key={recommendation}
            className={cn(
              "flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
              shown === recommendation ? "border-primary bg-primary-soft text-primary-soft-foreground" : "hover:bg-accent/60",
            )}
          >
            <input type="radio" name="recommendation" className="sr-only" checked={shown === recommendation} onChange={() => void choose(recommendation)} />
            {RECOMMENDATION_LABELS[recommendation]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Submit (once the interview has ended and every criterion is rated), then amend with a reason. */
function Submission({
  view,
  unrated,
  scorecard,
  run,
}: {
  view: StaffView;
  unrated: number;
  scorecard: ReturnType<typeof useScorecard>;
  run: (command: ClientCommand) => Promise<boolean>;
}) {
  const [submitting, setSubmitting] = useState(false);
  const card = view.scoring.mine;
  if (scorecard.submitted && card?.submittedAt) return <SubmittedCard card={card} submittedAt={card.submittedAt} scorecard={scorecard} />;
  const blocker =
    view.status !== "ended" ? "You can submit once the interview has ended." : unrated > 0 ? `${unrated} criteria still need a rating or “No evidence”.` : null;
  return (
    <section aria-labelledby="submission-heading" className="rounded-lg border p-3">
      <h3 id="submission-heading" className="text-sm font-semibold">
        Submit your scorecard
      </h3>
      <p className="mt-0.5 text-xs text-muted-foreground">
        {blocker ?? "Submitting locks your card and shows you the other scorers' submitted cards. Nobody sees yours before they submit theirs."}
      </p>
      <Button
        className="mt-2"
        size="sm"
        disabled={blocker !== null}
        loading={submitting}
        onClick={async () => {
          setSubmitting(true);
          await run({ type: "submitScorecard" });
          setSubmitting(false);
        }}
      >
        Submit scorecard
      </Button>
    </section>
  );
}

/** A submitted card: when it was submitted, amending it with a reason, and its amendments. */
function SubmittedCard({
  card,
  submittedAt,
  scorecard,
}: {
  card: NonNullable<StaffView["scoring"]["mine"]>;
  submittedAt: string;
  scorecard: ReturnType<typeof useScorecard>;
}) {
  const [reason, setReason] = useState("");
  return (
    <section aria-labelledby="submission-heading" className="rounded-lg border p-3" data-testid="submitted">
      <h3 id="submission-heading" className="flex items-center gap-1.5 text-sm font-semibold">
        <CheckCircle2 aria-hidden className="size-4 text-success-soft-foreground" />
        Submitted at {wallClock(submittedAt)}
      </h3>
      {scorecard.amendReason === null ? (
        <form
          className="mt-2 flex flex-wrap gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) scorecard.setAmendReason(reason.trim());
          }}
        >
          <input
            aria-label="Reason for amending"
            placeholder="Why change a submitted card?"
            maxLength={AMENDMENT_REASON_MAX_LENGTH}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="h-8 min-w-0 flex-1 rounded-md border border-input bg-card px-2 text-[13px]"
          />
          <Button type="submit" variant="outline" size="sm" disabled={!reason.trim()}>
            <Lock aria-hidden />
            Amend
          </Button>
        </form>
      ) : (
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <p className="text-xs text-muted-foreground">Amending: “{scorecard.amendReason}”. Each change is recorded with this reason.</p>
          <Button variant="outline" size="sm" onClick={() => scorecard.setAmendReason(null)}>
            Done amending
          </Button>
        </div>
      )}
      {card.amendments.length > 0 ? (
        <ol className="mt-2 grid gap-1 text-xs" aria-label="Amendments">
          {card.amendments.map((amendment) => (
            <li key={amendment.id}>
              <span className="font-mono text-muted-foreground tabular-nums">{wallClock(amendment.at)}</span> {amendment.change} — {amendment.reason}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
