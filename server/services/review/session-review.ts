// A past (or running) session as one of its members may review it: the page, the replay and the exports.
import type { Pool } from "pg";
import type { Db } from "@/server/platform/db/client";
import type { SessionUser } from "@/server/auth/session";
import { canDeleteSession, canHideSession, perspectivesFor } from "@/server/domain/review/policy";
import { replayFor, type LoggedEvent, type Perspective, type Replay } from "@/server/domain/review/replay";
import { sessionBoards, sessionMarkdown } from "@/server/domain/review/report";
import { createRoomState, roomEventSchema, viewFor, type QuestionSnapshot } from "@/server/domain/room";
import { AppError } from "@/server/platform/errors";
import { loadRoom, PLAN_JSON_SQL, planQuestions, ROOM_NOT_FOUND, type PlanRow } from "@/server/services/room/store";
import type { RoomEngine } from "@/server/services/room/engine";
import type { ReviewedSession, SessionReview } from "@/server/api/routers/review/session.schema";
import type { ExportFormat, SessionExport } from "@/server/api/routers/review/export.schema";
import { tellOfDeletion } from "@/server/services/interviews/schedule";

/**
 * The session and the user's part in it; not found, exactly like a session that does not exist, when
 * they are not one of its members.
 */
async function reviewedSession(db: Db, user: SessionUser, sessionId: string): Promise<ReviewedSession> {
  // Read from the session down, not from the membership up: Prisma reads a relation with a query of its
  // own, and a session deleted between the two must read as no membership, never as a member with no session.
  const session = await db.interviewSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      status: true,
      candidateName: true,
      createdAt: true,
      scheduledAt: true,
      startedAt: true,
      endedAt: true,
      peerSessionId: true,
      createdBy: { select: { name: true } },
      // The caller's membership and the candidate (one at most, inviteAdmission); a session deleted before
      // this relation is read has no members, so it reads as NOT_FOUND.
      participants: {
        where: { OR: [{ userId: user.id }, { role: "CANDIDATE" }] },
        select: { userId: true, role: true, hiddenAt: true, user: { select: { name: true } } },
      },
    },
  });
  const participant = session?.participants.find((member) => member.userId === user.id);
  if (!session || !participant) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  const candidate = session.participants.find((member) => member.role === "CANDIDATE");
  const { role } = participant;
  return {
    id: session.id,
    title: session.title,
    status: session.status,
    ownerName: session.createdBy.name ?? "Interviewer",
    // As in review.history (history.ts): the candidate who joined, by their name, else the name in the plan.
    candidateName: candidate?.user.name ?? session.candidateName,
    createdAt: session.createdAt.toISOString(),
    scheduledAt: session.scheduledAt?.toISOString() ?? null,
    startedAt: session.startedAt?.toISOString() ?? null,
    endedAt: session.endedAt?.toISOString() ?? null,
    myRole: role,
    peerSessionId: session.peerSessionId,
    hidden: participant.hiddenAt !== null,
    canDelete: canDeleteSession(role, session.status, session.peerSessionId !== null),
    canHide: canHideSession(role, session.peerSessionId !== null),
    perspectives: perspectivesFor(role),
  };
}

export async function sessionReview(db: Db, pool: Pool, user: SessionUser, sessionId: string, now = new Date()): Promise<SessionReview> {
  const session = await reviewedSession(db, user, sessionId);
  const loaded = await loadRoom(pool, sessionId);
  if (!loaded) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  return { session, view: viewFor(loaded.state, { userId: user.id, role: session.myRole }, now) };
}

export async function sessionReplay(db: Db, pool: Pool, user: SessionUser, sessionId: string, perspective: Perspective): Promise<Replay> {
  const session = await reviewedSession(db, user, sessionId);
  const { questions, log } = await planAndLogOf(pool, sessionId);
  return replayFor(createRoomState({ sessionId, questions }), log, { userId: user.id, role: session.myRole }, perspective);
}

