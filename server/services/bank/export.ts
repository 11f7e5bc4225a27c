import { z } from "zod";
import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import type { BankReadScope } from "@/server/domain/bank/policy";
import { visibleDocumentsSql, visibleQuestionsSql } from "@/server/services/bank/visibility";
import { assignQuestionCompetencies } from "@/server/bank/assign-competencies";
import { competencySetOf, type CompetencySet } from "@/server/domain/scoring/competency-set";
import { codeOfColumn } from "@/server/services/bank/code-column";
import { boardOfColumn } from "@/server/services/bank/board-column";
import { partSourcesOfColumn } from "@/server/services/bank/part-sources-column";
import {
  BANK_FORMAT_VERSION,
  bankDocumentSchema,
  bankQuestionSchema,
  questionMetaSchema,
  type BankDocument,
  type BankQuestion,
} from "@/server/bank/bank-format";

/** Everything of a stored question that the interchange format carries. */
export const interchangeQuestionInclude = {
  section: { select: { path: true } },
  followUps: { orderBy: { position: "asc" } },
  rubric: { orderBy: { position: "asc" } },
  keyPoints: { orderBy: { position: "asc" } },
  redFlags: { orderBy: { position: "asc" } },
  exampleScore: true,
} as const satisfies Prisma.BankQuestionInclude;

export type StoredQuestion = Prisma.BankQuestionGetPayload<{ include: typeof interchangeQuestionInclude }>;

const repairsSchema = bankDocumentSchema.shape.repairs;

/** What a question needs of its document to read back: the competency set and the title the classifier weighs. */
export interface QuestionDocument {
  title: string;
  competencies: CompetencySet;
}

/** The document columns that make a QuestionDocument. */
export const questionDocumentSelect = { title: true, competencies: true } as const satisfies Prisma.BankDocumentSelect;

export function questionDocumentOf(row: { title: string; competencies: Prisma.JsonValue }): QuestionDocument {
  return { title: row.title, competencies: competencySetOf(row.competencies) };
}

/**
 * A stored question back in the interchange shape; the JSON columns are validated on the way out. A
 * criterion stored before competencies existed (or naming one its document's set has since lost) reads
 * with the importer's proposal, so it is never without one.
 */
export function toInterchangeQuestion(row: StoredQuestion, document: QuestionDocument): BankQuestion {
  const question = bankQuestionSchema.parse({
    key: row.key,
    prompt: row.prompt,
    context: row.context,
    section: row.section?.path ?? [],
    answer: row.answer,
    keyPoints: row.keyPoints.map((k) => k.text),
    rubric: row.rubric.map((c) => ({ title: c.title, lookFor: c.lookFor, ...(c.competency === null ? {} : { competency: c.competency }) })),
    followUps: row.followUps.map((f) => ({ prompt: f.prompt, answer: f.answer, lookFor: f.lookFor })),
    redFlags: row.redFlags.map((r) => r.text),
    exampleScore: row.exampleScore ? { score: row.exampleScore.score, outOf: row.exampleScore.outOf, reasons: row.exampleScore.reasons } : null,
    code: codeOfColumn(row.code),
    // Left out when there is none, as the importer leaves it out.
    board: boardOfColumn(row.board) ?? undefined,
    meta: questionMetaSchema.parse(row.meta),
    source: { line: row.sourceLine },
    partSources: partSourcesOfColumn(row.partSources),
  });
  return assignQuestionCompetencies(question, document.competencies, document.title);
}

/**
 * The part of the stored bank that `scope` may read, in the interchange format (what `bank parse`
 * prints): documents by file name, their current questions in document order. Retired questions are
 * left out, as a re-import of the exported file would drop them too. `documentId` narrows it to one.
 */
export async function exportBank(db: Db, scope: BankReadScope, documentId?: string): Promise<BankDocument[]> {
  const inDocument = documentId ? Prisma.sql`AND d."id" = ${documentId}` : Prisma.empty;
  const [documentRows, questionRows] = await Promise.all([
    db.$queryRaw<Array<{ id: string }>>`SELECT d."id" FROM "BankDocument" d WHERE ${visibleDocumentsSql(scope)} ${inDocument}`,
    db.$queryRaw<Array<{ id: string }>>`
      SELECT q."id" FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId"
      WHERE q."retiredAt" IS NULL AND ${visibleQuestionsSql(scope)} ${inDocument}`,
  ]);
  const documents = await db.bankDocument.findMany({
    where: { id: { in: documentRows.map((row) => row.id) } },
    orderBy: { sourceFile: "asc" },
    include: { questions: { where: { id: { in: questionRows.map((row) => row.id) } }, orderBy: { position: "asc" }, include: interchangeQuestionInclude } },
  });
  // A document whose every question the reader may not see (yet) is left out, as an empty one cannot exist.
  return z.array(bankDocumentSchema).parse(
    documents
      .filter((doc) => doc.questions.length > 0)
      .map((doc) => {
        const document = questionDocumentOf(doc);
        return {
          formatVersion: BANK_FORMAT_VERSION,
          title: doc.title,
          sourceFile: doc.sourceFile,
          contentHash: doc.contentHash,
          repairs: repairsSchema.parse(doc.repairs),
          competencies: document.competencies,
          questions: doc.questions.map((question) => toInterchangeQuestion(question, document)),
        };
      }),
  );
}
