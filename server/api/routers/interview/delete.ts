import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { sessionIdInput } from "@/server/api/routers/interview/schemas";
import { deleteSession } from "@/server/services/review/session-review";

/** Deletes a session and everything of it; the owner's, and not while it is live. */
export const interviewDelete = protectedProcedure
  .input(sessionIdInput)
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteSession(ctx.db, ctx.engine, ctx.user, input.sessionId);
    return { deleted: true as const };
  });
