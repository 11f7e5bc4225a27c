// Progress across a person's ended sessions: their released scores and coverage, and their calibration as a scorer.
import type { Pool } from "pg";
import type { SessionUser } from "@/server/auth/session";
import { calibration, candidateProgress, PROGRESS_SESSIONS, questionSources, type ProgressSession } from "@/server/domain/review/progress";
import { viewFor, type CandidateView, type Role, type StaffView } from "@/server/domain/room";
import { loadRoom } from "@/server/services/room/store";
import type { Progress } from "@/server/api/routers/review/progress.schema";

export async function progressOf(pool: Pool, user: SessionUser): Promise<Progress> {
  const { rows } = await pool.query<{ id: string; title: string; date: Date; role: Role }>(
    `SELECT s."id", s."title", coalesce(s."startedAt", s."createdAt") AS "date", p."role"
       FROM "Participant" p JOIN "InterviewSession" s ON s."id" = p."sessionId"
      WHERE p."userId" = $1 AND p."hiddenAt" IS NULL AND s."status" = 'ENDED'
      ORDER BY 3 DESC LIMIT $2`,
    [user.id, PROGRESS_SESSIONS],
  );
  // Loads asked for in the same turn share one query (room-store's batching); a session deleted meanwhile is skipped.
  const rooms = await Promise.all(rows.map((row) => loadRoom(pool, row.id)));
  const taken: Array<ProgressSession<CandidateView>> = [];
  const scored: Array<ProgressSession<StaffView>> = [];
  const sources = [];
  for (const [i, row] of rows.entries()) {
    const state = rooms[i]?.state;
    if (!state) continue;
    const viewer = { userId: user.id, role: row.role };
    const base = { sessionId: row.id, title: row.title, date: row.date.toISOString() };
    if (row.role === "CANDIDATE") {
      taken.push({ ...base, view: viewFor(state, { userId: user.id, role: "CANDIDATE" }) });
      sources.push(...questionSources(state, viewer));
    } else {
      scored.push({ ...base, view: viewFor(state, { userId: user.id, role: row.role }) });
    }
  }
  return {
    candidate: taken.length > 0 ? candidateProgress(taken, sources) : null,
    calibration: scored.length > 0 ? calibration(scored) : null,
  };
}
