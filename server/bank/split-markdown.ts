import { ANSWER_WORDS, QUESTION_WORDS } from "./recognisers/labels";
import type { List, ListItem as MdListItem, Nodes, Root, RootContent } from "mdast";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { toString } from "mdast-util-to-string";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkParse from "remark-parse";
import type { Processor } from "unified";
import { unified } from "unified";
import { isFenceLine, type ListItem, type SplitResult, type Unit, unwrapLines } from "./blocks";
import { plainInline, trimEndOf } from "./inline-text";
import { fenceAsciiDiagrams } from "./ascii-diagrams";
import { htmlTextAsMarkdown } from "./layout-noise";
import { isQuestionLike } from "./recognisers/recogniser";
import { restoreCodeBreaks } from "./restore-code-breaks";

/**
 * Block structure is all the pipeline needs from the parser: units keep their Markdown source and
 * single lines are read by inline-text. Inline syntax is therefore switched off (a third of the
 * parse time on large documents), and of GFM only tables are on.
 */
function blocksOnly(this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [
    ...(data.micromarkExtensions ?? []),
    gfmTable(),
    {
      disable: {
        null: [
          "attention",
          "autolink",
          "characterEscape",
          "characterReference",
          "codeText",
          "hardBreakEscape",
          "htmlText",
          "labelEnd",
          "labelStartImage",
          "labelStartLink",
        ],
      },
    },
  ];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()];
}

const parser = unified().use(remarkParse).use(blocksOnly).freeze();

/** Splits a Markdown document into units with a real CommonMark parser (remark) plus GFM tables. */
export function splitMarkdown(input: string): SplitResult {
  // A drawing indented four spaces is already code; one indented two or three may be a list item's.
  const { text, lineOf } = fenceAsciiDiagrams(nestUnderWideNumbers(unquotedQuestions(withoutContainers(repairClosingFences(input)))), (first) =>
    /^ ?\S/.test(first),
  );
  const units: Unit[] = [];
  let codeLinesRestored = 0;
  let block = 0;
  for (const section of sections(text)) {
    const part = splitSection(section.text, section.firstLine, block);
    units.push(...part.units);
    codeLinesRestored += part.codeLinesRestored;
    block = part.lastBlock;
  }
  return { units: units.map((unit) => ({ ...unit, line: lineOf(unit.line) })), codeLinesRestored };
}

/**
 * "10. Explain sharding." over "   * How does it help?", indented as under "9.": CommonMark wants an entry's
 * nested list under its text, four spaces for a two-digit number, but the author meant the bullets as the
 * entry's own. Bullets indented past such an entry's number and short of its text, with their own further
 * lines, are moved to its text, so that they nest as they do under the one-digit entries above it. Nothing
 * else moves (paragraphs and fences keep their place in the tree); the lines stay where they were.
 */
function nestUnderWideNumbers(input: string): string {
  if (!/^ {0,3}\d{2,9}[.)] /m.test(input)) return input;
  const lines = input.split("\n");
  let entry: { indent: number; text: number } | null = null;
  // The bullet moved last: its indent as written, and how far it moved.
  let moved: { indent: number; pad: number } | null = null;
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isFenceLine(line)) fenced = !fenced;
    if (fenced || line.trim() === "") continue;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const wide = /^( {0,3})(\d{2,9}[.)])( {1,4})\S/.exec(line);
    if (wide) {
      entry = { indent, text: indent + (wide[2] ?? "").length + (wide[3] ?? "").length };
      moved = null;
    } else if (entry !== null && /^ *[-*+] \S/.test(line) && indent > entry.indent && indent < entry.text) {
      moved = { indent, pad: entry.text - indent };
      lines[i] = " ".repeat(moved.pad) + line;
    } else if (moved !== null && indent > moved.indent) {
      lines[i] = " ".repeat(moved.pad) + line;
    } else {
      moved = null;
      if (entry !== null && indent <= entry.indent) entry = null;
    }
  }
  return lines.join("\n");
}

