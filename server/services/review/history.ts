// The sessions a user ran or took, filtered, sorted and paged in one statement.
import type { Pool } from "pg";
import type { SessionUser } from "@/server/auth/session";
import type { HistoryFilters, HistorySort } from "@/server/domain/review/history-filters";
import type { Role } from "@/server/domain/room";
import type { Recommendation } from "@/server/domain/scoring/scale";
import type { HistoryPage, HistoryRow } from "@/server/api/routers/review/history.schema";

const ORDER_BY: Record<HistorySort, string> = {
  newest: `d."date" DESC, s."id"`,
  oldest: `d."date" ASC, s."id"`,
  title: `lower(s."title"), d."date" DESC, s."id"`,
  longest: `d."durationMs" DESC NULLS LAST, d."date" DESC, s."id"`,
};

/**
 * A candidate's searches and document filter see only the questions they were asked, and only once the
 * interview ended, as `questionSources` (domain/review/progress.ts) rules for the document and topic:
 * never a question they were not asked. `visitedQuestionIds` comes from the snapshot, which the room
 * writes before it acknowledges the end.
 */
const QUESTION_VISIBLE = `(p."role" <> 'CANDIDATE' OR (s."status" = 'ENDED' AND coalesce(s."snapshot"->'visitedQuestionIds', '[]'::jsonb) ? q."id"))`;
const MY_CARD = `(SELECT c FROM jsonb_array_elements(coalesce(s."snapshot"->'scorecards', '[]'::jsonb)) c
                   WHERE c->>'scorerId' = p."userId" AND c->>'submittedAt' IS NOT NULL LIMIT 1)`;

/** Escapes LIKE's wildcards, so that a search for "50%" means those characters. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Param = (value: unknown) => string;

/** The conditions the filters ask for, in the order their values are numbered by `param`. */
function filterConditions(filters: HistoryFilters, param: Param): string[] {
  const where: string[] = [`p."userId" = $1`, `p."hiddenAt" IS NULL`];
  if (filters.status) where.push(`s."status" = ${param(filters.status)}::"SessionStatus"`);
  if (filters.role === "took") where.push(`p."role" = 'CANDIDATE'`);
  if (filters.role === "ran") where.push(`p."role" <> 'CANDIDATE'`);
  if (filters.from) where.push(`d."date" >= ${param(filters.from)}::date`);
  if (filters.to) where.push(`d."date" < ${param(filters.to)}::date + 1`);
  if (filters.candidate) where.push(`d."candidate" ILIKE ${param(contains(filters.candidate))}`);
  if (filters.recommendation) where.push(`${MY_CARD}->'summary'->>'recommendation' = ${param(filters.recommendation)}`);
  if (filters.question) {
    where.push(
      `EXISTS (SELECT 1 FROM "SessionQuestion" q WHERE q."sessionId" = s."id" AND ${QUESTION_VISIBLE} AND q."prompt" ILIKE ${param(contains(filters.question))})`,
    );
  }
  if (filters.document) {
    where.push(
      `EXISTS (SELECT 1 FROM "SessionQuestion" q WHERE q."sessionId" = s."id" AND ${QUESTION_VISIBLE} AND q."documentTitle" = ${param(filters.document)})`,
    );
  }
  if (filters.search) {
    const pattern = param(contains(filters.search));
    where.push(`(s."title" ILIKE ${pattern} OR d."candidate" ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM "SessionQuestion" q WHERE q."sessionId" = s."id" AND ${QUESTION_VISIBLE} AND q."prompt" ILIKE ${pattern}))`);
  }
  return where;
}

/** The user's sessions with their owner, candidate, date and duration, as the page and the count read them. */
function fromClause(where: readonly string[]): string {
  return `FROM "Participant" p
         JOIN "InterviewSession" s ON s."id" = p."sessionId"
         JOIN "User" owner ON owner."id" = s."createdById"
         -- A session has one candidate at most (inviteAdmission), so this join adds no rows.
         LEFT JOIN "Participant" cp ON cp."sessionId" = s."id" AND cp."role" = 'CANDIDATE'
         LEFT JOIN "User" cu ON cu."id" = cp."userId"
         CROSS JOIN LATERAL (SELECT coalesce(s."startedAt", s."scheduledAt", s."createdAt") AS "date",
                                    (extract(epoch FROM s."endedAt" - s."startedAt") * 1000)::bigint::int AS "durationMs",
                                    coalesce(cu."name", s."candidateName") AS "candidate") d
        WHERE ${where.join(" AND ")}`;
}

interface HistoryRecord {
  id: string;
  title: string;
  status: HistoryRow["status"];
  role: Role;
  ownerName: string | null;
  candidateName: string | null;
  date: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  questionCount: number;
  recommendation: Recommendation | null;
  feedbackReleased: boolean;
  total: number;
}

function pageSql(from: string, sort: HistorySort, limit: string, offset: string): string {
  return `SELECT s."id", s."title", s."status", p."role", owner."name" AS "ownerName", d."candidate" AS "candidateName", d."date", s."startedAt", s."endedAt", d."durationMs",
              (SELECT count(*)::int FROM "SessionQuestion" q WHERE q."sessionId" = s."id") AS "questionCount",
              ${MY_CARD}->'summary'->>'recommendation' AS "recommendation",
              (p."role" = 'CANDIDATE' AND coalesce(s."snapshot"->'feedback'->'released', 'null'::jsonb) <> 'null'::jsonb) AS "feedbackReleased",
              count(*) OVER ()::int AS "total"
         ${from}
        ORDER BY ${ORDER_BY[sort]}
        LIMIT ${limit} OFFSET ${offset}`;
}

/** The document filter's choices, for the user in $1. */
const DOCUMENTS_SQL = `SELECT DISTINCT q."documentTitle" AS "title"
         FROM "Participant" p
         JOIN "InterviewSession" s ON s."id" = p."sessionId"
         JOIN "SessionQuestion" q ON q."sessionId" = s."id"
        WHERE p."userId" = $1 AND p."hiddenAt" IS NULL AND ${QUESTION_VISIBLE} AND q."documentTitle" IS NOT NULL
        ORDER BY 1`;

function historyRow(row: HistoryRecord): HistoryRow {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    myRole: row.role,
    ownerName: row.ownerName ?? "Interviewer",
    candidateName: row.candidateName,
    date: row.date.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    questionCount: row.questionCount,
    recommendation: row.recommendation,
    feedbackReleased: row.feedbackReleased,
  };
}

export async function sessionHistory(pool: Pool, user: SessionUser, filters: HistoryFilters): Promise<HistoryPage> {
  const values: unknown[] = [user.id];
  const param: Param = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  const from = fromClause(filterConditions(filters, param));
  const filterValues = [...values];
  const limit = param(filters.pageSize);
  const offset = param((filters.page - 1) * filters.pageSize);

  const [page, documents] = await Promise.all([
    pool.query<HistoryRecord>(pageSql(from, filters.sort, limit, offset), values),
    pool.query<{ title: string }>(DOCUMENTS_SQL, [user.id]),
  ]);
  return {
    rows: page.rows.map(historyRow),
    // Past the last page the window count has no row to ride on.
    total:
      page.rows[0]?.total ??
      (filters.page > 1 ? (await pool.query<{ total: number }>(`SELECT count(*)::int AS "total" ${from}`, filterValues)).rows[0]!.total : 0),
    page: filters.page,
    pageSize: filters.pageSize,
    documents: documents.rows.map((row) => row.title),
  };
}
