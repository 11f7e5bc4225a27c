"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, ListPlus, MessageSquarePlus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type Dispatch, type FormEvent, type KeyboardEvent, type RefObject, type SetStateAction } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormField } from "@/components/ui/form-field";
import { fieldErrorsFromZod, type FieldErrors } from "@/components/auth/field-errors";
import { interviewDetailsInput, planItemInput, TIME_BOX_RULE } from "@/server/domain/interview/plan-input";
import { planItemsProblem } from "@/server/domain/interview/policy";
import { errorMessage, fieldErrorsOf } from "@/components/providers/trpc-errors";
import { QuestionPicker, type PickedQuestion } from "@/components/interviews/question-picker";
import { TemplatePicker } from "@/components/interviews/template-picker";
import { useTRPC } from "@/components/providers/trpc";
import { InlineTitle } from "@/components/ui/inline-title";

export interface PlanItemDraft extends PickedQuestion {
  /** Minutes as typed; empty means no time box. */
  minutes: string;
}

export interface PlanDraft {
  title: string;
  candidateName: string;
  candidateEmail: string;
  items: PlanItemDraft[];
}

interface PlanEditorProps {
  /** Absent when creating a new interview. */
  sessionId?: string;
  initial: PlanDraft;
}

const DEFAULT_MINUTES = "10";

function minutesToSec(minutes: string): number | null {
  const value = Number(minutes);
  return minutes.trim() === "" || !Number.isFinite(value) || value <= 0 ? null : Math.round(value * 60);
}

/** Title, candidate and the ordered list of questions with their time boxes; for a new plan or an edit. */
export function PlanEditor({ sessionId, initial }: PlanEditorProps) {
  const [title, setTitle] = useState(initial.title);
  const [candidateName, setCandidateName] = useState(initial.candidateName);
  const [candidateEmail, setCandidateEmail] = useState(initial.candidateEmail);
  const [items, setItems] = useState<PlanItemDraft[]>(initial.items);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const { submit, pending } = usePlanSubmit(sessionId, { setErrors, setFormError, setSavedAt });
  const pickedIds = new Set(items.map((item) => item.bankQuestionId));

  const { add, move, remove, onRowKeyDown } = usePlanItemEdits(items, setItems, listRef, {
    onEdit: () => setSavedAt(null),
    onAdd: () => setErrors((current) => ({ ...current, items: "" })),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit({ title, candidateName, candidateEmail, items });
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_420px]">
      <form onSubmit={onSubmit} noValidate className="grid min-w-0 grid-cols-1 gap-6" aria-label={sessionId ? "Edit the plan" : "Plan an interview"}>
        {formError ? <Alert variant="error">{formError}</Alert> : null}
        <PlanDetailsFields
          values={{ title, candidateName, candidateEmail }}
          errors={errors}
          onChange={(field, value) => {
            ({ title: setTitle, candidateName: setCandidateName, candidateEmail: setCandidateEmail })[field](value);
            // A field's error is about what it held when the form was sent; once it changes, the error is stale.
            setErrors(({ [field]: _stale, ...rest }) => rest);
            setSavedAt(null);
          }}
        />

        <PlanQuestions
          items={items}
          errors={errors}
          listRef={listRef}
          onRowKeyDown={onRowKeyDown}
          onMinutes={(index, minutes) => {
            setItems((current) => current.map((entry, i) => (i === index ? { ...entry, minutes } : entry)));
            setErrors(({ [`items.${index}.timeBoxSec`]: _stale, ...rest }) => rest);
            setSavedAt(null);
          }}
          onMove={move}
          onRemove={remove}
        />

        <div className="flex items-center justify-end gap-3">
          {savedAt ? (
            <span role="status" className="text-sm text-muted-foreground">
              Plan saved
            </span>
          ) : null}
          <Button type="submit" size="lg" loading={pending}>
            {sessionId ? "Save plan" : "Create interview"}
          </Button>
        </div>
      </form>

      <div className="flex min-w-0 flex-col gap-4 lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)]">
        {sessionId ? null : <TemplatePicker title={title} candidateName={candidateName} candidateEmail={candidateEmail} />}
        <QuestionPicker pickedIds={pickedIds} onAdd={add} />
      </div>
    </div>
  );
}

/** Sends the plan (a new interview, or this one's edit) after checking it here by the server's rules. */
function usePlanSubmit(
  sessionId: string | undefined,
  {
    setErrors,
    setFormError,
    setSavedAt,
  }: { setErrors: (errors: FieldErrors) => void; setFormError: (error: string | null) => void; setSavedAt: (at: number | null) => void },
) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.interview.create.mutationOptions());
  const update = useMutation(trpc.interview.updatePlan.mutationOptions());

  async function submit({ title, candidateName, candidateEmail, items }: PlanDraft) {
    setFormError(null);
    const payload = {
      title: title.trim(),
      candidateName: candidateName.trim() || null,
      candidateEmail: candidateEmail.trim() || null,
      items: items.map((item) => ({ bankQuestionId: item.bankQuestionId, timeBoxSec: minutesToSec(item.minutes) })),
    };
    const local = planFormErrors(payload, items);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setErrors({});
    try {
      if (sessionId) {
        await update.mutateAsync({ sessionId, ...payload });
        await queryClient.invalidateQueries({ queryKey: trpc.interview.plan.queryKey({ sessionId }) });
        setSavedAt(Date.now());
      } else {
        const { id } = await create.mutateAsync(payload);
        router.push(`/interviews/${id}`);
      }
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0 || fields._form) setFormError(errorMessage(error));
    }
  }

  return { submit, pending: create.isPending || update.isPending };
}

