import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { sessionIdInput } from "@/server/api/routers/interview/schemas";
import { sessionReplay } from "@/server/services/review/session-review";

/** The room before its first event and every event the chosen perspective was shown, to fold into frames. */
export const reviewReplay = protectedProcedure
  .input(sessionIdInput.extend({ perspective: z.enum(["own", "candidate"]).default("own") }))
  .query(({ ctx, input }) => sessionReplay(ctx.db, ctx.pool, ctx.user, input.sessionId, input.perspective));
