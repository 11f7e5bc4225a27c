import { practiceProcedure } from "@/server/api/trpc";
import { acceptMatchOutput, answerMatchInput } from "@/server/api/routers/practice/answer-match.schema";
import { acceptMatch } from "@/server/services/practice/proposal";

export const practiceAccept = practiceProcedure
  .input(answerMatchInput)
  .output(acceptMatchOutput)
  .mutation(({ ctx, input }) => acceptMatch(ctx.db, ctx.user.id, input.proposalId, new Date()));
