import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import type { BankReadScope } from "@/server/domain/bank/policy";
import { competencySetOf } from "@/server/domain/scoring/competency-set";
import { visibleDocumentsSql, visibleQuestionsSql } from "@/server/services/bank/visibility";
import { bankFacetsSchema, type BankFacets } from "@/server/api/routers/bank/facets.schema";

/**
 * The values the bank's filters can take, with how many current questions the reader may see carry
 * each; narrowed to one document when given.
 */
export async function bankFacets(db: Db, scope: BankReadScope, documentId?: string): Promise<BankFacets> {
  const inDocument = documentId ? Prisma.sql`AND q."documentId" = ${documentId}` : Prisma.empty;
  const visible = visibleQuestionsSql(scope);
  const [documents, sections, difficulties, tags] = await Promise.all([
    db.$queryRaw<Array<{ competencies: unknown }>>`
      SELECT d."id", d."title", d."sourceFile", d."ownerId" IS NULL AS "shared", count(q."id")::int AS "count", d."competencies"
      FROM "BankDocument" d LEFT JOIN "BankQuestion" q ON q."documentId" = d."id" AND q."retiredAt" IS NULL AND ${visible}
      WHERE ${visibleDocumentsSql(scope)}
      GROUP BY d."id" ORDER BY d."title", d."sourceFile"`,
    db.$queryRaw<unknown[]>`
      SELECT p."value", count(*)::int AS "count"
      FROM "BankQuestion" q JOIN "BankSection" s ON s."id" = q."sectionId" JOIN "BankDocument" d ON d."id" = q."documentId",
           unnest(s."path") AS p("value")
      -- A heading that only repeats the document's title filters nothing the document filter does not.
      WHERE q."retiredAt" IS NULL AND p."value" <> d."title" AND ${visible} ${inDocument}
      GROUP BY p."value" ORDER BY count(*) DESC, p."value" LIMIT 200`,
    db.$queryRaw<unknown[]>`
      SELECT q."difficulty" AS "value", count(*)::int AS "count"
      FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId"
      WHERE q."retiredAt" IS NULL AND q."difficulty" IS NOT NULL AND ${visible} ${inDocument}
      GROUP BY q."difficulty" ORDER BY q."difficulty"`,
    db.$queryRaw<unknown[]>`
      SELECT t."value", count(*)::int AS "count"
      FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId", unnest(q."tags") AS t("value")
      WHERE q."retiredAt" IS NULL AND ${visible} ${inDocument}
      GROUP BY t."value" ORDER BY count(*) DESC, t."value" LIMIT 200`,
  ]);
  return bankFacetsSchema.parse({
    documents: documents.map((document) => ({ ...document, competencies: competencySetOf(document.competencies) })),
    sections,
    difficulties,
    tags,
  });
}

/** How many current questions and documents the reader may see; zero for those who may read nothing. */
export async function bankTotals(db: Db, scope: BankReadScope | null): Promise<{ questions: number; documents: number }> {
  if (!scope) return { questions: 0, documents: 0 };
  const [counted] = await db.$queryRaw<Array<{ questions: number; documents: number }>>`
    SELECT (SELECT count(*)::int FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId"
            WHERE q."retiredAt" IS NULL AND ${visibleQuestionsSql(scope)}) AS "questions",
           (SELECT count(*)::int FROM "BankDocument" d WHERE ${visibleDocumentsSql(scope)}) AS "documents"`;
  return counted ?? { questions: 0, documents: 0 };
}
