"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorsFromZod, type FieldErrors } from "@/components/auth/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { errorMessage, fieldErrorsOf } from "@/components/providers/trpc-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { textareaClass } from "@/components/room/scorecard/autosave-text";
import { FEEDBACK_TEXT_MAX, peerFeedbackSchema } from "@/server/domain/practice/feedback";
import { LEVEL_NAMES, LEVELS, NO_EVIDENCE } from "@/server/domain/scoring/scale";

const ONE_TO_FIVE = [1, 2, 3, 4, 5] as const;

/** The short structured form each peer fills in about the other's answers to the question they asked. */
export function PeerFeedbackForm({ peerSessionId, criteria, onSubmitted }: { peerSessionId: string; criteria: string[]; onSubmitted: () => void }) {
  const trpc = useTRPC();
  const submit = useMutation(trpc.practice.submitFeedback.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const parsed = peerFeedbackSchema.safeParse({
      ratings: criteria.map((_, index) => {
        const value = String(values.get(`criterion-${index}`) ?? "");
        return value === NO_EVIDENCE ? value : Number(value);
      }),
      communication: Number(values.get("communication")),
      problemSolving: Number(values.get("problemSolving")),
      strengths: String(values.get("strengths") ?? ""),
      improve: String(values.get("improve") ?? ""),
    });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setFailure(null);
    try {
      await submit.mutateAsync({ peerSessionId, ...parsed.data });
      onSubmitted();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Feedback for your partner">
      {criteria.length > 0 ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">The question&apos;s criteria</legend>
          {criteria.map((title, index) => (
            <div key={index} className="flex flex-wrap items-center justify-between gap-2 border-b pb-2 last:border-0">
              <Label htmlFor={`criterion-${index}`} className="font-normal">
                {title}
              </Label>
              <select
                id={`criterion-${index}`}
                name={`criterion-${index}`}
                defaultValue=""
                className="h-9 w-44 rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
              >
                <option value="" disabled>
                  Rate…
                </option>
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {level} · {LEVEL_NAMES[level]}
                  </option>
                ))}
                <option value={NO_EVIDENCE}>Not seen</option>
              </select>
            </div>
          ))}
          {Object.entries(errors).some(([field]) => field.startsWith("ratings")) ? (
            <p className="text-[13px] text-destructive" data-field-error>
              Rate each criterion (or choose &quot;Not seen&quot;).
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <OneToFive name="communication" label="Communication" error={errors.communication} />
      <OneToFive name="problemSolving" label="Problem solving" error={errors.problemSolving} />
      <TextArea name="strengths" label="Strengths" hint="What went well." error={errors.strengths} />
      <TextArea name="improve" label="One thing to improve" hint="The one change that would help most." error={errors.improve} />
      {failure ? <Alert variant="error">{failure}</Alert> : null}
      <Button type="submit" className="h-10 w-fit" loading={submit.isPending}>
        Send feedback
      </Button>
    </form>
  );
}

function OneToFive({ name, label, error }: { name: string; label: string; error: string | undefined }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="text-sm font-medium">{label}</legend>
      <div className="flex gap-2">
        {ONE_TO_FIVE.map((value) => (
          <label
            key={value}
            className="flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm has-checked:border-primary has-checked:bg-primary-soft"
          >
            <input type="radio" name={name} value={value} className="accent-primary" />
            {value}
          </label>
        ))}
      </div>
      {error ? (
        <p className="text-[13px] text-destructive" data-field-error>
          Choose from 1 (weak) to 5 (strong).
        </p>
      ) : (
        <p className="text-[13px] text-muted-foreground">1 weak, 5 strong.</p>
      )}
    </fieldset>
  );
}

function TextArea({ name, label, hint, error }: { name: string; label: string; hint: string; error: string | undefined }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={`feedback-${name}`}>{label}</Label>
      <textarea id={`feedback-${name}`} name={name} rows={3} maxLength={FEEDBACK_TEXT_MAX} className={textareaClass} aria-invalid={error ? true : undefined} />
      <p className={`text-[13px] ${error ? "text-destructive" : "text-muted-foreground"}`} {...(error ? { "data-field-error": true } : {})}>
        {error ?? hint}
      </p>
    </div>
  );
}
