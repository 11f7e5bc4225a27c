import type { Unit } from "./blocks";
import { unitsToMarkdown } from "./blocks";
import { plainInline } from "./inline-text";
import { isLayoutOnly } from "./layout-noise";

/**
 * What the importer did with a document besides its questions: how it found them, and every passage
 * it did not use, so that nothing in a document is dropped without the user being told.
 */

/** Long enough to recognise a passage in a list; the whole passage is re-read from the file when used. */
const EXCERPT_CHARS = 240;

export interface UnusedPassage {
  /** 1-based lines in the decoded document, inclusive. */
  line: number;
  endLine: number;
  /** The passage's start as plain text. */
  excerpt: string;
}

export interface ParseReport {
  /** How the questions were found, in a sentence or two. */
  structure: string;
  unused: UnusedPassage[];
}

const lastLine = (unit: Unit) => unit.line + unit.md.split("\n").length - 1;

/**
 * Units that carry content (not headings, rules or page furniture) and that no question used, grouped
 * into passages: a run of such units that nothing used and no heading interrupts.
 */
export function unusedPassageUnits(units: readonly Unit[], used: ReadonlySet<Unit>): Unit[][] {
  const passages: Unit[][] = [];
  let open: Unit[] | null = null;
  for (const unit of units) {
    if (unit.kind === "rule" || isLayoutOnly(unit)) continue;
    if (unit.kind === "heading" || used.has(unit)) {
      open = null;
      continue;
    }
    if (open === null) {
      open = [];
      passages.push(open);
    }
    open.push(unit);
  }
  return passages;
}

export function describePassage(passage: readonly Unit[]): UnusedPassage {
  const first = passage[0];
  const last = passage.at(-1);
  if (!first || !last) throw new Error("a passage has at least one unit");
  const text = plainInline(unitsToMarkdown(passage).slice(0, EXCERPT_CHARS * 4));
  return {
    line: first.line,
    endLine: Math.max(first.line, lastLine(last)),
    excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text,
  };
}