type DetailField = "title" | "candidateName" | "candidateEmail";

/** The interview's title and whom it is for. */
function PlanDetailsFields({
  values,
  errors,
  onChange,
}: {
  values: Record<DetailField, string>;
  errors: FieldErrors;
  onChange: (field: DetailField, value: string) => void;
}) {
  return (
    <section className="grid gap-5 rounded-xl border bg-card p-5 shadow-xs sm:p-6" aria-labelledby="details-heading">
      <h2 id="details-heading" className="text-sm font-semibold">
        Details
      </h2>
      <FormField
        id="plan-title"
        label="Title"
        placeholder="Senior backend engineer, system design"
        value={values.title}
        maxLength={200}
        error={errors.title}
        onChange={(event) => {
          onChange("title", event.target.value);
        }}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          id="plan-candidate-name"
          label="Candidate name"
          hint="Optional"
          placeholder="Grace Hopper"
          value={values.candidateName}
          maxLength={100}
          error={errors.candidateName}
          onChange={(event) => {
            onChange("candidateName", event.target.value);
          }}
        />
        <FormField
          id="plan-candidate-email"
          type="email"
          label="Candidate email"
          hint="Optional, for your records"
          placeholder="grace@example.com"
          value={values.candidateEmail}
          maxLength={254}
          error={errors.candidateEmail}
          onChange={(event) => {
            onChange("candidateEmail", event.target.value);
          }}
        />
      </div>
    </section>
  );
}

/** One planned question: its place, its time box, and the controls to move or remove it. */
function PlanItemRow({
  item,
  index,
  count,
  timeError,
  onKeyDown,
  onMinutes,
  onMove,
  onRemove,
}: {
  item: PlanItemDraft;
  index: number;
  count: number;
  timeError: string | undefined;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  onMinutes: (minutes: string) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <li className="flex gap-3 px-5 py-4 sm:px-6" onKeyDown={onKeyDown} data-testid="plan-item">
      <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-foreground tabular-nums">
        {index + 1}
      </span>
      <div className="min-w-0 flex-1">
        <p className="line-clamp-3 text-sm leading-5">
          <InlineTitle text={item.prompt} />
        </p>
        <p className="mt-1 flex min-w-0 items-center gap-x-3 text-xs text-muted-foreground">
          {item.section.length > 0 ? (
            <span className="min-w-0 truncate" title={item.section.join(" › ")}>
              {item.section.at(-1)}
            </span>
          ) : null}
          <span className="inline-flex shrink-0 items-center gap-1">
            <MessageSquarePlus aria-hidden className="size-3" />
            {item.followUpCount} follow-up{item.followUpCount === 1 ? "" : "s"}
          </span>
        </p>
        <TimeBoxInput index={index} minutes={item.minutes} error={timeError} onMinutes={onMinutes} />
      </div>
      <RowControls index={index} count={count} onMove={onMove} onRemove={onRemove} />
    </li>
  );
}

