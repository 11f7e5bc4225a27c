import { z } from "zod";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";

export const BANK_SEARCH_MAX_LIMIT = 50;

export const bankSearchInputSchema = z.object({
  /** Words as typed into a search box: websearch syntax ("quoted phrase", -excluded, or). */
  q: z.string().trim().max(200).optional(),
  documentId: z.string().min(1).optional(),
  /** Matches any level of the question's heading path. */
  section: z.string().min(1).optional(),
  difficulty: z.string().min(1).optional(),
  tag: z.string().min(1).optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d{1,6}$/, "is not a cursor from this search").nullish(),
  limit: z.number().int().min(1).max(BANK_SEARCH_MAX_LIMIT).default(20),
});

export const bankSearchItemSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  section: z.array(z.string()),
  documentId: z.string(),
  documentTitle: z.string(),
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

// Must stay identical to the expression of "BankQuestion_search_idx" (see its migration) or the
// planner stops using the index.
const searchVector = Prisma.sql`(setweight(to_tsvector('english', q."prompt"), 'A') || setweight(to_tsvector('english', q."searchText"), 'B'))`;

/**
 * Ranked full-text search over current bank questions (prompt first, then answer, follow-ups,
 * rubric, key points, tags), narrowed by the filters. Without words: document order.
 */
export async function searchBank(db: Db, rawInput: BankSearchInput): Promise<BankSearchResult> {
  const input = bankSearchInputSchema.parse(rawInput);
  const offset = Number(input.cursor ?? 0);
  const words = input.q ?? "";

  const conditions = [Prisma.sql`q."retiredAt" IS NULL`];
  if (words !== "") conditions.push(Prisma.sql`${searchVector} @@ websearch_to_tsquery('english', ${words})`);
  if (input.documentId) conditions.push(Prisma.sql`q."documentId" = ${input.documentId}`);
  if (input.section) conditions.push(Prisma.sql`${input.section} = ANY(s."path")`);
  if (input.difficulty) conditions.push(Prisma.sql`q."difficulty" = ${input.difficulty}`);
  if (input.tag) conditions.push(Prisma.sql`${input.tag} = ANY(q."tags")`);
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId" LEFT JOIN "BankSection" s ON s."id" = q."sectionId"`;
  const order =
    words === ""
      ? Prisma.sql`d."title", d."sourceFile", q."position"`
      : // A question whose prompt matches comes before one that only mentions the words in a long answer.
        Prisma.sql`to_tsvector('english', q."prompt") @@ websearch_to_tsquery('english', ${words}) DESC,
                   ts_rank_cd(${searchVector}, websearch_to_tsquery('english', ${words})) DESC, d."title", q."position"`;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<unknown[]>`
      SELECT q."id", q."prompt", COALESCE(s."path", '{}') AS "section", q."documentId", d."title" AS "documentTitle",
             q."difficulty", q."tags",
             (SELECT count(*)::int FROM "BankFollowUp" f WHERE f."questionId" = q."id") AS "followUpCount",
             (SELECT count(*)::int FROM "RubricCriterion" r WHERE r."questionId" = q."id") AS "rubricCount"
      ${from} WHERE ${where} ORDER BY ${order} LIMIT ${input.limit} OFFSET ${offset}`,
    db.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS "total" ${from} WHERE ${where}`,
  ]);
  const items = z.array(bankSearchItemSchema).parse(rows);
  const total = counted[0]?.total ?? 0;
  const next = offset + items.length;
  return { items, nextCursor: next < total && items.length > 0 ? String(next) : null, total };
}
