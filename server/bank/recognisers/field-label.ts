import { plainInline } from "../inline-text";
import { endsWithColon } from "../normalise-question";
import { fieldForLabel } from "./labels";
import type { Unit } from "../blocks";
import type { Recogniser, RecogniserContext } from "./recogniser";
import { inlineAfterLabel, labelCarrier, labelText, splitLabel } from "./recogniser";

/** "Answer - text" / "Ans – text" / "A1. text": plain-text notes use a dash or a number where Markdown uses a colon. */
const DASHED_ANSWER = /^(?:\*\*|__)?(?:(?:ans|answer)(?:\*\*|__)?\s+[-–—]+|(?:a|ans|answer)\s*#?\d{1,3}\s*[.:)](?:\*\*|__)?)\s+(\S.*)$/i;

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

export const recogniseFieldLabel: Recogniser = (unit, ctx) => {
  if (unit.kind === "quote") return recogniseQuotedLabel(unit, ctx);
  const carrier = labelCarrier(unit);
  if (!carrier) return null;
  const whole = labelText(carrier.text);
  const wholeField = fieldForLabel(whole);
  // Headings and numbered section titles are labels on their own ("## A" is a section, not "A:");
  // a line is one when it says so: "Label:", "**Label**", or a line of its own before a list.
  const standalone = carrier.strict
    ? endsWithColon(carrier.md) || (whole.length > 3 && (isEmphasisedLine(carrier.md) || headsList(unit, ctx)))
    : whole.length > 3;
  if (wholeField && standalone) return wholeField === "examples" ? { type: "examples" } : { type: "field", field: wholeField, inline: null };
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
  if (field === "examples") return { type: "examples" };
  if (field === "answer" && ctx.inFollowUp) return { type: "followUpField", field: "answer", inline };
  return { type: "field", field, inline };
};
