import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { sessionIdInput } from "@/server/api/routers/interview/schemas";
import { setSessionHidden } from "@/server/services/review/session-review";

/** Hides a session from the caller's own history (or shows it again); not for the owner, who deletes. */
export const reviewSetHidden = protectedProcedure
  .input(sessionIdInput.extend({ hidden: z.boolean() }))
  .output(z.object({ hidden: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    await setSessionHidden(ctx.db, ctx.user, input.sessionId, input.hidden);
    return { hidden: input.hidden };
  });
