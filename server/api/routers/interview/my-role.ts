import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { roleOutput, sessionIdInput } from "@/server/api/routers/interview/schemas";
import { myRole } from "@/server/services/interviews/membership";

export const interviewMyRole = protectedProcedure
  .input(sessionIdInput)
  .output(z.object({ role: roleOutput, title: z.string() }))
  .query(({ ctx, input }) => myRole(ctx.db, ctx.user.id, input.sessionId));
