"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, Textarea } from "@/components/bank/field-controls";
import { EditableList, EntryHeading } from "@/components/bank/editable-list";
import { CodeSpecEditor } from "@/components/bank/code-spec-editor";
import { AnswerFields, ClassificationFields, PointLists } from "@/components/bank/question-fields";
import { fromDraft, problemsOf, toDraft, type Draft, type EditedQuestion } from "@/components/bank/question-draft";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";

export type { EditedQuestion } from "@/components/bank/question-draft";

interface QuestionEditorProps {
  initial: EditedQuestion;
  /** The document's competencies, one of which each criterion is scored under. */
  competencies: CompetencySet;
  onSave: (value: EditedQuestion) => void;
  onCancel: () => void;
  saving?: boolean;
  /** A problem reported by the server, shown above the buttons. */
  error?: string | null;
  saveLabel?: string;
  /** Fields kept outside the draft, shown after the code (the edit page's starting diagram). */
  children?: ReactNode;
}

/** Corrects every field the importer fills: prompt, statement, answer, key points, red flags, difficulty, tags, rubric, follow-ups and code. */
export function QuestionEditor({ initial, competencies, onSave, onCancel, saving = false, error, saveLabel = "Save changes", children }: QuestionEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, take the person to the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [attempt]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = fromDraft(draft);
    const found = problemsOf(value, draft.code);
    setProblems(found);
    if (Object.keys(found).length === 0) onSave(value);
    else setAttempt((n) => n + 1);
  }

  const setFollowUp = (index: number, patch: Partial<Draft["followUps"][number]>) =>
    setDraft((d) => ({ ...d, followUps: d.followUps.map((f, i) => (i === index ? { ...f, ...patch } : f)) }));
  const setCriterion = (index: number, patch: Partial<Draft["rubric"][number]>) =>
    setDraft((d) => ({ ...d, rubric: d.rubric.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));

  return (
    <form ref={formRef} onSubmit={submit} className="grid gap-6" noValidate data-testid="question-editor">
      <PromptField id={`${id}-prompt`} value={draft.prompt} problem={problems.prompt} onChange={(prompt) => setDraft((d) => ({ ...d, prompt }))} />
      <AnswerFields id={id} draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      <PointLists id={id} draft={draft} problems={problems} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      <ClassificationFields id={id} draft={draft} problems={problems} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />

      <EditableList
        legend="Rubric criteria"
        addLabel="Add criterion"
        onAdd={() => setDraft((d) => ({ ...d, rubric: [...d.rubric, { title: "", lookFor: "", competency: "" }] }))}
        note={problems.rubric ? <p className="text-[13px] text-destructive">{problems.rubric}</p> : null}
      >
        {draft.rubric.map((criterion, index) => (
          <CriterionEntry
            key={index}
            index={index}
            criterion={criterion}
            competencies={competencies}
            problem={problems[`rubric.${index}`]}
            onChange={(patch) => setCriterion(index, patch)}
            onRemove={() => setDraft((d) => ({ ...d, rubric: d.rubric.filter((_, i) => i !== index) }))}
          />
        ))}
      </EditableList>

      <EditableList
        legend="Follow-up questions"
        addLabel="Add follow-up"
        onAdd={() => setDraft((d) => ({ ...d, followUps: [...d.followUps, { prompt: "", answer: "", lookFor: "" }] }))}
        note={draft.followUps.length === 0 ? <p className="text-[13px] text-muted-foreground">No follow-ups.</p> : null}
      >
        {draft.followUps.map((followUp, index) => (
          <FollowUpEntry
            key={index}
            index={index}
            followUp={followUp}
            problem={problems[`followUps.${index}`]}
            onChange={(patch) => setFollowUp(index, patch)}
            onRemove={() => setDraft((d) => ({ ...d, followUps: d.followUps.filter((_, i) => i !== index) }))}
          />
        ))}
      </EditableList>

      <CodeSpecEditor value={draft.code} problems={codeProblems(problems)} onChange={(code) => setDraft((d) => ({ ...d, code }))} />
      {children}

      {error ? <Alert variant="error">{error}</Alert> : null}
      <EditorButtons saving={saving} saveLabel={saveLabel} onCancel={onCancel} />
    </form>
  );
}

/** The code editor's share of the problems, by its own field names. */
function codeProblems(problems: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).flatMap(([field, problem]) => (field.startsWith("code.") ? [[field.slice(5), problem]] : [])));
}

