import { protectedProcedure } from "@/server/api/trpc";
import { interviewCancelInput, interviewCancelOutput } from "@/server/api/routers/interview/cancel.schema";
import { cancelInterview } from "@/server/services/interviews/schedule";

export const interviewCancel = protectedProcedure
  .input(interviewCancelInput)
  .output(interviewCancelOutput)
  .mutation(async ({ ctx, input }) => {
    await cancelInterview(ctx.db, ctx.user, input.sessionId, new Date(), ctx.emailOn);
    return { ok: true as const };
  });
