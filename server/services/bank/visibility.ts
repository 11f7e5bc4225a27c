import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import type { BankReadScope } from "@/server/domain/bank/policy";

/**
 * The bank's read policy (server/domain/bank/policy.ts) as SQL, over a BankDocument aliased `d`. Every
 * bank read goes through this condition or `visibleQuestionsSql`; nothing else filters by owner.
 */
export function visibleDocumentsSql(scope: BankReadScope): Prisma.Sql {
  return scope.readerId === null ? Prisma.sql`d."ownerId" IS NULL` : Prisma.sql`(d."ownerId" IS NULL OR d."ownerId" = ${scope.readerId})`;
}

/** Questions (aliased `q`, with their document as `d`) that the scope may read. */
export function visibleQuestionsSql(scope: BankReadScope): Prisma.Sql {
  if (scope.readerId === null) return visibleDocumentsSql(scope);
  return Prisma.sql`${visibleDocumentsSql(scope)} AND NOT EXISTS (
    SELECT 1 FROM "SessionQuestion" sq
    JOIN "InterviewSession" s ON s."id" = sq."sessionId"
    JOIN "Participant" p ON p."sessionId" = s."id"
    WHERE sq."bankQuestionId" = q."id" AND s."status" IN ('PLANNED', 'LIVE')
      AND p."userId" = ${scope.readerId} AND p."role" = 'CANDIDATE')`;
}

/** Which of `ids` the scope may read (retired questions included: templates still show them). */
export async function readableQuestionIds(db: Pick<Db, "$queryRaw">, scope: BankReadScope, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT q."id" FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId"
    WHERE q."id" = ANY(${[...ids]}::text[]) AND ${visibleQuestionsSql(scope)}`;
  return new Set(rows.map((row) => row.id));
}
