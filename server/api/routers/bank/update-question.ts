import { bankWriteProcedure } from "@/server/api/trpc";
import { bankUpdateQuestionInput, bankUpdateQuestionOutput } from "@/server/api/routers/bank/update-question.schema";
import { updateBankQuestion } from "@/server/services/bank/edit-question";
import { loadBankQuestion } from "@/server/services/bank/question";

export const bankUpdateQuestion = bankWriteProcedure
  .input(bankUpdateQuestionInput)
  .output(bankUpdateQuestionOutput)
  .mutation(async ({ ctx, input }) => {
    const { id, board, ...correction } = input;
    await updateBankQuestion(ctx.db, ctx.user, id, correction, board);
    return loadBankQuestion(ctx.db, ctx.scope, id);
  });
