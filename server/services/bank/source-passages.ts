import type { Db } from "@/server/platform/db/client";
import { passageWindows, sourceRanges, type PartSources, type SourcePassage } from "@/server/domain/bank/part-sources";

/**
 * The passages of a document that a question's parts come from, a few windows of its lines around them: all
 * that is read of the document's text, never the whole of it. Only for a question the caller may already read;
 * none when its parts have no sources or its document kept no text.
 */
export async function loadSourcePassages(db: Pick<Db, "$queryRaw">, documentId: string, sources: PartSources | undefined): Promise<SourcePassage[]> {
  const windows = sources ? passageWindows(sourceRanges(sources)) : [];
  if (windows.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ from: number; lines: string[] | null }>>`
    SELECT w."from", (string_to_array(d."sourceText", E'\n'))[w."from":w."to"] AS "lines"
    FROM "BankDocument" d, unnest(${windows.map((w) => w.from)}::int[], ${windows.map((w) => w.to)}::int[]) AS w("from", "to")
    WHERE d."id" = ${documentId} AND d."sourceText" IS NOT NULL
    ORDER BY w."from"`;
  return rows.flatMap((row) => (row.lines && row.lines.length > 0 ? [{ from: row.from, lines: row.lines }] : []));
}
