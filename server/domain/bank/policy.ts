/** Who is asking: the signed-in identity as the server set it. */
export interface BankActor {
  id: string;
  isGuest: boolean;
}

/** A bank document as the policy sees it: `ownerId` null means shared (bundled, or imported from the CLI). */
export interface BankDocumentOwnership {
  ownerId: string | null;
}

/**
 * The only place that decides who may use the question bank.
 *
 * - Guests are candidates who joined through an invite link; the bank holds reference answers and
 *   rubrics, so a guest may neither read it nor change it.
 * - A document belongs to the account that imported it and is private to it. The shared documents
 *   (no owner) are readable by every account and editable by none; "Copy to my bank" makes a private,
 *   editable copy.
 * - A candidate may not see, anywhere in the bank, a question that an interview they have not finished
 *   will ask them: it would show its reference answer and every follow-up before they are revealed.
 *   The question then behaves as if it were not in the bank.
 */
export function canReadBank(actor: Pick<BankActor, "isGuest">): boolean {
  return !actor.isGuest;
}

/** Imports always land in the importer's own bank. */
export function canImportToBank(actor: Pick<BankActor, "isGuest">): boolean {
  return !actor.isGuest;
}

export function canReadDocument(actor: BankActor, document: BankDocumentOwnership): boolean {
  return canReadBank(actor) && (document.ownerId === null || document.ownerId === actor.id);
}

/** Editing a question and deleting a document: the owner only; shared documents are read-only. */
export function canChangeDocument(actor: BankActor, document: BankDocumentOwnership): boolean {
  return !actor.isGuest && document.ownerId === actor.id;
}

/** A copy is for making a document one's own: a readable document one does not own already. */
export function canCopyDocument(actor: BankActor, document: BankDocumentOwnership): boolean {
  return canReadDocument(actor, document) && document.ownerId !== actor.id;
}

/**
 * The read rule for many questions at once (search, facets, counts, question page, export, planning,
 * dashboard), as data that server/services/bank/visibility.ts turns into the one SQL condition every
 * bank read uses: documents that are shared or the reader's own, minus the questions of the reader's
 * unfinished interviews as a candidate. `readerId` null reads as nobody in particular: the shared
 * documents only (the CLI's export). Null when the actor may read nothing.
 */
export interface BankReadScope {
  readerId: string | null;
}

export const SHARED_BANK_SCOPE: BankReadScope = { readerId: null };

export function bankReadScope(actor: BankActor): BankReadScope | null {
  return canReadBank(actor) ? { readerId: actor.id } : null;
}
