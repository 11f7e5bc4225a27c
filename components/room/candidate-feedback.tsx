"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Markdown } from "@/components/ui/markdown";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";
import type { CandidateFeedbackView, ClientCommand } from "@/server/domain/room";
import { LEVEL_NAMES, LEVELS, ratingLabel, type Level } from "@/server/domain/scoring/scale";
import { FormError } from "@/components/ui/form-error";
import { InlineTitle } from "@/components/ui/inline-title";

/**
 * What the interviewer released: their feedback and, when they chose, their scores. Before the scores, the
 * candidate may rate themselves on the same criteria; the server sends the scores only after that.
 */
export function CandidateFeedback({
  feedback,
  send,
}: {
  feedback: CandidateFeedbackView;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
}) {
  return (
    <section
      aria-labelledby="feedback-heading"
      className="mt-6 grid gap-5 rounded-xl border bg-card p-6 text-left shadow-xs sm:p-8"
      data-testid="candidate-feedback"
    >
      <h2 id="feedback-heading" className="text-lg font-semibold tracking-tight">
        Feedback from your interviewer
      </h2>
      <Markdown className="text-sm">{feedback.text}</Markdown>
      {feedback.criteria && !feedback.selfAssessment ? <SelfAssessmentForm criteria={feedback.criteria} send={send} /> : null}
      {feedback.scores ? <ReleasedScoresTable feedback={feedback} /> : null}
    </section>
  );
}

function SelfAssessmentForm({
  criteria,
  send,
}: {
  criteria: NonNullable<CandidateFeedbackView["criteria"]>;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
}) {
  const [levels, setLevels] = useState<ReadonlyMap<string, Level>>(new Map());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = (questionId: string, criterion: number) => `${questionId}#${criterion}`;

  async function finish(withRatings: boolean) {
    setPending(true);
    setError(null);
    const ratings = withRatings
      ? criteria.flatMap((question) =>
          question.criteria.flatMap(({ criterion }) => {
            const level = levels.get(key(question.questionId, criterion));
            return level ? [{ questionId: question.questionId, criterion, level }] : [];
          }),
        )
      : [];
    const result = await send({ type: "finishSelfAssessment", ratings });
    setPending(false);
    if (!result.ok) setError(result.message);
  }

  return (
    <form
      className="grid gap-4 rounded-lg border bg-muted/30 p-4"
      data-testid="self-assessment"
      onSubmit={(event) => {
        event.preventDefault();
        void finish(true);
      }}
    >
      <div>
        <h3 className="text-sm font-semibold">Your scores are ready. First, how do you think you did?</h3>
        <p className="text-xs text-muted-foreground">
          Rate yourself on the criteria your interviewer used. Your ratings are shown beside theirs; you can also skip this.
        </p>
      </div>
      {criteria.map((question) => (
        <div key={question.questionId} className="grid gap-2">
          <p className="text-[13px] font-medium">
            <InlineTitle text={question.prompt} />
          </p>
          {question.criteria.map(({ criterion, title }) => (
            <CriterionLevels
              key={criterion}
              name={key(question.questionId, criterion)}
              title={title}
              selected={levels.get(key(question.questionId, criterion))}
              onSelect={(level) => setLevels((current) => new Map(current).set(key(question.questionId, criterion), level))}
            />
          ))}
        </div>
      ))}
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={pending} disabled={levels.size === 0}>
          Save my ratings and see my scores
        </Button>
        <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={() => void finish(false)}>
          Skip and see my scores
        </Button>
      </div>
    </form>
  );
}

/** One criterion's levels as radio buttons drawn as pills. */
function CriterionLevels({ name, title, selected, onSelect }: { name: string; title: string; selected: Level | undefined; onSelect: (level: Level) => void }) {
  return (
    <fieldset className="grid gap-1">
      <legend className="text-xs text-muted-foreground">{title}</legend>
      <div className="flex flex-wrap gap-1.5">
        {LEVELS.map((level) => {
          const checked = selected === level;
          return (
            <label
              key={level}
              className={cn(
                "flex cursor-pointer items-center gap-1 rounded-full border px-2.5 py-1 text-xs has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                checked ? "border-primary bg-primary-soft text-primary-soft-foreground" : "hover:bg-accent/60",
              )}
            >
              <input type="radio" className="sr-only" name={name} checked={checked} onChange={() => onSelect(level)} />
              {level} {LEVEL_NAMES[level]}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function ReleasedScoresTable({ feedback }: { feedback: CandidateFeedbackView }) {
  const scores = feedback.scores;
  if (!scores) return null;
  const mine = new Map(feedback.selfAssessment?.ratings.map((rating) => [`${rating.questionId}#${rating.criterion}`, rating.level]));
  const hasSelf = mine.size > 0;
  return (
    <div className="grid gap-4" data-testid="released-scores">
      {scores.questions.map((question) => (
        <div key={question.questionId}>
          <p className="text-[13px] font-medium">
            <InlineTitle text={question.prompt} />
            {question.overall !== null ? <span className="ml-2 font-mono text-muted-foreground tabular-nums">{question.overall} / 10</span> : null}
          </p>
          <table className="mt-1 w-full text-left text-xs">
            <thead>
              <tr className="border-b text-muted-foreground">
                <th scope="col" className="py-1 font-medium">
                  Criterion
                </th>
                <th scope="col" className="py-1 font-medium">
                  Interviewer
                </th>
                {hasSelf ? (
                  <th scope="col" className="py-1 font-medium">
                    You
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {question.criteria.map((criterion) => {
                const self = mine.get(`${question.questionId}#${criterion.criterion}`);
                return (
                  <tr key={criterion.criterion} className="border-b last:border-0">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      {criterion.title}
                    </th>
                    <td className="py-1">{criterion.rating === null ? "—" : ratingLabel(criterion.rating)}</td>
                    {hasSelf ? <td className="py-1">{self ? ratingLabel(self) : "—"}</td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      {scores.competencies.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          By competency (1–4):{" "}
          {scores.competencies.map((competency) => `${competency.title} ${competency.score === null ? "—" : competency.score.toFixed(1)}`).join(" · ")}
        </p>
      ) : null}
    </div>
  );
}
