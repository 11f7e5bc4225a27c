import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { bankReadProcedure } from "@/server/api/trpc";
import { bankQuestionDetailSchema, loadBankQuestion } from "@/server/services/bank/question";

export const bankQuestion = bankReadProcedure
  .input(z.object({ id: dbText.min(1) }))
  .output(bankQuestionDetailSchema)
  .query(({ ctx, input }) => loadBankQuestion(ctx.db, ctx.scope, input.id));
