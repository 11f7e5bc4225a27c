"use client";

import { Check } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { KeyPointView } from "@/server/domain/room";
import type { QuestionProvenance } from "@/server/domain/bank/part-sources";
import { SourcedPart } from "@/components/bank/part-source";

interface KeyPointsProps {
  keyPoints: KeyPointView[];
  canCheck: boolean;
  onChange: (index: number, checked: boolean) => Promise<boolean>;
  /** Where each key point came from in the bank's document, as planned; null when unknown. */
  provenance?: QuestionProvenance | null;
}

/** Ticked while listening; the ticks are room state, so a second interviewer tab agrees. */
export function KeyPoints({ keyPoints, canCheck, onChange, provenance = null }: KeyPointsProps) {
  // A tick shows at once; the room's view confirms it a moment later (or the tick falls back).
  const [pending, setPending] = useState<ReadonlyMap<number, boolean>>(new Map());
  const isChecked = (point: KeyPointView) => pending.get(point.index) ?? point.checked;
  const checked = keyPoints.filter(isChecked).length;

  async function toggle(index: number, value: boolean) {
    setPending((current) => new Map(current).set(index, value));
    await onChange(index, value);
    setPending((current) => {
      const next = new Map(current);
      next.delete(index);
      return next;
    });
  }
  return (
    <section aria-labelledby="key-points-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="flex items-center justify-between border-b px-5 py-3">
        <h2 id="key-points-heading" className="text-sm font-semibold">
          Key points
        </h2>
        <span className="text-xs text-muted-foreground tabular-nums">
          {checked} of {keyPoints.length} heard
        </span>
      </header>
      <ul className="grid gap-0.5 p-2">
        {keyPoints.map((point) => (
          <li key={point.index}>
            <SourcedPart source={provenance?.sources.keyPoints[point.index]} passages={provenance?.passages ?? []} part="key point" className="pr-2">
              <label className={cn("flex items-start gap-3 rounded-md px-3 py-2 text-sm", canCheck ? "cursor-pointer hover:bg-accent/60" : "cursor-default")}>
                <input
                  type="checkbox"
                  className="peer sr-only"
                  checked={isChecked(point)}
                  disabled={!canCheck}
                  onChange={(event) => void toggle(point.index, event.target.checked)}
                />
                <span
                  aria-hidden
                  className={cn(
                    "mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border border-input bg-card transition-colors",
                    "peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-focus-visible:ring-offset-1",
                    isChecked(point) && "border-primary bg-primary text-primary-foreground",
                  )}
                >
                  {isChecked(point) ? <Check className="size-3" strokeWidth={3} /> : null}
                </span>
                <span className={cn("leading-5", isChecked(point) && "text-muted-foreground")}>{point.text}</span>
              </label>
            </SourcedPart>
          </li>
        ))}
      </ul>
    </section>
  );
}
