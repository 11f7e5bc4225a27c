import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toMdast } from "hast-util-to-mdast";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { toMarkdown } from "mdast-util-to-markdown";
import type { Nodes as MdastNodes } from "mdast";
import { AppError } from "@/server/platform/errors";

/**
 * HTML (a saved web page, a Google Docs "Web page" export, mammoth's output for .docx) to the Markdown the
 * bank pipeline reads. HTML says structure with tags, except where word processors say it with styles:
 * Google Docs marks bold and code with CSS (inline or in classes), and nests lists by class name, not by
 * tags. Those are turned into tags first; hast-util-to-mdast does the rest.
 */
export function htmlToMarkdown(html: string, sourceFile: string): string {
  try {
    const tree = fromHtml(html);
    const classes = classStyles(tree);
    restyle(tree, classes);
    const mdast = toMdast(tree) as MdastNodes;
    return toMarkdown(mdast, { bullet: "-", fences: true, listItemIndent: "one", rule: "-", extensions: [gfmTableToMarkdown()] });
  } catch (error) {
    // The tree tools recurse: elements nested thousands deep (no editor writes that) exhaust the stack.
    if (error instanceof RangeError) throw new AppError("BAD_REQUEST", `${sourceFile} nests its elements too deeply to be read as a document.`);
    throw error;
  }
}

interface TextStyle {
  bold: boolean;
  italic: boolean;
  mono: boolean;
}

const NO_STYLE: TextStyle = { bold: false, italic: false, mono: false };

/** What a CSS declaration list says about text, undefined for what it does not mention. */
function styleOf(css: string): Partial<TextStyle> {
  const out: Partial<TextStyle> = {};
  for (const declaration of css.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (property === "font-weight") out.bold = value === "bold" || value === "bolder" || Number(value) >= 600;
    else if (property === "font-style") out.italic = value === "italic" || value === "oblique";
    else if (property === "font-family") out.mono = /courier|consolas|mono|menlo|monaco|source code|fira code/.test(value);
  }
  return out;
}

/** Google Docs' export puts each run's style in a class rule (`.c3{font-weight:700}`); read the simple ones. */
function classStyles(tree: Root): Map<string, Partial<TextStyle>> {
  const css: string[] = [];
  walk(tree, (el) => {
    if (el.tagName === "style") for (const child of el.children) if (child.type === "text") css.push(child.value);
  });
  const classes = new Map<string, Partial<TextStyle>>();
  // Split on braces rather than one regex over the sheet: no pattern can backtrack over a huge style element.
  for (const rule of css.join("\n").split("}")) {
    const open = rule.lastIndexOf("{");
    if (open < 0) continue;
    const style = styleOf(rule.slice(open + 1));
    for (const selector of rule.slice(0, open).split(",")) {
      const name = /^\s*\.([\w-]+)\s*$/.exec(selector)?.[1];
      if (name) classes.set(name, { ...classes.get(name), ...style });
    }
  }
  return classes;
}

function walk(node: Root | Element, visit: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    visit(child);
    walk(child, visit);
  }
}

