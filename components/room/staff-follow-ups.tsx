"use client";

import { Check, Eye } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/room/kbd";
import { Markdown } from "@/components/ui/markdown";
import { offsetInInterview } from "@/components/room/format-time";
import type { StaffQuestionView } from "@/server/domain/room";
import type { PartSource, SourcePassage } from "@/server/domain/bank/part-sources";
import { SourcedPart } from "@/components/bank/part-source";

interface StaffFollowUpsProps {
  question: StaffQuestionView;
  sessionStartedAt: string | null;
  /** False for observers, and for everyone once the interview is over. */
  canReveal: boolean;
  pendingIds: ReadonlySet<string>;
  onReveal: (followUpId: string) => void;
}

/** The current question's follow-ups in the bank's order; the interviewer reveals them one at a time. */
export function StaffFollowUps({ question, sessionStartedAt, canReveal, pendingIds, onReveal }: StaffFollowUpsProps) {
  const revealedCount = question.followUps.filter((followUp) => followUp.revealedAt).length;
  return (
    <section aria-labelledby="follow-ups-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b px-5 py-3">
        <h2 id="follow-ups-heading" className="text-sm font-semibold">
          Follow-ups{" "}
          <span className="font-normal text-muted-foreground">
            · {revealedCount} of {question.followUps.length} revealed
          </span>
        </h2>
        {canReveal && question.followUps.length > 0 ? (
          <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
            <Kbd>R</Kbd> next
            {question.followUps.length > 1 ? (
              <>
                <span aria-hidden>·</span>
                <Kbd>1</Kbd>–<Kbd>{Math.min(9, question.followUps.length)}</Kbd> a specific one
              </>
            ) : null}
          </p>
        ) : null}
      </header>
      {question.followUps.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">This question has no follow-ups in the bank.</p>
      ) : (
        <ol className="divide-y">
          {question.followUps.map((followUp, index) => (
            <FollowUpRow
              source={question.provenance?.sources.followUps[index]}
              passages={question.provenance?.passages ?? []}
              key={followUp.id}
              followUp={followUp}
              index={index}
              sessionStartedAt={sessionStartedAt}
              canReveal={canReveal}
              pending={pendingIds.has(followUp.id)}
              onReveal={onReveal}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function FollowUpRow({
  followUp,
  source,
  passages,
  index,
  sessionStartedAt,
  canReveal,
  pending,
  onReveal,
}: {
  followUp: StaffQuestionView["followUps"][number];
  /** Where it came from in the bank's document, as planned. */
  source: PartSource | undefined;
  passages: readonly SourcePassage[];
  index: number;
  sessionStartedAt: StaffFollowUpsProps["sessionStartedAt"];
  canReveal: boolean;
  pending: boolean;
  onReveal: (followUpId: string) => void;
}) {
  const revealed = followUp.revealedAt !== null;
  return (
    <li key={followUp.id} className={cn("flex gap-3 px-5 py-3.5", revealed && "bg-success-soft/40")} data-testid="staff-follow-up" data-revealed={revealed}>
      <span
        aria-hidden
        className={cn(
          "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold tabular-nums",
          revealed ? "border-transparent bg-success text-white" : "bg-card text-muted-foreground",
        )}
      >
        {revealed ? <Check className="size-3.5" /> : index + 1}
      </span>
      <div className="min-w-0 flex-1">
        <SourcedPart source={source} passages={passages} part="follow-up">
          <div data-testid="follow-up-prompt">
            <Markdown className="text-[14px]">{followUp.prompt}</Markdown>
          </div>
        </SourcedPart>
        {followUp.answer || followUp.lookFor.length > 0 ? (
          <details className="group mt-1.5 text-[13px]">
            <summary className="cursor-pointer text-xs font-medium text-muted-foreground select-none hover:text-foreground">What a good answer covers</summary>
            <div className="mt-2 grid gap-2 rounded-lg bg-muted/50 p-3">
              {followUp.answer ? <Markdown className="text-[13px]">{followUp.answer}</Markdown> : null}
              {followUp.lookFor.length > 0 ? (
                <ul className="list-disc space-y-0.5 pl-4 text-muted-foreground">
                  {followUp.lookFor.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </details>
        ) : null}
      </div>
      <div className="shrink-0">
        {revealed && followUp.revealedAt ? (
          <span className="inline-flex items-center gap-1 text-xs text-success-soft-foreground" data-testid="revealed-at">
            <Eye aria-hidden className="size-3.5" />
            Revealed
            {offsetInInterview(followUp.revealedAt, sessionStartedAt) ? ` at ${offsetInInterview(followUp.revealedAt, sessionStartedAt)}` : ""}
          </span>
        ) : canReveal ? (
          <Button size="sm" variant="outline" aria-label={`Reveal follow-up ${index + 1}`} loading={pending} onClick={() => onReveal(followUp.id)}>
            Reveal
            {index < 9 ? <Kbd className="-mr-1">{index + 1}</Kbd> : null}
          </Button>
        ) : (
          <span className="text-xs text-muted-foreground">Not revealed</span>
        )}
      </div>
    </li>
  );
}
