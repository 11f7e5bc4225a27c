"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { BookOpen, ChevronLeft, ChevronRight, ListChecks, MessageSquareReply, Search, Upload, X } from "lucide-react";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/components/providers/trpc-errors";
import { DocumentActions } from "@/components/bank/document-actions";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import type { AppRouter } from "@/server/api/app-router";
import { Select } from "@/components/bank/field-controls";
import { useTRPC } from "@/components/providers/trpc";
import { InlineTitle } from "@/components/ui/inline-title";

export interface BankFilters {
  q: string;
  document: string;
  section: string;
  difficulty: string;
  tag: string;
}

const PAGE_SIZE = 20;
const FILTER_KEYS = ["document", "section", "difficulty", "tag"] as const;

const plural = (n: number, word: string, words = `${word}s`) => `${n.toLocaleString("en")} ${n === 1 ? word : words}`;

/** Full-text search and filters over the bank; the URL carries them, so a search can be shared and survives "back". */
export function BankBrowser({ initial, canManage }: { initial: BankFilters; canManage: boolean }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState(initial);
  const q = useDebouncedValue(filters.q.trim(), 250);

  const criteria = { q, document: filters.document, section: filters.section, difficulty: filters.difficulty, tag: filters.tag };
  const query = new URLSearchParams(Object.entries(criteria).filter(([, value]) => value !== "")).toString();
  // Cursors of the pages before the current one, so "Previous" needs no offset arithmetic here; a new
  // search starts again at its first page.
  const [paging, setPaging] = useState<{ query: string; cursors: Array<string | null> }>({ query, cursors: [null] });
  const cursors = paging.query === query ? paging.cursors : [null];
  const setCursors = (change: (current: Array<string | null>) => Array<string | null>) => setPaging({ query, cursors: change(cursors) });
  const cursor = cursors[cursors.length - 1] ?? null;
  const onOpen = useSearchInAddress(query);

  const facets = useQuery(trpc.bank.facets.queryOptions({ documentId: filters.document || undefined }));
  const search = useBankSearch(filters, q, cursor);

  const set = (patch: Partial<BankFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = q !== "" || FILTER_KEYS.some((key) => filters[key] !== "");
  const page = search.data;
  const offset = Number(cursor ?? 0);
  const documentTitles = new Set(facets.data?.documents.map((d) => d.title));
  const selectedDocument = facets.data?.documents.find((d) => d.id === filters.document);

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:items-start">
      <FilterPanel
        facets={facets.data}
        filters={filters}
        filtered={filtered}
        onChange={set}
        onClear={() => setFilters({ q: "", document: "", section: "", difficulty: "", tag: "" })}
      />

      <section aria-label="Questions" className="grid min-w-0 grid-cols-1 gap-4">
        {selectedDocument ? <DocumentActions document={selectedDocument} onDeleted={() => set({ document: "", section: "" })} /> : null}
        <BankSearchInput value={filters.q} onChange={(value) => set({ q: value })} />

        {search.isError ? (
          <Alert variant="error">
            {errorMessage(search.error)}{" "}
            <button type="button" className="font-medium underline underline-offset-4" onClick={() => void search.refetch()}>
              Try again
            </button>
          </Alert>
        ) : !page ? (
          <ResultsSkeleton />
        ) : page.total === 0 ? (
          <EmptyBank
            filtered={filtered}
            q={q}
            canManage={canManage}
            onClear={() => setFilters({ q: "", document: "", section: "", difficulty: "", tag: "" })}
          />
        ) : (
          <ResultsPage
            page={page}
            offset={offset}
            q={q}
            fetching={search.isFetching}
            documentTitles={documentTitles}
            pageNumber={cursors.length}
            onPrevious={() => setCursors((c) => c.slice(0, -1))}
            onNext={(next) => setCursors((c) => [...c, next])}
            onOpen={onOpen}
          />
        )}
      </section>
    </div>
  );
}

/**
 * The search in the address, so that it can be shared and survives "back"; returns what to call when a result
 * is opened. From then on the list's address is left alone: a change fired by the debounce just after the click
 * (the search typed a moment before) would be a navigation that cancels the click's.
 */
function useSearchInAddress(query: string): () => void {
  const router = useRouter();
  const pathname = usePathname();
  const opening = useRef(false);
  useEffect(() => {
    if (!opening.current) router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }, [query, pathname, router]);
  return useCallback(() => {
    opening.current = true;
  }, []);
}

