import { protectedProcedure } from "@/server/api/trpc";
import { reviewSetHiddenInput, reviewSetHiddenOutput } from "@/server/api/routers/review/hide.schema";
import { setSessionHidden } from "@/server/services/review/session-review";

/** Hides a session from the caller's own history (or shows it again); not for the owner, who deletes. */
export const reviewSetHidden = protectedProcedure
  .input(reviewSetHiddenInput)
  .output(reviewSetHiddenOutput)
  .mutation(async ({ ctx, input }) => {
    await setSessionHidden(ctx.db, ctx.user, input.sessionId, input.hidden);
    return { hidden: input.hidden };
  });
