import { protectedProcedure } from "@/server/api/trpc";
import { interviewTemplatesOutput } from "@/server/api/routers/interview/templates.schema";
import { listTemplates } from "@/server/services/interviews/templates";

export const interviewTemplates = protectedProcedure.output(interviewTemplatesOutput).query(({ ctx }) => listTemplates(ctx.db, ctx.user.id));
