import { practiceProcedure } from "@/server/api/trpc";
import { peerSessionOutput } from "@/server/api/routers/practice/session.schema";
import { peerSessionInput } from "@/server/api/routers/practice/swap.schema";
import { peerSessionSummary } from "@/server/services/practice/feedback";

export const practiceSession = practiceProcedure
  .input(peerSessionInput)
  .output(peerSessionOutput)
  .query(({ ctx, input }) => peerSessionSummary(ctx.db, ctx.user.id, input.peerSessionId, new Date()));
