/** A question of the topic, with what the two people have done with it before in Mockroom. */
export interface QuestionOption {
  id: string;
  /** The person answering this half has been asked it before (as a candidate). */
  askedToAnswerer: boolean;
  /** The person asking this half has answered it before, so they know it from the other side. */
  answeredByAsker: boolean;
}

/**
 * The question for one half: never one the person answering has been asked; among the rest, one the person
 * asking has answered before where there is one (as Pramp does). `pick` chooses among equals (random in
 * the app, fixed in tests). Null when every question of the topic was asked to them already.
 */
export function chooseQuestion(options: readonly QuestionOption[], exclude: ReadonlySet<string>, pick: (count: number) => number): string | null {
  const fresh = options.filter((option) => !option.askedToAnswerer && !exclude.has(option.id));
  const known = fresh.filter((option) => option.answeredByAsker);
  const pool = known.length > 0 ? known : fresh;
  if (pool.length === 0) return null;
  return pool[Math.min(pool.length - 1, Math.max(0, pick(pool.length)))]?.id ?? null;
}