/** The bank's search for these filters and this page, keeping the last page on screen while the next loads. */
function useBankSearch(filters: BankFilters, q: string, cursor: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.bank.search.queryOptions({
      q: q || undefined,
      documentId: filters.document || undefined,
      section: filters.section || undefined,
      difficulty: filters.difficulty || undefined,
      tag: filters.tag || undefined,
      cursor,
      limit: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
}

function BankSearchInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div className="relative">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search the question bank"
        placeholder="Search prompts, answers, follow-ups, rubrics…"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="h-11 pl-9 text-[15px] sm:h-11"
        data-testid="bank-search"
      />
    </div>
  );
}

function ResultsSkeleton() {
  return (
    <Card className="divide-y" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="grid gap-2 px-5 py-4">
          <Skeleton className="h-4 w-4/5" />
          <Skeleton className="h-3 w-2/5" />
        </div>
      ))}
    </Card>
  );
}

/** One page of results: how many, the questions, and the way to the pages around it. */
function ResultsPage({
  page,
  offset,
  q,
  fetching,
  documentTitles,
  pageNumber,
  onPrevious,
  onNext,
  onOpen,
}: {
  page: SearchPage;
  offset: number;
  q: string;
  fetching: boolean;
  documentTitles: ReadonlySet<string>;
  pageNumber: number;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  onOpen: () => void;
}) {
  return (
    <>
      <p className="text-[13px] text-muted-foreground tabular-nums" aria-live="polite" data-testid="bank-total">
        {page.items.length > 0 ? `${(offset + 1).toLocaleString("en")}–${(offset + page.items.length).toLocaleString("en")} of ` : ""}
        {plural(page.total, "question")}
        {q ? ` matching “${q}”` : ""}
      </p>
      <Card className={fetching ? "opacity-70 transition-opacity" : "transition-opacity"}>
        <ul className="divide-y" aria-busy={fetching}>
          {page.items.map((item) => (
            <BankResult key={item.id} item={item} documentTitles={documentTitles} onOpen={onOpen} />
          ))}
        </ul>
      </Card>
      {pageNumber > 1 || page.nextCursor ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-2">
          <Button variant="outline" size="sm" disabled={pageNumber <= 1} onClick={onPrevious}>
            <ChevronLeft aria-hidden />
            Previous
          </Button>
          <span className="text-[13px] text-muted-foreground tabular-nums">
            Page {pageNumber} of {Math.max(1, Math.ceil(page.total / PAGE_SIZE))}
          </span>
          <Button
            variant="outline"
            size="sm"
            disabled={!page.nextCursor}
            onClick={() => {
              const next = page.nextCursor;
              if (next) onNext(next);
              window.scrollTo({ top: 0, behavior: "smooth" });
            }}
          >
            Next
            <ChevronRight aria-hidden />
          </Button>
        </nav>
      ) : null}
    </>
  );
}

type SearchPage = inferRouterOutputs<AppRouter>["bank"]["search"];

type SearchItem = inferRouterOutputs<AppRouter>["bank"]["search"]["items"][number];

/** One question in the results: its prompt, where it comes from, and what it holds. */
function BankResult({ item, documentTitles, onOpen }: { item: SearchItem; documentTitles: ReadonlySet<string>; onOpen: () => void }) {
  const section = item.section.filter((part) => !documentTitles.has(part) && part !== item.documentTitle);
  return (
    <li data-testid="bank-result">
      <Link
        href={`/bank/questions/${item.id}`}
        onClick={onOpen}
        className="group grid grid-cols-1 gap-1.5 px-5 py-4 outline-none transition-colors first:rounded-t-xl last:rounded-b-xl hover:bg-accent/50 focus-visible:bg-accent/60"
      >
        <span className="flex items-start justify-between gap-3">
          <span className="text-[15px] leading-6 font-medium text-foreground group-hover:text-primary-soft-foreground">
            <InlineTitle text={item.prompt} />
          </span>
          <ChevronRight aria-hidden className="mt-1 size-4 shrink-0 text-muted-foreground/50 transition-transform group-hover:translate-x-0.5" />
        </span>
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-muted-foreground">
          <span className="max-w-full truncate">
            {item.documentTitle}
            {section.length > 0 ? ` › ${section.slice(-2).join(" › ")}` : ""}
          </span>
          <span className="inline-flex items-center gap-1">
            <ListChecks aria-hidden className="size-3.5" />
            {plural(item.rubricCount, "criterion", "criteria")}
          </span>
          {item.followUpCount > 0 ? (
            <span className="inline-flex items-center gap-1">
              <MessageSquareReply aria-hidden className="size-3.5" />
              {plural(item.followUpCount, "follow-up")}
            </span>
          ) : null}
          {item.shared ? null : <Badge variant="neutral">Yours</Badge>}
          {item.difficulty ? <Badge variant="accent">{item.difficulty}</Badge> : null}
          {item.tags.slice(0, 3).map((tag) => (
            <Badge key={tag}>#{tag}</Badge>
          ))}
        </span>
      </Link>
    </li>
  );
}

