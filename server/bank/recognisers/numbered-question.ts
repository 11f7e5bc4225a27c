import { unquote } from "../inline-text";
import { recogniseFieldLabel } from "./field-label";
import type { Recogniser } from "./recogniser";
import { isQuestionLike } from "./recogniser";
import { withoutQuestionLabel } from "./labelled-question";

/**
 * "1) What is X?" followed by an answer label ("Ans: …", "**Answer:**"): plain Q/A documents number
 * their questions instead of labelling them. The label is what makes the item a question rather than
 * a numbered point inside an answer.
 */
export const recogniseNumberedQuestion: Recogniser = (unit, ctx) => {
  if (unit.kind !== "list" || !unit.ordered || unit.items.length !== 1 || !ctx.next) return null;
  const item = unit.items[0];
  if (!item || item.children.length > 0 || item.lines.length > 1 || !isQuestionLike(item.text)) return null;
  const label = recogniseFieldLabel(ctx.next, { ...ctx, inFollowUp: false });
  if (label?.type !== "field" || label.field !== "answer") return null;
  // "2. Q. Can older clients run?" then "A. Yes.": the question without its label.
  return { type: "question", prompt: unquote(withoutQuestionLabel(item.text)), opener: "label", tentative: false, inline: null };
};
