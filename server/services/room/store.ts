import { withLegacySnapshotScores } from "@/server/domain/scoring/legacy";
import type { Pool } from "pg";
import {
  applyAll,
  createRoomState,
  progressOf,
  roomEventSchema,
  roomProgressSchema,
  type QuestionSnapshot,
  type Role,
  type RoomEvent,
  type RoomState,
  type ScratchpadLanguage,
  type StoredPadUpdate,
} from "@/server/domain/room";
import { AppError } from "@/server/platform/errors";
import { internQuestion } from "@/server/services/room/plan-interning";
import { tickBatcher } from "@/server/services/room/tick-batcher";

/**
 * The room's storage: an append-only event log, the plan (the questions as asked, stored once in
 * `SessionQuestion.snapshot`) and a small snapshot of the mutable state every few events. The hot path is
 * one SQL statement per batch of commands (see `appendBatch`); everything else runs when a room is loaded.
 * It speaks pg directly: the statement is fixed, and Prisma's query layer cost more than the query.
 */

export const ROOM_NOT_FOUND = "That interview was not found.";

export interface StoredEvent {
  seq: number;
  event: RoomEvent;
}

export interface LoadedRoom {
  state: RoomState;
  /** Sequence number of the last event folded into `state`. */
  seq: number;
  /** Sequence number the stored snapshot is at. */
  snapshotSeq: number;
}

const roomLoaders = new WeakMap<Pool, (sessionId: string) => Promise<LoadedRoom | null>>();

/**
 * The state as of the latest snapshot plus the events after it; null when there is no such session.
 * Loads that arrive in the same turn of the event loop share one query.
 */
export function loadRoom(pool: Pool, sessionId: string): Promise<LoadedRoom | null> {
  let load = roomLoaders.get(pool);
  if (!load) {
    load = tickBatcher((sessionIds) => loadRooms(pool, sessionIds));
    roomLoaders.set(pool, load);
  }
  return load(sessionId);
}

export interface PlanRow {
  id: string;
  position: number;
  timeBoxSec: number | null;
  snapshot: object;
}

/** The plan's questions as the room uses them: each stored snapshot with the row's own id, position and time box. */
export function planQuestions(rows: readonly PlanRow[]): QuestionSnapshot[] {
  return rows.map((row) => internQuestion({ ...row.snapshot, id: row.id, position: row.position, timeBoxSec: row.timeBoxSec } as QuestionSnapshot));
}

/**
 * The session's plan as a JSON array, for a subquery of a statement that reads the session (`s`): one
 * statement reads one snapshot, so a session deleted meanwhile is never half read (its row, but no plan).
 */
export const PLAN_JSON_SQL = `(SELECT coalesce(json_agg(json_build_object('id', q."id", 'position', q."position", 'timeBoxSec', q."timeBoxSec", 'snapshot', q."snapshot") ORDER BY q."position"), '[]')
     FROM "SessionQuestion" q WHERE q."sessionId" = s."id")`;

async function loadRooms(pool: Pool, sessionIds: string[]): Promise<Array<LoadedRoom | null>> {
  // One statement, so that the plan, the snapshot and the events after it are read at the same instant.
  const sessions = await pool.query<{
    id: string;
    version: number;
    snapshot: unknown;
    plan: PlanRow[];
    events: Array<{ seq: number; type: string; payload: unknown }>;
  }>(
    `SELECT s."id", s."version", s."snapshot", ${PLAN_JSON_SQL} AS "plan",
            (SELECT coalesce(json_agg(json_build_object('seq', e."seq", 'type', e."type", 'payload', e."payload") ORDER BY e."seq"), '[]')
               FROM "SessionEvent" e WHERE e."sessionId" = s."id" AND e."seq" > s."version") AS "events"
       FROM "InterviewSession" s WHERE s."id" = ANY($1::text[])`,
    [sessionIds],
  );
  const rows = new Map(sessions.rows.map((row) => [row.id, row]));
  return sessionIds.map((sessionId) => {
    const row = rows.get(sessionId);
    if (!row) return null;
    // Validated once, by createRoomState, which parses the whole state.
    const initial = createRoomState({ sessionId, questions: planQuestions(row.plan) });
    // Snapshots taken before the plan was stored apart still hold the questions; parsing drops them.
    const base =
      row.snapshot === null ? initial : withLegacySnapshotScores({ ...roomProgressSchema.parse(row.snapshot), questions: initial.questions }, row.snapshot);
    const later = row.events.map((event) => roomEventSchema.parse({ type: event.type, payload: event.payload }));
    return { state: applyAll(base, later), seq: row.events.at(-1)?.seq ?? row.version, snapshotSeq: row.version };
  });
}

