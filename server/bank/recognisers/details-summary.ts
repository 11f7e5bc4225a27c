import { plainInline, unquote } from "../inline-text";
import { withoutPresentationalTags } from "../layout-noise";
import type { Recogniser } from "./recogniser";
import { fieldForLabel } from "./field-label";
import { isQuestionLike, labelText } from "./recogniser";

const SUMMARY = /<summary>([\s\S]*?)<\/summary>/i;

/**
 * `<details><summary>Question?</summary> answer </details>`: the summary is a question (or, inside
 * a question, a hidden "Answer"), the rest of the block and what follows up to `</details>` its answer.
 */
export const recogniseDetailsSummary: Recogniser = (unit, ctx) => {
  if (unit.kind !== "html") return null;
  const m = SUMMARY.exec(unit.value);
  if (!m) return /^<\/details>$/i.test(withoutPresentationalTags(unit.value)) ? { type: "end" } : null;
  const summary = unquote(plainInline(m[1] ?? ""));
  const after = withoutPresentationalTags(unit.value.slice((m.index ?? 0) + m[0].length).replace(/<\/details>\s*$/i, ""));
  const inline = after === "" ? null : after;
  const field = fieldForLabel(labelText(summary));
  if (ctx.inQuestion && field) return { type: "field", field, inline };
  if (!isQuestionLike(summary)) return null;
  return { type: "question", prompt: summary, opener: "details", tentative: false, inline };
};
