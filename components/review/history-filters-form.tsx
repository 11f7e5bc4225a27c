import { Search } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { HISTORY_SORT_LABELS, HISTORY_SORTS } from "@/server/domain/review/history-filters";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from "@/server/domain/scoring/scale";

type Query = Record<string, string | string[] | undefined>;

const selectClass =
  "h-10 w-full rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 sm:h-9";

function valueOf(query: Query, key: string): string {
  const value = query[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <label htmlFor={htmlFor} className="text-[13px] font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The history's filters as a GET form: works without JavaScript, and every result is a shareable address. */
export function HistoryFiltersForm({ query, documents }: { query: Query; documents: string[] }) {
  const document = valueOf(query, "document");
  return (
    <form method="get" action="/history" role="search" aria-label="Filter sessions" className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs print:hidden">
      <SearchBox defaultValue={valueOf(query, "search")} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Field label="From" htmlFor="history-from">
          <Input id="history-from" type="date" name="from" defaultValue={valueOf(query, "from")} />
        </Field>
        <Field label="To" htmlFor="history-to">
          <Input id="history-to" type="date" name="to" defaultValue={valueOf(query, "to")} />
        </Field>
        <Field label="Status" htmlFor="history-status">
          <select id="history-status" name="status" defaultValue={valueOf(query, "status")} className={selectClass}>
            <option value="">Any</option>
            <option value="ENDED">Ended</option>
            <option value="LIVE">Live</option>
            <option value="PLANNED">Planned</option>
          </select>
        </Field>
        <Field label="My part" htmlFor="history-role">
          <select id="history-role" name="role" defaultValue={valueOf(query, "role")} className={selectClass}>
            <option value="">Any</option>
            <option value="ran">Ran or observed</option>
            <option value="took">Took as candidate</option>
          </select>
        </Field>
        <Field label="My recommendation" htmlFor="history-recommendation">
          <select id="history-recommendation" name="recommendation" defaultValue={valueOf(query, "recommendation")} className={selectClass}>
            <option value="">Any</option>
            {RECOMMENDATIONS.map((recommendation) => (
              <option key={recommendation} value={recommendation}>
                {RECOMMENDATION_LABELS[recommendation]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sort" htmlFor="history-sort">
          <select id="history-sort" name="sort" defaultValue={valueOf(query, "sort") || "newest"} className={selectClass}>
            {HISTORY_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {HISTORY_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Candidate" htmlFor="history-candidate">
          <Input id="history-candidate" name="candidate" defaultValue={valueOf(query, "candidate")} />
        </Field>
        <Field label="Question" htmlFor="history-question">
          <Input id="history-question" name="question" defaultValue={valueOf(query, "question")} />
        </Field>
        <div className="col-span-2">
          <Field label="Document" htmlFor="history-document">
            <select id="history-document" name="document" defaultValue={document} className={selectClass}>
              <option value="">Any</option>
              {[...new Set([...documents, ...(document ? [document] : [])])].map((title) => (
                <option key={title} value={title}>
                  {title}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="col-span-2 flex items-end">
          <Button asChild variant="ghost" size="sm">
            <Link href="/history">Clear filters</Link>
          </Button>
        </div>
      </div>
    </form>
  );
}

function SearchBox({ defaultValue }: { defaultValue: string }) {
  return (
    <div className="flex gap-2">
      <div className="relative flex-1">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          name="search"
          aria-label="Search title, candidate or question"
          placeholder="Search title, candidate or question"
          defaultValue={defaultValue}
          className="pl-9"
        />
      </div>
      <Button type="submit">Apply</Button>
    </div>
  );
}
