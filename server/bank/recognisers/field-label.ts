import { plainInline } from "../inline-text";
import { endsWithColon } from "../normalise-question";
import { CJK, fieldForLabel } from "./labels";
import type { Unit } from "../blocks";
import type { Recogniser, RecogniserContext } from "./recogniser";
import { endsOnQuestionMark, inlineAfterLabel, isQuestionLike, labelCarrier, labelText, splitLabel } from "./recogniser";

/**
 * "Answer - text" / "Ans – text" / "A1. text" / "Ans. text": plain-text notes use a dash, a number or the
 * abbreviation's full stop where Markdown uses a colon.
 */
const DASHED_ANSWER = /^(?:\*\*|__)?(?:(?:ans|answer)(?:\*\*|__)?\s+[-–—]+|(?:a|ans|answer)\s*#?\d{1,3}\s*[.:)](?:\*\*|__)?|ans\.(?:\*\*|__)?)\s+(\S.*)$/i;

/** "**A.** text", "A - text" and "A. text": the answer to a "**Q.**", "Q - " or "Q. " question. */
const LETTER_ANSWER = /^(?:(?:\*\*|__)A\.(?:\*\*|__)|A\s+[-–—]+|A\.)\s+(\S.*)$/;

/** "> **Answer:** It is Y." and the quotation's further lines: the label speaks for the whole quotation. */
const recogniseQuotedLabel: Recogniser = (unit, ctx) => {
  if (unit.kind !== "quote") return null;
  const [first = "", ...rest] = unit.md.split("\n").map((line) => line.replace(/^\s*>\s?/, ""));
  const marker = recogniseFieldLabel({ kind: "line", md: first, text: plainInline(first), line: unit.line, block: unit.block }, ctx);
  if (marker?.type !== "field" && marker?.type !== "followUpField") return null;
  const inline = [marker.inline ?? "", ...rest].join("\n").trim();
  return { ...marker, inline: inline === "" ? null : inline };
};

/** "**Follow-ups**", "__Red flags:__", "*Hints*": a whole line in emphasis is a title, as a heading is. */
function isEmphasisedLine(md: string): boolean {
  return /^([*_]{1,2})(?=[^\s*_])[^*_]{1,80}?\1\s*[:：]?$/.test(md.trim());
}

/** "Follow-ups" on the last line of its paragraph with a list right below: the list's title. */
function headsList(unit: Unit, ctx: RecogniserContext): boolean {
  return ctx.next?.kind === "list" && ctx.next.block !== unit.block;
}

/** The answer after "Ans - " or "A1."; not after "A1)" before a question, as GNU FAQs number their section A's questions. */
function answerAfterDash(md: string): string | null {
  const answer = DASHED_ANSWER.exec(md)?.[1] ?? null;
  return answer !== null && endsOnQuestionMark(answer) && isQuestionLike(plainInline(answer)) ? null : answer;
}

/** A label long enough to be a word, not a letter ("A", "Q"): four Latin letters, or one Chinese, Japanese or Korean word ("追问", "要点"). */
const isWord = (label: string) => label.length > 3 || (label.length >= 2 && CJK.test(label));

/** What a unit says as a label, whatever the context: read once per unit (the assembler and labelled-topics.ts both ask). */
interface LabelReading {
  carrier: NonNullable<ReturnType<typeof labelCarrier>>;
  whole: string;
  wholeField: ReturnType<typeof fieldForLabel>;
  dashed: string | null;
  split: ReturnType<typeof splitLabel>;
  inline: string | null;
}

const readings = new WeakMap<Unit, LabelReading | null>();

function readLabel(unit: Unit): LabelReading | null {
  if (readings.has(unit)) return readings.get(unit) ?? null;
  const carrier = labelCarrier(unit);
  const whole = carrier ? labelText(carrier.text) : "";
  const reading = carrier
    ? {
        carrier,
        whole,
        wholeField: fieldForLabel(whole),
        dashed: answerAfterDash(carrier.md),
        split: splitLabel(carrier.text),
        inline: inlineAfterLabel(carrier.md),
      }
    : null;
  readings.set(unit, reading);
  return reading;
}

export const recogniseFieldLabel: Recogniser = (unit, ctx) => {
  if (unit.kind === "quote") return recogniseQuotedLabel(unit, ctx);
  const reading = readLabel(unit);
  if (!reading) return null;
  const { carrier, whole, wholeField, dashed, split, inline } = reading;
  // Headings and numbered section titles are labels on their own ("## A" is a section, not "A:");
  // a line is one when it says so: "Label:", "**Label**", or a line of its own before a list.
  const standalone = carrier.strict ? endsWithColon(carrier.md) || (isWord(whole) && (isEmphasisedLine(carrier.md) || headsList(unit, ctx))) : isWord(whole);
  if (wholeField && standalone) return wholeField === "examples" ? { type: "examples" } : { type: "field", field: wholeField, inline: null };
  if (!dashed) {
    // "**A.** text" under a "**Q.**" question; "**A.**" over "**B.**" (or "A - " over "B - ") lists options.
    const lettered = LETTER_ANSWER.exec(carrier.md.trim())?.[1];
    const options = ctx.next !== null && /^\s*(?:\*\*|__)?B(?:[.)]|\s+[-–—])/.test(ctx.next.md);
    if (lettered && ctx.inQuestion && !options) return { type: "field", field: "answer", inline: lettered };
  }
  if (dashed) return ctx.inFollowUp ? { type: "followUpField", field: "answer", inline: dashed } : { type: "field", field: "answer", inline: dashed };
  if (!split) return null;
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
  if (field === "examples") return { type: "examples" };
  if (field === "answer" && ctx.inFollowUp) return { type: "followUpField", field: "answer", inline };
  return { type: "field", field, inline };
};
