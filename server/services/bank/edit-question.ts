import type { Db } from "@/server/platform/db/client";
import {
  interchangeQuestionInclude,
  questionDocumentOf,
  questionDocumentSelect,
  toInterchangeQuestion,
  type QuestionDocument,
} from "@/server/services/bank/export";
import type { BankQuestion } from "@/server/bank/bank-format";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";
import { assignQuestionCompetencies } from "@/server/bank/assign-competencies";
import { correctQuestion } from "@/server/bank/correct-question";
import { clearQuestionChildren, writeQuestionChildren } from "@/server/services/bank/import";
import { partSourcesColumn } from "@/server/services/bank/part-sources-column";
import { searchTextOf } from "@/server/services/bank/search-text";
import { codeColumn } from "@/server/services/bank/code-column";
import { boardColumn } from "@/server/services/bank/board-column";
import type { BoardElement } from "@/server/domain/board/board-element";
import { codeSpecProblems } from "@/server/domain/code/code-spec-problems";
import { AppError } from "@/server/platform/errors";
import { bankReadScope, canChangeDocument, type BankActor } from "@/server/domain/bank/policy";
import { NOT_IN_BANK } from "@/server/services/bank/question";
import { readableQuestionIds } from "@/server/services/bank/visibility";
import { questionCorrectionSchema, type QuestionCorrection } from "@/server/api/routers/bank/update-question.schema";

export const SHARED_READ_ONLY = "The shared documents are read-only. Copy the document to your bank to edit it.";

/** A correction may name only competencies of its document's set: anything else is the caller's mistake, said plainly. */
export function requireKnownCompetencies(rubric: QuestionCorrection["rubric"], set: CompetencySet): void {
  const unknown = rubric.find((criterion) => criterion.competency !== undefined && !set.some((competency) => competency.key === criterion.competency));
  if (!unknown) return;
  const names = set.map((competency) => competency.key).join(", ");
  const message = `“${unknown.competency}” is not a competency of this document (it has ${names}).`;
  throw new AppError("BAD_REQUEST", message, { rubric: [message] });
}

/** A person's code spec must be one a run can use (codeSpecProblems); the first problem is said plainly, nothing is written. */
export function requireRunnableCode(code: QuestionCorrection["code"]): void {
  const problems = code ? codeSpecProblems(code) : [];
  if (problems.length === 0) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of problems) (fieldErrors[["code", ...problem.path].join(".")] ??= []).push(problem.message);
  throw new AppError("BAD_REQUEST", problems[0]?.message, fieldErrors);
}

/**
 * Applies a correction to a stored question of the actor's own bank (`correctQuestion`: what the person
 * corrected, and what was derived from it following): checked first, then written, in one transaction that
 * holds the question's row lock. Its key stays, so a re-import of the unchanged
 * file keeps the correction (same content hash); a new version of the file replaces it. `board`, the
 * starting diagram, is set by elements, removed by null and kept when left out.
 */
export async function updateBankQuestion(db: Db, actor: BankActor, id: string, correction: QuestionCorrection, board?: BoardElement[] | null): Promise<void> {
  const fix = questionCorrectionSchema.parse(correction);
  const scope = bankReadScope(actor);
  await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ ownerId: string | null }>>`
      SELECT d."ownerId" FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId" WHERE q."id" = ${id} FOR UPDATE OF q`;
    const document = locked[0];
    if (!document || !scope || !(await readableQuestionIds(tx, scope, [id])).has(id)) throw new AppError("NOT_FOUND", NOT_IN_BANK);
    if (!canChangeDocument(actor, document)) throw new AppError("FORBIDDEN", SHARED_READ_ONLY);
    const row = await tx.bankQuestion.findUniqueOrThrow({
      where: { id },
      include: { ...interchangeQuestionInclude, document: { select: questionDocumentSelect } },
    });
    const parent = questionDocumentOf(row.document);
    requireKnownCompetencies(fix.rubric, parent.competencies);
    requireRunnableCode(fix.code);
    const question = assignQuestionCompetencies(correctQuestion(toInterchangeQuestion(row, parent), fix), parent.competencies, parent.title);
    await tx.bankQuestion.update({
      where: { id },
      data: {
        prompt: question.prompt,
        context: question.context,
        answer: question.answer,
        difficulty: question.meta.difficulty,
        tags: question.meta.tags,
        meta: question.meta,
        searchText: searchTextOf(question),
        code: codeColumn(question.code),
        board: board === undefined ? undefined : boardColumn(board),
        partSources: partSourcesColumn(question),
      },
    });
    await clearQuestionChildren(tx, [id]);
    await writeQuestionChildren(tx, [{ id, question }]);
  });
}

/**
 * A previewed question with a person's correction, as importing the file with it will store it: checked as
 * an import checks it (`applyCorrections`), corrected, and every criterion given a competency.
 */
export function previewCorrection(question: BankQuestion, correction: QuestionCorrection, document: QuestionDocument): BankQuestion {
  const fix = questionCorrectionSchema.parse(correction);
  requireKnownCompetencies(fix.rubric, document.competencies);
  requireRunnableCode(fix.code);
  return assignQuestionCompetencies(correctQuestion(question, fix), document.competencies, document.title);
}
