import type { Db } from "@/server/platform/db/client";
import type { BankReadScope } from "@/server/domain/bank/policy";
import { AppError } from "@/server/platform/errors";
import { interchangeQuestionInclude, questionDocumentOf, questionDocumentSelect, toInterchangeQuestion } from "@/server/services/bank/export";
import { readableQuestionIds } from "@/server/services/bank/visibility";
import { loadSourcePassages } from "@/server/services/bank/source-passages";
import { bankQuestionDetailSchema, type BankQuestionDetail } from "@/server/api/routers/bank/question.schema";

export const NOT_IN_BANK = "That question is not in the bank (any more).";

/** A whole question, if the scope may read it; otherwise NOT_FOUND, exactly like a missing one. */
export async function loadBankQuestion(db: Db, scope: BankReadScope, id: string): Promise<BankQuestionDetail> {
  if (!(await readableQuestionIds(db, scope, [id])).has(id)) throw new AppError("NOT_FOUND", NOT_IN_BANK);
  const row = await db.bankQuestion.findUnique({
    where: { id },
    include: { ...interchangeQuestionInclude, document: { select: { id: true, sourceFile: true, ownerId: true, ...questionDocumentSelect } } },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_IN_BANK);
  const document = questionDocumentOf(row.document);
  const question = toInterchangeQuestion(row, document);
  return bankQuestionDetailSchema.parse({
    ...question,
    passages: await loadSourcePassages(db, row.document.id, question.partSources),
    id: row.id,
    document: { ...row.document, competencies: document.competencies },
    updatedAt: row.updatedAt,
    retired: row.retiredAt !== null,
  });
}
