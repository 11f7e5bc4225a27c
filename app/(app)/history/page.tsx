import type { Metadata } from "next";
import { HistoryFiltersForm } from "@/components/review/history-filters-form";
import { HistoryList } from "@/components/review/history-list";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import { historyFiltersFromQuery, historyFiltersSchema } from "@/server/domain/review/history-filters";

export const metadata: Metadata = { title: "History" };
export const dynamic = "force-dynamic";

/** Past sessions, filtered by the query string: a plain GET form, so a filtered list is a link to share or bookmark. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const parsed = historyFiltersSchema.safeParse(historyFiltersFromQuery(query));
  const history = parsed.success ? await (await serverApi()).review.history(parsed.data) : null;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader title="History" description="Every session you ran, co-ran, observed or took. Open one to review it, replay it or export it." />
      <div className="mt-8 grid gap-6">
        <HistoryFiltersForm query={query} documents={history?.documents ?? []} />
        {parsed.success && history ? (
          <HistoryList page={history} query={query} />
        ) : (
          <Alert variant="error">
            <p className="font-medium">These filters cannot be applied.</p>
            <ul className="mt-1 list-disc pl-4">
              {parsed.error?.issues.map((issue) => (
                <li key={`${issue.path.join(".")}:${issue.message}`}>
                  {issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}
                  {issue.message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </div>
    </div>
  );
}
