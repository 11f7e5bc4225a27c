"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Check, MessageSquarePlus, Plus, Search } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useTRPC } from "@/components/providers/trpc";
import { InlineTitle } from "@/components/ui/inline-title";
import { plainTitle } from "@/components/ui/inline-code";
import { FormError } from "@/components/ui/form-error";

export interface PickedQuestion {
  bankQuestionId: string;
  prompt: string;
  section: string[];
  followUpCount: number;
}

interface QuestionPickerProps {
  pickedIds: ReadonlySet<string>;
  onAdd: (question: PickedQuestion) => void;
}

const PAGE = 20;

/** Search over the whole bank (debounced), each hit one click away from the plan. */
export function QuestionPicker({ pickedIds, onAdd }: QuestionPickerProps) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const query = useDebouncedValue(q.trim(), 250);
  const search = useInfiniteQuery({
    ...trpc.bank.search.infiniteQueryOptions({ q: query || undefined, limit: PAGE }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const total = search.data?.pages[0]?.total ?? 0;
  // The list shown is for the words typed only once the debounce has passed and their results came.
  const current = query === q.trim() && !search.isPlaceholderData;

  return (
    <section aria-labelledby="picker-heading" className="flex min-h-0 min-w-0 flex-col rounded-xl border bg-card shadow-xs">
      <header className="grid gap-3 border-b p-4">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="picker-heading" className="text-sm font-semibold">
            Question bank
          </h2>
          {search.data ? (
            <span className="text-xs text-muted-foreground tabular-nums" aria-live="polite">
              {total} question{total === 1 ? "" : "s"}
            </span>
          ) : null}
        </div>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            type="search"
            aria-label="Search the question bank"
            placeholder="Search questions, answers, topics…"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            className="pl-9"
          />
        </div>
      </header>
      {search.isError ? (
        <FormError message={errorMessage(search.error)} className="p-4" />
      ) : !search.data ? (
        <div className="grid gap-3 p-4">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-14" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <p className="p-6 text-center text-sm text-muted-foreground">No questions match “{query}”.</p>
      ) : (
        <ul
          aria-label="Search results"
          className="min-h-0 flex-1 divide-y overflow-y-auto"
          aria-busy={!current || search.isFetching}
          data-results-for={current ? query : undefined}
        >
          {items.map((item) => (
            <BankResult key={item.id} item={item} picked={pickedIds.has(item.id)} onAdd={onAdd} />
          ))}
          {search.hasNextPage ? (
            <li className="p-3 text-center">
              <Button variant="ghost" size="sm" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                Show more
              </Button>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}

type BankHit = { id: string; prompt: string; section: string[]; documentTitle: string; followUpCount: number; difficulty: string | null };

function BankResult({ item, picked, onAdd }: { item: BankHit; picked: boolean; onAdd: (question: PickedQuestion) => void }) {
  return (
    <li className="flex items-start gap-3 px-4 py-3" data-testid="bank-result">
      <div className="min-w-0 flex-1">
        <p className="line-clamp-2 text-sm leading-5">
          <InlineTitle text={item.prompt} />
        </p>
        <p className="mt-1 flex min-w-0 items-center gap-x-2 text-xs text-muted-foreground">
          <span className="min-w-0 truncate" title={[item.documentTitle, ...item.section].join(" › ")}>
            {item.section.at(-1) ?? item.documentTitle}
          </span>
          {item.followUpCount > 0 ? (
            <span className="inline-flex shrink-0 items-center gap-1">
              <MessageSquarePlus aria-hidden className="size-3" />
              {item.followUpCount} follow-up{item.followUpCount === 1 ? "" : "s"}
            </span>
          ) : null}
          {item.difficulty ? <Badge className="shrink-0 py-0">{item.difficulty}</Badge> : null}
        </p>
      </div>
      <Button
        size="sm"
        variant={picked ? "ghost" : "outline"}
        disabled={picked}
        aria-label={picked ? `Added: ${plainTitle(item.prompt)}` : `Add question: ${plainTitle(item.prompt)}`}
        onClick={() => onAdd({ bankQuestionId: item.id, prompt: item.prompt, section: item.section, followUpCount: item.followUpCount })}
      >
        {picked ? <Check aria-hidden /> : <Plus aria-hidden />}
        {picked ? "Added" : "Add"}
      </Button>
    </li>
  );
}
