"use client";

import type { KeyboardEvent } from "react";
import { usePendingChoice } from "@/components/hooks/use-pending-choice";
import { cn } from "@/components/ui/cn";
import { LEVEL_NAMES, LEVELS, NO_EVIDENCE, type Level, type Rating } from "@/server/domain/scoring/scale";

/**
 * One criterion's rating: a single radio group (one Tab stop; arrow keys move, 1–4 pick a level, 0 or N
 * marks "no evidence"), with what each level means beside it.
 */
export function LevelChoice({
  name,
  legend,
  value,
  descriptions,
  suggested,
  disabled,
  onChange,
}: {
  name: string;
  legend: string;
  value: Rating | null;
  descriptions: Record<Level, string>;
  suggested: Level | null;
  disabled: boolean;
  onChange: (rating: Rating) => Promise<unknown>;
}) {
  const { shown, choose } = usePendingChoice(value, onChange);

  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (disabled || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const picked: Rating | null = key === "0" || key === "n" ? NO_EVIDENCE : (LEVELS.find((level) => String(level) === key) ?? null);
    if (picked === null) return;
    event.preventDefault();
    // Focus follows the choice, so that the arrows then move on from it.
    event.currentTarget.querySelector<HTMLInputElement>(`input[value="${picked}"]`)?.focus();
    void choose(picked);
  }

  const options: Array<{ rating: Rating; label: string; description: string }> = [
    ...LEVELS.map((level) => ({ rating: level, label: `${level} ${LEVEL_NAMES[level]}`, description: descriptions[level] })),
    { rating: NO_EVIDENCE, label: "No evidence", description: "The answer never touched this; it does not count as a low score." },
  ];

  return (
    <fieldset onKeyDown={onKeyDown} disabled={disabled} className="grid gap-1" data-testid="level-choice">
      <legend className="sr-only">{legend}</legend>
      {options.map((option) => {
        const checked = shown === option.rating;
        return (
          <label
            key={option.rating}
            className={cn(
              "group flex cursor-pointer items-start gap-2.5 rounded-md border px-2.5 py-1.5 text-[13px] transition-colors",
              checked ? "border-primary bg-primary-soft" : "border-transparent hover:bg-accent/60",
              disabled && "cursor-default opacity-70",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.rating}
              className="mt-1 accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              checked={checked}
              onChange={() => void choose(option.rating)}
            />
            <span className="min-w-0">
              <span className="font-medium">
                {option.label}
                {suggested === option.rating ? (
                  <span className="ml-1.5 text-xs font-normal text-primary-soft-foreground">(key points suggest this)</span>
                ) : null}
              </span>
              <span className="block text-xs leading-4 text-muted-foreground">{option.description}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
