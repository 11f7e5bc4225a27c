import { practiceProcedure } from "@/server/api/trpc";
import { peerSessionInput, swapOutput } from "@/server/api/routers/practice/swap.schema";
import { askToSwap } from "@/server/services/practice/swap";

export const practiceSwap = practiceProcedure
  .input(peerSessionInput)
  .output(swapOutput)
  .mutation(({ ctx, input }) => askToSwap(ctx.db, ctx.engine, ctx.user.id, input.peerSessionId, new Date()));
