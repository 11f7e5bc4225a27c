import { plainInline, unquote, withoutEmoji } from "../inline-text";
import type { Unit } from "../blocks";
import type { Recogniser } from "./recogniser";
import { askedInBold, inlineAfterLabel, isQuestionLike, labelText, marksAsLabel } from "./recogniser";
import { QUESTION_WORDS } from "./labels";

/**
 * Questions introduced by a label on a line (German "F:" for "Frage" only before a quoted question) (or the mark that stands for one, `marksAsLabel`): "Q: …", "**Q3:** …", "Q - …", "Question 1: Title",
 * "Question: …", "Interviewer asks: …", "**Base Question:**" (prompt on the next line). Inside a heading question that has
 * no answer yet, or that has follow-ups, "Q:" lines are its follow-ups (a heading followed by the questions
 * it leads to).
 */
const LABEL = new RegExp(
  String.raw`^(?:q|f(?=\s*:\s*["„“«])|${QUESTION_WORDS}|base question|main question|interview question|interviewer asks|prompt)\s*#?(\d*)(?:\s*[:：.)]|\s+[-–—]+(?=\s))\s*(.*)$`,
  "i",
);
/** "Question: What is X?", "**Soru:** …": the question without the label that introduces it. */
export function withoutQuestionLabel(text: string): string {
  const rest = LABEL.exec(text)?.[2]?.trim() ?? "";
  return rest === "" ? text : rest;
}

/** The label names the question itself (not "Q"): under a heading, its text is the heading's prompt. */
const NAMES_QUESTION = new RegExp(String.raw`^(?:${QUESTION_WORDS}|base question|main question|interview question|prompt)(?![\p{L}\p{N}])`, "iu");

/** "### Question" (or "### 题目") over its prompt, then "### Answer" over the answer: a template's headings, the prompt below. */
export const isQuestionLabelHeading = (unit: Unit) => unit.kind === "heading" && QUESTION_LABEL_HEADING.test(labelText(unit.text));
const QUESTION_LABEL_HEADING = new RegExp(String.raw`^(?:(?:q|${QUESTION_WORDS})\s*#?\d{0,3}\s*[:.]?|题目|題目|问题|問題|질문|문제)$`, "i");

export const recogniseLabelledQuestion: Recogniser = (unit, ctx) => {
  if (isQuestionLabelHeading(unit)) {
    return { type: "question", prompt: "", opener: "heading", tentative: true, inline: null };
  }
  if (unit.kind !== "line") return null;
  const text = withoutEmoji(marksAsLabel(unit.text));
  // "**Question 3**" alone on its line, as a Google Docs export writes it: the prompt follows.
  if (/^question\s*#?\d{1,3}$/i.test(text.trim())) return { type: "question", prompt: "", opener: "label", tentative: true, inline: null };
  // "**Q1. What is a hash map?** A structure …": the bold ends the question, its answer follows.
  const bold = askedInBold(marksAsLabel(unit.md));
  const m = LABEL.exec(bold === null ? text : withoutEmoji(plainInline(bold.asked)));
  if (!m) return null;
  const numbered = (m[1] ?? "") !== "";
  const rawRest = (m[2] ?? "").trim();
  // "**Q:** text **A:** text" on one line: the answer starts at the "A:" label.
  const [promptPart, answerPart] = rawRest.split(/\s+(?:A|Ans|Answer)\s*:\s+/);
  const prompt = unquote(promptPart ?? "");
  const inline =
    bold !== null ? bold.after : answerPart === undefined ? null : (inlineAfterLabel(unit.md.replace(/^.*?\b(?:A|Ans|Answer)\s*:\**\s*/, "A: ")) ?? null);
  if (/^question\b/i.test(text) && numbered) {
    // "Question 1: The Architectural Time Bomb" names the question; its prompt may follow.
    return { type: "question", prompt, opener: "label", tentative: !isQuestionLike(prompt), inline };
  }
  if (NAMES_QUESTION.test(text)) return { type: "prompt", prompt };
  if (prompt === "") return null;
  // Under a heading's question, "Q:" lines are the questions it leads to; after a "Q:" question, even one with
  // follow-ups, the next "Q:" is the next question.
  const underHeading = ctx.openedBy !== "label" && (ctx.headingQuestionAwaitingAnswer || ctx.hasFollowUps);
  if (!numbered && underHeading) return { type: "followUp", prompt, inline };
  return { type: "question", prompt, opener: "label", tentative: false, inline };
};
