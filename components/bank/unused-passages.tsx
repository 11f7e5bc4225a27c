"use client";

import { ChevronRight, CirclePlus, EyeOff, RotateCcw, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PreviewResult } from "@/server/api/routers/bank/preview.schema";
import { InlineTitle } from "@/components/ui/inline-title";

export type PassageChoice = "question" | "dismissed";

interface UnusedPassagesProps {
  fileName: string;
  report: Extract<PreviewResult, { ok: true }>["report"];
  /** By the passage's first line. */
  choices: Record<number, PassageChoice>;
  onChoose: (line: number, choice: PassageChoice | null) => void;
  disabled: boolean;
}

const lines = (from: number, to: number) => (from === to ? `Line ${from}` : `Lines ${from}–${to}`);

/**
 * What the importer did not use, so that nothing in a document is lost without the user knowing: each
 * passage can become a question of its own or be dismissed. Dismissed ones fold away but stay listed.
 */
export function UnusedPassages({ fileName, report, choices, onChoose, disabled }: UnusedPassagesProps) {
  const open = report.unused.filter((p) => choices[p.line] !== "dismissed");
  const dismissed = report.unused.length - open.length;
  return (
    <details className="group/unused border-t" data-testid="unused-passages">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2.5 text-[13px] font-medium text-muted-foreground outline-none hover:bg-accent/40 hover:text-foreground focus-visible:bg-accent/60 sm:px-5 [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-4 transition-transform group-open/unused:rotate-90" />
        <TriangleAlert aria-hidden className="size-4 text-amber-600 dark:text-amber-400" />
        {report.unusedTotal === 1 ? "1 passage was not used" : `${report.unusedTotal} passages were not used`}
        {dismissed > 0 ? <span className="font-normal">· {dismissed} dismissed</span> : null}
      </summary>
      <div className="grid gap-3 border-t px-4 py-3 sm:px-5">
        <p className="text-[13px] text-muted-foreground">
          {report.structure} Nothing below goes into the bank unless you make it a question; a passage made a question asks its first line and answers with the
          rest.
        </p>
        <ul className="grid gap-2" aria-label={`Passages not used in ${fileName}`}>
          {report.unused.map((passage) => {
            const choice = choices[passage.line];
            return (
              <li
                key={passage.line}
                data-testid="unused-passage"
                className="flex flex-col gap-2 rounded-lg border bg-card px-3 py-2.5 text-[13px] data-[choice=dismissed]:opacity-60 sm:flex-row sm:items-start"
                data-choice={choice ?? "open"}
              >
                <div className="min-w-0 flex-1">
                  <p className="text-xs text-muted-foreground tabular-nums">
                    {lines(passage.line, passage.endLine)}
                    {choice === "question" ? (
                      <Badge variant="accent" className="ml-2">
                        Will be imported as a question
                      </Badge>
                    ) : null}
                  </p>
                  <p className="mt-0.5 break-words leading-5">
                    {choice === "question" ? (
                      <strong>
                        <InlineTitle text={passage.prompt} />
                      </strong>
                    ) : (
                      passage.excerpt
                    )}
                  </p>
                </div>
                <div className="flex shrink-0 gap-1.5">
                  {choice ? (
                    <Button size="sm" variant="ghost" disabled={disabled} onClick={() => onChoose(passage.line, null)}>
                      <RotateCcw aria-hidden />
                      Undo
                    </Button>
                  ) : (
                    <>
                      <Button size="sm" variant="outline" disabled={disabled} onClick={() => onChoose(passage.line, "question")}>
                        <CirclePlus aria-hidden />
                        Make it a question
                      </Button>
                      <Button size="sm" variant="ghost" disabled={disabled} onClick={() => onChoose(passage.line, "dismissed")}>
                        <EyeOff aria-hidden />
                        Dismiss
                      </Button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        {open.length === 0 && dismissed > 0 ? <p className="text-xs text-muted-foreground">Every passage was dismissed.</p> : null}
        {report.unusedTotal > report.unused.length ? (
          <p className="text-xs text-muted-foreground">
            The first {report.unused.length} are listed here; <code>npm run -s bank -- parse</code> lists all {report.unusedTotal}.
          </p>
        ) : null}
      </div>
    </details>
  );
}
