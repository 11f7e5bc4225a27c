import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { bankReadScope, canChangeDocument, canCopyDocument, type BankActor } from "@/server/domain/bank/policy";
import { AppError } from "@/server/platform/errors";
import { exportBank } from "@/server/services/bank/export";
import { importBankDocument } from "@/server/services/bank/import";
import { visibleDocumentsSql } from "@/server/services/bank/visibility";

const NO_SUCH_DOCUMENT = "That document is not in your bank.";

/** The document's owner, if the actor may read it at all; a document they may not read does not exist for them. */
export async function readableDocument(db: Pick<Db, "$queryRaw">, actor: BankActor, documentId: string, lock: boolean) {
  const scope = bankReadScope(actor);
  if (!scope) throw new AppError("NOT_FOUND", NO_SUCH_DOCUMENT);
  const rows = await db.$queryRaw<Array<{ ownerId: string | null; sourceFile: string; byteSize: number }>>`
    SELECT d."ownerId", d."sourceFile", d."byteSize" FROM "BankDocument" d
    WHERE d."id" = ${documentId} AND ${visibleDocumentsSql(scope)} ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  const document = rows[0];
  if (!document) throw new AppError("NOT_FOUND", NO_SUCH_DOCUMENT);
  return { scope, document };
}

/**
 * "Copy to my bank": a private, editable copy of a shared document, with the questions the actor may
 * read (a candidate's unfinished interview questions stay out). A document of the same file name
 * already in the actor's bank is never overwritten.
 */
export async function copyBankDocument(db: Db, actor: BankActor, documentId: string): Promise<{ documentId: string }> {
  const { scope, document } = await readableDocument(db, actor, documentId, false);
  if (!canCopyDocument(actor, document)) throw new AppError("CONFLICT", "This document is already in your bank.");
  const own = await db.bankDocument.findFirst({ where: { ownerId: actor.id, sourceFile: document.sourceFile }, select: { id: true } });
  if (own) throw new AppError("CONFLICT", `Your bank already has a document named ${document.sourceFile}.`);
  const [source] = await exportBank(db, scope, documentId);
  if (!source) throw new AppError("NOT_FOUND", NO_SUCH_DOCUMENT);
  // The copy's parts name lines of the same text: it goes with them.
  const text = await db.bankDocument.findUnique({ where: { id: documentId }, select: { sourceText: true } });
  const outcome = await importBankDocument(db, source, { byteSize: document.byteSize, ownerId: actor.id, sourceText: text?.sourceText ?? null });
  return { documentId: outcome.documentId };
}

/**
 * Deletes a document of the actor's own bank with its questions. Interviews keep their snapshot of the
 * questions they asked; template items that used them go with them.
 */
export async function deleteBankDocument(db: Db, actor: BankActor, documentId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { document } = await readableDocument(tx, actor, documentId, true);
    if (!canChangeDocument(actor, document)) throw new AppError("FORBIDDEN", "The shared documents are read-only.");
    await tx.bankDocument.delete({ where: { id: documentId } });
  });
}
