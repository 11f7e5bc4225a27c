"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { fieldErrorsFromZod, type FieldErrors } from "@/components/auth/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { errorMessage, fieldErrorsOf } from "@/components/providers/trpc-errors";
import { BROWSER_ZONE, TimeZoneSelect } from "@/components/schedule/time-zone-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Label } from "@/components/ui/label";
import { savePracticeProfileInput, type PracticeProfileOutput } from "@/server/api/routers/practice/profile.schema";
import type { PracticeTopicsOutput } from "@/server/api/routers/practice/topics.schema";
import { LEVEL_LABELS, PRACTICE_LEVELS, type PracticeLevel } from "@/server/domain/practice/levels";
import { MAX_PRACTICE_TOPICS, PRACTICE_LANGUAGES } from "@/server/domain/practice/profile";

export type PracticeProfile = NonNullable<PracticeProfileOutput>;

interface Draft {
  topics: string[];
  level: PracticeLevel | null;
  languages: string[];
  /** "" for "my browser's zone", as in the settings. */
  timeZone: string;
}

const FIELDS = ["topics", "level", "languages", "timeZone"] as const;

/** An error on `topics.3` belongs under the topics list: one message per field, the first. */
function perField(errors: FieldErrors): FieldErrors {
  const merged: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) merged[key.split(".")[0] ?? key] ??= message;
  return merged;
}

function toggle(list: string[], item: string, on: boolean): string[] {
  return on ? [...list, item] : list.filter((other) => other !== item);
}

interface PracticeProfileFormProps {
  topics: PracticeTopicsOutput;
  initial: PracticeProfile | null;
  /** The account's time zone, the form's starting value before there is a profile. */
  accountTimeZone: string | null;
  onSaved: (profile: PracticeProfile) => void;
  onCancel?: () => void;
}