const eventReaders = new WeakMap<Pool, (range: EventRange) => Promise<StoredEvent[]>>();

interface EventRange {
  sessionId: string;
  afterSeq: number;
  upToSeq: number;
}

/**
 * The session's events after `afterSeq` and up to `upToSeq` (to the end when omitted), in order, validated
 * on read like every JSON column. Reads made in the same turn of the event loop share one query.
 */
export function eventsBetween(pool: Pool, sessionId: string, afterSeq: number, upToSeq = MAX_SEQ): Promise<StoredEvent[]> {
  let read = eventReaders.get(pool);
  if (!read) {
    read = tickBatcher(async (ranges) => {
      const { rows } = await pool.query<{ i: number; seq: number; type: string; payload: unknown }>({
        name: "room-events-between",
        text: `SELECT w."i"::int AS "i", e."seq", e."type", e."payload"
                 FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS w("sessionId", "afterSeq", "upToSeq", "i")
                 JOIN "SessionEvent" e ON e."sessionId" = w."sessionId" AND e."seq" > w."afterSeq" AND e."seq" <= w."upToSeq"
                ORDER BY w."i", e."seq"`,
        values: [ranges.map((range) => range.sessionId), ranges.map((range) => range.afterSeq), ranges.map((range) => range.upToSeq)],
      });
      const events = ranges.map((): StoredEvent[] => []);
      for (const row of rows) events[row.i - 1]!.push({ seq: row.seq, event: roomEventSchema.parse({ type: row.type, payload: row.payload }) });
      return events;
    });
    eventReaders.set(pool, read);
  }
  return read({ sessionId, afterSeq, upToSeq });
}

/** The largest sequence number the `seq` column (PostgreSQL integer) holds. */
const MAX_SEQ = 2_147_483_647;

/** One command's events, to be appended right after `afterSeq`. */
export interface AppendItem {
  sessionId: string;
  afterSeq: number;
  events: RoomEvent[];
  /** A pad push's accepted updates (a command with no events), numbered after the pad's version. */
  pad?: { questionId: string; updates: StoredPadUpdate[] };
  actorId: string;
  idempotencyKey: string;
  at: Date;
}

export type AppendOutcome =
  | { kind: "appended" }
  /** The idempotency key was used before: nothing was written. */
  | { kind: "duplicate" }
  /** Another writer took the next sequence number: reload and decide again. */
  | { kind: "stale" }
  /** The session was deleted (its rows went while the command was decided): nothing was written. */
  | { kind: "gone" };

/**
 * Appends the events of one command per room, for any number of rooms, in ONE statement. A row goes in
 * only if its (session, seq) is free, which is the optimistic version check across nodes: a taken seq
 * fails the statement with a unique violation. A used idempotency key skips the command's rows
 * (ON CONFLICT DO NOTHING) instead of a lookup first. Notes and the session's lifecycle columns, which
 * reviews query directly, are written by the same statement from the rows that went in. Scorecards live
 * in the room state (its snapshot) and the log; the first cut's `Score` rows stay for old sessions.
 */
