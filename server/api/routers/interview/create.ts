import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { protectedProcedure } from "@/server/api/trpc";
import { interviewDetailsInput, planItemsInput } from "@/server/api/routers/interview/schemas";
import { createInterview } from "@/server/services/interviews/plan";

export const interviewCreate = protectedProcedure
  .input(interviewDetailsInput.extend({ items: planItemsInput, templateId: dbText.min(1).max(64).optional() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => createInterview(ctx.db, ctx.user, input));
