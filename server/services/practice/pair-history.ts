// Who has practised together and who has blocked whom, among the people one matching round considers.
import type { PairHistory } from "@/server/domain/practice/matching";

/** Runs one query with positional parameters ($1…): a pg client's or a Prisma transaction's. */
export type RowsOf = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

export async function pairHistoryOf(rowsOf: RowsOf, userIds: string[]): Promise<PairHistory> {
  const [paired, blocks] = await Promise.all([
    rowsOf<{ a: string; b: string }>(
      `SELECT "firstId" AS a, "secondId" AS b FROM "PeerSession" WHERE "status" IN ('ACCEPTED', 'ENDED') AND "firstId" = ANY($1) AND "secondId" = ANY($1)`,
      [userIds],
    ),
    rowsOf<{ a: string; b: string }>(`SELECT "blockerId" AS a, "blockedId" AS b FROM "PeerBlock" WHERE "blockerId" = ANY($1) AND "blockedId" = ANY($1)`, [
      userIds,
    ]),
  ]);
  const keyOf = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const pairedKeys = new Set(paired.map((row) => keyOf(row.a, row.b)));
  const blockedKeys = new Set(blocks.map((row) => keyOf(row.a, row.b)));
  return { pairedBefore: (a, b) => pairedKeys.has(keyOf(a, b)), blocked: (a, b) => blockedKeys.has(keyOf(a, b)) };
}
