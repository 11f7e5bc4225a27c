// The matcher: pairs the people waiting, and withdraws the matches nobody answered. Every node runs it
// when someone joins (NOTIFY practice_queue) and every second; its rounds take turns through one
// PostgreSQL advisory lock, and lock the tickets they read, so no two rounds, on any nodes, ever offer
// one person two matches.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { pairUp, type Pair, type Waiting } from "@/server/domain/practice/matching";
import type { PracticeLevel } from "@/server/domain/practice/levels";
import { TICKET_TTL_MS } from "@/server/services/practice/queue";
import { pairHistoryOf } from "@/server/services/practice/pair-history";
import { inTransaction } from "@/server/platform/db/transaction";

/** Both must accept a match within this long, or it is withdrawn. */
export const ANSWER_WITHIN_MS = 60_000;
/** Each half of a peer session (asking, then answering). */
export const HALF_MINUTES = 30;
/** The most people one round considers: the oldest tickets first, the rest in the next round. */
const ROUND_LIMIT = 1_000;

// The rounds of every node take turns (transaction-scoped: released by COMMIT, or by a dead connection).
const TAKE_TURN_SQL = `SELECT pg_advisory_xact_lock(hashtext('mockroom.practice.matcher'))`;

const WAITING_SQL = `
SELECT t."userId", t."topic", t."alsoTopics", t."level", t."languages", t."joinedAt", COALESCE(p."noShows", 0) AS "noShows"
FROM "PracticeTicket" t LEFT JOIN "PracticeProfile" p ON p."userId" = t."userId"
WHERE t."proposalId" IS NULL AND t."seenAt" > $1
ORDER BY t."joinedAt" LIMIT ${ROUND_LIMIT}
FOR UPDATE OF t SKIP LOCKED`;

const PROPOSE_SQL = `
INSERT INTO "PeerSession" ("id", "topic", "firstId", "secondId", "answerBy", "halfMinutes")
SELECT m."id", m."topic", m."firstId", m."secondId", $5, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS m("id", "topic", "firstId", "secondId")`;

// Claims both people of each match; "proposalId" IS NULL makes a second claim of anyone change nothing.
const CLAIM_SQL = `
UPDATE "PracticeTicket" t SET "proposalId" = c."proposalId"
FROM unnest($1::text[], $2::text[]) AS c("userId", "proposalId")
WHERE t."userId" = c."userId" AND t."proposalId" IS NULL`;

/**
 * Withdraws the matches not accepted in time: who accepted goes back to waiting, in their old place; who
 * did not is taken out of the queue, and counted as a no-show. Drops the tickets nobody renewed.
 */
async function sweep(client: pg.PoolClient, now: Date): Promise<void> {
  const { rows: lapsed } = await client.query<{ id: string }>(
    `UPDATE "PeerSession" SET "status" = 'WITHDRAWN' WHERE "id" IN (
       SELECT "id" FROM "PeerSession" WHERE "status" = 'PROPOSED' AND "answerBy" <= $1 FOR UPDATE SKIP LOCKED) RETURNING "id"`,
    [now],
  );
  if (lapsed.length > 0) {
    const ids = lapsed.map((row) => row.id);
    const accepted = `(SELECT "firstId" FROM "PeerSession" WHERE "id" = ANY($1) AND "firstAcceptedAt" IS NOT NULL
                       UNION SELECT "secondId" FROM "PeerSession" WHERE "id" = ANY($1) AND "secondAcceptedAt" IS NOT NULL)`;
    await client.query(`UPDATE "PracticeTicket" SET "proposalId" = NULL, "seenAt" = $2 WHERE "proposalId" = ANY($1) AND "userId" IN ${accepted}`, [ids, now]);
    await client.query(
      `UPDATE "PracticeProfile" SET "noShows" = "noShows" + 1 WHERE "userId" IN (SELECT "userId" FROM "PracticeTicket" WHERE "proposalId" = ANY($1))`,
      [ids],
    );
    await client.query(`DELETE FROM "PracticeTicket" WHERE "proposalId" = ANY($1)`, [ids]);
  }
  await client.query(`DELETE FROM "PracticeTicket" WHERE "proposalId" IS NULL AND "seenAt" <= $1`, [new Date(now.getTime() - TICKET_TTL_MS)]);
}

async function propose(client: pg.PoolClient, pairs: Pair[], now: Date): Promise<void> {
  const ids = pairs.map(() => randomUUID());
  await client.query(PROPOSE_SQL, [
    ids,
    pairs.map((pair) => pair.topic),
    pairs.map((pair) => pair.first),
    pairs.map((pair) => pair.second),
    new Date(now.getTime() + ANSWER_WITHIN_MS),
    HALF_MINUTES,
  ]);
  const claimed = await client.query(CLAIM_SQL, [pairs.flatMap((pair) => [pair.first, pair.second]), ids.flatMap((id) => [id, id])]);
  // The tickets are locked by this round: anything else is a broken invariant, so nothing is kept.
  if (claimed.rowCount !== pairs.length * 2) throw new Error(`practice matcher: claimed ${claimed.rowCount} tickets for ${pairs.length} pairs`);
}

/** One round: sweep, then pair whoever is waiting. Returns the pairs it proposed. */
export async function matchRound(pool: pg.Pool, now: Date): Promise<Pair[]> {
  return inTransaction(pool, async (client) => {
    await client.query(TAKE_TURN_SQL);
    await sweep(client, now);
    const { rows } = await client.query<Omit<Waiting, "level"> & { level: PracticeLevel }>(WAITING_SQL, [new Date(now.getTime() - TICKET_TTL_MS)]);
    const pairs =
      rows.length < 2
        ? []
        : pairUp(
            rows,
            await pairHistoryOf(
              async (sql, params) => (await client.query(sql, params)).rows,
              rows.map((row) => row.userId),
            ),
            now,
          );
    if (pairs.length > 0) await propose(client, pairs, now);
    return pairs;
  });
}
