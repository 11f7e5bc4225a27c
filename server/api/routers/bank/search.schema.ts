import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

export const BANK_SEARCH_MAX_LIMIT = 50;

export const bankSearchInputSchema = z.object({
  /** Words as typed into a search box: websearch syntax ("quoted phrase", -excluded, or). */
  q: dbText.trim().max(200).optional(),
  documentId: dbText.min(1).optional(),
  /** Matches any level of the question's heading path. */
  section: dbText.min(1).optional(),
  difficulty: dbText.min(1).optional(),
  tag: dbText.min(1).optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: dbText.regex(/^\d{1,6}$/, "is not a cursor from this search").nullish(),
  limit: z.number().int().min(1).max(BANK_SEARCH_MAX_LIMIT).default(20),
});

export const bankSearchItemSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  section: z.array(z.string()),
  documentId: z.string(),
  documentTitle: z.string(),
  /** A shared (bundled) document's question, read-only; otherwise the reader's own. */
  shared: z.boolean(),
  difficulty: z.string().nullable(),
  tags: z.array(z.string()),
  followUpCount: z.number().int(),
  rubricCount: z.number().int(),
});

export const bankSearchResultSchema = z.object({
  items: z.array(bankSearchItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

export type BankSearchInput = z.input<typeof bankSearchInputSchema>;
export type BankSearchResult = z.infer<typeof bankSearchResultSchema>;
