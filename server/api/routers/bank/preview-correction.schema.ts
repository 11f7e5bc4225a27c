import { z } from "zod";
import { bankQuestionSchema } from "@/server/bank/bank-format";
import { dbText } from "@/server/domain/db-text";
import { competencySetSchema } from "@/server/domain/scoring/competency-set";
import { questionCorrectionSchema } from "@/server/api/routers/bank/update-question.schema";

/**
 * A question of an import preview with a person's correction: the answer is the question as importing it
 * with that correction will store it (what was derived from a corrected field follows it), so the review
 * shows what the room will use. Nothing is read or written.
 */
export const bankPreviewCorrectionInput = z.object({
  /** The previewed document's title and competencies, which new criteria are proposed against. */
  document: z.object({ title: dbText.min(1).max(1_000), competencies: competencySetSchema }),
  question: bankQuestionSchema,
  correction: questionCorrectionSchema,
});
export type BankPreviewCorrectionInput = z.input<typeof bankPreviewCorrectionInput>;

export const bankPreviewCorrectionOutput = bankQuestionSchema;
