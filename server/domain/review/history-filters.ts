import { z } from "zod";
import { dbText } from "../db-text";
import { recommendationSchema } from "../scoring/scale";

export const HISTORY_SORTS = ["newest", "oldest", "title", "longest"] as const;
export type HistorySort = (typeof HISTORY_SORTS)[number];
export const HISTORY_SORT_LABELS: Record<HistorySort, string> = { newest: "Newest first", oldest: "Oldest first", title: "Title", longest: "Longest" };

/** Sessions the user ran (owner, co-interviewer or observer) or took as the candidate. */
export const HISTORY_ROLES = ["ran", "took"] as const;
export const HISTORY_STATUSES = ["PLANNED", "LIVE", "ENDED", "CANCELLED"] as const;
export const HISTORY_PAGE_SIZE = 20;

const text = dbText.trim().max(200, "must be at most 200 characters");
const day = z.iso.date({ error: "must be a date (YYYY-MM-DD)" });

/** The history's filters, as the procedure and the page's query string both take them. */
export const historyFiltersSchema = z
  .strictObject({
    /** Matches the title, the candidate's name and the questions' prompts. */
    search: text.optional(),
    /** Inclusive days, in UTC, of the session's start (or its creation, when it never started). */
    from: day.optional(),
    to: day.optional(),
    status: z.enum(HISTORY_STATUSES).optional(),
    role: z.enum(HISTORY_ROLES).optional(),
    question: text.optional(),
    /** A document's title, as the history's `documents` lists them. */
    document: text.optional(),
    candidate: text.optional(),
    /** The recommendation on the viewer's own submitted scorecard. */
    recommendation: recommendationSchema.optional(),
    sort: z.enum(HISTORY_SORTS).default("newest"),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(HISTORY_PAGE_SIZE),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { error: "must not be before the start date", path: ["to"] });
export type HistoryFilters = z.infer<typeof historyFiltersSchema>;
export type HistoryFiltersInput = z.input<typeof historyFiltersSchema>;

/**
 * The filters from a page's query string: numbers come as text, and an empty field means no filter. What
 * is not a filter is kept, so that the schema names it instead of the page ignoring it silently.
 */
export function historyFiltersFromQuery(query: Record<string, string | string[] | undefined>): unknown {
  const filters: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    filters[key] = (key === "page" || key === "pageSize") && /^\d+$/.test(value) ? Number(value) : value;
  }
  return filters;
}
