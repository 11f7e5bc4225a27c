import { protectedProcedure } from "@/server/api/trpc";
import { reviewReplayInput } from "@/server/api/routers/review/replay.schema";
import { sessionReplay } from "@/server/services/review/session-review";

/** The room before its first event and every event the chosen perspective was shown, to fold into frames. */
export const reviewReplay = protectedProcedure
  .input(reviewReplayInput)
  .query(({ ctx, input }) => sessionReplay(ctx.db, ctx.pool, ctx.user, input.sessionId, input.perspective));
