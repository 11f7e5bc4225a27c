"use client";

import { FileSearch, X } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { passageFor, type LineRange, type PartSource, type SourcePassage } from "@/server/domain/bank/part-sources";

const spelled = (lines: LineRange) => (lines.from === lines.to ? `line ${lines.from}` : `lines ${lines.from}–${lines.to}`);

/** What a part's source says in a few words, and what it means in a sentence. */
function sourceLabel(source: PartSource): { text: string; title: string } {
  if (source.origin === "added") return { text: "added in review", title: "Written by a person when correcting the question; not in the document." };
  if (source.origin === "edited") return { text: "edited", title: "Rewritten by a person when correcting the question; not as the document says it." };
  if (!source.lines) return { text: "derived", title: "Made by the importer; there is no passage of the document to show." };
  if (source.origin === "derived")
    return { text: `from ${spelled(source.lines)}`, title: `Made by the importer from ${spelled(source.lines)} of the document.` };
  return { text: spelled(source.lines), title: `Written at ${spelled(source.lines)} of the document.` };
}

/**
 * A part of a question (a criterion, look-for, key point, follow-up, red flag, example score) with a small
 * control naming where it comes from in its document; one click opens that passage right under it, its own
 * lines highlighted among a few of context. For the interviewer's side only: passages hold the answers.
 */
export function SourcedPart({
  source,
  passages,
  part,
  children,
  className,
}: {
  source: PartSource | undefined;
  passages: readonly SourcePassage[];
  /** What the part is, for the control's accessible name ("key point"). */
  part: string;
  children: ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!source) return <div className={className}>{children}</div>;
  const label = sourceLabel(source);
  const passage = source.lines ? passageFor(passages, source.lines) : null;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className="flex min-w-0 items-start gap-2">
        <div className="min-w-0 flex-1">{children}</div>
        {passage && source.lines ? (
          <button
            type="button"
            data-testid="part-source"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={`Source of this ${part}: ${label.title}`}
            title={label.title}
            onClick={() => setOpen((was) => !was)}
            className={cn(
              "mt-0.5 inline-flex shrink-0 items-center gap-1 rounded border px-1.5 py-0.5 text-[11px] leading-4 whitespace-nowrap text-muted-foreground tabular-nums transition-colors",
              "hover:border-primary/40 hover:bg-primary-soft hover:text-primary-soft-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              open && "border-primary/40 bg-primary-soft text-primary-soft-foreground",
            )}
          >
            <FileSearch aria-hidden className="size-3" />
            {label.text}
          </button>
        ) : (
          <span
            data-testid="part-source-note"
            title={label.title}
            className="mt-0.5 shrink-0 text-[11px] leading-4 whitespace-nowrap text-muted-foreground italic"
          >
            {label.text}
          </span>
        )}
      </div>
      {open && passage && source.lines ? <Passage id={panelId} passage={passage} own={source.lines} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

/** Lines of the document with their numbers, the part's own highlighted. */
function Passage({ id, passage, own, onClose }: { id: string; passage: SourcePassage; own: LineRange; onClose: () => void }) {
  return (
    <figure id={id} data-testid="source-passage" className="overflow-hidden rounded-md border bg-card text-left shadow-xs">
      <figcaption className="flex items-center justify-between gap-2 border-b bg-muted/50 px-3 py-1.5 text-[11px] text-muted-foreground">
        <span>From the document, {own.from === own.to ? `line ${own.from}` : `lines ${own.from}–${own.to}`}</span>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close the passage"
          className="rounded p-0.5 hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <X aria-hidden className="size-3.5" />
        </button>
      </figcaption>
      <div className="max-h-72 overflow-auto py-1 font-mono text-[12px] leading-5">
        {passage.lines.map((text, i) => {
          const n = passage.from + i;
          const mine = n >= own.from && n <= own.to;
          return (
            <div
              key={n}
              data-own={mine || undefined}
              className={cn(
                "grid grid-cols-[2.75rem_minmax(0,1fr)] pr-3",
                mine ? "bg-amber-100/70 text-foreground dark:bg-amber-950/50" : "text-muted-foreground",
              )}
            >
              <span
                aria-hidden
                className={cn(
                  "pr-2 text-right select-none tabular-nums",
                  mine ? "border-l-2 border-amber-500 text-foreground/70" : "border-l-2 border-transparent text-muted-foreground/60",
                )}
              >
                {n}
              </span>
              <span className="break-words whitespace-pre-wrap">{text === "" ? " " : text}</span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
