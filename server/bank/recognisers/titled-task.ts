import { plainInline } from "../inline-text";
import type { Recogniser } from "./recogniser";

/** A bold title ending in a full stop or colon, then the task on the same line. */
const TITLED = /^(?:\*\*|__)([^*_\n]{2,60}?[.:：])(?:\*\*|__)\s+(\S.*)$/;
/** Titles of asides, whose questions are the author's own: "**Note:** Why does this matter?". */
const ASIDE = /^(?:note|nb|tip|hint|warning|caution|important|remember|aside|example|e\.g)s?[.:：]$/i;
/** "Step 1:", "2.", "Part B:": the step's number, which the prompt does not need. */
const STEP_NUMBER = /^(?:(?:step|part|stage|phase|task)\s+)?(?:\d{1,2}|[A-Z])\s*[.:)：]\s*/i;

/**
 * "**Step 1: Capacity.** Estimate the storage for a year. How many servers do you need?": a task under a bold
 * title whose line ends by asking, asked with its title. Inside a heading's question ("# Design a photo
 * service") it is a step the interviewer asks in turn, a follow-up, and what follows it is its answer; after
 * another line's question, or outside any, it is the next question. (Labels such as "**Answer:**" and
 * "**Follow-up:**" are claimed before this is asked.)
 */
export const recogniseTitledTask: Recogniser = (unit, ctx) => {
  if (unit.kind !== "line" || (ctx.inQuestion && ctx.openedBy !== "label" && ctx.openedBy !== "heading")) return null;
  const m = TITLED.exec(unit.md.trim());
  if (!m?.[1] || !m[2] || ASIDE.test(plainInline(m[1]).trim())) return null;
  const task = plainInline(m[2]);
  if (!/[?？]$/.test(task)) return null;
  const title = plainInline(m[1]).replace(STEP_NUMBER, "").trim();
  const prompt = title === "" ? task : `${title.replace(/[:：]$/, ".")} ${task}`;
  if (ctx.inQuestion && ctx.openedBy === "heading") return { type: "followUp", prompt, inline: null };
  return { type: "question", prompt, opener: "label", tentative: false, inline: null };
};
