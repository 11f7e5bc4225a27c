import { protectedProcedure } from "@/server/api/trpc";
import { interviewSaveTemplateInput, interviewSaveTemplateOutput } from "@/server/api/routers/interview/save-template.schema";
import { saveTemplate } from "@/server/services/interviews/templates";

export const interviewSaveTemplate = protectedProcedure
  .input(interviewSaveTemplateInput)
  .output(interviewSaveTemplateOutput)
  .mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.user, input));