/** No results: for a search, a way back; for an empty bank, the way to fill it. */
function EmptyBank({ filtered, q, canManage, onClear }: { filtered: boolean; q: string; canManage: boolean; onClear: () => void }) {
  return (
    <Card className="flex flex-col items-center px-6 py-14 text-center" data-testid="bank-empty">
      <span aria-hidden className="mb-4 flex size-11 items-center justify-center rounded-full border bg-muted/60">
        <BookOpen className="size-5 text-muted-foreground" />
      </span>
      {filtered ? (
        <>
          <p className="font-medium">No questions match</p>
          <p className="mt-1 max-w-sm text-sm text-muted-foreground">
            {q ? `Nothing in the bank matches “${q}”` : "Nothing matches these filters"}. Try other words, or clear the filters.
          </p>
          <Button variant="outline" size="sm" className="mt-5" onClick={onClear}>
            Clear search and filters
          </Button>
        </>
      ) : (
        <>
          <p className="font-medium">The bank is empty</p>
          <p className="mt-1 max-w-sm text-sm text-muted-foreground">
            Import your interview-prep documents to turn them into questions, follow-ups and rubrics.
          </p>
          {canManage ? (
            <Button asChild size="sm" className="mt-5">
              <Link href="/bank/import">
                <Upload aria-hidden />
                Import documents
              </Link>
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}

type Facets = inferRouterOutputs<AppRouter>["bank"]["facets"];

/** The bank's filters, each with how many questions it would leave. */
function FilterPanel({
  facets,
  filters,
  filtered,
  onChange,
  onClear,
}: {
  facets: Facets | undefined;
  filters: BankFilters;
  filtered: boolean;
  onChange: (change: Partial<BankFilters>) => void;
  onClear: () => void;
}) {
  const id = useId();
  // Two filters a row on phones, so the results start within the first screen.
  return (
    <aside aria-label="Filters" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:sticky lg:top-20 lg:grid-cols-1 lg:gap-4">
      {(
        [
          {
            key: "document",
            label: "Document",
            all: "All documents",
            options: facets?.documents.map((d) => ({ value: d.id, label: d.shared ? d.title : `${d.title} (yours)`, count: d.count })),
          },
          {
            key: "section",
            label: "Section",
            all: "All sections",
            options: facets?.sections.map((s) => ({ value: s.value, label: s.value, count: s.count })),
          },
          {
            key: "difficulty",
            label: "Difficulty",
            all: "Any difficulty",
            options: facets?.difficulties.map((d) => ({ value: d.value, label: d.value, count: d.count })),
          },
          { key: "tag", label: "Tag", all: "Any tag", options: facets?.tags.map((t) => ({ value: t.value, label: t.value, count: t.count })) },
        ] as const
      ).map((filter) => (
        <div key={filter.key} className="grid min-w-0 gap-2">
          <Label htmlFor={`${id}-${filter.key}`}>{filter.label}</Label>
          <Select
            id={`${id}-${filter.key}`}
            value={filters[filter.key]}
            disabled={!filter.options || (filter.options.length === 0 && filters[filter.key] === "")}
            onChange={(event) => onChange(filter.key === "document" ? { document: event.target.value, section: "" } : { [filter.key]: event.target.value })}
          >
            <option value="">{filter.options && filter.options.length === 0 ? `None yet` : filter.all}</option>
            {filter.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label} ({option.count})
              </option>
            ))}
          </Select>
        </div>
      ))}
      {filtered ? (
        <Button variant="ghost" size="sm" className="col-span-full justify-self-start" onClick={onClear}>
          <X aria-hidden />
          Clear search and filters
        </Button>
      ) : null}
    </aside>
  );
}
