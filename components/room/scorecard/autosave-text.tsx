"use client";

import { useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

export const textareaClass =
  "w-full resize-y rounded-md border border-input bg-card px-3 py-2 text-sm leading-5 outline-none placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 disabled:opacity-60";

const SAVE_AFTER_MS = 700;

/**
 * A text area that saves itself when typing pauses and when it loses focus: a comment is a room event
 * like a rating, so a refresh loses at most the last pause's worth of typing.
 */
export function AutosaveText({
  label,
  value,
  onSave,
  disabled = false,
  rows = 2,
  maxLength,
  placeholder,
  className,
  onTextChange,
}: {
  label: string;
  value: string;
  onSave: (text: string) => Promise<boolean>;
  disabled?: boolean;
  rows?: number;
  maxLength: number;
  placeholder?: string;
  className?: string;
  /** Hears every keystroke, for a parent that acts on the text before it is saved. */
  onTextChange?: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const saved = useRef(value);
  const timer = useRef<number | undefined>(undefined);

  async function save(next: string) {
    window.clearTimeout(timer.current);
    if (next === saved.current) return;
    setStatus("saving");
    const ok = await onSave(next);
    if (ok) saved.current = next;
    setStatus(ok ? "saved" : "failed");
  }

  return (
    <label className={cn("grid gap-1 text-xs font-medium text-muted-foreground", className)}>
      <span className="flex items-center justify-between gap-2">
        {label}
        <span aria-live="polite" className="font-normal">
          {status === "saving" ? "Saving…" : status === "saved" ? "Saved" : status === "failed" ? "Not saved" : ""}
        </span>
      </span>
      <textarea
        className={textareaClass}
        rows={rows}
        value={text}
        maxLength={maxLength}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          onTextChange?.(next);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void save(next), SAVE_AFTER_MS);
        }}
        onBlur={() => void save(text)}
      />
    </label>
  );
}
