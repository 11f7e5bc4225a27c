import type { ListedQuestion, MetaKey, Recogniser } from "./recogniser";

const QUESTION_HEADER = /^(?:#\s*)?(?:q|questions?|prompt|interview questions?)$/i;
const ANSWER_HEADER = /^(?:a|answers?|(?:sample|model|short|expected) answers?|solution)$/i;
const META_HEADERS: readonly [RegExp, MetaKey][] = [
  [/^difficulty$/i, "difficulty"],
  [/^(?:level|seniority)$/i, "level"],
  [/^role$/i, "role"],
  [/^(?:compan(?:y|ies)|asked (?:at|by))$/i, "companies"],
  [/^(?:topic|tags?|category)$/i, "tags"],
];

/** A Markdown table with a "Question" column: one question per row. */
export const recogniseTableQuestions: Recogniser = (unit, ctx) => {
  if (unit.kind !== "table" || ctx.inQuestion) return null;
  const [header, ...rows] = unit.rows;
  if (!header) return null;
  const q = header.findIndex((h) => QUESTION_HEADER.test(h.trim()));
  if (q === -1) return null;
  const a = header.findIndex((h) => ANSWER_HEADER.test(h.trim()));
  const items: ListedQuestion[] = [];
  for (const row of rows) {
    const prompt = row[q]?.trim() ?? "";
    if (prompt === "") continue;
    const meta: ListedQuestion["meta"] = {};
    header.forEach((h, i) => {
      const key = META_HEADERS.find(([re]) => re.test(h.trim()))?.[1];
      const value = row[i]?.trim();
      if (key && value) meta[key] = value;
    });
    const answer = a === -1 ? "" : (row[a]?.trim() ?? "");
    items.push({ prompt, answer: answer === "" ? null : answer, meta });
  }
  return items.length === 0 ? null : { type: "questions", items };
};
