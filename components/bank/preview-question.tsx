"use client";

import { ChevronRight, Code2, ListChecks, MessageSquareReply, Pencil } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CompetencyBadge } from "@/components/bank/competency-badge";
import { QuestionEditor } from "@/components/bank/question-editor";
import { editedFrom, withCorrection } from "@/components/bank/question-draft";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPCClient } from "@/components/providers/trpc";
import { CodeSpecView } from "@/components/bank/code-spec-view";
import { SourcedPart } from "@/components/bank/part-source";
import type { BankQuestion } from "@/server/bank/bank-format";
import type { PartSource, SourcePassage } from "@/server/domain/bank/part-sources";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";
import type { QuestionCorrection } from "@/server/api/routers/bank/update-question.schema";
import { InlineTitle } from "@/components/ui/inline-title";

interface PreviewQuestionProps {
  index: number;
  question: BankQuestion;
  /** The previewed document: its competencies name each criterion's, and new criteria are proposed against them and its title. */
  document: { title: string; competencies: CompetencySet };
  correction: QuestionCorrection | undefined;
  /** The document's lines around its parts' sources (the preview's report). */
  passages: readonly SourcePassage[];
  onCorrect: (correction: QuestionCorrection) => void;
  disabled: boolean;
}

/**
 * Corrections as the server makes them: what the person corrected, and what was derived from it following
 * (a rubric made from the answer, key points made from the rubric), so the review shows what will be stored.
 */
