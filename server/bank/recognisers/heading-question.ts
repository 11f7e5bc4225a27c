import { unquote, withoutEmoji } from "../inline-text";
import type { Recogniser } from "./recogniser";
import { isQuestionLike } from "./recogniser";

/** "Q16:", "Q1.", "Question 3 -": a heading the author numbered as a question. */
const Q_PREFIX = /^(?:q|question)\s*#?\d*\s*[:.)\-–—]\s*/i;
/** "1.", "2)", "A.", "三、", "(4)" numbering that says nothing about whether the heading is a question. */
const NUMBERING = /^(?:\d{1,3}[.)]\s+|[A-Z][.)]\s+|\d{1,3}、\s*|[一二三四五六七八九十百]+(?:[、.．]\s*|\s+)|[(（]\d{1,3}[)）]\s*)/;

/** The prompt a heading carries, without numbering, emphasis, emoji or wrapping quotes. */
export function headingPrompt(text: string): { prompt: string; numberedAsQuestion: boolean } {
  const bare = withoutEmoji(text).replace(/^[*_\s]+|[*_\s]+$/g, "");
  const numberedAsQuestion = Q_PREFIX.test(bare);
  const prompt = unquote(bare.replace(Q_PREFIX, "").replace(NUMBERING, ""));
  return { prompt, numberedAsQuestion };
}

/** A section title asked about as a question: its prompt without a trailing "(Director / Principal Level)". */
export function topicPrompt(heading: string): string {
  return headingPrompt(heading)
    .prompt.replace(/\s*\([^)]{0,200}\)\s*$/, "")
    .trim();
}

/** "## Question 3", "### Problem 2", "#### Q4": a heading that only numbers the question below it. */
const BARE_NUMBER = /^(?:q|question|problem|exercise|task|challenge)\s*#?\d{1,3}[.:]?$/i;

/** `## 1. What is X?`, `### Q16: Design …`, `### "What happens if …?"`, `## Question 3` over its question. */
export const recogniseHeadingQuestion: Recogniser = (unit, ctx) => {
  if (unit.kind !== "heading") return null;
  if (BARE_NUMBER.test(withoutEmoji(unit.text).replace(/^[*_\s]+|[*_\s]+$/g, "")) && ctx.next?.kind === "line" && isQuestionLike(ctx.next.text)) {
    return { type: "question", prompt: "", opener: "heading", tentative: false, inline: null };
  }
  const { prompt, numberedAsQuestion } = headingPrompt(unit.text);
  if (prompt.length < 3) return null;
  if (!numberedAsQuestion && !isQuestionLike(prompt)) return null;
  return { type: "question", prompt, opener: "heading", tentative: false, inline: null };
};