function PromptField({ id, value, problem, onChange }: { id: string; value: string; problem: string | undefined; onChange: (prompt: string) => void }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>Question</Label>
      <Textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        className="min-h-16 text-[15px] font-medium"
      />
      {problem ? <p className="text-[13px] text-destructive">{problem}</p> : null}
    </div>
  );
}

function EditorButtons({ saving, saveLabel, onCancel }: { saving: boolean; saveLabel: string; onCancel: () => void }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button type="button" variant="outline" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        {saveLabel}
      </Button>
    </div>
  );
}

function CriterionEntry({
  index,
  criterion,
  competencies,
  problem,
  onChange,
  onRemove,
}: {
  index: number;
  criterion: Draft["rubric"][number];
  competencies: CompetencySet;
  problem: string | undefined;
  onChange: (patch: Partial<Draft["rubric"][number]>) => void;
  onRemove: () => void;
}) {
  return (
    <li className="grid gap-2 rounded-lg border bg-muted/30 p-3">
      <EntryHeading index={index} removeLabel={`Remove criterion ${index + 1}`} onRemove={onRemove}>
        <Input
          aria-label={`Criterion ${index + 1} title`}
          value={criterion.title}
          placeholder="What is assessed, e.g. Failure handling"
          onChange={(event) => onChange({ title: event.target.value })}
          aria-invalid={problem ? true : undefined}
        />
      </EntryHeading>
      <CompetencySelect
        label={`Criterion ${index + 1}: competency`}
        value={criterion.competency}
        competencies={competencies}
        onChange={(competency) => onChange({ competency })}
      />
      <Textarea
        aria-label={`Criterion ${index + 1}: what to look for, one per line`}
        value={criterion.lookFor}
        placeholder="What to look for, one per line"
        onChange={(event) => onChange({ lookFor: event.target.value })}
        className="ml-7 w-[calc(100%-1.75rem)] min-h-14 text-[13px]"
      />
      {problem ? <p className="ml-7 text-[13px] text-destructive">{problem}</p> : null}
    </li>
  );
}

function FollowUpEntry({
  index,
  followUp,
  problem,
  onChange,
  onRemove,
}: {
  index: number;
  followUp: Draft["followUps"][number];
  problem: string | undefined;
  onChange: (patch: Partial<Draft["followUps"][number]>) => void;
  onRemove: () => void;
}) {
  return (
    <li className="grid gap-2 rounded-lg border bg-muted/30 p-3">
      <EntryHeading index={index} removeLabel={`Remove follow-up ${index + 1}`} onRemove={onRemove}>
        <Input
          aria-label={`Follow-up ${index + 1}`}
          value={followUp.prompt}
          placeholder="The follow-up question"
          onChange={(event) => onChange({ prompt: event.target.value })}
          aria-invalid={problem ? true : undefined}
        />
      </EntryHeading>
      <Textarea
        aria-label={`Follow-up ${index + 1}: reference answer`}
        value={followUp.answer}
        placeholder="Reference answer (optional, Markdown)"
        onChange={(event) => onChange({ answer: event.target.value })}
        className="ml-7 w-[calc(100%-1.75rem)] min-h-14 text-[13px]"
      />
      <Textarea
        aria-label={`Follow-up ${index + 1}: what to look for, one per line`}
        value={followUp.lookFor}
        placeholder="What to look for, one per line (optional)"
        onChange={(event) => onChange({ lookFor: event.target.value })}
        className="ml-7 w-[calc(100%-1.75rem)] min-h-10 text-[13px]"
      />
      {problem ? <p className="ml-7 text-[13px] text-destructive">{problem}</p> : null}
    </li>
  );
}

/** The competency a criterion is scored under; /progress charts these, not the criteria's titles. */
function CompetencySelect({
  label,
  value,
  competencies,
  onChange,
}: {
  label: string;
  value: string;
  competencies: CompetencySet;
  onChange: (key: string) => void;
}) {
  const chosen = competencies.find((competency) => competency.key === value);
  return (
    <div className="ml-7 flex flex-wrap items-center gap-2 text-[13px]">
      <span className="text-muted-foreground" aria-hidden>
        Competency
      </span>
      <Select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} className="w-56" title={chosen?.description}>
        {value === "" ? <option value="">Proposed when saved</option> : null}
        {competencies.map((competency) => (
          <option key={competency.key} value={competency.key}>
            {competency.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