/**
 * The document cut before each top-level ATX heading outside fenced code. An unindented ATX heading
 * closes every open block in CommonMark, so parsing the pieces apart gives the same tree; it also
 * keeps one broken construct (an unclosed fence, a runaway list) from costing time across the
 * whole document, so parse time stays linear in its size.
 */
function sections(text: string): { text: string; firstLine: number }[] {
  const lines = text.split("\n");
  const out: { text: string; firstLine: number }[] = [];
  let start = 0;
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marks = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marks !== undefined) {
      if (fence === null) fence = marks;
      else if (marks[0] === fence[0] && marks.length >= fence.length && line.trim() === marks) fence = null;
      continue;
    }
    if (fence === null && i > start && /^#{1,6}(?:\s|$)/.test(line)) {
      out.push({ text: lines.slice(start, i).join("\n"), firstLine: start + 1 });
      start = i;
    }
  }
  out.push({ text: lines.slice(start).join("\n"), firstLine: start + 1 });
  return out;
}

/**
 * Most of a prep document is headings, plain paragraphs ("**Answer:**", prose) and top-level fenced
 * code, and the parser spends a fixed cost on every line whatever it holds. Those lines are
 * recognised here with a few line-level rules and turned into units directly; only the remaining
 * Markdown (headings, lists, quotes, tables, HTML) goes through remark. See `planPieces` for why the
 * result is the tree remark would have built for the whole section.
 */
function splitSection(text: string, firstLine: number, firstBlock: number): SplitResult & { lastBlock: number } {
  const lines = text.split("\n");
  const parsed = parseSection(text, lines);
  const units: Unit[] = [];
  let codeLinesRestored = 0;
  let block = firstBlock;
  const toDocLine = (n: number) => n + firstLine - 1;
  let group = 0;
  for (const piece of parsed.pieces) {
    switch (piece.kind) {
      case "heading": {
        block++;
        const md = withoutAttributes(lines[piece.start] as string);
        units.push({ kind: "heading", depth: piece.depth, text: plainInline(withoutAttributes(piece.text)), md, line: toDocLine(piece.start + 1), block });
        break;
      }
      case "list": {
        block++;
        const own = lines.slice(piece.start, piece.end);
        const items = own.flatMap((l, offset) => (l === "" || isBlank(l) ? [] : [{ ...simpleItem(l.slice(2)), offset }]));
        units.push({ kind: "list", ordered: false, items, md: own.join("\n"), line: toDocLine(piece.start + 1), block });
        break;
      }
      case "rule":
        block++;
        units.push({ kind: "rule", md: lines[piece.start] as string, line: toDocLine(piece.start + 1), block });
        break;
      case "paragraph":
        block++;
        paragraphUnits(lines, piece.start + 1, piece.end, toDocLine, block, units);
        break;
      case "fence": {
        block++;
        const value = lines.slice(piece.start + 1, piece.end - 1).join("\n");
        codeLinesRestored += codeUnit(piece.lang, value, toDocLine(piece.start + 1), block, units);
        break;
      }
      case "markdown": {
        const source = { text: parsed.text, lines: parsed.lines, toDocLine: (n: number) => toDocLine(parsed.sectionLine(n)) };
        for (const node of unwrapSectionLists(parsed.groups[group++] ?? [])) {
          block++;
          codeLinesRestored += nodeUnits(node, source, block, units);
        }
        break;
      }
    }
  }
  return { units, codeLinesRestored, lastBlock: block };
}

/** Where node positions point: the text given to the parser, and its lines' place in the document. */
interface ParsedSource {
  text: string;
  lines: readonly string[];
  toDocLine: (line: number) => number;
}

/**
 * "1. ### What is a closure?" and "1. <details>…": READMEs number whole sections with a list. Such
 * an item is a section, not a point, so its blocks are read as if they stood at the top level.
 */
function unwrapSectionLists(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (node.type !== "list") return [node];
    const opensSection = (item: MdListItem) => item.children[0]?.type === "heading" || item.children[0]?.type === "html";
    return node.children.every(opensSection) ? unwrapSectionLists(node.children.flatMap((item) => item.children)) : [node];
  });
}

