import type { Db } from "@/server/platform/db/client";
import { assignQuestionCompetencies } from "@/server/bank/assign-competencies";
import { canChangeDocument, type BankActor } from "@/server/domain/bank/policy";
import { competencySetOf, competencySetSchema, DEFAULT_COMPETENCIES, newCompetencyKey, type CompetencySet } from "@/server/domain/scoring/competency-set";
import { AppError } from "@/server/platform/errors";
import { readableDocument } from "@/server/services/bank/documents";
import { storedSet } from "@/server/services/bank/import";
import { competencyEditSchema, type CompetencyEdit } from "@/server/api/routers/bank/update-competencies.schema";

/** A key names a competency of the document, or one of the default set (so that a removed default can come back as it was). */
function nextSet(current: CompetencySet, edits: CompetencyEdit["competencies"]): CompetencySet {
  const known = new Set([...current, ...DEFAULT_COMPETENCIES].map((competency) => competency.key));
  const unknown = edits.find((edit) => edit.key !== undefined && !known.has(edit.key));
  if (unknown) throw new AppError("BAD_REQUEST", `“${unknown.key}” is not a competency of this document; leave the key out to add one.`);
  const next: CompetencySet = [];
  for (const edit of edits) next.push({ key: edit.key ?? newCompetencyKey(edit.name, [...current, ...next]), name: edit.name, description: edit.description });
  const checked = competencySetSchema.safeParse(next);
  if (!checked.success) {
    const message = `Competencies: ${checked.error.issues[0]?.message ?? "not valid"}.`;
    throw new AppError("BAD_REQUEST", message, { competencies: [message] });
  }
  return checked.data;
}

/**
 * Renames, adds and removes the competencies of a document of the actor's own bank, checked first and
 * written second in one transaction holding the document's row lock. The criteria of a removed competency
 * move to the importer's proposal among those left, so that no criterion is left without one.
 */
export async function updateDocumentCompetencies(db: Db, actor: BankActor, documentId: string, edit: Omit<CompetencyEdit, "documentId">) {
  const { competencies: edits } = competencyEditSchema.omit({ documentId: true }).parse(edit);
  return db.$transaction(async (tx) => {
    const { document } = await readableDocument(tx, actor, documentId, true);
    if (!canChangeDocument(actor, document)) throw new AppError("FORBIDDEN", "The shared documents are read-only. Copy the document to your bank to edit it.");
    const stored = await tx.bankDocument.findUniqueOrThrow({ where: { id: documentId }, select: { title: true, competencies: true } });
    const set = nextSet(competencySetOf(stored.competencies), edits);
    const keys = new Set(set.map((competency) => competency.key));
    const orphans = await tx.bankQuestion.findMany({
      where: { documentId, rubric: { some: { competency: { notIn: [...keys] } } } },
      select: { prompt: true, section: { select: { path: true } }, rubric: { orderBy: { position: "asc" } } },
    });
    let moved = 0;
    for (const question of orphans) {
      const rubric = question.rubric.map((row) => ({ title: row.title, lookFor: row.lookFor, competency: row.competency ?? undefined }));
      const assigned = assignQuestionCompetencies({ prompt: question.prompt, section: question.section?.path ?? [], rubric }, set, stored.title);
      for (const [index, row] of question.rubric.entries()) {
        if (row.competency === null || keys.has(row.competency)) continue;
        await tx.rubricCriterion.update({ where: { id: row.id }, data: { competency: assigned.rubric[index]!.competency! } });
        moved += 1;
      }
    }
    await tx.bankDocument.update({ where: { id: documentId }, data: { competencies: storedSet(set) } });
    return { competencies: set, moved };
  });
}
