import { protectedProcedure } from "@/server/api/trpc";
import { interviewScheduleInput, interviewScheduleOutput } from "@/server/api/routers/interview/schedule.schema";
import { scheduleInterview } from "@/server/services/interviews/schedule";

export const interviewSchedule = protectedProcedure
  .input(interviewScheduleInput)
  .output(interviewScheduleOutput)
  .mutation(({ ctx, input }) => scheduleInterview(ctx.db, ctx.user, input, new Date(), ctx.emailOn));
