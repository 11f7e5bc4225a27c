import { unquote } from "../inline-text";
import type { ListedQuestion, Recogniser } from "./recogniser";
import { isQuestionLike } from "./recogniser";

/**
 * A list of questions outside any question ("## Practice questions" then "1. What is …?"): each
 * item is a question, and any lines under an item are its answer.
 */
export const recogniseQuestionList: Recogniser = (unit, ctx) => {
  if (unit.kind !== "list" || ctx.inQuestion || unit.items.length < 2) return null;
  const asked = unit.items.filter((i) => isQuestionLike(i.text));
  if (asked.length < unit.items.length * 0.6) return null;
  const items: ListedQuestion[] = unit.items.map((item) => {
    // "Why Seq Scan despite index? small table, low selectivity": the answer follows on the line.
    const m = /^(.+?\?)["”]?\s+(\S.*)$/.exec(item.text);
    const below = item.md.split("\n").slice(1).join("\n").trim();
    const answer = [m?.[2] ?? "", below].filter((s) => s !== "").join("\n\n");
    return { prompt: unquote(m?.[1] ?? item.text), answer: answer === "" ? null : answer, meta: {} };
  });
  return { type: "questions", items };
};
