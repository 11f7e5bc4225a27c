import { protectedProcedure } from "@/server/api/trpc";
import { interviewListOutput } from "@/server/api/routers/interview/list.schema";
import { listInterviews } from "@/server/services/interviews/plan";

export const interviewList = protectedProcedure.output(interviewListOutput).query(({ ctx }) => listInterviews(ctx.db, ctx.user.id));