/** `<h2>Title</h2>` alone in an HTML block, as READMEs write centred titles. */
const HTML_HEADING = /^<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>$/i;

/** A heading's attribute block, as Pandoc, kramdown and VitePress write it: "## Why? {#why .faq}". */
const ATTRIBUTE_BLOCK = /^\{[ \t]*[#.][\w-]+(?:[ \t]+(?:[#.][\w-]+|[\w-]+=[^\s{}]*))*[ \t]*\}$/;

/** A heading without its attribute block: an anchor or a class for the renderer, not words of the heading. */
function withoutAttributes(heading: string): string {
  // Found from the end, so that a long heading is read once.
  const trimmed = heading.trimEnd();
  if (!trimmed.endsWith("}")) return heading;
  const open = trimmed.lastIndexOf("{");
  return ATTRIBUTE_BLOCK.test(trimmed.slice(open)) ? trimmed.slice(0, open).trimEnd() : heading;
}

/** Appends the units of one top-level node; returns the code lines restored. */
function nodeUnits(node: RootContent, source: ParsedSource, block: number, units: Unit[]): number {
  const { text, toDocLine } = source;
  const local = node.position?.start.line ?? 1;
  const line = toDocLine(local);
  const md = slice(text, node);
  switch (node.type) {
    case "heading":
      units.push({ kind: "heading", depth: node.depth, text: plainInline(withoutAttributes(toString(node))), md: withoutAttributes(md), line, block });
      break;
    case "paragraph":
      paragraphUnits(source.lines, local, node.position?.end.line ?? local, toDocLine, block, units);
      break;
    case "list":
      units.push({ kind: "list", ordered: node.ordered === true, items: listItems(text, node, node.position?.start.line ?? 1), md, line, block });
      break;
    case "code":
      return codeUnit(node.lang ?? null, node.value, line, block, units);
    case "table":
      units.push({
        kind: "table",
        rows: node.children.map((row) => row.children.map((cell) => toString(cell).trim())),
        md,
        line,
        block,
      });
      break;
    case "blockquote":
      units.push({ kind: "quote", text: plainInline(toString(node)), md, line, block });
      break;
    case "html": {
      const heading = HTML_HEADING.exec(node.value.trim());
      if (heading)
        units.push({
          kind: "heading",
          depth: Number(heading[1]),
          text: plainInline(heading[2] ?? ""),
          md: `${"#".repeat(Number(heading[1]))} ${plainInline(heading[2] ?? "")}`,
          line,
          block,
        });
      else
        detailsBlocks(node.value).forEach((chunk, i, chunks) =>
          // Blocks of their own, numbered below the next node's.
          units.push({
            kind: "html",
            value: chunk.value,
            md: htmlTextAsMarkdown(chunk.value),
            line: line + chunk.offset,
            block: block + i / (chunks.length + 1),
          }),
        );
      break;
    }
    case "thematicBreak":
      units.push({ kind: "rule", md, line, block });
      break;
    default:
      if (md.trim() !== "") units.push({ kind: "line", text: plainInline(md), md, line, block });
  }
  return 0;
}

/**
 * "<details>…</details>" blocks one after another with no blank line between them are one HTML block to Markdown
 * (it ends only at a blank line): split where a block opens, so that each is a question of its own, one inside a
 * category's block ("<details class="section-box">" around its questions, its summary asking nothing) too. A
 * block inside a question's ("<summary>Answer</summary>", "<summary>Interviewer notes</summary>") stays in it.
 */
function detailsBlocks(html: string): { value: string; offset: number }[] {
  const lines = html.split("\n");
  const chunks: { value: string; offset: number }[] = [];
  let start = 0;
  // The blocks open at this line, innermost last: whether each is a category's (its summary asks nothing).
  const open: boolean[] = [];
  lines.forEach((text, i) => {
    const opens = /^\s*<details\b/i.test(text);
    if (i > start && opens && open.every((category) => category)) {
      chunks.push({ value: lines.slice(start, i).join("\n"), offset: start });
      start = i;
    }
    for (const tag of text.matchAll(/<(\/?)details\b/gi)) {
      if (tag[1] === "/") open.pop();
      else open.push(!isQuestionLike(summaryText(lines, i)));
    }
  });
  chunks.push({ value: lines.slice(start).join("\n"), offset: start });
  return chunks;
}

/** The text of the summary on a block's first lines ("<details>" then "<summary …><b>Q1. …</b></summary>"). */
function summaryText(lines: readonly string[], from: number): string {
  const head = lines.slice(from, from + 3).join(" ");
  const summary = /<summary\b[^>]{0,500}>(.{0,500}?)(?:<\/summary>|$)/i.exec(head)?.[1] ?? "";
  return plainInline(summary.replace(/<[^>]{0,500}>/g, " "));
}

/** A definition's marker, as Pandoc and PHP Markdown Extra write a term and its definition: "What is TCP?" / ": A stream …". */
const DEFINITION = /^ {0,3}:[ \t]+(?=\S)/;

/** One `line` unit per non-blank source line of a paragraph (1-based lines `from`..`to`); a definition without its marker. */
function paragraphUnits(lines: readonly string[], from: number, to: number, toDocLine: (n: number) => number, block: number, units: Unit[]): void {
  for (let n = from; n <= to; n++) {
    const raw = (lines[n - 1] ?? "").trimEnd();
    const src = n > from ? raw.replace(DEFINITION, "") : raw;
    if (src.trim() === "") continue;
    units.push({ kind: "line", text: plainInline(src), md: src.trim(), line: toDocLine(n), block });
  }
}

/** Appends a code unit; returns the code lines restored. */
function codeUnit(lang: string | null, value: string, line: number, block: number, units: Unit[]): number {
  const restored = restoreCodeBreaks(value);
  const fence = value.includes("```") ? "~~~" : "```";
  const code = `${fence}${lang ?? ""}\n${restored.code}\n${fence}`;
  units.push({ kind: "code", lang, value: restored.code, md: code, line, block });
  return restored.restored;
}

/** A run of section lines, 0-based, `end` exclusive. */
type Piece =
  | { kind: "markdown"; start: number; end: number }
  | { kind: "heading"; start: number; end: number; depth: number; text: string }
  | { kind: "paragraph"; start: number; end: number }
  | { kind: "rule"; start: number; end: number }
  | { kind: "list"; start: number; end: number }
  | { kind: "fence"; start: number; end: number; lang: string | null };

const isBlank = (line: string) => /^[ \t]*$/.test(line);

/**
 * A line that is paragraph text wherever a paragraph may start: unindented and beginning with a
 * character that opens no other block and no container (no "#", ">", "-", "+", "*" other than
 * "**bold", "_", "=", fences, "<", "[", "|", ":", or a number followed by "." or ")").
 */
const PLAIN_LINE = /^(?:[^\s#>\-+*_=`~<[\]|:!\\&\d]|\*\*[^\s*]|\d+(?![\d.)]))/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A one-line bullet item: "- " and plain text, no trailing space (so the item ends at the line end). */
const SIMPLE_ITEM = /^- (?:[^\s#>\-+*_=`~<[\]|:!\\&\d]|\*\*[^\s*]|\d+(?![\d.)])).*\S$|^- [^\s#>\-+*_=`~<[\]|:!\\&\d]$/;
/** A thematic break written as one unbroken run ("---"); fresh, it cannot be a setext underline. */
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;
/**
 * Unindented lines that end a paragraph and start a block of their own: a bullet item with plain
 * content (not a thematic break), an ordered item numbered 1 (the only number that may interrupt),
 * a quote or an ATX heading.
 */
const INTERRUPTS_PARAGRAPH = /^(?:[-+*][ \t]+(?:[^\s\-*_:|=+]|\*\*[^\s*])|1[.)][ \t]+\S|>|#{1,6}(?:[ \t]|$))/;
/** An unindented opening fence; a backtick fence's info string cannot contain a backtick. */
const FENCE_OPEN = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Cuts a section into its opening heading, paragraph runs, rules and fenced code, which need no
 * parser, and Markdown pieces, which do. Why a cut leaves the tree unchanged:
 * - The opening ATX heading is the first line the parser sees and it closes on its own line; so does
 *   a thematic break with nothing open before it (no paragraph to underline, no table head).
 * - An unindented fence opening interrupts a paragraph and ends any list or quote (it can be neither
 *   indented item content nor a lazy line), and a code fence only ends at a closing fence line.
 * - An unindented line starting with a plain character, after a blank line, an ATX heading or a
 *   closing fence, can only start a paragraph: after a blank line no paragraph is open to continue
 *   lazily, lists need indentation and quotes a ">". The lines after it can neither interrupt it nor
 *   turn it into a setext heading or a table (whose delimiter row starts with "|", ":", "-" or a
 *   space); the run ends at a blank line or at a line that interrupts a paragraph.
 * The two things that survive those lines are an open fence or HTML block from the Markdown piece
 * before; `parsePieces` puts an empty heading in place of every cut and checks that the parser saw
 * each one as a heading, which it cannot be inside a fence or an HTML block.
 */
function planPieces(lines: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  // NUL becomes U+FFFD in the parser; such rare sections are left to it entirely.
  if (lines.some((l) => l.includes("\0"))) return [{ kind: "markdown", start: 0, end: lines.length }];
  let markdownStart = 0;
  const flushMarkdown = (end: number) => {
    for (let i = markdownStart; i < end; i++) {
      if (!isBlank(lines[i] as string)) {
        pieces.push({ kind: "markdown", start: markdownStart, end });
        break;
      }
    }
  };
  /** Whether line i starts with nothing open that a plain line could continue. */
  let fresh = true;
  /** Whether the last non-blank line was cut out (so no list is open that a "- " item would join). */
  let cutBefore = true;
  let i = 0;
  // Every section but the first starts with an ATX heading, which the parser would see first.
  const heading = atxHeading(lines[0] ?? "");
  if (heading !== null) {
    pieces.push({ kind: "heading", start: 0, end: 1, ...heading });
    i = markdownStart = 1;
  }
  while (i < lines.length) {
    const line = lines[i] as string;
    const open = FENCE_OPEN.exec(line);
    if (open) {
      const marks = (open[1] ?? open[2]) as string;
      const close = closingFence(lines, i + 1, marks);
      // An unclosed fence runs to the end of the section: leave the rest to the parser.
      if (close === -1) break;
      flushMarkdown(i);
      const lang = /^[ \t]*([^ \t]*)/.exec(line.slice(marks.length))?.[1] ?? "";
      pieces.push({ kind: "fence", start: i, end: close + 1, lang: lang === "" ? null : lang });
      i = close + 1;
      markdownStart = i;
      fresh = cutBefore = true;
      continue;
    }
    if (fresh && cutBefore && SIMPLE_ITEM.test(line)) {
      const end = simpleListEnd(lines, i);
      if (end !== -1) {
        flushMarkdown(i);
        pieces.push({ kind: "list", start: i, end });
        i = markdownStart = end;
        cutBefore = true;
        continue;
      }
    }
    if (fresh && RULE.test(line)) {
      flushMarkdown(i);
      pieces.push({ kind: "rule", start: i, end: i + 1 });
      i = markdownStart = i + 1;
      cutBefore = true;
      continue;
    }
    if (fresh && PLAIN_LINE.test(line)) {
      let end = i + 1;
      while (end < lines.length && PLAIN_LINE.test(lines[end] as string)) end++;
      const after = lines[end];
      if (after === undefined || isBlank(after) || INTERRUPTS_PARAGRAPH.test(after) || FENCE_OPEN.test(after)) {
        flushMarkdown(i);
        pieces.push({ kind: "paragraph", start: i, end });
        i = end;
        markdownStart = i;
        // A blank line comes next, or a line that interrupted the paragraph and so starts afresh.
        fresh = after !== undefined && !isBlank(after);
        cutBefore = true;
        continue;
      }
    }
    fresh = isBlank(line) || ATX_HEADING.test(line);
    if (!isBlank(line)) cutBefore = false;
    i++;
  }
  flushMarkdown(lines.length);
  return pieces;
}

/**
 * The end of a flat "- " list whose items are one plain line each, possibly with blank lines between
 * them; -1 unless a blank line and then an unindented line other than an item, or the section end,
 * follow it (an indented line would continue the last item, a plain line right after it would
 * continue its paragraph).
 */
function simpleListEnd(lines: readonly string[], from: number): number {
  let last = from;
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isBlank(line)) continue;
    if (SIMPLE_ITEM.test(line) && (i === last + 1 || isBlank(lines[i - 1] as string))) {
      last = i;
      continue;
    }
    return i > last + 1 && /^[^ \t]/.test(line) && !line.startsWith("- ") ? last + 1 : -1;
  }
  return last + 1;
}

/**
 * An unindented ATX heading line as the parser reads it with inline syntax off: the text is what
 * lies between the opening "#"s and an optional closing run of "#"s, without the spaces or tabs
 * around it.
 */
function atxHeading(line: string): { depth: number; text: string } | null {
  if (!ATX_HEADING.test(line)) return null;
  const marks = /^#+/.exec(line)?.[0] ?? "";
  // Trimmed by hand: "[ \t]+$" tried from every blank of a long run of them is quadratic.
  const content = trimEndOf(line.slice(marks.length), " \t").replace(/^[ \t]+/, "");
  if (/^#+$/.test(content)) return { depth: marks.length, text: "" };
  const closing = trimEndOf(content, "#");
  return { depth: marks.length, text: closing !== content && /[ \t]$/.test(closing) ? trimEndOf(closing, " \t") : content };
}

function closingFence(lines: readonly string[], from: number, marks: string): number {
  for (let i = from; i < lines.length; i++) {
    const close = FENCE_CLOSE.exec(lines[i] as string)?.[1];
    if (close !== undefined && close[0] === marks[0] && close.length >= marks.length) return i;
  }
  return -1;
}

/** Stands in for a cut; the parser must see it as an empty level-1 heading of its own. */
const SEPARATOR = "#";

interface ParsedPieces {
  pieces: Piece[];
  text: string;
  lines: readonly string[];
  /** The section line of a line of `text` (both 1-based). */
  sectionLine: (line: number) => number;
  /** The top-level nodes of each Markdown piece, in order. */
  groups: RootContent[][];
}

function parseSection(text: string, lines: readonly string[]): ParsedPieces {
  const pieces = planPieces(lines);
  const planned = pieces.length === 1 && pieces[0]?.kind === "markdown" ? null : parsePieces(lines, pieces);
  if (planned !== null) return planned;
  // Nothing to cut, or the parser disagreed with a cut (a fence or HTML block ran over it).
  const root = parser.parse(text) as Root;
  return { pieces: [{ kind: "markdown", start: 0, end: lines.length }], text, lines, sectionLine: (n) => n, groups: [root.children] };
}

/** Parses the Markdown pieces in one go, joined by separators; null if a separator was not a heading. */
function parsePieces(lines: readonly string[], pieces: Piece[]): ParsedPieces | null {
  const joined: string[] = [];
  const sectionLine = [0];
  const separators: number[] = [];
  pieces.forEach((piece, n) => {
    if (piece.kind !== "markdown") return;
    for (let i = piece.start; i < piece.end; i++) {
      joined.push(lines[i] as string);
      sectionLine.push(i + 1);
    }
    // A separator after every piece that something follows: checks the cut after it.
    if (n < pieces.length - 1) {
      joined.push(SEPARATOR);
      separators.push(sectionLine.length);
      sectionLine.push(0);
    }
  });
  const text = joined.join("\n");
  const root: Root = joined.length === 0 ? { type: "root", children: [] } : (parser.parse(text) as Root);
  const groups: RootContent[][] = [[]];
  let next = 0;
  for (const node of root.children) {
    const start = node.position?.start.line ?? 0;
    const separator = separators[next];
    if (separator !== undefined && start >= separator) {
      if (start !== separator || !isSeparator(node)) return null;
      next++;
      groups.push([]);
      continue;
    }
    groups[groups.length - 1]?.push(node);
  }
  if (next !== separators.length) return null;
  return { pieces, text, lines: joined, sectionLine: (n) => sectionLine[n] ?? 0, groups };
}

function isSeparator(node: RootContent): boolean {
  return (
    node.type === "heading" &&
    node.depth === 1 &&
    node.children.length === 0 &&
    node.position?.start.column === 1 &&
    node.position.end.line === node.position.start.line
  );
}

/**
 * Fences as their author meant them:
 * - a closing fence with punctuation after it ("```\"" where a quoted answer ended in code) does not close the block
 *   in CommonMark, so the rest of the document would become code. The stray closing quote is dropped: moving it to a
 *   line of its own could turn it into a setext heading;
 * - a block without a language that holds a fenced block of its own ("```" / "Code example:" / "```python" / … / "```" / "```") would end
 *   at the inner block's close, and every fence after it would flip. Its own fences are widened by a backtick, so
 *   that the inner ones are its text, once its close is found.
 */
export function repairClosingFences(text: string): string {
  const lines = text.split("\n");
  // The open block: its fence, its line, how many blocks of its own are open in it, and whether it held one.
  let open: { marks: string; at: number; inner: number; nested: boolean; tagged: boolean } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!fence) continue;
    const marks = fence[2] as string;
    const rest = (fence[3] ?? "").trim();
    if (open === null) {
      open = { marks, at: i, inner: 0, nested: false, tagged: rest !== "" };
    } else if (marks[0] === open.marks[0] && marks.length >= open.marks.length) {
      // Only a block without a language holds another ("```" around prose and a "```python" example); a "```python"
      // inside a "```python" block left open is the next block, as CommonMark reads it.
      if (!open.tagged && /^[\w+#.-]+$/.test(rest)) {
        open.inner++;
        continue;
      }
      if (/^["”'’.,;:)\]]+$/.test(rest)) lines[i] = `${fence[1]}${marks}`;
      if (rest !== "" && lines[i] !== `${fence[1]}${marks}`) continue;
      if (open.inner > 0) {
        open.inner--;
        open.nested = true;
        continue;
      }
      if (open.nested) {
        const wider = (line: string, m: string) => line.replace(m, m + (m[0] as string));
        lines[open.at] = wider(lines[open.at] as string, open.marks);
        lines[i] = wider(lines[i] as string, marks);
      }
      open = null;
    }
  }
  return lines.join("\n");
}

/** "::: details Câu trả lời", "::: tip", ":::": a VitePress or Docusaurus container's fence, at any indentation. */
const CONTAINER = /^[ \t]*:{3,}[ \t]*(?:([A-Za-z][\w-]*)(.*))?$/;

/**
 * "::: details Câu trả lời" … ":::": a container, as VitePress and Docusaurus write callouts and hidden answers. Its
 * title is the bold label a reader sees ("**Câu trả lời**", "**Tip**"), its closing fence a blank line, and the text
 * inside it is its text, its indentation as it would render (a nested container is indented in its parent's). Line for
 * line; fenced code is left alone.
 */
export function withoutContainers(text: string): string {
  if (!text.includes(":::")) return text;
  const lines = text.split("\n");
  let fenced = false;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^ {0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    const container = fenced ? null : CONTAINER.exec(line);
    if (container) {
      const [, type, title] = container;
      depth = type === undefined ? Math.max(0, depth - 1) : depth + 1;
      lines[i] = type === undefined ? "" : `**${(title ?? "").trim() || `${type.charAt(0).toUpperCase()}${type.slice(1)}`}**`;
    } else if (depth > 1 && !fenced) lines[i] = line.replace(new RegExp(`^(?: {4}|\\t){0,${depth - 1}}`), "");
  }
  return lines.join("\n");
}

/** "**Câu hỏi 1:** …", "Q: …", "**Question:** …": a line that opens on a question's label. */
const QUESTION_LABEL_LINE = new RegExp(String.raw`^\s*(?:(?:\*\*|__)\s*)?(?:q|${QUESTION_WORDS})\s*#?\d{0,3}\s*(?:\*\*|__)?\s*[:：.)]`, "i");
/** "**Trả lời:** …", "A: …", "**Answer:** …": a line that opens on an answer's label. */
const ANSWER_LABEL_LINE = new RegExp(String.raw`^\s*(?:(?:\*\*|__)\s*)?(?:a|${ANSWER_WORDS})\s*(?:\*\*|__)?\s*[:：]`, "i");

/**
 * "> **Câu hỏi 1:** …" / ">" / "> **Trả lời:** …": a self-check set in a quotation, as study notes set them apart. A
 * quotation that opens on a question's label and holds an answer's is read as the lines it quotes, line for line.
 */
export function unquotedQuestions(text: string): string {
  if (!text.includes(">")) return text;
  const lines = text.split("\n");
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^ {0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || !/^ {0,3}>/.test(line) || (i > 0 && /^ {0,3}>/.test(lines[i - 1] ?? ""))) continue;
    let end = i;
    while (end < lines.length && /^ {0,3}>/.test(lines[end] ?? "")) end++;
    const quoted = lines.slice(i, end).map((l) => l.replace(/^ {0,3}> ?/, ""));
    // Not a dialogue quoted as the question's material ("What is wrong with this answer?" over "> Q: …" / "> A: …").
    const before = lines.slice(Math.max(0, i - 3), i).findLast((l) => l.trim() !== "") ?? "";
    const material = /[?？:：]\s*$/.test(before);
    if (!material && QUESTION_LABEL_LINE.test(quoted[0] ?? "") && quoted.slice(1).some((l) => ANSWER_LABEL_LINE.test(l))) {
      quoted.forEach((l, n) => (lines[i + n] = l));
    }
    i = end - 1;
  }
  return lines.join("\n");
}

/** A node's source; lines after the first lose the indentation of the container it sat in. */
function slice(text: string, node: Nodes | RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  const source = text.slice(start, end);
  const indent = (node.position?.start.column ?? 1) - 1;
  return indent === 0 ? source : source.replace(new RegExp(`\n {0,${indent}}`, "g"), "\n");
}

/** A list item of one line, as `listItem` reads it. */
function simpleItem(content: string): ListItem {
  return { text: plainInline(content), md: content, lines: [content], children: [] };
}

const TASK_BOX = /^\[([ xX])\][ \t]+/;

/** `from`: the line the outermost list starts on, that the entries' offsets count from. */
function listItems(text: string, list: List, from: number): ListItem[] {
  return list.children.map((item) => listItem(text, item, from));
}

function listItem(text: string, item: MdListItem, from: number): ListItem {
  const first = item.children[0];
  const contentStart = first?.position?.start.offset;
  const itemEnd = item.position?.end.offset ?? contentStart ?? 0;
  const indent = Math.max(0, (first?.position?.start.column ?? 1) - 1);
  const nested = item.children.filter((c): c is List => c.type === "list");
  const ownEnd = nested[0]?.position?.start.offset ?? itemEnd;
  const dedent = (s: string) =>
    s
      .split("\n")
      .map((l, n) => (n === 0 ? l : l.replace(new RegExp(`^ {0,${indent}}`), "")))
      .join("\n")
      .trimEnd();
  // A task list's box ("- [ ] What is a B-tree?") marks the entry as done or not, for its author alone.
  const unboxed = (s: string) => s.replace(TASK_BOX, "");
  const whole = contentStart === undefined ? "" : unboxed(dedent(text.slice(contentStart, itemEnd)));
  const written = contentStart === undefined ? "" : unboxed(dedent(text.slice(contentStart, ownEnd)));
  // Its own text with the lines it was wrapped over joined, so that its first line is its first sentence.
  const own = unwrapLines(written.split("\n")).join("\n");
  const md = own + whole.slice(written.length);
  const lines = own.split("\n").filter((l) => l.trim() !== "");
  const box = contentStart === undefined ? null : TASK_BOX.exec(text.slice(contentStart, ownEnd));
  return {
    text: plainInline(lines[0] ?? ""),
    md,
    lines,
    children: nested.flatMap((l) => listItems(text, l, from)),
    ...(box ? { checked: box[1] !== " " } : {}),
    offset: (item.position?.start.line ?? from) - from,
  };
}
