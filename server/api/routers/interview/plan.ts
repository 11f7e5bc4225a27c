import { protectedProcedure } from "@/server/api/trpc";
import { interviewPlanInput, interviewPlanOutput } from "@/server/api/routers/interview/plan.schema";
import { getPlan } from "@/server/services/interviews/plan";

export const interviewPlan = protectedProcedure
  .input(interviewPlanInput)
  .output(interviewPlanOutput)
  .query(async ({ ctx, input }) => ({ ...(await getPlan(ctx.db, ctx.user.id, input.sessionId)), emailOn: ctx.emailOn }));
