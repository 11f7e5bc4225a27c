import { z } from "zod";
import type { Db } from "@/server/db/client";
import { bankQuestionSchema } from "@/server/bank/bank-format";
import { AppError } from "@/server/errors";
import { interchangeQuestionInclude, toInterchangeQuestion } from "@/server/services/bank-export";

export const bankQuestionDetailSchema = bankQuestionSchema.extend({
  id: z.string(),
  document: z.object({ id: z.string(), title: z.string(), sourceFile: z.string() }),
  updatedAt: z.date(),
  /** Dropped by a later version of its document but kept for an interview template. */
  retired: z.boolean(),
});

export type BankQuestionDetail = z.infer<typeof bankQuestionDetailSchema>;

export async function loadBankQuestion(db: Db, id: string): Promise<BankQuestionDetail> {
  const row = await db.bankQuestion.findUnique({
    where: { id },
    include: { ...interchangeQuestionInclude, document: { select: { id: true, title: true, sourceFile: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "That question is not in the bank (any more).");
  return bankQuestionDetailSchema.parse({ ...toInterchangeQuestion(row), id: row.id, document: row.document, updatedAt: row.updatedAt, retired: row.retiredAt !== null });
}
