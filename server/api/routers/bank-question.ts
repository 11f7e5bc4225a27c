import { z } from "zod";
import { bankReadProcedure } from "@/server/api/routers/bank-access";
import { bankQuestionDetailSchema, loadBankQuestion } from "@/server/services/bank-question";

export const bankQuestion = bankReadProcedure
  .input(z.object({ id: z.string().min(1) }))
  .output(bankQuestionDetailSchema)
  .query(({ ctx, input }) => loadBankQuestion(ctx.db, input.id, ctx.user));