function useCorrectionPreview(document: PreviewQuestionProps["document"], onCorrect: PreviewQuestionProps["onCorrect"], onDone: () => void) {
  const client = useTRPCClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function correct(shown: BankQuestion, correction: QuestionCorrection) {
    setSaving(true);
    setError(null);
    try {
      onCorrect(editedFrom(await client.bank.previewCorrection.mutate({ document, question: shown, correction })));
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }
  return { saving, error, correct, clearError: () => setError(null) };
}

/** One recognised question in the import preview: collapsed to its prompt, open for its parts, editable. */
export function PreviewQuestion({ index, question, document, correction, passages, onCorrect, disabled }: PreviewQuestionProps) {
  const [editing, setEditing] = useState(false);
  const preview = useCorrectionPreview(document, onCorrect, () => setEditing(false));
  const shown = withCorrection(question, correction);

  if (editing) {
    return (
      <li className="bg-muted/30 px-4 py-5 sm:px-5">
        <QuestionEditor
          initial={editedFrom(shown)}
          competencies={document.competencies}
          saveLabel="Keep these changes"
          saving={preview.saving}
          error={preview.error}
          onCancel={() => {
            preview.clearError();
            setEditing(false);
          }}
          onSave={(value) => void preview.correct(shown, value)}
        />
      </li>
    );
  }

  return (
    <li data-testid="preview-question">
      <details className="group/q">
        <summary className="flex cursor-pointer list-none items-start gap-3 px-4 py-3 outline-none hover:bg-accent/40 focus-visible:bg-accent/60 sm:px-5 [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform group-open/q:rotate-90" />
          <span className="w-6 shrink-0 pt-px text-xs text-muted-foreground tabular-nums">{index + 1}.</span>
          <span className="min-w-0 flex-1 text-sm leading-6">
            <InlineTitle text={shown.prompt} />
          </span>
          <span className="hidden shrink-0 items-center gap-3 pt-0.5 text-xs text-muted-foreground sm:flex">
            {correction ? <Badge variant="accent">Edited</Badge> : null}
            <span className="inline-flex items-center gap-1" title="Rubric criteria">
              <ListChecks aria-hidden className="size-3.5" />
              {shown.rubric.length}
            </span>
            <span className="inline-flex items-center gap-1" title="Follow-ups">
              <MessageSquareReply aria-hidden className="size-3.5" />
              {shown.followUps.length}
            </span>
            {shown.code ? (
              <span className="inline-flex items-center gap-1" title="Coding question: test cases">
                <Code2 aria-hidden className="size-3.5" />
                {shown.code.tests.length}
              </span>
            ) : null}
          </span>
        </summary>
        <PreviewDetails shown={shown} competencies={document.competencies} passages={passages} onEdit={() => setEditing(true)} disabled={disabled} />
      </details>
    </li>
  );
}

type Shown = PreviewQuestionProps["question"];

/** An opened question of the preview: every part it will be imported with, and the button that corrects it. */
function PreviewDetails({
  shown,
  competencies,
  passages,
  onEdit,
  disabled,
}: {
  shown: Shown;
  competencies: CompetencySet;
  passages: readonly SourcePassage[];
  onEdit: () => void;
  disabled: boolean;
}) {
  const sources = shown.partSources;
  return (
    <div className="grid gap-4 pt-1 pr-4 pb-4 pl-[4.25rem] sm:pr-5">
      {shown.section.length > 0 ? <p className="text-xs text-muted-foreground">{shown.section.join(" › ")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <PreviewRubric rubric={shown.rubric} competencies={competencies} sources={sources?.rubric} passages={passages} />
        <PreviewFollowUps followUps={shown.followUps} sources={sources?.followUps} passages={passages} />
        <PreviewPoints
          title="Key points"
          part="key point"
          points={shown.keyPoints}
          sources={sources?.keyPoints}
          passages={passages}
          none="None: the room has no checklist for it."
        />
        <PreviewPoints title="Red flags" part="red flag" points={shown.redFlags} sources={sources?.redFlags} passages={passages} none="None." />
      </div>
      {shown.code ? (
        <div className="grid gap-2">
          <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Code</p>
          <CodeSpecView code={shown.code} />
        </div>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {shown.answer ? "Has a reference answer" : "No reference answer"}
        {shown.context ? " · read out with a statement" : ""}
        {shown.meta.difficulty ? ` · ${shown.meta.difficulty}` : ""}
        {shown.meta.tags.length > 0 ? ` · tags: ${shown.meta.tags.join(", ")}` : ""} · line {shown.source.line}
      </p>
      {shown.exampleScore ? (
        <SourcedPart source={sources?.exampleScore ?? undefined} passages={passages} part="example score" className="text-xs text-muted-foreground">
          Example score {shown.exampleScore.score}/{shown.exampleScore.outOf}
          {shown.exampleScore.reasons.length > 0 ? `: ${shown.exampleScore.reasons.join("; ")}` : ""}
        </SourcedPart>
      ) : null}
      <div>
        <Button variant="outline" size="sm" onClick={onEdit} disabled={disabled}>
          <Pencil aria-hidden />
          Correct this question
        </Button>
      </div>
    </div>
  );
}

type Sourced = { passages: readonly SourcePassage[] };

function PreviewRubric({
  rubric,
  competencies,
  sources,
  passages,
}: Sourced & { rubric: Shown["rubric"]; competencies: CompetencySet; sources: { criterion: PartSource; lookFor: PartSource[] }[] | undefined }) {
  return (
    <div className="grid content-start gap-2">
      <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Rubric</p>
      <ol className="grid gap-2" aria-label="Rubric">
        {rubric.map((criterion, i) => (
          <li key={i} className="border-l-2 border-primary/40 pl-3 text-[13px] leading-5">
            <SourcedPart source={sources?.[i]?.criterion} passages={passages} part="criterion">
              <span className="font-medium">{criterion.title}</span> <CompetencyBadge competencies={competencies} competency={criterion.competency} />
            </SourcedPart>
            {criterion.lookFor.length > 0 ? (
              <ul className="mt-1 grid gap-0.5 text-muted-foreground">
                {criterion.lookFor.map((item, j) => (
                  <li key={j}>
                    <SourcedPart source={sources?.[i]?.lookFor[j]} passages={passages} part="look-for">
                      · {item}
                    </SourcedPart>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function PreviewPoints({
  title,
  part,
  points,
  sources,
  passages,
  none,
}: Sourced & { title: string; part: string; points: string[]; sources: PartSource[] | undefined; none: string }) {
  return (
    <div className="grid content-start gap-2">
      <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</p>
      {points.length === 0 ? (
        <p className="text-[13px] text-muted-foreground">{none}</p>
      ) : (
        <ul className="grid gap-1 text-[13px] leading-5" aria-label={title}>
          {points.map((point, i) => (
            <li key={i}>
              <SourcedPart source={sources?.[i]} passages={passages} part={part}>
                · {point}
              </SourcedPart>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewFollowUps({ followUps, sources, passages }: Sourced & { followUps: Shown["followUps"]; sources: PartSource[] | undefined }) {
  return (
    <div className="grid content-start gap-2">
      <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Follow-ups</p>
      {followUps.length === 0 ? (
        <p className="text-[13px] text-muted-foreground">None recognised.</p>
      ) : (
        <ol className="grid list-decimal gap-1.5 pl-4 text-[13px] leading-5 marker:text-muted-foreground">
          {followUps.map((followUp, i) => (
            <li key={i}>
              <SourcedPart source={sources?.[i]} passages={passages} part="follow-up">
                <InlineTitle text={followUp.prompt} />
                {followUp.answer ? <span className="text-muted-foreground"> (with answer)</span> : null}
              </SourcedPart>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
