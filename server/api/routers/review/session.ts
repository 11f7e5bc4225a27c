import { protectedProcedure } from "@/server/api/trpc";
import { reviewSessionInput } from "@/server/api/routers/review/session.schema";
import { sessionReview } from "@/server/services/review/session-review";

/**
 * A session as the caller reviews it: what it was and their part in it, and the room as it is now, built
 * for them by the live room's view rules (the room view of docs/realtime-protocol.md, so no output schema
 * of its own here).
 */
export const reviewSession = protectedProcedure.input(reviewSessionInput).query(({ ctx, input }) => sessionReview(ctx.db, ctx.pool, ctx.user, input.sessionId));
