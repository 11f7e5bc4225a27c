import { CJK } from "./recognisers/labels";
/**
 * The pipeline's middle representation: a flat sequence of units that both the Markdown and the
 * plain-text splitters produce, so that recognisers never care where the text came from. A
 * paragraph becomes one `line` unit per source line because prep documents put labels ("Answer:",
 * "**Q:**") at the start of lines inside paragraphs.
 */

export interface ListItem {
  /** Plain text of the item's own first line. */
  text: string;
  /** The item's content as Markdown, marker removed, dedented. */
  md: string;
  /** Markdown lines of the item's own content (nested lists excluded). */
  lines: string[];
  children: ListItem[];
  /** A task list's box: true for "- [x] …", false for "- [ ] …", absent when the entry has none. */
  checked?: boolean;
  /** How many lines below its list's first line the entry starts; absent where unknown (read as 0). */
  offset?: number;
}

interface UnitBase {
  /** 1-based line in the decoded document. */
  line: number;
  /** Units with the same block number come from one paragraph and are joined by a single "\n". */
  block: number;
  /** The unit as Markdown. */
  md: string;
}

export type Unit =
  | (UnitBase & { kind: "heading"; depth: number; text: string })
  | (UnitBase & { kind: "line"; text: string })
  | (UnitBase & { kind: "list"; ordered: boolean; items: ListItem[] })
  | (UnitBase & { kind: "code"; lang: string | null; value: string })
  /** Cells as Markdown: an answer cell keeps its code and emphasis. */
  | (UnitBase & { kind: "table"; rows: string[][] })
  | (UnitBase & { kind: "quote"; text: string })
  | (UnitBase & { kind: "html"; value: string })
  | (UnitBase & { kind: "rule" });

export interface SplitResult {
  units: Unit[];
  codeLinesRestored: number;
}

/** The unit's last line in the decoded document. An HTML unit is counted in its source: its Markdown has a line per
 * item or paragraph, however the HTML was broken. */
export function lastLineOf(unit: Unit): number {
  return unit.line + (unit.kind === "html" ? unit.value : unit.md).split("\n").length - 1;
}

/** Joins units back into Markdown, keeping paragraphs' own line breaks. */
export function unitsToMarkdown(units: readonly Unit[]): string {
  let out = "";
  let lastBlock = -1;
  for (const u of units) {
    if (u.kind === "rule") continue;
    if (out !== "") out += u.block === lastBlock ? "\n" : "\n\n";
    out += u.md;
    lastBlock = u.block;
  }
  return out.trim();
}

/** A list entry's nested entries at every depth, in document order. */
export function descendants(item: ListItem): ListItem[] {
  return item.children.flatMap((child) => [child, ...descendants(child)]);
}

/** A line that opens or closes fenced code ("```js", "~~~"), at any indent. */
export const isFenceLine = (line: string) => /^\s*(?:```|~~~)/.test(line);

/** How a sentence or a clause ends; a line that ends otherwise stops mid-sentence. */
const ENDS_CLAUSE = /[.?!:;)"”'’。？！|]\s*$/;
/** Shorter lines were broken by their author, not wrapped to a width. */
const WRAPPED_LINE_CHARS = 40;

/**
 * A list entry's own lines with the ones it was wrapped over joined ("…to prevent errors from occurring," /
 * "or to detect them early?" is one line): a long line that stops mid-sentence, then one that goes on in lower
 * case. Blank lines and code fences are kept as they are, and nothing inside a fence is joined.
 */
export function unwrapLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inFence = false;
  let goesOn = false;
  for (const line of lines) {
    const fence = isFenceLine(line);
    // Lower case goes on a sentence; so does a script without case (Chinese, Japanese, Korean).
    const first = line.trimStart()[0] ?? "";
    if (goesOn && !fence && (/[a-z]/.test(first) || CJK.test(first))) out[out.length - 1] = `${out.at(-1) ?? ""} ${line.trim()}`;
    else out.push(line);
    if (fence) inFence = !inFence;
    goesOn = !inFence && !fence && line.trim().length >= WRAPPED_LINE_CHARS && !ENDS_CLAUSE.test(line);
  }
  return out;
}
