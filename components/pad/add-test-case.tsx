"use client";

import { Plus } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { testCaseSchema } from "@/server/domain/code/code-spec";
import type { ClientCommand } from "@/server/domain/room";

const TEXTAREA =
  "min-h-16 w-full rounded-md border border-input bg-card px-3 py-2 font-mono text-[13px] outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25";

/**
 * An interviewer's test case, added during the interview: every member's next run checks it. What the
 * input and the expected output mean depends on the question (`entry`): a function's arguments and
 * return value as JSON, or standard input and output.
 */
export function AddTestCase({ questionId, entry, run }: { questionId: string; entry: string | null; run: (command: ClientCommand) => Promise<boolean> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ name: "", input: "", expected: "" });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const hints = entry
    ? { input: `The arguments of ${entry} as a JSON array, e.g. [[2, 7, 11, 15], 9]`, expected: "The value it returns, as JSON, e.g. [0, 1]" }
    : { input: "Standard input", expected: "Standard output" };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = testCaseSchema.safeParse(fields);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "That test case is not valid.");
    setSaving(true);
    const added = await run({ type: "addTestCase", questionId, test: parsed.data });
    setSaving(false);
    if (!added) return;
    setFields({ name: "", input: "", expected: "" });
    setError(null);
    setOpen(false);
  }

  if (!open) {
    return (
      <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-3.5" /> Add a test case
      </Button>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="grid gap-3 rounded-lg border bg-card p-3" aria-label="Add a test case">
      <FormField id={`${id}-name`} label="Test name" value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} required />
      <div className="grid gap-3 sm:grid-cols-2">
        {(["input", "expected"] as const).map((field) => (
          <div key={field} className="grid gap-1.5">
            <Label htmlFor={`${id}-${field}`}>{field === "input" ? "Input" : "Expected output"}</Label>
            <textarea
              id={`${id}-${field}`}
              className={TEXTAREA}
              value={fields[field]}
              onChange={(e) => setFields({ ...fields, [field]: e.target.value })}
              aria-describedby={`${id}-${field}-hint`}
            />
            <p id={`${id}-${field}-hint`} className="text-xs text-muted-foreground">
              {hints[field]}
            </p>
          </div>
        ))}
      </div>
      <FormError message={error} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={saving}>
          Add test case
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
