import { protectedProcedure } from "@/server/api/trpc";
import { interviewCreateInput, interviewCreateOutput } from "@/server/api/routers/interview/create.schema";
import { createInterview } from "@/server/services/interviews/plan";

export const interviewCreate = protectedProcedure
  .input(interviewCreateInput)
  .output(interviewCreateOutput)
  .mutation(({ ctx, input }) => createInterview(ctx.db, ctx.user, input));
