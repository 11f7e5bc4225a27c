import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { peerSessionInput } from "@/server/api/routers/practice/swap.schema";
import { blockPartner } from "@/server/services/practice/block";

export const practiceBlock = practiceProcedure
  .input(peerSessionInput)
  .output(z.void())
  .mutation(({ ctx, input }) => blockPartner(ctx.db, ctx.user.id, input.peerSessionId));
