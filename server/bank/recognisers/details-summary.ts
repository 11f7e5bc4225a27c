import { plainInline, unquote } from "../inline-text";
import { htmlTextAsMarkdown, withoutPresentationalTags } from "../layout-noise";
import type { Recogniser } from "./recogniser";
import { fieldForLabel } from "./labels";
import { headingPrompt } from "./heading-question";
import { isQuestionLike, labelText } from "./recogniser";

/** A summary's opening tag, with its attributes if any ("<summary class="q">", "<summary style="font-size:1rem;">"). */
const SUMMARY_OPENS = /<summary\b[^>]{0,500}>/i;
const SUMMARY_CLOSES = /<\/summary>/gi;
/** Badges inside a summary ("<span class="level-tag">Beginner</span>") are not part of the question. */
const TRAILING_BADGES = /<span\b[\s\S]*$/i;

/** The block's own "</details>", and an enclosing block's closed with it ("</details>\n</div>\n</details>"). */
const CLOSING_DETAILS = /(?:<\/details>\s*){1,20}$/i;

/**
 * "Show answer", "Click to see the solution", "查看答案", "Ver respuesta", "Показать ответ", "Xem đáp án", "Antwort
 * anzeigen", "답변 보기", "答えを見る": a button's words around the part it reveals.
 */
const REVEAL_BEFORE =
  /^(?:click (?:here )?(?:to|for) )?(?:show|view|see|reveal|display|toggle|expand)(?: the)? |^(?:点击)?(?:查看|显示|展开)|^(?:ver|mostrar|voir|afficher|mostra|vedi|показать|посмотреть|xem|pokaż|zobacz)(?: (?:la|el|a|o|le))? /;
const REVEAL_AFTER = / (?:anzeigen|zeigen|göster|gör|보기)$|(?:を見る|を表示|보기)$/;

const summaryPrompt = (html: string) => unquote(headingPrompt(plainInline(html.replace(TRAILING_BADGES, ""))).prompt);

/** A `<details>` block's summary as a question's prompt, and what follows the summary in the same block. */
export function detailsSummary(html: string): { prompt: string; after: string | null } | null {
  // The first summary and the first close after it, each looked for once: a lazy pattern between them was
  // retried from every "<summary" of a block that never closes one.
  const opens = SUMMARY_OPENS.exec(html);
  if (!opens) return null;
  const start = opens.index + opens[0].length;
  SUMMARY_CLOSES.lastIndex = start;
  const closes = SUMMARY_CLOSES.exec(html);
  // A summary that goes on past its block ("<summary><h3>What is logged?" then code, then "</h3></summary>").
  if (!closes) return { prompt: summaryPrompt(html.slice(start)), after: null };
  const after = htmlTextAsMarkdown(
    withoutPresentationalTags(html.slice(closes.index + closes[0].length))
      .replace(CLOSING_DETAILS, "")
      .trim(),
  );
  return { prompt: summaryPrompt(html.slice(start, closes.index)), after: after === "" ? null : after };
}

/**
 * `<details><summary>Question?</summary> answer </details>`: the summary is a question (or, inside
 * a question, a hidden "Answer"), the rest of the block and what follows up to `</details>` its answer.
 * A summary that holds more than its question (code, options) closes later: what comes before
 * `</summary>` goes with the question, what comes after is the answer.
 */
export const recogniseDetailsSummary: Recogniser = (unit, ctx) => {
  if (unit.kind !== "html") return null;
  const summary = detailsSummary(unit.value);
  if (!summary) {
    const rest = withoutPresentationalTags(unit.value.replace(/<\/?h[1-6][^>]{0,500}>/gi, ""));
    if (/^<\/summary>/i.test(rest) && ctx.inQuestion) {
      const after = withoutPresentationalTags(rest.replace(/^<\/summary>/i, ""))
        .replace(CLOSING_DETAILS, "")
        .trim();
      return { type: "field", field: "answer", inline: after === "" ? null : after };
    }
    return /^<\/details>$/i.test(rest) ? { type: "end" } : null;
  }
  const field = fieldForLabel(labelText(summary.prompt).replace(REVEAL_BEFORE, "").replace(REVEAL_AFTER, ""));
  if (ctx.inQuestion && field && field !== "examples") return { type: "field", field, inline: summary.after };
  if (!isQuestionLike(summary.prompt)) return null;
  return { type: "question", prompt: summary.prompt, opener: "details", tentative: false, inline: summary.after };
};
