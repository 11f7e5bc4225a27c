"use client";

import { ChevronRight, Code2, ListChecks, MessageSquareReply, Pencil } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CompetencyBadge } from "@/components/bank/competency-badge";
import { QuestionEditor } from "@/components/bank/question-editor";
import { CodeSpecView } from "@/components/bank/code-spec-view";
import type { BankQuestion } from "@/server/bank/bank-format";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";
import type { QuestionCorrection } from "@/server/api/routers/bank/update-question.schema";
import { InlineTitle } from "@/components/ui/inline-title";

interface PreviewQuestionProps {
  index: number;
  question: BankQuestion;
  /** The document's competencies, to name each criterion's and to correct it. */
  competencies: CompetencySet;
  correction: QuestionCorrection | undefined;
  onCorrect: (correction: QuestionCorrection) => void;
  disabled: boolean;
}

/** One recognised question in the import preview: collapsed to its prompt, open for follow-ups and rubric, editable. */
export function PreviewQuestion({ index, question, competencies, correction, onCorrect, disabled }: PreviewQuestionProps) {
  const [editing, setEditing] = useState(false);
  const shown = { ...question, ...correction };

  if (editing) {
    return (
      <li className="bg-muted/30 px-4 py-5 sm:px-5">
        <QuestionEditor
          initial={{ prompt: shown.prompt, followUps: shown.followUps, rubric: shown.rubric, code: shown.code ?? null }}
          competencies={competencies}
          saveLabel="Keep these changes"
          onCancel={() => setEditing(false)}
          onSave={(value) => {
            onCorrect(value);
            setEditing(false);
          }}
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
        <div className="grid gap-4 pt-1 pr-4 pb-4 pl-[4.25rem] sm:pr-5">
          {shown.section.length > 0 ? <p className="text-xs text-muted-foreground">{shown.section.join(" › ")}</p> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <PreviewRubric rubric={shown.rubric} competencies={competencies} />
            <PreviewFollowUps followUps={shown.followUps} />
          </div>
          {shown.code ? (
            <div className="grid gap-2">
              <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Code</p>
              <CodeSpecView code={shown.code} />
            </div>
          ) : null}
          <p className="text-xs text-muted-foreground">
            {question.answer ? "Has a reference answer" : "No reference answer"} · {question.keyPoints.length} key points · {question.redFlags.length} red flags
            {question.exampleScore ? ` · example score ${question.exampleScore.score}/${question.exampleScore.outOf}` : ""} · line {question.source.line}
          </p>
          <div>
            <Button variant="outline" size="sm" onClick={() => setEditing(true)} disabled={disabled}>
              <Pencil aria-hidden />
              Correct this question
            </Button>
          </div>
        </div>
      </details>
    </li>
  );
}

type Shown = PreviewQuestionProps["question"];

function PreviewRubric({ rubric, competencies }: { rubric: Shown["rubric"]; competencies: PreviewQuestionProps["competencies"] }) {
  return (
    <div className="grid content-start gap-2">
      <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Rubric</p>
      <ol className="grid gap-2">
        {rubric.map((criterion, i) => (
          <li key={i} className="border-l-2 border-primary/40 pl-3 text-[13px] leading-5">
            <span className="font-medium">{criterion.title}</span> <CompetencyBadge competencies={competencies} competency={criterion.competency} />
            {criterion.lookFor.length > 0 ? (
              <ul className="mt-1 grid gap-0.5 text-muted-foreground">
                {criterion.lookFor.map((item, j) => (
                  <li key={j}>· {item}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function PreviewFollowUps({ followUps }: { followUps: Shown["followUps"] }) {
  return (
    <div className="grid content-start gap-2">
      <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Follow-ups</p>
      {followUps.length === 0 ? (
        <p className="text-[13px] text-muted-foreground">None recognised.</p>
      ) : (
        <ol className="grid list-decimal gap-1.5 pl-4 text-[13px] leading-5 marker:text-muted-foreground">
          {followUps.map((followUp, i) => (
            <li key={i}>
              <InlineTitle text={followUp.prompt} />
              {followUp.answer ? <span className="text-muted-foreground"> (with answer)</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
