import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { answerMatchInput } from "@/server/api/routers/practice/answer-match.schema";
import { declineMatch } from "@/server/services/practice/proposal";

export const practiceDecline = practiceProcedure
  .input(answerMatchInput)
  .output(z.void())
  .mutation(({ ctx, input }) => declineMatch(ctx.db, ctx.user.id, input.proposalId, new Date()));
