"use client";

import { AlertTriangle, Flag, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { offsetInInterview } from "@/components/room/format-time";
import { usePendingChoice } from "@/components/hooks/use-pending-choice";
import { SourcedPart } from "@/components/bank/part-source";
import { AutosaveText } from "@/components/room/scorecard/autosave-text";
import { LevelChoice } from "@/components/room/scorecard/level-choice";
import type { ScorecardCommand } from "@/components/room/scorecard/use-scorecard";
import type { PartSource, SourcePassage } from "@/server/domain/bank/part-sources";
import { COMMENT_MAX_LENGTH, RED_FLAG_MAX_LENGTH } from "@/server/domain/room/commands";
import type { NoteView, StaffQuestionView } from "@/server/domain/room";
import { levelDescriptions, OVERALL_MAX, suggestedLevel, wantsEvidence } from "@/server/domain/scoring/scale";
import { questionScoreOf, type CriterionRating, type Scorecard } from "@/server/domain/scoring/scorecard";

interface QuestionScorecardProps {
  question: StaffQuestionView;
  number: number;
  card: Scorecard | null;
  /** The scorer's own notes, to cite as evidence. */
  notes: NoteView[];
  sessionStartedAt: string | null;
  disabled: boolean;
  send: (command: ScorecardCommand) => Promise<boolean>;
}

/** The scorer's card for one question: each criterion on the anchored scale, red flags, and the overall score. */
export function QuestionScorecard({ question, number, card, notes, sessionStartedAt, disabled, send }: QuestionScorecardProps) {
  const section = questionScoreOf(card ?? undefined, question.id);
  const suggestion = suggestedLevel(question.keyPoints);
  const passages = question.provenance?.passages ?? [];
  return (
    <div className="grid gap-5" data-testid="question-scorecard">
      {question.rubric.length === 0 ? <p className="text-sm text-muted-foreground">This question has no rubric criteria; give it an overall score.</p> : null}
      {question.rubric.map((criterion, index) => {
        const rating = section.ratings.find((entry) => entry.criterion === index);
        return (
          <CriterionCard
            key={`${question.id}:${index}`}
            questionId={question.id}
            index={index}
            title={criterion.title}
            lookFor={criterion.lookFor}
            sources={question.provenance?.sources.rubric[index]}
            passages={passages}
            descriptions={levelDescriptions(criterion, { keyPoints: question.keyPoints.map((point) => point.text), exampleScore: question.exampleScore })}
            suggestion={suggestion}
            rating={rating}
            notes={notes}
            sessionStartedAt={sessionStartedAt}
            disabled={disabled}
            send={send}
          />
        );
      })}
      <RedFlagChecklist question={question} redFlags={section.redFlags} custom={section.customRedFlags} disabled={disabled} send={send} />
      <OverallScore question={question} number={number} overall={section.overall} comment={section.comment} disabled={disabled} send={send} />
    </div>
  );
}

function CriterionCard({
  questionId,
  index,
  title,
  lookFor,
  sources,
  passages,
  descriptions,
  suggestion,
  rating,
  notes,
  sessionStartedAt,
  disabled,
  send,
}: {
  questionId: string;
  index: number;
  title: string;
  lookFor: string[];
  /** Where the criterion and its look-fors come from in the document, when the plan kept it. */
  sources: { criterion: PartSource; lookFor: PartSource[] } | undefined;
  passages: readonly SourcePassage[];
  descriptions: ReturnType<typeof levelDescriptions>;
  suggestion: ReturnType<typeof suggestedLevel>;
  rating: CriterionRating | undefined;
  notes: NoteView[];
  sessionStartedAt: string | null;
  disabled: boolean;
  send: QuestionScorecardProps["send"];
}) {
  const cited = new Set(rating?.evidence.map((evidence) => evidence.noteId));
  // Only the field that changed: the server keeps the others as they are.
  const save = (change: { rating?: CriterionRating["rating"]; comment?: string; evidence?: string[] }) =>
    send({ type: "rateCriterion", questionId, criterion: index, ...change });
  const headingId = `criterion-${questionId}-${index}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border p-3" data-testid="criterion">
      <SourcedPart source={sources?.criterion} passages={passages} part="criterion">
        <h3 id={headingId} className="text-sm font-semibold">
          {title}
        </h3>
      </SourcedPart>
      {suggestion ? <p className="mt-0.5 text-xs text-muted-foreground">Key points: {suggestion.reason}.</p> : null}
      <div className="mt-2">
        <LevelChoice
          name={headingId}
          legend={`Rating for ${title}`}
          value={rating?.rating ?? null}
          descriptions={descriptions}
          suggested={suggestion?.level ?? null}
          disabled={disabled}
          onChange={(next) => save({ rating: next })}
        />
      </div>
      {wantsEvidence(rating?.rating ?? null, cited.size) ? (
        <p role="status" className="mt-2 flex items-center gap-1.5 text-xs text-amber-700 dark:text-amber-300" data-testid="evidence-warning">
          <AlertTriangle aria-hidden className="size-3.5 shrink-0" />A rating of {rating?.rating} is strongest with a note that shows why: cite one below.
        </p>
      ) : null}
      {notes.length > 0 ? (
        <EvidencePicker notes={notes} cited={cited} sessionStartedAt={sessionStartedAt} disabled={disabled} onChange={(evidence) => void save({ evidence })} />
      ) : null}
      <LookFors lookFor={lookFor} sources={sources?.lookFor} passages={passages} />
      <AutosaveText
        className="mt-2"
        label="Comment"
        value={rating?.comment ?? ""}
        maxLength={COMMENT_MAX_LENGTH}
        disabled={disabled}
        onSave={(comment) => save({ comment })}
      />
    </section>
  );
}

/** What the criterion's rater listens for, each opening its lines in the document. */
function LookFors({ lookFor, sources, passages }: { lookFor: string[]; sources: PartSource[] | undefined; passages: readonly SourcePassage[] }) {
  if (lookFor.length === 0) return null;
  return (
    <details className="mt-2 text-xs text-muted-foreground">
      <summary className="cursor-pointer">Look for</summary>
      <ul className="mt-1 list-disc pl-5">
        {lookFor.map((item, i) => (
          <li key={i}>
            <SourcedPart source={sources?.[i]} passages={passages} part="look-for">
              {item}
            </SourcedPart>
          </li>
        ))}
      </ul>
    </details>
  );
}

function RedFlagChecklist({
  question,
  redFlags,
  custom,
  disabled,
  send,
}: {
  question: StaffQuestionView;
  redFlags: number[];
  custom: string[];
  disabled: boolean;
  send: QuestionScorecardProps["send"];
}) {
  // Quick toggles build on each other, not on a view the room has not confirmed yet.
  const { shown, choose } = usePendingChoice({ redFlags, custom }, (flags) =>
    send({ type: "setRedFlags", questionId: question.id, redFlags: flags.redFlags, customRedFlags: flags.custom }),
  );
  const current = shown ?? { redFlags, custom };
  const save = (next: { redFlags?: number[]; custom?: string[] }) =>
    choose({ redFlags: next.redFlags ?? current.redFlags, custom: next.custom ?? current.custom });
  const headingId = `red-flags-${question.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-destructive/20 p-3">
      <h3 id={headingId} className="flex items-center gap-1.5 text-sm font-semibold">
        <Flag aria-hidden className="size-3.5 text-destructive" />
        Red flags seen
      </h3>
      <fieldset disabled={disabled} className="mt-2 grid gap-1">
        <legend className="sr-only">Red flags seen in the answer</legend>
        {question.redFlags.map((flag, index) => (
          <SourcedPart key={index} source={question.provenance?.sources.redFlags[index]} passages={question.provenance?.passages ?? []} part="red flag">
            <label className="flex cursor-pointer items-start gap-2 text-[13px]">
              <input
                type="checkbox"
                className="mt-1 accent-primary"
                checked={current.redFlags.includes(index)}
                onChange={(event) =>
                  void save({ redFlags: event.target.checked ? [...current.redFlags, index] : current.redFlags.filter((known) => known !== index) })
                }
              />
              <span>{flag}</span>
            </label>
          </SourcedPart>
        ))}
        {current.custom.map((flag) => (
          <span key={flag} className="flex items-start gap-2 text-[13px]">
            <span className="min-w-0 flex-1">{flag}</span>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove red flag: ${flag}`}
              onClick={() => void save({ custom: current.custom.filter((known) => known !== flag) })}
            >
              <X aria-hidden />
            </Button>
          </span>
        ))}
        <AddRedFlagForm onAdd={(text) => save({ custom: [...current.custom, text] })} />
      </fieldset>
    </section>
  );
}

/** The notes this viewer wrote, to cite as evidence for a rating. */
function EvidencePicker({
  notes,
  cited,
  sessionStartedAt,
  disabled,
  onChange,
}: {
  notes: NoteView[];
  cited: ReadonlySet<string>;
  sessionStartedAt: string | null;
  disabled: boolean;
  onChange: (evidence: string[]) => void;
}) {
  return (
    <fieldset className="mt-2" disabled={disabled}>
      <legend className="text-xs font-medium text-muted-foreground">Evidence from your notes (shown with your card to scorers who have submitted)</legend>
      <ul className="mt-1 grid gap-0.5">
        {notes.map((note) => (
          <li key={note.id}>
            <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-xs hover:bg-accent/60">
              <input
                type="checkbox"
                className="mt-0.5 accent-primary"
                checked={cited.has(note.id)}
                onChange={(event) => {
                  const next = new Set(cited);
                  if (event.target.checked) next.add(note.id);
                  else next.delete(note.id);
                  onChange([...next]);
                }}
              />
              <span className="min-w-0">
                <span className="font-mono text-muted-foreground tabular-nums">{offsetInInterview(note.createdAt, sessionStartedAt) ?? "Lobby"}</span>{" "}
                <span className="line-clamp-2 [overflow-wrap:anywhere]">{note.body}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A red flag of the interviewer's own words; the box empties once the room has it. */
function AddRedFlagForm({ onAdd }: { onAdd: (text: string) => Promise<boolean> }) {
  const [draft, setDraft] = useState("");
  return (
    <form
      className="mt-1 flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const text = draft.trim();
        if (!text) return;
        void onAdd(text).then((ok) => ok && setDraft(""));
      }}
    >
      <input
        aria-label="Another red flag"
        placeholder="Another red flag…"
        maxLength={RED_FLAG_MAX_LENGTH}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        className="h-8 min-w-0 flex-1 rounded-md border border-input bg-card px-2 text-[13px] outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
      />
      <Button type="submit" variant="outline" size="sm">
        Add
      </Button>
    </form>
  );
}

function OverallScore({
  question,
  number,
  overall,
  comment,
  disabled,
  send,
}: {
  question: StaffQuestionView;
  number: number;
  overall: number | null;
  comment: string;
  disabled: boolean;
  send: QuestionScorecardProps["send"];
}) {
  const example = question.exampleScore;
  return (
    <section aria-labelledby={`overall-${question.id}`} className="rounded-lg border p-3">
      <h3 id={`overall-${question.id}`} className="text-sm font-semibold">
        Overall for question {number}
      </h3>
      <label className="mt-2 flex items-center gap-2 text-[13px]">
        <span>Score out of {OVERALL_MAX}</span>
        <select
          className="h-8 rounded-md border border-input bg-card px-2 text-sm"
          value={overall ?? ""}
          disabled={disabled}
          onChange={(event) =>
            void send({ type: "setQuestionOverall", questionId: question.id, overall: event.target.value === "" ? null : Number(event.target.value) })
          }
        >
          <option value="">Not scored</option>
          {Array.from({ length: OVERALL_MAX + 1 }, (_, value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      {example ? (
        <div className="mt-2 rounded-md bg-muted/60 px-3 py-2 text-xs text-muted-foreground" data-testid="example-score">
          <SourcedPart source={question.provenance?.sources.exampleScore ?? undefined} passages={question.provenance?.passages ?? []} part="example score">
            <p className="font-medium text-foreground">
              The document&rsquo;s example: {example.score} / {example.outOf}
            </p>
          </SourcedPart>
          <ul className="mt-1 list-disc pl-4">
            {example.reasons.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <AutosaveText
        className="mt-2"
        label="Why"
        value={comment}
        maxLength={COMMENT_MAX_LENGTH}
        disabled={disabled}
        onSave={(text) => send({ type: "setQuestionOverall", questionId: question.id, comment: text })}
      />
    </section>
  );
}
