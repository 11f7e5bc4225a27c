import { protectedProcedure } from "@/server/api/trpc";
import { interviewDeleteInput, interviewDeleteOutput } from "@/server/api/routers/interview/delete.schema";
import { deleteSession } from "@/server/services/review/session-review";

/** Deletes a session and everything of it; the owner's, and not while it is live. */
export const interviewDelete = protectedProcedure
  .input(interviewDeleteInput)
  .output(interviewDeleteOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteSession(ctx.db, ctx.engine, ctx.user, input.sessionId, ctx.emailOn);
    return { deleted: true as const };
  });
