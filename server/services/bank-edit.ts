import { z } from "zod";
import type { Db } from "@/server/db/client";
import { interchangeQuestionInclude, toInterchangeQuestion } from "@/server/services/bank-export";
import { searchTextOf } from "@/server/services/bank-search-text";
import { AppError } from "@/server/errors";

const trimmed = z.string().trim().min(1, "cannot be empty").max(20_000);

/** What a person may correct in a parsed question: the parser gets these wrong most often. */
export const questionCorrectionSchema = z.object({
  prompt: trimmed.max(2_000),
  followUps: z
    .array(z.object({ prompt: trimmed.max(2_000), answer: trimmed.nullable(), lookFor: z.array(trimmed.max(1_000)).max(50) }))
    .max(50),
  rubric: z
    .array(z.object({ title: trimmed.max(300), lookFor: z.array(trimmed.max(1_000)).max(50) }))
    .min(1, "needs at least one criterion")
    .max(30),
});

export type QuestionCorrection = z.infer<typeof questionCorrectionSchema>;

/**
 * Applies a correction to a stored question. Its key stays, so a re-import of the unchanged file
 * keeps the correction (same content hash); a new version of the file replaces it with what the new
 * version says.
 */
export async function updateBankQuestion(db: Db, id: string, correction: QuestionCorrection): Promise<void> {
  const fix = questionCorrectionSchema.parse(correction);
  await db.$transaction(async (tx) => {
    const row = await tx.bankQuestion.findUnique({ where: { id }, include: interchangeQuestionInclude });
    if (!row) throw new AppError("NOT_FOUND", "That question is not in the bank (any more).");
    const question = { ...toInterchangeQuestion(row), ...fix };
    await tx.bankQuestion.update({ where: { id }, data: { prompt: question.prompt, searchText: searchTextOf(question) } });
    await tx.bankFollowUp.deleteMany({ where: { questionId: id } });
    await tx.rubricCriterion.deleteMany({ where: { questionId: id } });
    await tx.bankFollowUp.createMany({ data: fix.followUps.map((f, position) => ({ questionId: id, position, ...f })) });
    await tx.rubricCriterion.createMany({ data: fix.rubric.map((c, position) => ({ questionId: id, position, ...c })) });
  });
}
