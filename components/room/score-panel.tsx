"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ClientCommand, ExampleScore, RubricCriterion, Score } from "@/server/domain/room";

type SetScore = Extract<ClientCommand, { type: "setScore" }>;

interface ScorePanelProps {
  questionId: string;
  rubric: RubricCriterion[];
  exampleScore: ExampleScore | null;
  scores: Score[];
  viewerId: string;
  canScore: boolean;
  participantName: (userId: string) => string;
  onSave: (command: SetScore) => Promise<boolean>;
}

interface Draft {
  criteria: { score: number | null; comment: string }[];
  overall: number | null;
  comment: string;
}

const DEFAULT_OUT_OF = 5;

function draftFrom(rubric: RubricCriterion[], mine: Score | undefined): Draft {
  return {
    criteria: rubric.map((criterion) => {
      const saved = mine?.criteria.find((entry) => entry.title === criterion.title);
      return { score: saved?.score ?? null, comment: saved?.comment ?? "" };
    }),
    overall: mine?.overall ?? null,
    comment: mine?.comment ?? "",
  };
}

/**
 * The rubric with its look-fors, and the viewer's score against it. Observers see the criteria and the
 * interviewers' scores, read-only.
 */
export function ScorePanel(props: ScorePanelProps) {
  const mine = props.scores.find((score) => score.scorerId === props.viewerId);
  // Re-seeded when the saved score changes (another tab of the same interviewer saved).
  return <ScorePanelInner key={`${props.questionId}:${mine?.updatedAt ?? "new"}`} {...props} mine={mine} />;
}

function ScorePanelInner({ questionId, rubric, exampleScore, scores, canScore, participantName, onSave, mine }: ScorePanelProps & { mine: Score | undefined }) {
  const outOf = mine?.outOf ?? exampleScore?.outOf ?? DEFAULT_OUT_OF;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(rubric, mine));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const others = scores.filter((score) => score !== mine);

  function update(next: (current: Draft) => Draft) {
    setDraft(next);
    setDirty(true);
  }

  async function save() {
    setSaving(true);
    const ok = await onSave({
      type: "setScore",
      questionId,
      outOf,
      criteria: draft.criteria.map((entry, index) => ({ index, score: entry.score, comment: entry.comment })),
      overall: draft.overall,
      comment: draft.comment,
    });
    setSaving(false);
    if (ok) setDirty(false);
  }

  return (
    <section aria-labelledby="rubric-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="flex items-center justify-between gap-2 border-b px-5 py-3">
        <h2 id="rubric-heading" className="text-sm font-semibold">
          Rubric{canScore ? " and score" : ""}
        </h2>
        <span className="text-xs text-muted-foreground">Each criterion out of {outOf}</span>
      </header>
      {rubric.length === 0 ? <p className="px-5 pt-4 text-sm text-muted-foreground">The bank has no rubric for this question; score it overall.</p> : null}
      <ol className="divide-y">
        {rubric.map((criterion, index) => {
          const entry = draft.criteria[index] ?? { score: null, comment: "" };
          return (
            <li key={index} className="grid gap-2.5 px-5 py-4" data-testid="rubric-criterion">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <h3 className="text-sm font-medium">{criterion.title}</h3>
                {canScore ? (
                  <ScoreScale
                    label={`Score for ${criterion.title}`}
                    outOf={outOf}
                    value={entry.score}
                    onChange={(score) => update((current) => ({ ...current, criteria: replaceAt(current.criteria, index, { ...entry, score }) }))}
                  />
                ) : null}
              </div>
              {criterion.lookFor.length > 0 ? (
                <ul className="list-disc space-y-0.5 pl-5 text-[13px] text-muted-foreground marker:text-muted-foreground/60">
                  {criterion.lookFor.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              ) : null}
              {canScore ? (
                <input
                  aria-label={`Comment on ${criterion.title}`}
                  placeholder="Comment (optional)"
                  value={entry.comment}
                  maxLength={2000}
                  onChange={(event) =>
                    update((current) => ({ ...current, criteria: replaceAt(current.criteria, index, { ...entry, comment: event.target.value }) }))
                  }
                  className="h-8 w-full rounded-md border border-input bg-card px-2.5 text-[13px] outline-none placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      {canScore ? (
        <div className="grid gap-3 border-t bg-muted/30 px-5 py-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span className="text-sm font-medium">Overall</span>
            <ScoreScale label="Overall score" outOf={outOf} value={draft.overall} onChange={(overall) => update((current) => ({ ...current, overall }))} />
          </div>
          <textarea
            aria-label="Overall comment"
            placeholder="Overall comment (optional)"
            rows={2}
            value={draft.comment}
            maxLength={10000}
            onChange={(event) => update((current) => ({ ...current, comment: event.target.value }))}
            className="w-full resize-y rounded-md border border-input bg-card px-2.5 py-2 text-[13px] outline-none placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
          />
          <div className="flex items-center justify-end gap-3">
            <span className="text-xs text-muted-foreground" aria-live="polite">
              {dirty ? "Unsaved changes" : mine ? "Saved" : ""}
            </span>
            <Button size="sm" onClick={() => void save()} loading={saving} disabled={!dirty}>
              Save score
            </Button>
          </div>
        </div>
      ) : null}
      {others.length > 0 || (!canScore && mine) ? (
        <div className="grid gap-2 border-t px-5 py-4">
          <h3 className="text-xs font-medium text-muted-foreground">Scores given</h3>
          {(canScore ? others : scores).map((score) => (
            <p key={score.scorerId} className="text-[13px]">
              <span className="font-medium">{participantName(score.scorerId)}</span>:{" "}
              {score.overall !== null ? `${score.overall} / ${score.outOf} overall` : "no overall score yet"}
              {score.comment ? <span className="text-muted-foreground"> · {score.comment}</span> : null}
            </p>
          ))}
        </div>
      ) : null}
    </section>
  );
}

function replaceAt<T>(items: T[], index: number, value: T): T[] {
  const next = [...items];
  next[index] = value;
  return next;
}

/** Whole points as a segmented control when the scale is short; a number field when it is long. */
function ScoreScale({ label, outOf, value, onChange }: { label: string; outOf: number; value: number | null; onChange: (value: number | null) => void }) {
  if (outOf > 10 || !Number.isInteger(outOf)) {
    return (
      <input
        type="number"
        aria-label={label}
        min={0}
        max={outOf}
        step="any"
        value={value ?? ""}
        onChange={(event) => {
          const raw = event.target.value;
          const parsed = raw === "" ? null : Math.min(outOf, Math.max(0, Number(raw)));
          onChange(parsed === null || Number.isNaN(parsed) ? null : parsed);
        }}
        className="h-8 w-20 rounded-md border border-input bg-card px-2 text-sm tabular-nums outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
      />
    );
  }
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex overflow-hidden rounded-md border bg-card shadow-xs">
      {Array.from({ length: outOf + 1 }, (_, score) => {
        const selected = value === score;
        return (
          <button
            key={score}
            type="button"
            role="radio"
            aria-checked={selected}
            aria-label={`${score} of ${outOf}`}
            onClick={() => onChange(selected ? null : score)}
            className={cn(
              "h-7 min-w-7 border-l px-1.5 text-[13px] font-medium tabular-nums first:border-l-0 transition-colors",
              "outline-none focus-visible:relative focus-visible:ring-2 focus-visible:ring-ring",
              selected ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-accent hover:text-foreground",
            )}
          >
            {score}
          </button>
        );
      })}
    </div>
  );
}