function classList(el: Element): string[] {
  const value = el.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function ownStyle(el: Element, classes: Map<string, Partial<TextStyle>>): Partial<TextStyle> {
  let style: Partial<TextStyle> = {};
  for (const name of classList(el)) style = { ...style, ...classes.get(name) };
  const inline = el.properties.style;
  return typeof inline === "string" ? { ...style, ...styleOf(inline) } : style;
}

const element = (tagName: string, children: ElementContent[]): Element => ({ type: "element", tagName, properties: {}, children });

/**
 * Makes styled runs into tags (strong, em, code), paragraphs set in a monospace font into code blocks,
 * Google's list classes into nested lists and its redirect links into the links they point to.
 */
function restyle(tree: Root, classes: Map<string, Partial<TextStyle>>): void {
  const visit = (node: Root | Element, inherited: TextStyle): void => {
    for (const child of node.children) {
      // Word processors space with no-break spaces (Google's "&nbsp;Medium"); Markdown labels want plain ones.
      if (child.type === "text") child.value = child.value.replaceAll("\u00a0", " ");
      if (child.type !== "element") continue;
      // Google Docs' Title style is a paragraph with a class, not a heading tag.
      if (child.tagName === "p" && classList(child).includes("title")) child.tagName = "h1";
      // A heading is bold by its tag already: runs inside it marked bold must not add ** around its text.
      const own = ownStyle(child, classes);
      const style = /^h[1-6]$/.test(child.tagName) ? { ...inherited, ...own, bold: true } : { ...inherited, ...own };
      if (child.tagName === "img") imageAsText(child);
      if (child.tagName === "a") unwrapLink(child);
      if (child.tagName === "table") ensureHeaderRow(child);
      visit(child, style);
      if (child.tagName === "span" || child.tagName === "b" || child.tagName === "font") wrapRun(child, inherited, style);
    }
    nestGoogleLists(node);
    mergeCodeParagraphs(node);
  };
  visit(tree, NO_STYLE);
}

/** A run whose style differs from its parent's gets the tags that say so, inside it. */
function wrapRun(el: Element, parent: TextStyle, style: TextStyle): void {
  // Google's clipboard wraps the whole document in <b style="font-weight:normal">: a tag that says nothing.
  if (el.tagName === "b" && !style.bold) el.tagName = "span";
  else if (el.tagName === "b") return;
  // Spaces at the ends of a run stay outside its marks: "** Medium**" and "` code`" are not what was meant.
  const only = el.children.length === 1 ? el.children[0] : undefined;
  const [lead, core, trail] = only?.type === "text" ? splitSpaces(only.value) : ["", null, ""];
  let children: ElementContent[] = core === null ? el.children : [{ type: "text", value: core }];
  if (style.mono && !parent.mono && !hasBlock(el)) children = [element("code", children)];
  if (style.italic && !parent.italic) children = [element("em", children)];
  if (style.bold && !parent.bold) children = [element("strong", children)];
  if (core === "") return;
  el.children = [...(lead ? [{ type: "text" as const, value: lead }] : []), ...children, ...(trail ? [{ type: "text" as const, value: trail }] : [])];
}

function splitSpaces(text: string): [string, string, string] {
  const core = text.trim();
  return [text.slice(0, text.length - text.trimStart().length), core, core === "" ? "" : text.slice(text.trimEnd().length)];
}

const BLOCKS = new Set(["p", "div", "ul", "ol", "li", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]);
const hasBlock = (el: Element): boolean => el.children.some((c) => c.type === "element" && (BLOCKS.has(c.tagName) || hasBlock(c)));

/** An anchor without a target (Google's `<a id="t.0">` before each table) is no link; Google's redirects point elsewhere. */
function unwrapLink(a: Element): void {
  const href = a.properties.href;
  if (typeof href !== "string") a.tagName = "span";
  if (typeof href !== "string" || !href.startsWith("https://www.google.com/url?")) return;
  const target = new URL(href).searchParams.get("q");
  if (target) a.properties.href = target;
}

/** An image is its description: the bank keeps text, and a data URL would be megabytes of Markdown. */
function imageAsText(img: Element): void {
  const alt = typeof img.properties.alt === "string" ? img.properties.alt.trim() : "";
  img.tagName = "span";
  img.properties = {};
  img.children = alt === "" ? [] : [{ type: "text", value: `[image: ${alt}]` }];
}

/** A Markdown table needs a header row; word processors' tables have none, so the first row is it. */
function ensureHeaderRow(table: Element): void {
  const rows: Element[] = [];
  walk(table, (el) => {
    if (el.tagName === "tr") rows.push(el);
  });
  const first = rows[0];
  if (!first || rows.some((row) => row.children.some((c) => c.type === "element" && c.tagName === "th"))) return;
  for (const cell of first.children) if (cell.type === "element" && cell.tagName === "td") cell.tagName = "th";
}

/**
 * A paragraph whose every run is monospace (`<p><span><code>…</code></span></p>` after wrapRun) is a line of
 * code; consecutive ones are one block. Word processors have no code block, so that is how code is written.
 */
function mergeCodeParagraphs(node: Root | Element): void {
  const out: (RootContent | ElementContent)[] = [];
  let block: string[] | null = null;
  for (const child of node.children) {
    const line = child.type === "element" && child.tagName === "p" ? codeLineOf(child) : null;
    if (line !== null) {
      if (block) block.push(line);
      else {
        block = [line];
        out.push(element("pre", [element("code", [])]));
      }
      const pre = out.at(-1) as Element;
      (pre.children[0] as Element).children = [{ type: "text", value: block.join("\n") }];
      continue;
    }
    // Whitespace between two code paragraphs does not end the block.
    if (!(block && child.type === "text" && child.value.trim() === "")) block = null;
    out.push(child);
  }
  node.children = out as typeof node.children;
}

/** The text of a paragraph set entirely in code runs, null for any other paragraph. */
function codeLineOf(p: Element): string | null {
  let text = "";
  let sawCode = false;
  const collect = (nodes: readonly ElementContent[], inCode: boolean): boolean => {
    for (const n of nodes) {
      if (n.type === "text") {
        if (!inCode && n.value.trim() !== "") return false;
        text += n.value;
        sawCode ||= inCode;
      } else if (n.type === "element") {
        if (n.tagName === "br") text += "\n";
        else if (!collect(n.children, inCode || n.tagName === "code")) return false;
      }
    }
    return true;
  };
  return collect(p.children, false) && sawCode ? text.replaceAll("\u00a0", " ") : null;
}

/**
 * Google Docs writes a nested list as flat sibling lists, each with a class `lst-kix_<id>-<level>`; the
 * level is the nesting. Each deeper list moves into the last item of the list one level up.
 */
function nestGoogleLists(node: Root | Element): void {
  const levelOf = (child: RootContent | ElementContent): number | null => {
    if (child.type !== "element" || (child.tagName !== "ul" && child.tagName !== "ol")) return null;
    const level = classList(child)
      .map((name) => /^lst-kix_\w+-(\d+)$/.exec(name)?.[1])
      .find((n) => n !== undefined);
    return level === undefined ? null : Number(level);
  };
  const out: (RootContent | ElementContent)[] = [];
  const open: Element[] = [];
  for (const child of node.children) {
    const level = levelOf(child);
    if (level === null) {
      if (!(child.type === "text" && child.value.trim() === "")) open.length = 0;
      out.push(child);
      continue;
    }
    const list = child as Element;
    // The same list interrupted by a deeper one continues in a new element: its items join the first one's.
    const same = open[level];
    if (same && same.tagName === list.tagName) {
      same.children.push(...list.children);
      open.length = level + 1;
      continue;
    }
    const parentItem = level > 0 ? open[level - 1]?.children.findLast((c): c is Element => c.type === "element" && c.tagName === "li") : undefined;
    if (parentItem) parentItem.children.push(list);
    else out.push(list);
    open.length = level;
    open[level] = list;
  }
  node.children = out as typeof node.children;
}
