import type { Unit } from "./blocks";

/**
 * A write-up's worked examples ("Example 1: Input: nums = [2,7,11,15], target = 9 Output: [0,1]"), as
 * written: LeetCode's layout in prose, in a plain code block, in a quotation, a list or its HTML
 * (`<strong>Input:</strong>`), and its Chinese edition's (示例 1：输入：… 输出：…).
 */

export interface WrittenExample {
  /** "Example 1" as the document numbers it, else by its order. */
  name: string;
  /** What follows "Input:" up to "Output:", decoration removed. */
  input: string;
  /** What follows "Output:" up to the next label. */
  output: string;
}

export interface FoundExamples {
  examples: WrittenExample[];
  /** An "Input:" with no "Output:" after it: the layout is not the one read here, so none of it can be trusted. */
  unreadable: boolean;
}

/** Fences that hold examples rather than a program. */
const PLAIN_FENCES = new Set(["", "text", "txt", "plain", "plaintext", "console", "output", "none"]);

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#39;": "'", "&apos;": "'", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&amp;": "&" };

function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    .replace(/&(?:quot|#39|apos|lt|gt|nbsp|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

function unitText(unit: Unit): string {
  switch (unit.kind) {
    case "heading":
      return unit.text;
    case "line":
      return unit.md;
    case "list":
      return unit.md.replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "");
    case "quote":
      return unit.md.replace(/^[ \t]*>[ \t]?/gm, "");
    case "code":
      return PLAIN_FENCES.has((unit.lang ?? "").trim().toLowerCase()) ? unit.value : "";
    case "html":
      return htmlText(unit.value);
    case "table":
    case "rule":
      return "";
  }
}

/** The question's text in which examples may be written, without Markdown's emphasis and code marks. */
export function exampleText(units: readonly Unit[]): string {
  return units
    .map(unitText)
    .filter((text) => text !== "")
    .join("\n")
    .replace(/\*\*|__|`/g, "");
}

const LABEL =
  /(?<![\p{L}\p{N}_])(input|output|explanation|constraints|note|follow[- ]?up|example(?:[ \t]*#?[ \t]*(\d+))?|输入|输出|解释|提示|示例(?:[ \t]*(\d+))?)[ \t]*[:：]/giu;
/** "Input:" anywhere; "input:" only where a line starts, since prose says "the input: …" too. */
function isLabel(m: RegExpMatchArray, text: string): boolean {
  if (!/^[a-z]/.test(m[1] ?? "")) return true;
  let at = (m.index ?? 0) - 1;
  while (text[at] === " " || text[at] === "\t") at--;
  return at < 0 || text[at] === "\n";
}

interface Label {
  kind: "input" | "output" | "example" | "other";
  number: string | null;
  start: number;
  end: number;
}

/** `word` lower-cased. */
function kindOf(word: string): Label["kind"] {
  if (word === "input" || word === "输入") return "input";
  if (word === "output" || word === "输出") return "output";
  return word.startsWith("example") || word.startsWith("示例") ? "example" : "other";
}

/** The Input/Output pairs of a question's text, in order. */
export function findExamples(text: string): FoundExamples {
  const labels: Label[] = [...text.matchAll(LABEL)]
    .filter((m) => isLabel(m, text))
    .map((m) => ({
      kind: kindOf((m[1] ?? "").toLowerCase()),
      number: m[2] ?? m[3] ?? null,
      start: m.index,
      end: m.index + m[0].length,
    }));
  const examples: WrittenExample[] = [];
  for (const [i, label] of labels.entries()) {
    if (label.kind !== "input") continue;
    const output = labels[i + 1];
    if (output?.kind !== "output") return { examples, unreadable: true };
    const before = labels[i - 1];
    const numbered = before?.kind === "example" && before.number !== null && text.slice(before.end, label.start).trim() === "";
    examples.push({
      name: numbered ? `Example ${before.number}` : `Example ${examples.length + 1}`,
      input: text.slice(label.end, output.start).trim(),
      output: text.slice(output.end, labels[i + 2]?.start ?? text.length).trim(),
    });
  }
  return { examples, unreadable: false };
}

/**
 * A part of a problem's worked examples or constraints, as written under its statement: "**Example 1:**",
 * "> **Input:** …", a `<pre>` of Input and Output, "Constraints:". A solution's code is not one.
 */
export function isExamplePart(unit: Unit): boolean {
  const text = exampleText([unit]);
  for (const m of text.matchAll(LABEL)) if (isLabel(m, text) && !/^follow/i.test(m[1] ?? "")) return true;
  return false;
}
