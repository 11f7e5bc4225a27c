"use client";

import type { ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/bank/field-controls";
import type { Draft } from "@/components/bank/question-draft";

/** The question editor's text fields beside the prompt, the rubric, the follow-ups and the code. */

type Patch = (patch: Partial<Draft>) => void;

function Field({ id, label, hint, problem, children }: { id: string; label: string; hint: string; problem?: string; children: ReactNode }) {
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <p id={`${id}-hint`} className="text-[12.5px] leading-5 text-muted-foreground">
        {hint}
      </p>
      {children}
      {problem ? <p className="text-[13px] text-destructive">{problem}</p> : null}
    </div>
  );
}

/** What is read out with the prompt (a scenario, a problem's statement) and the reference answer, both Markdown. */
export function AnswerFields({ id, draft, onChange }: { id: string; draft: Draft; onChange: Patch }) {
  return (
    <>
      <Field
        id={`${id}-context`}
        label="Read out with the question"
        hint="A scenario or the problem's statement, shown to the candidate with the question. Markdown."
      >
        <Textarea
          id={`${id}-context`}
          aria-describedby={`${id}-context-hint`}
          value={draft.context}
          placeholder="Optional"
          onChange={(event) => onChange({ context: event.target.value })}
          className="min-h-14 text-[13px]"
        />
      </Field>
      <Field id={`${id}-answer`} label="Reference answer" hint="For the interviewer only. Markdown; code stays fenced.">
        <Textarea
          id={`${id}-answer`}
          aria-describedby={`${id}-answer-hint`}
          value={draft.answer}
          placeholder="No reference answer"
          onChange={(event) => onChange({ answer: event.target.value })}
          className="min-h-28 font-mono text-[12.5px] leading-5"
        />
      </Field>
    </>
  );
}

/** The key points the interviewer ticks while listening, and the red flags, one per line. */
export function PointLists({ id, draft, problems, onChange }: { id: string; draft: Draft; problems: Record<string, string>; onChange: Patch }) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field
        id={`${id}-key-points`}
        label="Key points"
        hint="The checklist ticked in the room, one per line. Criteria made from them follow."
        problem={problems.keyPoints}
      >
        <Textarea
          id={`${id}-key-points`}
          aria-describedby={`${id}-key-points-hint`}
          aria-invalid={problems.keyPoints ? true : undefined}
          value={draft.keyPoints}
          placeholder="One key point per line"
          onChange={(event) => onChange({ keyPoints: event.target.value })}
          className="min-h-24 text-[13px]"
        />
      </Field>
      <Field id={`${id}-red-flags`} label="Red flags" hint="What a weak answer shows, one per line.">
        <Textarea
          id={`${id}-red-flags`}
          aria-describedby={`${id}-red-flags-hint`}
          value={draft.redFlags}
          placeholder="One red flag per line"
          onChange={(event) => onChange({ redFlags: event.target.value })}
          className="min-h-24 text-[13px]"
        />
      </Field>
    </div>
  );
}

const DIFFICULTIES = ["Easy", "Medium", "Hard"];

/** Difficulty (the document's own words, or one of the usual three) and tags, for finding the question in the bank. */
export function ClassificationFields({ id, draft, problems, onChange }: { id: string; draft: Draft; problems: Record<string, string>; onChange: Patch }) {
  return (
    <div className="grid gap-5 sm:grid-cols-[12rem_1fr]">
      <Field id={`${id}-difficulty`} label="Difficulty" hint="As the document says it.">
        <Input
          id={`${id}-difficulty`}
          aria-describedby={`${id}-difficulty-hint`}
          list={`${id}-difficulties`}
          value={draft.difficulty}
          placeholder="None"
          onChange={(event) => onChange({ difficulty: event.target.value })}
        />
        <datalist id={`${id}-difficulties`}>
          {DIFFICULTIES.map((level) => (
            <option key={level} value={level} />
          ))}
        </datalist>
      </Field>
      <Field id={`${id}-tags`} label="Tags" hint="Separated by commas." problem={problems.tags}>
        <Input
          id={`${id}-tags`}
          aria-describedby={`${id}-tags-hint`}
          aria-invalid={problems.tags ? true : undefined}
          value={draft.tags}
          placeholder="e.g. arrays, hashing"
          onChange={(event) => onChange({ tags: event.target.value })}
        />
      </Field>
    </div>
  );
}
