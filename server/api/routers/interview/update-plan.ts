import { protectedProcedure } from "@/server/api/trpc";
import { interviewUpdatePlanInput, interviewUpdatePlanOutput } from "@/server/api/routers/interview/update-plan.schema";
import { updatePlan } from "@/server/services/interviews/plan";

export const interviewUpdatePlan = protectedProcedure
  .input(interviewUpdatePlanInput)
  .output(interviewUpdatePlanOutput)
  .mutation(async ({ ctx, input }) => {
    const { sessionId, ...plan } = input;
    await updatePlan(ctx.db, ctx.engine, ctx.user, sessionId, plan);
    return { ok: true as const };
  });
