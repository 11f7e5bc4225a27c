// What must hold in the database after any amount of matching, on any number of nodes: nobody offered or
// given two partners at once, nobody in more than one session's two halves, every session's halves made
// of its own two people with the roles swapped, and no ticket left on a match that is over.
import pg from "pg";

export interface Invariants {
  /** People in two or more peer sessions that are PROPOSED or ACCEPTED. */
  in_two_live_matches: number;
  /** People who are participants of more than two practice interviews (one session's two halves). */
  in_more_than_two_halves: number;
  /** ACCEPTED sessions whose halves are not exactly two, or not its two people in opposite roles. */
  malformed_sessions: number;
  /** Tickets still pointing at a proposal that is no longer PROPOSED. */
  tickets_on_closed_proposals: number;
}

const CHECKS: Record<keyof Invariants, string> = {
  in_two_live_matches: `
    SELECT count(*)::int AS n FROM (
      SELECT "userId" FROM (
        SELECT "firstId" AS "userId" FROM "PeerSession" WHERE "status" IN ('PROPOSED', 'ACCEPTED')
        UNION ALL SELECT "secondId" FROM "PeerSession" WHERE "status" IN ('PROPOSED', 'ACCEPTED')) m
      GROUP BY "userId" HAVING count(*) > 1) x`,
  in_more_than_two_halves: `
    SELECT count(*)::int AS n FROM (
      SELECT p."userId" FROM "Participant" p JOIN "InterviewSession" s ON s."id" = p."sessionId"
      WHERE s."peerSessionId" IS NOT NULL GROUP BY p."userId" HAVING count(*) > 2) x`,
  malformed_sessions: `
    SELECT count(*)::int AS n FROM "PeerSession" ps WHERE ps."status" = 'ACCEPTED' AND NOT (
      (SELECT count(*) FROM "InterviewSession" s WHERE s."peerSessionId" = ps."id") = 2
      AND (SELECT count(*) FROM "InterviewSession" s WHERE s."peerSessionId" = ps."id" AND s."id" IN (ps."firstHalfId", ps."secondHalfId")) = 2
      AND (SELECT array_agg(p."userId" || ':' || p."role"::text ORDER BY p."role"::text) FROM "Participant" p WHERE p."sessionId" = ps."firstHalfId")
          = ARRAY[ps."secondId" || ':CANDIDATE', ps."firstId" || ':INTERVIEWER']
      AND (SELECT array_agg(p."userId" || ':' || p."role"::text ORDER BY p."role"::text) FROM "Participant" p WHERE p."sessionId" = ps."secondHalfId")
          = ARRAY[ps."firstId" || ':CANDIDATE', ps."secondId" || ':INTERVIEWER'])`,
  tickets_on_closed_proposals: `
    SELECT count(*)::int AS n FROM "PracticeTicket" t JOIN "PeerSession" ps ON ps."id" = t."proposalId" WHERE ps."status" <> 'PROPOSED'`,
};

export async function checkInvariants(databaseUrl: string): Promise<Invariants> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const [name, sql] of Object.entries(CHECKS)) counts[name] = (await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
    return counts as unknown as Invariants;
  } finally {
    await client.end();
  }
}

export const invariantsHold = (invariants: Invariants): boolean => Object.values(invariants).every((count) => count === 0);
