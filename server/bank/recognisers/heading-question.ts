import { trimEndOf, unquote, withoutEmoji } from "../inline-text";
import type { Recogniser } from "./recogniser";
import { isQuestionLike } from "./recogniser";
import { QUESTION_WORDS } from "./labels";

/**
 * "Q16:", "Q1.", "Question 3 -", "Câu hỏi 1:", "Вопрос 3.": a heading the author numbered as a question. In other
 * languages only with its number: "### Frage: Code Review" names a topic whose question follows.
 */
// "P1." (pregunta, pergunta), "题 1：", "질문 2." too: in Chinese, Japanese and Korean "question" heads a numbered question as it does elsewhere.
const Q_PREFIX = new RegExp(
  String.raw`^(?:(?:q|question)\s*#?\d*|p\d{1,2}(?=\.\s)|(?:${QUESTION_WORDS}|题|问题|問題|질문|質問)\s*#?\d{1,3})\s*[:：.)\-–—]\s*`,
  "i",
);
/**
 * "1.", "2)", "#3", "A.", "三、", "(4)", "10.1 ", "3-2. " numbering that says nothing about whether the heading is a
 * question; before Chinese or Japanese, a bare number too ("24 反转链表").
 */
const NUMBERING =
  /^(?:#\d{1,3}[.:)]?\s+|\d{1,3}(?:[.-]\d{1,3})+[.)]?\s+|\d{1,3}\s+(?=[\u3040-\u30ff\u3400-\u9fff])|\d{1,3}[.)]\s+|[A-Z][.)]\s+|\d{1,3}、\s*|[一二三四五六七八九十百]+(?:[、.．]\s*|\s+)|[(（]\d{1,3}[)）]\s*)/;

/** "[[↑]](#toc) Questions about …": a link back up the page before a heading's title. */
const BACK_LINK = /^\[?\[[\s↑⬆⇧^]*\]\]?(?:\(#[^)\s]*\))?\s*/u;

/** Emphasis markers and blanks around a heading's text. */
const EDGE_MARKERS = "*_ \t\u00a0\u3000";

/** A heading's text without the emphasis around it; by hand, as /[*_\s]+$/ is tried from every marker of a run. */
const withoutEdgeEmphasis = (text: string) => trimEndOf(text.replace(/^[*_\s]+/, ""), EDGE_MARKERS);

/** The prompt a heading carries, without numbering, emphasis, emoji, a link back up the page or wrapping quotes. */
export function headingPrompt(text: string): { prompt: string; numberedAsQuestion: boolean } {
  const bare = withoutEdgeEmphasis(withoutEmoji(text.replace(BACK_LINK, "")));
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

/**
 * A title that names what is asked without asking it: a comparison ("Statement vs PreparedStatement",
 * "Difference between TCP and UDP", "TCP和UDP的区别") or, in Korean, the reason, difference, trade-offs or
 * pitfalls of something ("데이터베이스를 사용하는 이유", "트랜잭션을 사용할 때 주의할 점"). Read so in headings only,
 * where a title stands for the question its section answers.
 */
const NAMES_QUESTION =
  /^(?:the\s+)?differences?\s+between\s+\S|^(?:pros and cons|advantages and disadvantages)\s+of\s+\S|\S(?:的)?(?:区别|區別)$|[\uac00-\ud7a3]\s?(?:이유|차이|차이점|장단점|주의할\s?점|주의\s?사항)$/i;

/**
 * "Clustered Index vs Non-clustered Index": the whole title two or more short names set against each other. One
 * that quotes ("The “Hiring vs. Technical Bar” Answer") names something else.
 */
function isComparison(title: string): boolean {
  if (title.length > 200 || /["“”]/.test(title)) return false;
  const sides = title.split(/\s+(?:vs\.?|versus)\s+/i);
  return sides.length >= 2 && sides.every((side) => /^[^\s—–:()]+(?:\s[^\s—–:()]+){0,4}$/.test(side.trim()));
}

/** Asks, or names what it asks: how a heading reads as a question. */
export function headingAsks(prompt: string): boolean {
  const title = prompt.trim();
  return isQuestionLike(title) || NAMES_QUESTION.test(title) || isComparison(title);
}

/** "## Question 3", "### Problem 2", "#### Q4": a heading that only numbers the question below it. */
const BARE_NUMBER = /^(?:q|question|problem|exercise|task|challenge)\s*#?\d{1,3}[.:]?$/i;

/** `## 1. What is X?`, `### Q16: Design …`, `### "What happens if …?"`, `## Question 3` over its question. */
export const recogniseHeadingQuestion: Recogniser = (unit, ctx) => {
  if (unit.kind !== "heading") return null;
  if (BARE_NUMBER.test(withoutEdgeEmphasis(withoutEmoji(unit.text))) && ctx.next?.kind === "line" && isQuestionLike(ctx.next.text)) {
    return { type: "question", prompt: "", opener: "heading", tentative: false, inline: null };
  }
  const { prompt, numberedAsQuestion } = headingPrompt(unit.text);
  if (prompt.length < 3) return null;
  if (!numberedAsQuestion && !headingAsks(prompt)) return null;
  return { type: "question", prompt, opener: "heading", tentative: false, inline: null };
};
