import { bankReadProcedure } from "@/server/api/trpc";
import { bankQuestionDetailSchema, bankQuestionInput } from "@/server/api/routers/bank/question.schema";
import { loadBankQuestion } from "@/server/services/bank/question";

export const bankQuestion = bankReadProcedure
  .input(bankQuestionInput)
  .output(bankQuestionDetailSchema)
  .query(({ ctx, input }) => loadBankQuestion(ctx.db, ctx.scope, input.id));
