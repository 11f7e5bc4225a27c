import { dbText } from "@/server/domain/db-text";
import { bankWriteProcedure } from "@/server/api/trpc";
import { questionCorrectionSchema, updateBankQuestion } from "@/server/services/bank/edit-question";
import { bankQuestionDetailSchema, loadBankQuestion } from "@/server/services/bank/question";

export const bankUpdateQuestion = bankWriteProcedure
  .input(questionCorrectionSchema.extend({ id: dbText.min(1) }))
  .output(bankQuestionDetailSchema)
  .mutation(async ({ ctx, input }) => {
    const { id, ...correction } = input;
    await updateBankQuestion(ctx.db, ctx.user, id, correction);
    return loadBankQuestion(ctx.db, ctx.scope, id);
  });
