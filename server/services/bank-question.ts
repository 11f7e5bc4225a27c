import { z } from "zod";
import type { Db } from "@/server/db/client";
import { bankQuestionSchema } from "@/server/bank/bank-format";
import { canReadBankQuestion, type BankActor } from "@/server/domain/bank/policy";
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

const NOT_IN_BANK = "That question is not in the bank (any more).";

export async function loadBankQuestion(db: Db, id: string, viewer: BankActor & { id: string }): Promise<BankQuestionDetail> {
  const [row, openInterviewsAsCandidate] = await Promise.all([
    db.bankQuestion.findUnique({
      where: { id },
      include: { ...interchangeQuestionInclude, document: { select: { id: true, title: true, sourceFile: true } } },
    }),
    db.sessionQuestion.count({
      where: { bankQuestionId: id, session: { status: { in: ["PLANNED", "LIVE"] }, participants: { some: { userId: viewer.id, role: "CANDIDATE" } } } },
    }),
  ]);
  if (!row || !canReadBankQuestion(viewer, { inActorsOpenInterviewAsCandidate: openInterviewsAsCandidate > 0 })) {
    throw new AppError("NOT_FOUND", NOT_IN_BANK);
  }
  return bankQuestionDetailSchema.parse({ ...toInterchangeQuestion(row), id: row.id, document: row.document, updatedAt: row.updatedAt, retired: row.retiredAt !== null });
}