export function PracticeProfileForm({ topics, initial, accountTimeZone, onSaved, onCancel }: PracticeProfileFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.practice.saveProfile.mutationOptions());
  const [draft, setDraft] = useState<Draft>({
    topics: initial?.topics ?? [],
    level: initial?.level ?? null,
    languages: initial?.languages ?? ["English"],
    timeZone: (initial ? initial.timeZone : accountTimeZone) ?? BROWSER_ZONE,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const parsed = savePracticeProfileInput.safeParse({
      ...draft,
      level: draft.level ?? undefined,
      timeZone: draft.timeZone === BROWSER_ZONE ? null : draft.timeZone,
    });
    if (!parsed.success) return setErrors(perField(fieldErrorsFromZod(parsed.error)));
    setErrors({});
    try {
      const saved = await save.mutateAsync(parsed.data);
      onSaved(saved ?? parsed.data);
      // The time zone is the account's: the pages' times follow it.
      router.refresh();
    } catch (error) {
      setErrors(perField(fieldErrorsOf(error)));
      setFailure(errorMessage(error));
    }
  }

  // Changing a field takes its error away: what is left to fix stays marked.
  const change = (field: (typeof FIELDS)[number], patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };
  const fieldError = FIELDS.some((field) => errors[field]);
  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-6" aria-label="Practice profile">
      <TopicsField topics={topics} chosen={draft.topics} error={errors.topics} onChange={(chosen) => change("topics", { topics: chosen })} />
      <LevelField value={draft.level} error={errors.level} onChange={(level) => change("level", { level })} />
      <LanguagesField chosen={draft.languages} error={errors.languages} onChange={(languages) => change("languages", { languages })} />
      <TimeZoneField value={draft.timeZone} error={errors.timeZone} onChange={(timeZone) => change("timeZone", { timeZone })} />
      {failure && !fieldError ? <Alert variant="error">{failure}</Alert> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" className="h-10" loading={save.isPending}>
          Save profile
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" className="h-10" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** A fieldset with its legend, a hint, and the field's error in place of the hint. */
function Group({ id, legend, hint, error, children }: { id: string; legend: ReactNode; hint: ReactNode; error: string | undefined; children: ReactNode }) {
  return (
    <fieldset className="grid gap-2.5" aria-describedby={`${id}-note`} aria-invalid={error ? true : undefined} data-testid={id}>
      <legend className="mb-2.5 text-[13px] leading-none font-medium">{legend}</legend>
      {children}
      <p
        id={`${id}-note`}
        className={cn("text-[13px] leading-snug", error ? "text-destructive" : "text-muted-foreground")}
        data-field-error={error ? true : undefined}
      >
        {error ?? hint}
      </p>
    </fieldset>
  );
}

const choiceClass = "flex cursor-pointer items-center gap-2.5 rounded-md border px-3 py-2 text-sm transition-colors hover:bg-accent/60";
const inputClass = "accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

function TopicsField({
  topics,
  chosen,
  error,
  onChange,
}: {
  topics: PracticeTopicsOutput;
  chosen: string[];
  error?: string;
  onChange: (chosen: string[]) => void;
}) {
  if (topics.length === 0) {
    return <Alert>The shared question bank has no topics with two questions or more yet, so there is nothing to practise.</Alert>;
  }
  return (
    <Group
      id="practice-topics"
      legend="Topics"
      error={error}
      hint={`What you want to practise, with the number of questions in each: ${chosen.length} of at most ${MAX_PRACTICE_TOPICS} chosen.`}
    >
      <div className="grid max-h-80 gap-0.5 overflow-y-auto rounded-lg border p-1 sm:grid-cols-2">
        {topics.map(({ topic, questions }) => {
          const checked = chosen.includes(topic);
          return (
            <label
              key={topic}
              className={cn(
                "flex cursor-pointer items-start gap-2.5 rounded-md px-2.5 py-1.5 text-sm transition-colors",
                checked ? "bg-primary-soft" : "hover:bg-accent/60",
              )}
            >
              <input
                type="checkbox"
                className={cn(inputClass, "mt-0.5")}
                checked={checked}
                onChange={(event) => onChange(toggle(chosen, topic, event.target.checked))}
              />
              <span className="min-w-0 flex-1 leading-snug">{topic}</span>
              <span className="shrink-0 pt-px text-xs text-muted-foreground tabular-nums" aria-label={`${questions} questions`}>
                {questions}
              </span>
            </label>
          );
        })}
      </div>
    </Group>
  );
}

function LevelField({ value, error, onChange }: { value: PracticeLevel | null; error?: string; onChange: (level: PracticeLevel) => void }) {
  return (
    <Group id="practice-level" legend="Your level" error={error} hint="Partners are matched at a level close to yours.">
      <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-4">
        {PRACTICE_LEVELS.map((level) => (
          <label key={level} className={cn(choiceClass, value === level ? "border-primary bg-primary-soft" : "border-border")}>
            <input type="radio" name="level" value={level} className={inputClass} checked={value === level} onChange={() => onChange(level)} />
            {LEVEL_LABELS[level]}
          </label>
        ))}
      </div>
    </Group>
  );
}

function LanguagesField({ chosen, error, onChange }: { chosen: string[]; error?: string; onChange: (chosen: string[]) => void }) {
  return (
    <Group
      id="practice-languages"
      legend="Languages you can interview in"
      error={error}
      hint="A partner shares at least one of them; with none chosen, any partner will do."
    >
      <div className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
        {PRACTICE_LANGUAGES.map((language) => (
          <label key={language} className="flex cursor-pointer items-center gap-2 text-sm">
            <input
              type="checkbox"
              className={inputClass}
              checked={chosen.includes(language)}
              onChange={(event) => onChange(toggle(chosen, language, event.target.checked))}
            />
            {language}
          </label>
        ))}
      </div>
    </Group>
  );
}

function TimeZoneField({ value, error, onChange }: { value: string; error?: string; onChange: (zone: string) => void }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor="practice-time-zone">Time zone</Label>
      <TimeZoneSelect id="practice-time-zone" value={value} onChange={onChange} browserChoice aria-describedby="practice-time-zone-note" />
      <p id="practice-time-zone-note" className={cn("text-[13px] leading-snug", error ? "text-destructive" : "text-muted-foreground")}>
        {error ?? "Your account's time zone, as in the settings: times everywhere are shown in it."}
      </p>
    </div>
  );
}