/** The planned questions in order, or what to do when there are none. */
function PlanQuestions({
  items,
  errors,
  listRef,
  onRowKeyDown,
  onMinutes,
  onMove,
  onRemove,
}: {
  items: PlanItemDraft[];
  errors: FieldErrors;
  listRef: RefObject<HTMLOListElement | null>;
  onRowKeyDown: (event: KeyboardEvent<HTMLLIElement>, index: number) => void;
  onMinutes: (index: number, minutes: string) => void;
  onMove: (index: number, step: -1 | 1) => void;
  onRemove: (index: number) => void;
}) {
  const totalMinutes = items.reduce((sum, item) => sum + (minutesToSec(item.minutes) ?? 0) / 60, 0);
  return (
    <section className="rounded-xl border bg-card shadow-xs" aria-labelledby="questions-heading">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b px-5 py-3 sm:px-6">
        <h2 id="questions-heading" className="text-sm font-semibold">
          Questions{" "}
          <span className="font-normal text-muted-foreground">
            · {items.length}
            {totalMinutes > 0 ? `, about ${Math.round(totalMinutes)} min` : ""}
          </span>
        </h2>
        {items.length > 1 ? <p className="text-xs text-muted-foreground">Reorder with the arrows, or Alt+↑ / Alt+↓</p> : null}
      </header>
      {items.length === 0 ? (
        <div
          className={cn(
            "m-5 flex flex-col items-center rounded-lg border border-dashed px-6 py-10 text-center sm:m-6",
            errors.items && "border-destructive/50",
          )}
        >
          <ListPlus aria-hidden className="size-6 text-muted-foreground" />
          <p className="mt-3 text-sm font-medium">No questions yet</p>
          <p className={cn("mt-1 max-w-sm text-sm text-muted-foreground", errors.items && "text-destructive")}>
            {errors.items || "Search the bank and add questions; they are asked in this order."}
          </p>
        </div>
      ) : (
        <ol ref={listRef} aria-label="Questions in this interview" className="divide-y">
          {items.map((item, index) => (
            <PlanItemRow
              key={item.bankQuestionId}
              item={item}
              index={index}
              count={items.length}
              timeError={errors[`items.${index}.timeBoxSec`]}
              onKeyDown={(event) => onRowKeyDown(event, index)}
              onMinutes={(minutes) => onMinutes(index, minutes)}
              onMove={(step) => onMove(index, step)}
              onRemove={() => onRemove(index)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimeBoxInput({
  index,
  minutes,
  error,
  onMinutes,
}: {
  index: number;
  minutes: string;
  error: string | undefined;
  onMinutes: (minutes: string) => void;
}) {
  return (
    <div className="mt-2.5 flex items-center gap-2">
      <label htmlFor={`time-box-${index}`} className="text-xs text-muted-foreground">
        Time box
      </label>
      <input
        id={`time-box-${index}`}
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        data-control="time"
        aria-label={`Time box for question ${index + 1}, in minutes`}
        aria-invalid={error ? true : undefined}
        value={minutes}
        placeholder="none"
        onChange={(event) => onMinutes(event.target.value)}
        className="h-8 w-16 rounded-md border border-input bg-card px-2 text-sm tabular-nums outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive"
      />
      <span className="text-xs text-muted-foreground">min</span>
      {error ? <span className="text-xs text-destructive">{error}</span> : null}
    </div>
  );
}

function RowControls({ index, count, onMove, onRemove }: { index: number; count: number; onMove: (step: -1 | 1) => void; onRemove: () => void }) {
  return (
    <div className="flex shrink-0 items-start gap-0.5">
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-8"
        data-control="up"
        aria-label={`Move question ${index + 1} up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <ArrowUp aria-hidden />
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-8"
        data-control="down"
        aria-label={`Move question ${index + 1} down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <ArrowDown aria-hidden />
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-8 hover:text-destructive"
        data-control="remove"
        aria-label={`Remove question ${index + 1}`}
        onClick={onRemove}
      >
        <X aria-hidden />
      </Button>
    </div>
  );
}

/** Every problem of the form at once, by the rules the server applies: the details, the questions, each time box. */
function planFormErrors(payload: { title: string; candidateName: string | null; candidateEmail: string | null }, items: PlanItemDraft[]): FieldErrors {
  const details = interviewDetailsInput.safeParse(payload);
  const errors: FieldErrors = details.success ? {} : fieldErrorsFromZod(details.error);
  const itemsProblem = planItemsProblem(items);
  if (itemsProblem) errors.items = itemsProblem;
  items.forEach((item, i) => {
    const sec = minutesToSec(item.minutes);
    if (item.minutes.trim() !== "" && (sec === null || !planItemInput.shape.timeBoxSec.safeParse(sec).success)) errors[`items.${i}.timeBoxSec`] = TIME_BOX_RULE;
  });
  return errors;
}

/** Adding, reordering (buttons, or Alt+↑ / Alt+↓ with the focus kept on the row) and removing planned questions. */
function usePlanItemEdits(
  items: PlanItemDraft[],
  setItems: Dispatch<SetStateAction<PlanItemDraft[]>>,
  listRef: RefObject<HTMLOListElement | null>,
  handlers: { onEdit: () => void; onAdd: () => void },
) {
  function add(question: PickedQuestion) {
    setItems((current) =>
      current.some((item) => item.bankQuestionId === question.bankQuestionId) ? current : [...current, { ...question, minutes: DEFAULT_MINUTES }],
    );
    handlers.onAdd();
    handlers.onEdit();
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    setItems((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(target, 0, moved);
      return next;
    });
    handlers.onEdit();
    // Keep the keyboard on the row that moved, on the same control.
    const active = document.activeElement as HTMLElement | null;
    const control = active?.dataset.control;
    requestAnimationFrame(() => {
      const row = listRef.current?.children[target] as HTMLElement | undefined;
      const again = control ? row?.querySelector<HTMLElement>(`[data-control="${control}"]:not(:disabled)`) : null;
      (again ?? row?.querySelector<HTMLElement>("[data-control]:not(:disabled)"))?.focus();
    });
  }

  function remove(index: number) {
    setItems((current) => current.filter((_, i) => i !== index));
    handlers.onEdit();
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLLIElement>, index: number) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(index, event.key === "ArrowUp" ? -1 : 1);
  }

  return { add, move, remove, onRowKeyDown };
}
