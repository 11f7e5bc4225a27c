import { z } from "zod";
import type { Db } from "@/server/platform/db/client";
import { bankQuestionSchema } from "@/server/bank/bank-format";
import { competencySetSchema } from "@/server/domain/scoring/competency-set";
import { sourcePassageSchema } from "@/server/domain/bank/part-sources";
import { loadSourcePassages } from "@/server/services/bank/source-passages";
import type { BankReadScope } from "@/server/domain/bank/policy";
import { AppError } from "@/server/platform/errors";
import { readableQuestionIds } from "@/server/services/bank/visibility";
import { interchangeQuestionInclude, questionDocumentOf, questionDocumentSelect, toInterchangeQuestion } from "@/server/services/bank/export";

/**
 * A bank question as an interview keeps it (SessionQuestion.snapshot): the whole interchange question
 * plus where it came from. Later edits or re-imports of the bank never touch a stored snapshot.
 */
export const bankQuestionSnapshotSchema = bankQuestionSchema.extend({
  bankQuestionId: z.string().min(1),
  documentId: z.string().min(1),
  documentTitle: z.string().min(1),
  sourceFile: z.string().min(1),
  /** Its document's set, to name each criterion's competency in the interview's copy. */
  competencies: competencySetSchema,
  /** The document's lines around the parts' sources, as they are when planned. */
  passages: z.array(sourcePassageSchema),
});

export type BankQuestionSnapshot = z.infer<typeof bankQuestionSnapshotSchema>;

/**
 * Full copies of the given bank questions, in the order of `ids`, for planning an interview. Only
 * questions the planner may read: an id of someone else's private question is as unknown as a made-up one.
 * Throws AppError NOT_FOUND naming how many are missing when any id is unknown.
 */
export async function loadBankQuestionsForSnapshot(
  db: Pick<Db, "$queryRaw" | "bankQuestion">,
  scope: BankReadScope,
  ids: readonly string[],
): Promise<BankQuestionSnapshot[]> {
  const readable = await readableQuestionIds(db, scope, [...new Set(ids)]);
  const rows = await db.bankQuestion.findMany({
    where: { id: { in: [...readable] } },
    include: { ...interchangeQuestionInclude, document: { select: { id: true, sourceFile: true, ...questionDocumentSelect } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new AppError(
      "NOT_FOUND",
      missing.length === 1 ? "A chosen question is no longer in the bank." : `${missing.length} chosen questions are no longer in the bank.`,
    );
  }
  const snapshots: BankQuestionSnapshot[] = [];
  // One after another: this may run inside a transaction, one connection answering one query at a time.
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) throw new AppError("NOT_FOUND");
    const document = questionDocumentOf(row.document);
    const question = toInterchangeQuestion(row, document);
    snapshots.push(
      bankQuestionSnapshotSchema.parse({
        ...question,
        passages: await loadSourcePassages(db, row.document.id, question.partSources),
        competencies: document.competencies,
        bankQuestionId: row.id,
        documentId: row.document.id,
        documentTitle: row.document.title,
        sourceFile: row.document.sourceFile,
      }),
    );
  }
  return snapshots;
}
