import { z } from "zod";
import type { Db } from "@/server/platform/db/client";
import { bankQuestionSchema } from "@/server/bank/bank-format";
import type { BankReadScope } from "@/server/domain/bank/policy";
import { AppError } from "@/server/platform/errors";
import { interchangeQuestionInclude, questionDocumentOf, questionDocumentSelect, toInterchangeQuestion } from "@/server/services/bank/export";
import { competencySetSchema } from "@/server/domain/scoring/competency-set";
import { readableQuestionIds } from "@/server/services/bank/visibility";

export const bankQuestionDetailSchema = bankQuestionSchema.extend({
  id: z.string(),
  /** `ownerId` null: a shared document, read-only (copy it to edit); otherwise the reader's own. */
  /** `competencies`: the set its criteria's `competency` keys name, to choose from when correcting one. */
  document: z.object({ id: z.string(), title: z.string(), sourceFile: z.string(), ownerId: z.string().nullable(), competencies: competencySetSchema }),
  updatedAt: z.date(),
  /** Dropped by a later version of its document but kept for an interview template. */
  retired: z.boolean(),
});

export type BankQuestionDetail = z.infer<typeof bankQuestionDetailSchema>;

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
  return bankQuestionDetailSchema.parse({
    ...toInterchangeQuestion(row, document),
    id: row.id,
    document: { ...row.document, competencies: document.competencies },
    updatedAt: row.updatedAt,
    retired: row.retiredAt !== null,
  });
}
