import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { assignCompetencies } from "@/server/bank/assign-competencies";
import { MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import { bankDocumentSchema, type BankDocument, type BankDocumentInput, type BankQuestion } from "@/server/bank/bank-format";
import { competencySetOf, DEFAULT_COMPETENCIES, type CompetencySet } from "@/server/domain/scoring/competency-set";
import { searchTextOf } from "@/server/services/bank/search-text";
import { codeColumn } from "@/server/services/bank/code-column";
import { boardColumn } from "@/server/services/bank/board-column";
import { partSourcesColumn } from "@/server/services/bank/part-sources-column";
import type { ImportOutcome } from "@/server/api/routers/bank/import.schema";

type Tx = Prisma.TransactionClient;

// A big document is a few hundred statements; the default 5 s would fail a slow disk, not a bad file.
const TRANSACTION_TIMEOUT_MS = 60_000;

const sectionKey = (path: readonly string[]) => JSON.stringify(path);

function questionColumns(question: BankQuestion, position: number, sectionId: string | null) {
  return {
    position,
    prompt: question.prompt,
    context: question.context,
    answer: question.answer,
    difficulty: question.meta.difficulty,
    tags: question.meta.tags,
    meta: question.meta,
    sourceLine: question.source.line,
    code: codeColumn(question.code),
    board: boardColumn(question.board ?? null),
    partSources: partSourcesColumn(question),
    sectionId,
    searchText: searchTextOf(question),
    retiredAt: null,
  };
}

/** Replaces the section rows of a document with the heading paths its questions use, in order of first use. */
async function writeSections(tx: Tx, documentId: string, questions: readonly BankQuestion[]): Promise<Map<string, string>> {
  await tx.bankSection.deleteMany({ where: { documentId } });
  const paths = new Map<string, string[]>();
  for (const q of questions) if (q.section.length > 0 && !paths.has(sectionKey(q.section))) paths.set(sectionKey(q.section), q.section);
  const rows = await tx.bankSection.createManyAndReturn({
    data: [...paths.values()].map((path, position) => ({ documentId, path, title: path[path.length - 1] ?? "", position })),
    select: { id: true, path: true },
  });
  return new Map(rows.map((row) => [sectionKey(row.path), row.id]));
}

/** Writes follow-ups, rubric, key points, red flags and example score of questions whose children were cleared. */
export async function writeQuestionChildren(tx: Tx, entries: ReadonlyArray<{ id: string; question: BankQuestion }>): Promise<void> {
  await tx.bankFollowUp.createMany({
    data: entries.flatMap(({ id, question }) =>
      question.followUps.map((f, position) => ({ questionId: id, position, prompt: f.prompt, answer: f.answer, lookFor: f.lookFor })),
    ),
  });
  await tx.rubricCriterion.createMany({
    data: entries.flatMap(({ id, question }) =>
      question.rubric.map((c, position) => ({ questionId: id, position, title: c.title, lookFor: c.lookFor, competency: c.competency ?? null })),
    ),
  });
  await tx.keyPoint.createMany({
    data: entries.flatMap(({ id, question }) => question.keyPoints.map((text, position) => ({ questionId: id, position, text }))),
  });
  await tx.redFlag.createMany({
    data: entries.flatMap(({ id, question }) => question.redFlags.map((text, position) => ({ questionId: id, position, text }))),
  });
  await tx.exampleScore.createMany({
    data: entries.flatMap(({ id, question }) => (question.exampleScore ? [{ questionId: id, ...question.exampleScore }] : [])),
  });
}

export async function clearQuestionChildren(tx: Tx, questionIds: string[]): Promise<void> {
  const where = { questionId: { in: questionIds } };
  await tx.bankFollowUp.deleteMany({ where });
  await tx.rubricCriterion.deleteMany({ where });
  await tx.keyPoint.deleteMany({ where });
  await tx.redFlag.deleteMany({ where });
  await tx.exampleScore.deleteMany({ where });
}

/** The set as the column keeps it: null for the default set, so documents that never edited theirs follow it. */
export function storedSet(set: CompetencySet): CompetencySet | typeof Prisma.DbNull {
  return JSON.stringify(set) === JSON.stringify(DEFAULT_COMPETENCIES) ? Prisma.DbNull : set;
}

export interface ImportOptions {
  byteSize: number;
  ownerId: string | null;
  /** The text the importer read, whose lines the parts' sources name; left out when there is none (a copy of a document without it). */
  sourceText?: string | null;
  now?: Date;
}

/**
 * Stores one parsed document in its owner's bank (`ownerId` null: the shared, read-only documents), all
 * of it or nothing (one transaction).
 *
 * - The same bytes as stored (content hash) change nothing, so corrections made in the app survive.
 * - A new version of a stored file (same owner and sourceFile) updates it in place: questions are matched by
 *   `key` and keep their id; their follow-ups, rubric, key points, red flags and example score are
 *   replaced. Questions the new version lacks are deleted, except those an interview template uses:
 *   deleting them would silently remove the template's item, so they are retired (hidden from search,
 *   still readable) and come back if a later version has them again.
 * - Interviews already planned or run are unaffected: SessionQuestion.snapshot holds their own copy.
 */
export async function importBankDocument(db: Db, input: BankDocumentInput, options: ImportOptions): Promise<ImportOutcome> {
  const parsed = bankDocumentSchema.parse(input);
  const now = options.now ?? new Date();
  const totals = {
    questions: parsed.questions.length,
    followUps: parsed.questions.reduce((sum, q) => sum + q.followUps.length, 0),
    rubricCriteria: parsed.questions.reduce((sum, q) => sum + q.rubric.length, 0),
  };

  return db.$transaction(
    async (tx) => {
      // Two imports of the same file (two nodes starting, a double click) queue here instead of racing.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`bank:${options.ownerId ?? ""}:${parsed.sourceFile}`}))`;
      const existing = await tx.bankDocument.findFirst({
        where: { ownerId: options.ownerId, sourceFile: parsed.sourceFile },
        select: { id: true, contentHash: true, competencies: true, sourceText: true },
      });
      // The owner's edited competencies outlive a new version of the file; its criteria are proposed against them.
      const doc = assignCompetencies(parsed, existing?.competencies ? competencySetOf(existing.competencies) : parsed.competencies);
      // A shared document stored before its text was kept is written again, to gain its parts' sources: nobody can have corrected it.
      const upgrade = options.ownerId === null && existing?.sourceText === null && typeof options.sourceText === "string";
      if (existing?.contentHash === doc.contentHash && !upgrade) return unchangedOutcome(tx, doc, existing.id);

      const document = await writeDocument(tx, doc, existing, options);
      const questions = await writeQuestions(tx, document.id, doc.questions, now);
      return {
        sourceFile: doc.sourceFile,
        documentId: document.id,
        title: doc.title,
        status: existing ? "updated" : "created",
        ...totals,
        ...questions,
      };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}

/** The same bytes as stored: nothing is written, and the totals are the stored document's. */
async function unchangedOutcome(tx: Tx, doc: BankDocument, documentId: string): Promise<ImportOutcome> {
  // One after another: a transaction is one connection, which runs one query at a time.
  const questions = await tx.bankQuestion.count({ where: { documentId, retiredAt: null } });
  const followUps = await tx.bankFollowUp.count({ where: { question: { documentId, retiredAt: null } } });
  const rubricCriteria = await tx.rubricCriterion.count({ where: { question: { documentId, retiredAt: null } } });
  return {
    sourceFile: doc.sourceFile,
    documentId,
    title: doc.title,
    status: "unchanged",
    questions,
    followUps,
    rubricCriteria,
    added: 0,
    updated: 0,
    removed: 0,
    retired: 0,
  };
}

/** The text kept for the sources' passages: none beyond the upload's own limit (a PDF's Markdown can outgrow its file). */
function keptSourceText(text: string | null | undefined): string | null {
  return typeof text === "string" && Buffer.byteLength(text) <= MAX_BANK_BYTES ? text : null;
}

/** Creates the document row, or updates the stored version's in place. */
async function writeDocument(tx: Tx, doc: BankDocument, existing: { id: string } | null, options: ImportOptions): Promise<{ id: string }> {
  const documentData = {
    title: doc.title,
    contentHash: doc.contentHash,
    byteSize: options.byteSize,
    repairs: doc.repairs,
    competencies: storedSet(doc.competencies),
    sourceText: keptSourceText(options.sourceText),
  };
  return existing
    ? await tx.bankDocument.update({ where: { id: existing.id }, data: documentData, select: { id: true } })
    : await tx.bankDocument.create({ data: { ...documentData, sourceFile: doc.sourceFile, ownerId: options.ownerId }, select: { id: true } });
}

/**
 * Brings the document's sections and questions to the new version's: questions matched by `key` keep
 * their id and have their children replaced; vanished ones are retired when a template uses them and
 * deleted otherwise. Returns what it did, as the outcome counts it.
 */
async function writeQuestions(
  tx: Tx,
  documentId: string,
  questions: readonly BankQuestion[],
  now: Date,
): Promise<Pick<ImportOutcome, "added" | "updated" | "removed" | "retired">> {
  const sectionIds = await writeSections(tx, documentId, questions);
  const sectionIdOf = (q: BankQuestion) => sectionIds.get(sectionKey(q.section)) ?? null;

  const stored = await tx.bankQuestion.findMany({
    where: { documentId },
    select: { id: true, key: true, _count: { select: { templateItems: true } } },
  });
  const storedByKey = new Map(stored.map((row) => [row.key, row]));
  const incomingKeys = new Set(questions.map((q) => q.key));

  const kept: Array<{ id: string; question: BankQuestion }> = [];
  const fresh: Array<{ position: number; question: BankQuestion }> = [];
  for (const [position, question] of questions.entries()) {
    const match = storedByKey.get(question.key);
    if (match) {
      await tx.bankQuestion.update({ where: { id: match.id }, data: questionColumns(question, position, sectionIdOf(question)) });
      kept.push({ id: match.id, question });
    } else {
      fresh.push({ position, question });
    }
  }

  const created = await tx.bankQuestion.createManyAndReturn({
    data: fresh.map(({ position, question }) => ({
      documentId,
      key: question.key,
      ...questionColumns(question, position, sectionIdOf(question)),
    })),
    select: { id: true, key: true },
  });
  const questionByKey = new Map(questions.map((q) => [q.key, q]));
  const createdEntries = created.flatMap((row) => {
    const question = questionByKey.get(row.key);
    return question ? [{ id: row.id, question }] : [];
  });

  const vanished = stored.filter((row) => !incomingKeys.has(row.key));
  const toRetire = vanished.filter((row) => row._count.templateItems > 0).map((row) => row.id);
  const toDelete = vanished.filter((row) => row._count.templateItems === 0).map((row) => row.id);
  if (toRetire.length > 0) await tx.bankQuestion.updateMany({ where: { id: { in: toRetire } }, data: { retiredAt: now } });
  if (toDelete.length > 0) await tx.bankQuestion.deleteMany({ where: { id: { in: toDelete } } });

  await clearQuestionChildren(
    tx,
    kept.map((entry) => entry.id),
  );
  await writeQuestionChildren(tx, [...kept, ...createdEntries]);
  return { added: createdEntries.length, updated: kept.length, removed: toDelete.length, retired: toRetire.length };
}