const APPEND_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS x("sessionId" text, "seq" int, "type" text, "actorId" text, "payload" jsonb, "idempotencyKey" text, "createdAt" timestamptz)
), ev AS (
  INSERT INTO "SessionEvent" ("id", "sessionId", "seq", "type", "actorId", "payload", "idempotencyKey", "createdAt")
  SELECT gen_random_uuid()::text, "sessionId", "seq", "type", "actorId", "payload", "idempotencyKey", "createdAt" FROM input
  ON CONFLICT ("idempotencyKey") DO NOTHING
  RETURNING "sessionId", "type", "payload"
), notes_added AS (
  INSERT INTO "Note" ("id", "sessionId", "sessionQuestionId", "authorId", "body", "createdAt", "updatedAt")
  SELECT payload->>'noteId', "sessionId", payload->>'questionId', payload->>'authorId', payload->>'body',
         (payload->>'createdAt')::timestamptz, (payload->>'createdAt')::timestamptz
  FROM ev WHERE "type" = 'noteAdded'
), notes_edited AS (
  UPDATE "Note" n SET "body" = ev.payload->>'body', "updatedAt" = (ev.payload->>'updatedAt')::timestamptz
  FROM ev WHERE ev."type" = 'noteEdited' AND n."id" = ev.payload->>'noteId'
), notes_deleted AS (
  UPDATE "Note" n SET "body" = '', "deletedAt" = (ev.payload->>'deletedAt')::timestamptz
  FROM ev WHERE ev."type" = 'noteDeleted' AND n."id" = ev.payload->>'noteId'
), lifecycle AS (
  UPDATE "InterviewSession" s SET
    "status" = (CASE ev."type" WHEN 'interviewStarted' THEN 'LIVE' ELSE 'ENDED' END)::"SessionStatus",
    "startedAt" = CASE ev."type" WHEN 'interviewStarted' THEN (ev.payload->>'startedAt')::timestamptz ELSE s."startedAt" END,
    "endedAt" = CASE ev."type" WHEN 'interviewEnded' THEN (ev.payload->>'endedAt')::timestamptz ELSE s."endedAt" END,
    "updatedAt" = now()
  FROM ev WHERE ev."type" IN ('interviewStarted', 'interviewEnded') AND s."id" = ev."sessionId"
), feedback_ready AS (
  -- The candidate is told that feedback was released, by an email queued in the statement that
  -- releases it (the outbox). $3 is whether this server sends email. A guest candidate's address is the
  -- one their emailed invitation went to.
  INSERT INTO "OutboxEmail" ("id", "kind", "to", "payload", "sessionId", "sendAfter", "createdAt")
  SELECT gen_random_uuid()::text, 'feedbackReady', r."email",
         jsonb_build_object('sessionId', s."id", 'title', s."title", 'recipientName', r."name"), s."id", now(), now()
  FROM ev
  JOIN "InterviewSession" s ON s."id" = ev."sessionId"
  CROSS JOIN LATERAL (
    SELECT coalesce(u."email", i."email") AS "email", coalesce(i."name", u."name") AS "name"
    FROM "Participant" p
    JOIN "User" u ON u."id" = p."userId"
    LEFT JOIN "Invitation" i ON i."inviteId" = p."inviteId"
    WHERE p."sessionId" = s."id" AND p."role" = 'CANDIDATE'
  ) r
  WHERE $3::boolean AND ev."type" = 'feedbackReleased' AND r."email" IS NOT NULL
), pads AS (
  INSERT INTO "PadUpdate" ("sessionId", "questionId", "version", "clientId", "changes", "language", "authorId", "createdAt")
  SELECT * FROM jsonb_to_recordset($2::jsonb)
    AS x("sessionId" text, "questionId" text, "version" int, "clientId" text, "changes" jsonb, "language" text, "authorId" text, "createdAt" timestamptz)
  RETURNING "sessionId"
)
SELECT "sessionId", count(*)::int AS "appended" FROM (SELECT "sessionId" FROM ev UNION ALL SELECT "sessionId" FROM pads) AS written GROUP BY "sessionId"`;

function padRowsOf(items: AppendItem[]) {
  return items.flatMap(({ sessionId, pad, actorId, at }) =>
    (pad?.updates ?? []).map((update) => ({
      sessionId,
      questionId: pad!.questionId,
      version: update.version,
      clientId: update.clientID,
      changes: update.changes,
      language: update.language ?? null,
      authorId: actorId,
      createdAt: at.toISOString(),
    })),
  );
}

function rowsOf(items: AppendItem[]) {
  return items.flatMap((item) =>
    item.events.map((event, index) => ({
      sessionId: item.sessionId,
      seq: item.afterSeq + index + 1,
      type: event.type,
      actorId: item.actorId,
      payload: event.payload,
      // One command may yield several events; each row needs its own key, derived from the command's.
      idempotencyKey: index === 0 ? item.idempotencyKey : `${item.idempotencyKey}#${index}`,
      createdAt: item.at.toISOString(),
    })),
  );
}

