import type { QuestionSnapshot, Reveal } from "../room/room-state";

/**
 * Documents often score each follow-up as a criterion of its own, titled with the follow-up's words
 * ("Why not use Redis for caching instead of ES?"). Such a title is the follow-up: a candidate may read it
 * only once the follow-up was revealed. A criterion is taken for the follow-up its words resemble most,
 * erring towards hiding: a criterion hidden by mistake costs a line of feedback, a follow-up shown by
 * mistake costs the question.
 */

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "by",
  "can",
  "could",
  "did",
  "do",
  "does",
  "for",
  "from",
  "how",
  "if",
  "in",
  "is",
  "it",
  "of",
  "on",
  "or",
  "the",
  "this",
  "to",
  "use",
  "was",
  "what",
  "when",
  "where",
  "which",
  "who",
  "why",
  "will",
  "with",
  "would",
  "you",
  "your",
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** The words that carry meaning (numbers only count things); a title made only of stop words keeps them all. */
function contentWords(text: string): Set<string> {
  const all = words(text);
  const content = all.filter((word) => !STOP_WORDS.has(word) && !/^\d+$/.test(word));
  return new Set(content.length > 0 ? content : all);
}

/**
 * How closely a criterion's title repeats a follow-up: 3 for the same words, 2 for one inside the other in
 * order, else the share of the shorter side's content words found in the other when most of them (and at
 * least two) are; 0 for no resemblance.
 */
export function resemblance(criterionTitle: string, followUpPrompt: string): number {
  const title = words(criterionTitle).join(" ");
  const prompt = words(followUpPrompt).join(" ");
  if (title === "" || prompt === "") return 0;
  if (title === prompt) return 3;
  if (` ${prompt} `.includes(` ${title} `) || ` ${title} `.includes(` ${prompt} `)) return 2;
  const a = contentWords(criterionTitle);
  const b = contentWords(followUpPrompt);
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  const shared = [...shorter].filter((word) => longer.has(word)).length;
  return shared >= 2 && shared * 2 > shorter.size ? shared / shorter.size : 0;
}

/**
 * Whether the candidate may read a criterion's title: it resembles no follow-up of its question, or every
 * follow-up it resembles most has been revealed to them.
 */
export function criterionShownToCandidate(question: Pick<QuestionSnapshot, "id" | "followUps">, criterionTitle: string, reveals: readonly Reveal[]): boolean {
  const scored = question.followUps.map((followUp) => ({ followUp, score: resemblance(criterionTitle, followUp.prompt) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  if (best === 0) return true;
  return scored
    .filter((entry) => entry.score === best)
    .every(({ followUp }) => reveals.some((reveal) => reveal.questionId === question.id && reveal.followUpId === followUp.id));
}
