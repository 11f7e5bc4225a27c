import { plainInline } from "../inline-text";
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
  const [mdHeader, ...rows] = unit.rows;
  if (!mdHeader) return null;
  const header = mdHeader.map(plainInline);
  const q = header.findIndex((h) => QUESTION_HEADER.test(h));
  if (q === -1) return null;
  const a = header.findIndex((h) => ANSWER_HEADER.test(h));
  const items: ListedQuestion[] = [];
  for (const row of rows) {
    const prompt = plainInline(row[q] ?? "");
    if (prompt === "") continue;
    const meta: ListedQuestion["meta"] = {};
    header.forEach((h, i) => {
      const key = META_HEADERS.find(([re]) => re.test(h))?.[1];
      const value = plainInline(row[i] ?? "");
      if (key && value) meta[key] = value;
    });
    // Columns that are neither question, answer, meta nor a row number ("References", "Notes") go with the answer, labelled.
    const others = header.flatMap((h, i) =>
      i === q || i === a || META_HEADERS.some(([re]) => re.test(h)) || /^[#\d.\s]*$/.test(row[i] ?? "") ? [] : [`**${h}:** ${row[i]?.trim()}`],
    );
    const answer = [a === -1 ? "" : (row[a]?.trim() ?? ""), ...others].filter((part) => part !== "").join("\n\n");
    items.push({ prompt, answer: answer === "" ? null : answer, meta });
  }
  return items.length === 0 ? null : { type: "questions", items };
};
