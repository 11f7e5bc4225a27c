import { plainInline } from "../inline-text";
import { endsWithColon } from "../normalise-question";
import type { QuestionField, Recogniser } from "./recogniser";
import { inlineAfterLabel, labelCarrier, labelText, splitLabel } from "./recogniser";

/**
 * Section labels that prep documents put before the parts of a question: "Answer:", "Key Points to
 * Cover", "What is This Question Testing?", "Why this score", "#### Good to hear", … Matched on the
 * label's words only, so "**Answer:**", "3. The Answer" and "### Sample Answer" are one label.
 */
const LABELS: readonly [RegExp, QuestionField][] = [
  [
    /^(?:the |a )?(?:(?:sample|model|suggested|reference|example|ideal|short|full|strong|good|expected|detailed|brief) )?(?:answer|ans|a|solution|response)(?: \(.*\))?$/,
    "answer",
  ],
  // The same label in the languages prep documents are translated into most.
  [/^(?:(?:правильный )?ответ|решение|respuesta|resposta|réponse|antwort|lösung|risposta|(?:参考)?答案|回答|解答|答|정답|답변)$/, "answer"],
  [/^key (?:points|takeaways|concepts|ideas)(?: to (?:cover|mention|hit))?$|^(?:what|points) to cover$|^talking points$|^must[- ]mention$/, "keyPoints"],
  [
    /^what (?:is )?(?:this|the) question (?:is )?test(?:ing|s)\??$|^what (?:it|this) tests\??$|^what (?:the )?interviewers? (?:is |are )?look(?:s|ing)? for\??$|^good to hear$|^evaluation criteria$|^(?:scoring )?rubric$|^scoring criteria$|^what (?:a )?good answer (?:includes|looks like|covers)$|^assessment criteria$|^(?:things|what) to (?:look out|watch out|look) for(?: (?:during|in) (?:the |an )?interviews?)?$|^look-?fors$/,
    "rubric",
  ],
  [/^why this is tricky$|^interviewer'?s? notes?$|^notes for (?:the )?interviewer$|^hints?(?: for (?:the )?interviewer)?$|^gotchas?$/, "notes"],
  [/red flags?|^(?:common )?(?:mistakes|pitfalls)(?: to avoid)?$|^bad answers?$|^what to avoid$|^anti-?patterns$|^bad to hear$/, "redFlags"],
  [/^(?:interview |example |sample )?score$|^rating$/, "score"],
  [/^why this score$|^score (?:rationale|reasons?|justification)$|^why (?:it|this answer) scored/, "scoreReasons"],
  [/^framework(?: to answer(?: this question)?)?$|^how to (?:answer|approach)(?: this(?: question)?)?$|^answer framework$/, "framework"],
  [
    /^(?:possible |likely |common |typical )?(?:follow-?ups?|follow-?up questions|counter-?questions)(?: interviewers? (?:may |might |will )?ask)?(?: \(.*\))?$/,
    "followUps",
  ],
];

/** "Answer - text" / "Ans – text" / "A1. text": plain-text notes use a dash or a number where Markdown uses a colon. */
const DASHED_ANSWER = /^(?:\*\*|__)?(?:(?:ans|answer)(?:\*\*|__)?\s+[-–—]+|(?:a|ans|answer)\s*#?\d{1,3}\s*[.:)](?:\*\*|__)?)\s+(\S.*)$/i;

export function fieldForLabel(label: string): QuestionField | null {
  for (const [re, field] of LABELS) if (re.test(label)) return field;
  return null;
}

/** "> **Answer:** It is Y." and the quotation's further lines: the label speaks for the whole quotation. */
const recogniseQuotedLabel: Recogniser = (unit, ctx) => {
  if (unit.kind !== "quote") return null;
  const [first = "", ...rest] = unit.md.split("\n").map((line) => line.replace(/^\s*>\s?/, ""));
  const marker = recogniseFieldLabel({ kind: "line", md: first, text: plainInline(first), line: unit.line, block: unit.block }, ctx);
  if (marker?.type !== "field" && marker?.type !== "followUpField") return null;
  const inline = [marker.inline ?? "", ...rest].join("\n").trim();
  return { ...marker, inline: inline === "" ? null : inline };
};

export const recogniseFieldLabel: Recogniser = (unit, ctx) => {
  if (unit.kind === "quote") return recogniseQuotedLabel(unit, ctx);
  const carrier = labelCarrier(unit);
  if (!carrier) return null;
  const whole = labelText(carrier.text);
  const wholeField = fieldForLabel(whole);
  // Headings and numbered section titles are labels on their own ("## A" is a section, not "A:");
  // a line needs "Label:".
  const standalone = carrier.strict ? endsWithColon(carrier.md) : whole.length > 3;
  if (wholeField && standalone) {
    return { type: "field", field: wholeField, inline: null };
  }
  const dashed = DASHED_ANSWER.exec(carrier.md);
  if (dashed?.[1])
    return ctx.inFollowUp ? { type: "followUpField", field: "answer", inline: dashed[1] } : { type: "field", field: "answer", inline: dashed[1] };
  const split = splitLabel(carrier.text);
  if (!split) return null;
  const inline = inlineAfterLabel(carrier.md);
  if (split.label === "testing" || split.label === "tests") {
    // A bare "Testing:" heads unit tests inside an answer; with text it says what is being assessed.
    if (inline === null) return null;
    return ctx.inFollowUp ? { type: "followUpField", field: "lookFor", inline } : { type: "field", field: "rubric", inline };
  }
  if (/^answer direction$|^(?:expected|short) answer$/.test(split.label) && ctx.inFollowUp) {
    return { type: "followUpField", field: "answer", inline };
  }
  const field = fieldForLabel(split.label);
  if (!field) return null;
  if (field === "answer" && ctx.inFollowUp) return { type: "followUpField", field: "answer", inline };
  return { type: "field", field, inline };
};