function isSeqConflict(error: unknown): boolean {
  const pgError = error as { code?: string; constraint?: string };
  // A taken event seq, or a taken pad version: another node wrote first.
  return pgError.code === "23505" && (pgError.constraint === "SessionEvent_sessionId_seq_key" || pgError.constraint === "PadUpdate_pkey");
}

/** The rows an append writes that need the session (and its plan) to exist. */
const SESSION_REFERENCES = new Set(["SessionEvent_sessionId_fkey", "Note_sessionId_fkey", "Note_sessionQuestionId_fkey", "PadUpdate_sessionId_fkey"]);

/** A foreign-key violation on the session: it was deleted after the command was decided, not a bug. */
function isSessionGone(error: unknown): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError.code === "23503" && SESSION_REFERENCES.has(pgError.constraint ?? "");
}

/** What a failed append means: another writer's seq, a deleted session, or a failure the caller reports. */
function appendFailure(error: unknown): AppendOutcome | { kind: "failed"; error: unknown } {
  if (isSeqConflict(error)) return { kind: "stale" };
  if (isSessionGone(error)) return { kind: "gone" };
  return { kind: "failed", error };
}

/**
 * Appends a batch (at most one command per room). When the batch fails, each item is tried alone, so
 * one stale room does not hold up the others; an item that fails alone for another reason rejects.
 */
export async function appendBatch(pool: Pool, items: AppendItem[], emailOn: boolean): Promise<Array<AppendOutcome | { kind: "failed"; error: unknown }>> {
  try {
    const { rows } = await pool.query<{ sessionId: string; appended: number }>({
      name: "room-append",
      text: APPEND_SQL,
      values: [JSON.stringify(rowsOf(items)), JSON.stringify(padRowsOf(items)), emailOn],
    });
    const appended = new Set(rows.map((row) => row.sessionId));
    return items.map((item) => ({ kind: appended.has(item.sessionId) ? "appended" : "duplicate" }));
  } catch (error) {
    if (items.length === 1) return [appendFailure(error)];
    return Promise.all(items.map(async (item) => (await appendBatch(pool, [item], emailOn))[0]!));
  }
}

/**
 * The first event of a room freezes its plan. It is appended under the session's row lock, which plan
 * edits take too, after checking that the questions are still the ones this node loaded; otherwise the
 * room is stale and must be loaded again.
 */
