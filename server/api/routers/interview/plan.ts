import { protectedProcedure } from "@/server/api/trpc";
import { interviewPlanInput, interviewPlanOutput } from "@/server/api/routers/interview/plan.schema";
import { getPlan } from "@/server/services/interviews/plan";

export const interviewPlan = protectedProcedure
  .input(interviewPlanInput)
  .output(interviewPlanOutput)
  .query(({ ctx, input }) => getPlan(ctx.db, ctx.user.id, input.sessionId));
