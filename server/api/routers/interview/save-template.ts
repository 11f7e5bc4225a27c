import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { protectedProcedure } from "@/server/api/trpc";
import { sessionIdInput } from "@/server/api/routers/interview/schemas";
import { saveTemplate } from "@/server/services/interviews/templates";

export const interviewSaveTemplate = protectedProcedure
  .input(sessionIdInput.extend({ title: dbText.trim().min(1, "Give the template a name").max(200) }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.user, input));
