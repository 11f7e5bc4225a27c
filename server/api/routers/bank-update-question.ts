import { z } from "zod";
import { bankManageProcedure } from "@/server/api/routers/bank-access";
import { questionCorrectionSchema, updateBankQuestion } from "@/server/services/bank-edit";
import { bankQuestionDetailSchema, loadBankQuestion } from "@/server/services/bank-question";

export const bankUpdateQuestion = bankManageProcedure
  .input(questionCorrectionSchema.extend({ id: z.string().min(1) }))
  .output(bankQuestionDetailSchema)
  .mutation(async ({ ctx, input }) => {
    const { id, ...correction } = input;
    await updateBankQuestion(ctx.db, id, correction);
    return loadBankQuestion(ctx.db, id, ctx.user);
  });
