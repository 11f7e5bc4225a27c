import type { BankQuestion } from "@/server/bank/bank-format";

/**
 * Everything a search should find a question by, besides its prompt (which is weighted higher and
 * weighted on its own). Kept in BankQuestion.searchText, from which PostgreSQL generates the indexed
 * search vector, because a generated column cannot reach into the follow-up and rubric tables.
 */
export function searchTextOf(question: Omit<BankQuestion, "key" | "prompt" | "source">): string {
  const parts = [
    question.context,
    question.section.join(" "),
    question.answer,
    ...question.keyPoints,
    ...question.rubric.flatMap((c) => [c.title, ...c.lookFor]),
    ...question.followUps.flatMap((f) => [f.prompt, f.answer, ...f.lookFor]),
    ...question.redFlags,
    question.meta.title,
    question.meta.difficulty,
    question.meta.role,
    question.meta.level,
    ...question.meta.companies,
    ...question.meta.tags,
    // A coding question is found by the function it asks for ("twoSum").
    question.code?.entry,
  ];
  return parts.filter((part): part is string => typeof part === "string" && part !== "").join("\n");
}
