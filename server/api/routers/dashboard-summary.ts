import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { roleOutput, statusOutput } from "@/server/api/routers/interview-schemas";
import { bankReadScope } from "@/server/domain/bank/policy";
import { bankTotals } from "@/server/services/bank-facets";

export const dashboardSummary = protectedProcedure
  .output(
    z.object({
      bankQuestions: z.number().int(),
      bankDocuments: z.number().int(),
      interviewsRun: z.number().int(),
      interviewsTaken: z.number().int(),
      upcoming: z.array(z.object({ id: z.string(), title: z.string(), status: statusOutput, createdAt: z.date(), myRole: roleOutput })),
    }),
  )
  .query(async ({ ctx }) => {
    const userId = ctx.user.id;
    const [bank, interviewsRun, interviewsTaken, upcoming] = await Promise.all([
      bankTotals(ctx.db, bankReadScope(ctx.user)),
      // Counted once the interview has started: a plan that never ran was not an interview.
      ctx.db.participant.count({ where: { userId, role: "INTERVIEWER", session: { startedAt: { not: null } } } }),
      ctx.db.participant.count({ where: { userId, role: "CANDIDATE", session: { startedAt: { not: null } } } }),
      ctx.db.interviewSession.findMany({
        where: { participants: { some: { userId } }, status: { in: ["PLANNED", "LIVE"] } },
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, title: true, status: true, createdAt: true, participants: { where: { userId }, select: { role: true } } },
      }),
    ]);
    return {
      bankQuestions: bank.questions,
      bankDocuments: bank.documents,
      interviewsRun,
      interviewsTaken,
      upcoming: upcoming.map(({ participants, ...session }) => ({ ...session, myRole: participants[0]?.role ?? "OBSERVER" })),
    };
  });