export async function appendFirst(
  pool: Pool,
  item: AppendItem,
  planIds: string[],
  emailOn: boolean,
): Promise<AppendOutcome | { kind: "failed"; error: unknown }> {
  const client = await pool.connect().catch((error: unknown) => error as Error);
  if (client instanceof Error) return { kind: "failed", error: client };
  try {
    await client.query("BEGIN");
    const locked = await client.query(`SELECT 1 FROM "InterviewSession" WHERE "id" = $1 FOR UPDATE`, [item.sessionId]);
    if (locked.rowCount === 0) {
      await client.query("ROLLBACK");
      return { kind: "gone" };
    }
    const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "SessionQuestion" WHERE "sessionId" = $1 ORDER BY "position"`, [item.sessionId]);
    if (rows.map((row) => row.id).join() !== planIds.join()) {
      await client.query("ROLLBACK");
      return { kind: "stale" };
    }
    const result = await client.query<{ sessionId: string }>({
      name: "room-append",
      text: APPEND_SQL,
      values: [JSON.stringify(rowsOf([item])), JSON.stringify(padRowsOf([item])), emailOn],
    });
    await client.query("COMMIT");
    return { kind: result.rows.length > 0 ? "appended" : "duplicate" };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    return appendFailure(error);
  } finally {
    client.release();
  }
}

const roleLookups = new WeakMap<Pool, (key: { sessionId: string; userId: string }) => Promise<Role | null>>();

/**
 * The user's role in the session from `Participant`, or null when they are not a member. Lookups made
 * in the same turn of the event loop share one query.
 */
export function participantRole(pool: Pool, sessionId: string, userId: string): Promise<Role | null> {
  let lookup = roleLookups.get(pool);
  if (!lookup) {
    lookup = tickBatcher(async (keys) => {
      const { rows } = await pool.query<{ sessionId: string; userId: string; role: Role }>({
        name: "room-participant-roles",
        text: `SELECT p."sessionId", p."userId", p."role" FROM "Participant" p
                 JOIN unnest($1::text[], $2::text[]) AS wanted("sessionId", "userId") USING ("sessionId", "userId")`,
        values: [keys.map((key) => key.sessionId), keys.map((key) => key.userId)],
      });
      const roles = new Map(rows.map((row) => [`${row.sessionId} ${row.userId}`, row.role]));
      return keys.map((key) => roles.get(`${key.sessionId} ${key.userId}`) ?? null);
    });
    roleLookups.set(pool, lookup);
  }
  return lookup({ sessionId, userId });
}

/**
 * The pad updates of a session after the versions given (a question not named: after its checkpoint's
 * version in `from`), by question, in order. What a node reads when it loads a room or finds that
 * another node wrote to its pads.
 */
export async function padUpdatesAfter(pool: Pool, sessionId: string, after: Record<string, number>): Promise<Map<string, StoredPadUpdate[]>> {
  const { rows } = await pool.query<{ questionId: string; version: number; clientId: string; changes: unknown; language: string | null }>({
    name: "room-pad-updates-after",
    text: `SELECT "questionId", "version", "clientId", "changes", "language" FROM "PadUpdate"
             WHERE "sessionId" = $1 AND "version" > COALESCE(($2::jsonb ->> "questionId")::int, 0)
             ORDER BY "questionId", "version"`,
    values: [sessionId, JSON.stringify(after)],
  });
  const byQuestion = new Map<string, StoredPadUpdate[]>();
  for (const row of rows) {
    const list = byQuestion.get(row.questionId) ?? [];
    list.push({
      version: row.version,
      clientID: row.clientId,
      changes: row.changes,
      ...(row.language ? { language: row.language as ScratchpadLanguage } : {}),
    });
    byQuestion.set(row.questionId, list);
  }
  return byQuestion;
}

/**
 * One pad's updates after `since`, for a client catching up: at most `limit` of them and, past the first,
 * at most `maxBytes` of changes in all. `more` when there are others after them.
 */
export async function padUpdatesSince(
  pool: Pool,
  sessionId: string,
  questionId: string,
  since: number,
  bounds: { limit: number; maxBytes: number },
): Promise<{ updates: StoredPadUpdate[]; more: boolean }> {
  // The changes of the first row that does not fit are not sent to this node: only that it exists.
  const { rows } = await pool.query<{ version: number; clientId: string; changes: unknown; language: string | null; fits: boolean }>({
    name: "room-pad-updates-since",
    text: `SELECT "version", "clientId", "language", CASE WHEN "fits" THEN "changes" END AS "changes", "fits" FROM (
             SELECT "version", "clientId", "language", "changes",
                    row_number() OVER w <= $4 AND (row_number() OVER w = 1 OR sum(octet_length("changes"::text)) OVER w <= $5) AS "fits"
               FROM "PadUpdate" WHERE "sessionId" = $1 AND "questionId" = $2 AND "version" > $3
             WINDOW w AS (ORDER BY "version") ORDER BY "version" LIMIT $4 + 1) AS page`,
    values: [sessionId, questionId, since, bounds.limit, bounds.maxBytes],
  });
  const fitting = rows.filter((row) => row.fits);
  return {
    updates: fitting.map((row) => ({
      version: row.version,
      clientID: row.clientId,
      changes: row.changes,
      ...(row.language ? { language: row.language as ScratchpadLanguage } : {}),
    })),
    more: fitting.length < rows.length,
  };
}

/**
 * What of a pad's stored updates is kept behind its checkpoint: the newest, up to this many bytes on
 * disk. A tab that was away for longer than that took to type pulls the pad whole (a reset) instead
 * of the updates it missed; for typing, 4 MiB is hours. It bounds what a member who floods the pad can
 * leave in the database (the socket's budget bounds how fast).
 */
export const PAD_KEPT_BYTES = 4 * 1024 * 1024;
/** The updates are pruned when a checkpoint passes a multiple of this many versions, not at every one. */
export const PAD_PRUNE_EVERY = 500;

/** Whether a checkpoint from `before` to `after` is one to prune at. */
export function prunesAt(before: number, after: number): boolean {
  return Math.floor(after / PAD_PRUNE_EVERY) > Math.floor(before / PAD_PRUNE_EVERY);
}

/** Deletes a pad's oldest updates at or behind the checkpoint at `revision`, past the newest PAD_KEPT_BYTES of them. */
export async function prunePadUpdates(pool: Pool, sessionId: string, questionId: string, revision: number, keptBytes = PAD_KEPT_BYTES): Promise<number> {
  const { rowCount } = await pool.query({
    name: "room-pad-prune",
    text: `DELETE FROM "PadUpdate" WHERE "sessionId" = $1 AND "questionId" = $2 AND "version" <= (
             SELECT max("version") FROM (
               SELECT "version", sum(pg_column_size("changes")) OVER (ORDER BY "version" DESC) AS "newer"
                 FROM "PadUpdate" WHERE "sessionId" = $1 AND "questionId" = $2 AND "version" <= $3) AS behind
             WHERE "newer" > $4)`,
    values: [sessionId, questionId, revision, keptBytes],
  });
  return rowCount ?? 0;
}

/** Where a command with this (sender-scoped) key was appended, if it was. */
export async function findCommand(pool: Pool, idempotencyKey: string): Promise<{ sessionId: string; seq: number } | null> {
  const { rows } = await pool.query<{ sessionId: string; seq: number }>(`SELECT "sessionId", "seq" FROM "SessionEvent" WHERE "idempotencyKey" = $1`, [
    idempotencyKey,
  ]);
  return rows[0] ?? null;
}

/** Interviews running now that started after `since`, the latest first (an abandoned one ages out). */
export async function liveSessionIds(pool: Pool, since: Date, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT "id" FROM "InterviewSession" WHERE "status" = 'LIVE' AND "startedAt" > $1 ORDER BY "startedAt" DESC LIMIT $2`,
    [since, limit],
  );
  return rows.map((row) => row.id);
}

/** Stores rooms' mutable state as of their `seq`, in one statement; an older snapshot never overwrites a newer one. */
export async function saveSnapshots(pool: Pool, rooms: Array<{ state: RoomState; seq: number }>): Promise<void> {
  if (rooms.length === 0) return;
  await pool.query(
    `UPDATE "InterviewSession" s SET "snapshot" = x."snapshot", "version" = x."version"
       FROM jsonb_to_recordset($1::jsonb) AS x("id" text, "snapshot" jsonb, "version" int)
      WHERE s."id" = x."id" AND s."version" < x."version"`,
    [JSON.stringify(rooms.map(({ state, seq }) => ({ id: state.sessionId, snapshot: progressOf(state), version: seq })))],
  );
}

export function roomNotFound(): AppError {
  return new AppError("NOT_FOUND", ROOM_NOT_FOUND);
}
