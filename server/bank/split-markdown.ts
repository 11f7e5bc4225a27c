import type { List, ListItem as MdListItem, Nodes, Root, RootContent } from "mdast";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { toString } from "mdast-util-to-string";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkParse from "remark-parse";
import type { Processor } from "unified";
import { unified } from "unified";
import type { ListItem, SplitResult, Unit } from "./blocks";
import { plainInline } from "./inline-text";
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
        null: ["attention", "autolink", "characterEscape", "characterReference", "codeText", "hardBreakEscape", "htmlText", "labelEnd", "labelStartImage", "labelStartLink"],
      },
    },
  ];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()];
}

const parser = unified().use(remarkParse).use(blocksOnly).freeze();

/** Splits a Markdown document into units with a real CommonMark parser (remark) plus GFM tables. */
export function splitMarkdown(input: string): SplitResult {
  const text = repairClosingFences(input);
  const units: Unit[] = [];
  let codeLinesRestored = 0;
  let block = 0;
  for (const section of sections(text)) {
    const part = splitSection(section.text, section.firstLine, block);
    units.push(...part.units);
    codeLinesRestored += part.codeLinesRestored;
    block = part.lastBlock;
  }
  return { units, codeLinesRestored };
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

function splitSection(text: string, firstLine: number, firstBlock: number): SplitResult & { lastBlock: number } {
  const root = parser.parse(text) as Root;
  const lines = text.split("\n");
  const units: Unit[] = [];
  let codeLinesRestored = 0;
  let block = firstBlock;
  const toDocLine = (n: number) => n + firstLine - 1;
  for (const node of root.children) {
    block++;
    const local = node.position?.start.line ?? 1;
    const line = toDocLine(local);
    const md = slice(text, node);
    switch (node.type) {
      case "heading":
        units.push({ kind: "heading", depth: node.depth, text: plainInline(toString(node)), md, line, block });
        break;
      case "paragraph": {
        const end = node.position?.end.line ?? local;
        for (let n = local; n <= end; n++) {
          const src = (lines[n - 1] ?? "").trimEnd();
          if (src.trim() === "") continue;
          units.push({ kind: "line", text: plainInline(src), md: src.trim(), line: toDocLine(n), block });
        }
        break;
      }
      case "list":
        units.push({ kind: "list", ordered: node.ordered === true, items: listItems(text, node), md, line, block });
        break;
      case "code": {
        const restored = restoreCodeBreaks(node.value);
        codeLinesRestored += restored.restored;
        const fence = node.value.includes("```") ? "~~~" : "```";
        const code = `${fence}${node.lang ?? ""}\n${restored.code}\n${fence}`;
        units.push({ kind: "code", lang: node.lang ?? null, value: restored.code, md: code, line, block });
        break;
      }
      case "table":
        units.push({
          kind: "table",
          rows: node.children.map((row) => row.children.map((cell) => plainInline(toString(cell)))),
          md,
          line,
          block,
        });
        break;
      case "blockquote":
        units.push({ kind: "quote", text: plainInline(toString(node)), md, line, block });
        break;
      case "html":
        units.push({ kind: "html", value: node.value, md, line, block });
        break;
      case "thematicBreak":
        units.push({ kind: "rule", md, line, block });
        break;
      default:
        if (md.trim() !== "") units.push({ kind: "line", text: plainInline(md), md, line, block });
    }
  }
  return { units, codeLinesRestored, lastBlock: block };
}

/**
 * A closing fence with punctuation after it ("```\"" where a quoted answer ended in code) does not
 * close the block in CommonMark, so the rest of the document would become code. The stray closing
 * quote is dropped: moving it to a line of its own could turn it into a setext heading.
 */
export function repairClosingFences(text: string): string {
  const lines = text.split("\n");
  let open: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!fence) continue;
    const marks = fence[1] as string;
    const rest = (fence[2] ?? "").trim();
    if (open === null) {
      open = marks;
    } else if (marks[0] === open[0] && marks.length >= open.length) {
      if (/^["”'’.,;:)\]]+$/.test(rest)) lines[i] = marks;
      if (rest === "" || lines[i] === marks) open = null;
    }
  }
  return lines.join("\n");
}

function slice(text: string, node: Nodes | RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : text.slice(start, end);
}

function listItems(text: string, list: List): ListItem[] {
  return list.children.map((item) => listItem(text, item));
}

function listItem(text: string, item: MdListItem): ListItem {
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
  const md = contentStart === undefined ? "" : dedent(text.slice(contentStart, itemEnd));
  const own = contentStart === undefined ? "" : dedent(text.slice(contentStart, ownEnd));
  const lines = own.split("\n").filter((l) => l.trim() !== "");
  return {
    text: plainInline(lines[0] ?? ""),
    md,
    lines,
    children: nested.flatMap((l) => listItems(text, l)),
  };
}
