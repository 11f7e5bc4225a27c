import type { QuestionDraft } from "./assemble-questions";
import { emptyFields } from "./assemble-questions";
import type { Unit } from "./blocks";
import { lastLineOf, unitsToMarkdown } from "./blocks";
import { headingPrompt } from "./recognisers/heading-question";
import { plainInline, sliceText } from "./inline-text";
import { isLayoutOnly } from "./layout-noise";

/**
 * What the importer did with a document besides its questions: how it found them, and every passage
 * it did not use, so that nothing in a document is dropped without the user being told. A passage can
 * be turned into a question of its own at import (`passageDraft`).
 */

/** Long enough to recognise a passage in a list; the whole passage is re-read from the file when used. */
const EXCERPT_CHARS = 240;

export interface UnusedPassage {
  /** 1-based lines in the decoded document, inclusive; `line` names the passage. */
  line: number;
  endLine: number;
  /** The passage's start as plain text. */
  excerpt: string;
  /** The prompt the passage gets when it is made a question. */
  prompt: string;
}

export interface ParseReport {
  /** How the questions were found, in a sentence or two. */
  structure: string;
  unused: UnusedPassage[];
}

/** Units next to each other that nothing used, with the headings they sit under. */
export interface Passage {
  units: Unit[];
  section: string[];
}

/**
 * Units that carry content (not headings, rules or page furniture) and that no question used, grouped
 * into passages: a run of such units that nothing used and no heading interrupts.
 */
export function unusedPassages(units: readonly Unit[], used: ReadonlySet<Unit>): Passage[] {
  const passages: Passage[] = [];
  const headings: { depth: number; text: string }[] = [];
  let open: Passage | null = null;
  for (const unit of units) {
    if (unit.kind === "rule" || isLayoutOnly(unit)) continue;
    if (unit.kind === "heading") {
      while ((headings.at(-1)?.depth ?? 0) >= unit.depth) headings.pop();
      headings.push({ depth: unit.depth, text: headingPrompt(unit.text).prompt });
    }
    if (unit.kind === "heading" || used.has(unit)) {
      open = null;
      continue;
    }
    if (open === null) {
      open = { units: [], section: headings.map((h) => h.text) };
      passages.push(open);
    }
    open.units.push(unit);
  }
  // A passage with nothing to read (only tags or an image) is layout, not content left out.
  return passages.filter((p) => excerptOf(p.units, EXCERPT_CHARS) !== "");
}

/** A passage read as a question: its first line (or first list item) asks, the rest answers. */
export function passageDraft(passage: Passage): QuestionDraft {
  const [first, ...rest] = passage.units;
  if (!first) throw new Error("a passage has at least one unit");
  const answer = [...rest];
  let prompt: string;
  if (first.kind === "list") {
    const [item, ...others] = first.items;
    prompt = item?.text ?? "";
    const below = [item?.md.split("\n").slice(1).join("\n") ?? "", ...others.map((o) => `- ${o.md}`)].join("\n").trim();
    if (below !== "") answer.unshift({ kind: "line", md: below, text: plainInline(below), line: first.line, block: first.block });
  } else if ((first.kind === "line" || first.kind === "heading" || first.kind === "quote") && plainInline(first.text) !== "") {
    prompt = first.text;
  } else {
    prompt = excerptOf([first], 120);
    answer.unshift(first);
  }
  return {
    prompt,
    title: null,
    line: first.line,
    section: passage.section,
    fields: { ...emptyFields(), answer },
    inlineRubric: [],
    rubricLabel: null,
    followUps: [],
    meta: {},
    score: null,
  };
}

function excerptOf(units: readonly Unit[], chars: number): string {
  const lines = sliceText(unitsToMarkdown(units), chars * 4)
    .split("\n")
    .filter((line) => !/^\s*(?:```|~~~)/.test(line))
    .map((line) => line.replace(/^\s*(?:>\s?)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?/, ""));
  const text = plainInline(lines.join(" "));
  return text.length > chars ? `${sliceText(text, chars - 1).trimEnd()}…` : text;
}

export function describePassage(passage: Passage, prompt: string): UnusedPassage {
  const first = passage.units[0];
  const last = passage.units.at(-1);
  if (!first || !last) throw new Error("a passage has at least one unit");
  return { line: first.line, endLine: Math.max(first.line, lastLineOf(last)), excerpt: excerptOf(passage.units, EXCERPT_CHARS), prompt };
}
