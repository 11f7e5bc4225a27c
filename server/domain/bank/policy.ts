/** Who is asking: only whether the signed-in identity is a guest matters to the bank. */
export interface BankActor {
  isGuest: boolean;
}

/**
 * The only place that decides who may use the question bank. Guests are candidates who joined
 * through an invite link; the bank holds reference answers and rubrics, so a guest may neither read
 * it nor change it. Every signed-in account may do both: the bank is shared by the whole install.
 */
export function canReadBank(actor: BankActor): boolean {
  return !actor.isGuest;
}

export function canManageBank(actor: BankActor): boolean {
  return !actor.isGuest;
}

/**
 * A candidate may not look up, in the bank, a question that an interview they have not finished will
 * ask them: it would show its reference answer and every follow-up before they are revealed. The
 * question then behaves as if it were not in the bank.
 */
export function canReadBankQuestion(actor: BankActor, question: { inActorsOpenInterviewAsCandidate: boolean }): boolean {
  return canReadBank(actor) && !question.inActorsOpenInterviewAsCandidate;
}