/** The report as a file; each member's holds only what their own view and replay hold. */
export async function sessionExport(db: Db, pool: Pool, user: SessionUser, sessionId: string, format: ExportFormat, now = new Date()): Promise<SessionExport> {
  const { session, view } = await sessionReview(db, pool, user, sessionId, now);
  const base = `${slug(session.title)}-${session.id.slice(0, 8)}`;
  if (format === "markdown") return { filename: `${base}.md`, mimeType: "text/markdown; charset=utf-8", content: sessionMarkdown(session, view) };
  const replay = await sessionReplay(db, pool, user, sessionId, "own");
  const { canDelete: _delete, canHide: _hide, perspectives: _perspectives, hidden: _hidden, ...meta } = session;
  // `boards`: each asked question's drawing as SVG with its elements, from the same view (an addition: still version 1).
  const document = {
    format: "mockroom.session",
    version: 1,
    exportedAt: now.toISOString(),
    session: meta,
    view,
    boards: sessionBoards(view),
    events: replay.steps,
  };
  return { filename: `${base}.json`, mimeType: "application/json", content: JSON.stringify(document, null, 2) };
}

/**
 * Deletes the session and everything of it (questions, log, notes, invites, members), owner only. Members
 * still in its room are told, as if removed.
 */
export async function deleteSession(db: Db, engine: RoomEngine, user: SessionUser, sessionId: string, emailOn: boolean): Promise<void> {
  // Membership first, without a lock: an outsider learns nothing and holds no row.
  requireDeletable(await reviewedSession(db, user, sessionId));
  const members = await db.$transaction(async (tx) => {
    // Locked, then checked again: the room cannot start between the check and the delete (room-store appendFirst).
    await tx.$queryRaw`SELECT 1 FROM "InterviewSession" WHERE "id" = ${sessionId} FOR UPDATE`;
    requireDeletable(await reviewedSession(tx as unknown as Db, user, sessionId));
    const participants = await tx.participant.findMany({ where: { sessionId }, select: { userId: true } });
    await tellOfDeletion(tx, sessionId, user.id, new Date(), emailOn);
    await tx.interviewSession.delete({ where: { id: sessionId } });
    return participants.map((participant) => participant.userId);
  });
  engine.deleted(sessionId, members);
}

function requireDeletable(session: ReviewedSession): void {
  if (session.canDelete) return;
  if (session.myRole !== "INTERVIEWER") throw new AppError("FORBIDDEN", "Only the interviewer who owns a session can delete it.");
  if (session.peerSessionId !== null) throw new AppError("FORBIDDEN", "A practice session is your partner's record too; hide it from your history instead.");
  throw new AppError("CONFLICT", "End the interview before deleting it.");
}

/** Hides the session from the member's own history, or shows it again; nobody else's list changes. */
export async function setSessionHidden(db: Db, user: SessionUser, sessionId: string, hidden: boolean): Promise<void> {
  const session = await reviewedSession(db, user, sessionId);
  if (!session.canHide) throw new AppError("FORBIDDEN", "The owner deletes a session instead of hiding it.");
  await db.participant.update({ where: { sessionId_userId: { sessionId, userId: user.id } }, data: { hiddenAt: hidden ? new Date() : null } });
}

/**
 * The plan and the whole log with the instant each event was appended, in one statement (one snapshot:
 * a session deleted meanwhile is not found, never a plan without its log), validated on read like every
 * JSON column.
 */
async function planAndLogOf(pool: Pool, sessionId: string): Promise<{ questions: QuestionSnapshot[]; log: LoggedEvent[] }> {
  const { rows } = await pool.query<{ plan: PlanRow[]; log: Array<{ seq: number; type: string; payload: unknown; createdAt: string }> }>({
    name: "review-plan-and-log",
    text: `SELECT ${PLAN_JSON_SQL} AS "plan",
                  (SELECT coalesce(json_agg(json_build_object('seq', e."seq", 'type', e."type", 'payload', e."payload", 'createdAt', e."createdAt") ORDER BY e."seq"), '[]')
                     FROM "SessionEvent" e WHERE e."sessionId" = s."id") AS "log"
             FROM "InterviewSession" s WHERE s."id" = $1`,
    values: [sessionId],
  });
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  return {
    questions: planQuestions(row.plan),
    log: row.log.map((entry) => ({
      seq: entry.seq,
      at: new Date(entry.createdAt).toISOString(),
      event: roomEventSchema.parse({ type: entry.type, payload: entry.payload }),
    })),
  };
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "session"
  );
}
