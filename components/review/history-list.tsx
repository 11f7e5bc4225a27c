import type { inferRouterOutputs } from "@trpc/server";
import { ChevronLeft, ChevronRight, History } from "lucide-react";
import Link from "next/link";
import { InterviewStatus } from "@/components/interviews/interview-status";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDuration } from "@/server/domain/format-duration";
import { ROLE_LABELS } from "@/server/domain/room/room-state";
import { RECOMMENDATION_LABELS } from "@/server/domain/scoring/scale";
import type { AppRouter } from "@/server/api/app-router";

type Query = Record<string, string | string[] | undefined>;
type HistoryPage = inferRouterOutputs<AppRouter>["review"]["history"];

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The same query with another page: filters and sort stay as they are. */
function pageHref(query: Query, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && key !== "page") params.set(key, first);
  }
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/history?${search}` : "/history";
}

export function HistoryList({ page, query }: { page: HistoryPage; query: Query }) {
  if (page.total === 0) {
    const filtered = Object.values(query).some((value) => value !== undefined && value !== "");
    return (
      <div className="flex flex-col items-center rounded-xl border border-dashed bg-card px-6 py-16 text-center">
        <History aria-hidden className="mb-3 size-6 text-muted-foreground" />
        <p className="text-sm font-medium">{filtered ? "No session matches these filters" : "No sessions yet"}</p>
        <p className="mt-1 max-w-sm text-sm text-muted-foreground">
          {filtered ? "Try fewer filters, or clear them." : "Sessions you run, take or observe appear here, with their scores and feedback."}
        </p>
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const first = (page.page - 1) * page.pageSize + 1;
  return (
    <section aria-label="Sessions" className="grid gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {page.rows.length === 0
          ? `Page ${page.page} is past the last page.`
          : pages === 1
            ? `${page.total} session${page.total === 1 ? "" : "s"}`
            : `${first}–${first + page.rows.length - 1} of ${page.total} sessions`}
      </p>
      <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs">
        {page.rows.map((row) => (
          <li key={row.id}>
            <Link
              href={`/sessions/${row.id}`}
              className="grid gap-1 px-4 py-3 hover:bg-accent/60 focus-visible:bg-accent focus-visible:outline-none sm:grid-cols-[1fr_auto] sm:items-center"
            >
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{row.title}</span>
                  <InterviewStatus status={row.status} />
                  {row.recommendation ? <Badge variant="outline">{RECOMMENDATION_LABELS[row.recommendation]}</Badge> : null}
                  {row.feedbackReleased ? <Badge variant="success">Feedback ready</Badge> : null}
                </div>
                <p className="mt-0.5 text-[13px] text-muted-foreground">
                  {dateFormat.format(new Date(row.date))} UTC · {ROLE_LABELS[row.myRole]}
                  {row.myRole === "CANDIDATE" ? ` · with ${row.ownerName}` : row.candidateName ? ` · ${row.candidateName}` : ""}
                  {` · ${row.questionCount} question${row.questionCount === 1 ? "" : "s"}`}
                  {row.durationMs !== null ? ` · ${formatDuration(row.durationMs)}` : ""}
                </p>
              </div>
              <ChevronRight aria-hidden className="hidden size-4 text-muted-foreground sm:block" />
            </Link>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-2">
          <Button asChild variant="outline" size="sm" aria-disabled={page.page <= 1}>
            <Link href={pageHref(query, Math.max(1, page.page - 1))} aria-label="Previous page">
              <ChevronLeft aria-hidden /> Previous
            </Link>
          </Button>
          <span className="text-sm text-muted-foreground">
            Page {page.page} of {pages}
          </span>
          <Button asChild variant="outline" size="sm" aria-disabled={page.page >= pages}>
            <Link href={pageHref(query, Math.min(pages, page.page + 1))} aria-label="Next page">
              Next <ChevronRight aria-hidden />
            </Link>
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
