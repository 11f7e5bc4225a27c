import type { Db } from "@/server/platform/db/client";
import type { SessionUser } from "@/server/auth/session";
import { bankReadScope } from "@/server/domain/bank/policy";
import type { Role } from "@/server/domain/room";
import { bankTotals } from "@/server/services/bank/facets";

export interface DashboardSummary {
  bankQuestions: number;
  bankDocuments: number;
  interviewsRun: number;
  interviewsTaken: number;
  /** The planned and live sessions the user is in, with their role there: live, then soonest, then unscheduled. */
  upcoming: DashboardInterview[];
  /** The latest sessions the user is in that have ended, last ended first. */
  finished: DashboardInterview[];
}

type DashboardInterview = {
  id: string;
  title: string;
  status: "PLANNED" | "LIVE" | "ENDED" | "CANCELLED";
  createdAt: Date;
  scheduledAt: Date | null;
  myRole: Role;
};

const LISTED = 5;
const listedFields = (userId: string) =>
  ({ id: true, title: true, status: true, createdAt: true, scheduledAt: true, participants: { where: { userId }, select: { role: true } } }) as const;

/** The dashboard's figures for one user: what their bank holds, what they ran and took, what is coming up. */
export async function summariseDashboard(db: Db, user: SessionUser): Promise<DashboardSummary> {
  const userId = user.id;
  const [bank, interviewsRun, interviewsTaken, upcoming, finished] = await Promise.all([
    bankTotals(db, bankReadScope(user)),
    // Counted once the interview has started: a plan that never ran was not an interview.
    db.participant.count({ where: { userId, role: "INTERVIEWER", session: { startedAt: { not: null } } } }),
    db.participant.count({ where: { userId, role: "CANDIDATE", session: { startedAt: { not: null } } } }),
    db.interviewSession.findMany({
      where: { participants: { some: { userId } }, status: { in: ["PLANNED", "LIVE"] } },
      // Live first (the enum orders PLANNED before LIVE), then what comes soonest; unscheduled plans after, newest first.
      orderBy: [{ status: "desc" }, { scheduledAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
      take: LISTED,
      select: listedFields(userId),
    }),
    // Hidden from the user's history (review.setHidden) means hidden here too.
    db.interviewSession.findMany({
      where: { participants: { some: { userId, hiddenAt: null } }, status: "ENDED" },
      orderBy: [{ endedAt: "desc" }, { createdAt: "desc" }],
      take: LISTED,
      select: listedFields(userId),
    }),
  ]);
  // The `where` clauses make the user a participant of each.
  const withRole = (sessions: typeof upcoming) =>
    sessions.flatMap(({ participants, ...session }) => (participants[0] ? [{ ...session, myRole: participants[0].role }] : []));
  return {
    bankQuestions: bank.questions,
    bankDocuments: bank.documents,
    interviewsRun,
    interviewsTaken,
    upcoming: withRole(upcoming),
    finished: withRole(finished),
  };
}
