/**
 * A PDF's text layer to Markdown. A PDF keeps no structure, only runs of text placed on a page; the
 * structure is read back from the layout: lines from the runs' baselines, headings from font sizes larger
 * than the body's, lists from bullet glyphs, numbering and indentation, code from monospace fonts, and
 * paragraphs from line spacing. Pure: pdf.ts extracts the runs.
 */

/** One run of text as pdf.js reports it, in PDF units (y grows upwards). */
export interface PdfRun {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** The font size on the page. */
  size: number;
  bold: boolean;
  mono: boolean;
  /** pdf.js says the line ends after this run. */
  endsLine: boolean;
  /** Where a link over this run goes: a URL, or "#…" for a place in the document (a table of contents). */
  href?: string;
}

interface Line {
  page: number;
  runs: PdfRun[];
  x: number;
  y: number;
  size: number;
  mono: boolean;
  /** A bullet or number before the text, and where the text after it starts. */
  marker: { ordered: string | null; x: number } | null;
}

const BULLETS = /^[•◦▪▫●○■□‣⁃∙·–—*\u2013\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8-][ \t\u00a0]+/;
/** A bullet alone in its run: the usual ones, or a symbol font's private-use code (U+F0B7 and the like). */
const BULLET_GLYPH = /^(?:[•◦▪▫●○■□‣⁃∙·–—*-]|[\ue000-\uf8ff])$/u;
const NUMBERING = /^(\d{1,3}|[a-z]|[ivx]{1,5})[.)][ \t\u00a0]+/i;
const NUMBER_ALONE = /^(\d{1,3}|[a-z]|[ivx]{1,5})[.)]$/i;
/** Text this much larger than the body's is a heading. */
const HEADING_RATIO = 1.15;
/** Wrapped lines of ragged-right text end within this many ems of the right margin. */
const WRAP_SLACK = 8;
/** The share of body lines that may run past the right margin. */
const OVERRUN_SHARE = 0.03;
/** At least this many lines must end near one right edge for it to be the margin. */
const MIN_FULL_LINES = 3;
/** Runs on baselines closer than this share of the font size are on one line. */
const SAME_LINE = 0.4;

/** The text layer of every page, in pdf.js's order, to Markdown; empty when there is no text at all. */
export function pdfTextToMarkdown(pages: readonly (readonly PdfRun[])[]): string {
  const lines = pages.flatMap((runs, page) => linesOf(runs, page));
  if (lines.length === 0) return "";
  const body = bodyOf(lines);
  const headingSizes = [...new Set(lines.filter((l) => isHeading(l, body)).map((l) => roundSize(l.size)))].sort((a, b) => b - a);
  return blocksOf(lines, body, headingSizes).join("\n\n") + "\n";
}

const roundSize = (size: number) => Math.round(size * 2) / 2;
const isBlank = (run: PdfRun) => run.text.trim() === "";

function linesOf(runs: readonly PdfRun[], page: number): Line[] {
  const lines: Line[] = [];
  let current: PdfRun[] = [];
  let lastEnded = true;
  const close = () => {
    const line = lineOf(current, page);
    if (line) lines.push(line);
    current = [];
  };
  for (const run of runs) {
    const previous = current.at(-1);
    if (previous && (lastEnded || Math.abs(run.y - previous.y) > SAME_LINE * Math.max(run.size, previous.size, 1))) close();
    // A run with no text and no width is pdf.js's own line-end marker; one with width is a glyph it could not map.
    if (run.text !== "" || run.width > 0) current.push(run);
    lastEnded = run.endsLine && current.length > 0;
  }
  close();
  return lines;
}

/** A line from its runs: an unmapped glyph or a bullet before the text is its list marker. */
function lineOf(runs: PdfRun[], page: number): Line | null {
  const firstText = runs.findIndex((r) => !isBlank(r));
  if (firstText < 0) return null;
  const lead = runs.slice(0, firstText);
  const rest = runs.slice(firstText);
  const first = rest[0] as PdfRun;
  const size = rest.reduce((max, r) => Math.max(max, r.size), 0);
  let marker: Line["marker"] = lead.some((r) => r.text === "" && r.width > 0) ? { ordered: null, x: first.x } : null;
  const bullet = BULLETS.exec(first.text);
  const number = NUMBERING.exec(first.text);
  const numberAlone = NUMBER_ALONE.exec(first.text.trim());
  const next = rest.find((r, i) => i > 0 && !isBlank(r));
  if (!marker && bullet) {
    const after = first.text.slice(bullet[0].length);
    // Where the item's text starts: wrapped lines of the item start there too.
    const textX = after === "" ? (rest[1]?.x ?? first.x) : first.x + (first.width * bullet[0].length) / first.text.length;
    marker = { ordered: null, x: textX };
    rest[0] = { ...first, text: after };
  } else if (!marker && BULLET_GLYPH.test(first.text.trim()) && rest.some((r, i) => i > 0 && !isBlank(r))) {
    // A bullet drawn apart from its text: Word's Symbol-font bullet arrives as U+F0B7, a run of its own.
    marker = { ordered: null, x: next?.x ?? first.x };
    rest.shift();
  } else if (!marker && numberAlone && next) {
    // "1." drawn as a run of its own, its text after a tab: wrapped lines start where that text does.
    marker = { ordered: numberAlone[1] ?? "1", x: next.x };
  } else if (!marker && number) {
    marker = { ordered: number[1] ?? "1", x: first.x + (first.width * number[0].length) / first.text.length };
  }
  const text = rest.filter((r) => r.text !== "");
  const x = marker && lead[0] ? lead[0].x : first.x;
  return { page, runs: text, x, y: first.y, size, mono: text.every((r) => r.mono || isBlank(r)), marker };
}

interface Body {
  size: number;
  /** The usual distance between two lines of one paragraph. */
  pitch: number;
  /** Where full lines of body text end: the right margin, null when too few lines reach it to tell. */
  right: number | null;
}

const endOf = (line: Line) => line.runs.reduce((end, r) => Math.max(end, r.x + r.width), line.x);

/** The body text's font size (the one most characters outside code use) and line pitch. */
function bodyOf(lines: readonly Line[]): Body {
  const bySize = new Map<number, number>();
  // Code is set smaller: in a document that is mostly code, the prose is still the body, not a heading.
  for (const line of lines)
    for (const run of line.runs) if (!run.mono) bySize.set(roundSize(run.size), (bySize.get(roundSize(run.size)) ?? 0) + run.text.length);
  const size = [...bySize].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, -1])[0] || 12;
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1] as Line, lines[i] as Line];
    if (a.page !== b.page || roundSize(a.size) !== size || roundSize(b.size) !== size) continue;
    const gap = Math.round(a.y - b.y);
    if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  // The smallest common gap: paragraph breaks are larger, and as common in a list of one-line paragraphs.
  const common = [...gaps].filter(([, n]) => n >= 2).map(([gap]) => gap);
  const bodyLines = lines.filter((l) => roundSize(l.size) === size && !l.mono);
  // Not the furthest end: a long URL or a wide table row runs past the margin, and would move it.
  const ends = bodyLines.map(endOf).sort((a, b) => b - a);
  const right = ends[Math.min(ends.length - 1, Math.floor(ends.length * OVERRUN_SHARE))] ?? 0;
  // Lines that wrap end near one margin; a document of short lines (a text file printed) has none, and
  // its longest line is no margin.
  const nearRight = bodyLines.filter((l) => Math.abs(endOf(l) - right) <= WRAP_SLACK * size).length;
  const established = nearRight >= Math.max(MIN_FULL_LINES, bodyLines.length / 10);
  return { size, pitch: common.length > 0 ? common.reduce((a, b) => Math.min(a, b)) : size * 1.2, right: established ? right : null };
}

const isHeading = (line: Line, body: Body) => !line.mono && line.size >= body.size * HEADING_RATIO && textOf(line).length <= 200;

/** The line's text with bold runs and links marked, and a space where runs are apart without one. */
function textOf(line: Line, markup = false): string {
  const parts: { text: string; bold: boolean; href: string | undefined }[] = [];
  let previous: PdfRun | null = null;
  for (const run of line.runs) {
    const apart = previous !== null && run.x - (previous.x + previous.width) > 0.15 * run.size;
    const gap = apart && !/\s$/.test(previous?.text ?? "") && !/^\s/.test(run.text) ? " " : "";
    const bold = markup && run.bold;
    const href = markup ? run.href : undefined;
    const last = parts.at(-1);
    // Spaces take the style of the text before them, so that "**Label:** value" closes before the space.
    if (last && ((last.bold === bold && last.href === href) || isBlank(run))) last.text += gap + run.text;
    else {
      if (last) last.text += gap;
      parts.push({ text: run.text, bold, href });
    }
    previous = run;
  }
  return parts
    .map(({ text, bold, href }) => {
      const core = text.trim();
      if ((!bold && !href) || core === "") return text;
      const marked = bold ? `**${core}**` : core;
      // trimStart/trimEnd rather than /\s*$/: that pattern is quadratic on a long run of spaces.
      return `${text.slice(0, text.length - text.trimStart().length)}${href ? `[${marked}](${href})` : marked}${text.slice(text.trimEnd().length)}`;
    })
    .join("")
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}

/** Line starts that Markdown would read as structure the PDF did not have. */
function escapeStart(text: string): string {
  return text.replace(/^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s|<)/, (m) => `\\${m}`);
}

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "code"; lines: Line[] }
  | { kind: "item"; depth: number; ordered: string | null; text: string; line: Line }
  | { kind: "para"; text: string; line: Line };

/**
 * Where entries of lists whose bullets the PDF drew as shapes rather than text start (Chrome's "Save as PDF"
 * draws them so): when no line carries a bullet, the indents past the page's left edge that two or more lines
 * share. None when bullets are in the text, or where paragraphs indent their first line (a book's layout: a
 * full indented line wraps back to the edge).
 */
function drawnListIndents(lines: readonly Line[], body: Body): Set<number> {
  if (lines.some((l) => l.marker?.ordered === null) || body.right === null) return new Set();
  const edge = lines.reduce((min, l) => Math.min(min, l.x), Infinity);
  const indented = (l: Line) => !l.mono && !l.marker && l.x >= edge + 0.8 * body.size;
  const wrapsBack = lines.some((l, i) => {
    const next = lines[i + 1];
    return next !== undefined && indented(l) && Math.abs(next.x - edge) < 3 && follows(l, next, body) && endOf(l) >= (body.right ?? 0) - 2 * body.size;
  });
  if (wrapsBack) return new Set();
  // A list's entries share their indent; a line alone at its x (a centred table header) is none.
  const byX = new Map<number, number>();
  for (const l of lines) if (indented(l)) byX.set(Math.round(l.x), (byX.get(Math.round(l.x)) ?? 0) + 1);
  return new Set([...byX].filter(([, n]) => n >= 2).map(([x]) => x));
}

function blocksOf(lines: readonly Line[], body: Body, headingSizes: readonly number[]): string[] {
  const blocks: Block[] = [];
  const listIndents: number[] = [];
  const drawnList = drawnListIndents(lines, body);
  let previous: Line | null = null;
  for (const line of lines) {
    const last = blocks.at(-1);
    const close = previous !== null && follows(previous, line, body);
    if (line.mono) {
      if (last?.kind === "code" && close) last.lines.push(line);
      else blocks.push({ kind: "code", lines: [line] });
    } else if (isHeading(line, body)) {
      listIndents.length = 0;
      const level = Math.min(headingSizes.indexOf(roundSize(line.size)) + 1, 6);
      if (last?.kind === "heading" && last.level === level && close) last.text += ` ${textOf(line)}`;
      else blocks.push({ kind: "heading", level, text: textOf(line) });
    } else if (line.marker) {
      blocks.push({ kind: "item", depth: depthOf(listIndents, line.x), ordered: line.marker.ordered, text: textOf(line, true), line });
    } else if ((last?.kind === "para" || last?.kind === "item") && close && continues(last.line, line, body)) {
      last.text = joinWrapped(last.text, textOf(line, true));
      last.line = line;
    } else if (drawnList.has(Math.round(line.x))) {
      blocks.push({ kind: "item", depth: depthOf(listIndents, line.x), ordered: null, text: textOf(line, true), line });
    } else {
      if (last?.kind !== "item" || !close) listIndents.length = 0;
      blocks.push({ kind: "para", text: escapeStart(textOf(line, true)), line });
    }
    previous = line;
  }
  return renderBlocks(blocks);
}

/** The next line is near enough below the previous to belong to the same block (a page break continues it). */
function follows(previous: Line, line: Line, body: Body): boolean {
  if (line.page !== previous.page) return line.page === previous.page + 1;
  const gap = previous.y - line.y;
  return gap > 0 && gap <= body.pitch * 1.3 * Math.max(1, line.size / body.size);
}

/**
 * A wrapped line starts where the paragraph's (or list item's) text does, in the same size, after a line
 * too full for its first word: a line with room for it ended its paragraph (a table row, a label, a last line).
 */
function continues(previous: Line, line: Line, body: Body): boolean {
  if (body.right === null) return false;
  const textX = previous.marker ? previous.marker.x : previous.x;
  const startX = previous.runs[0]?.x ?? previous.x;
  const aligned = [textX, startX, previous.x].some((x) => Math.abs(line.x - x) < 3);
  const first = line.runs[0];
  const word = first ? (/^\S*/.exec(first.text.trimStart())?.[0].length ?? 0) : 0;
  const wordWidth = first && first.text.length > 0 ? (first.width * (word + 1)) / first.text.length : 0;
  const full = endOf(previous) + wordWidth >= body.right - 0.5 * body.size;
  return aligned && full && roundSize(previous.size) === roundSize(line.size);
}

function joinWrapped(text: string, next: string): string {
  // A line broken after a hyphen keeps it: "write-" + "ahead" is a compound far more often than a split word.
  return text.endsWith("-") ? `${text}${next}` : `${text} ${next}`;
}

/** Nesting from indentation: each further indent within a list is one level deeper. */
function depthOf(indents: number[], x: number): number {
  const at = indents.findIndex((indent) => Math.abs(indent - x) < 3);
  if (at >= 0) {
    indents.length = at + 1;
    return at;
  }
  while (indents.length > 0 && (indents.at(-1) as number) > x) indents.pop();
  indents.push(x);
  return indents.length - 1;
}

function renderBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const [i, block] of blocks.entries()) {
    const last = blocks[i - 1];
    if (block.kind === "heading") out.push(`${"#".repeat(block.level)} ${block.text}`);
    else if (block.kind === "para") out.push(block.text);
    else if (block.kind === "code") out.push(codeBlock(block.lines));
    else {
      const bullet = block.ordered === null ? "-" : /^\d+$/.test(block.ordered) ? `${block.ordered}.` : "-";
      const text = block.ordered !== null && /^\d+$/.test(block.ordered) ? block.text.replace(NUMBERING, "") : block.text;
      const item = `${"  ".repeat(block.depth * (block.ordered === null ? 1 : 2))}${bullet} ${text}`;
      // Items of one list are one block; Markdown needs no blank line between them.
      if (last?.kind === "item" && out.length > 0) out[out.length - 1] += `\n${item}`;
      else out.push(item);
    }
  }
  return out;
}

/** Monospace lines as a fenced block, their indentation rebuilt from x in character widths. */
function codeBlock(lines: readonly Line[]): string {
  // reduce, not Math.min(...): a spread of a long block's lines would overflow the stack.
  const left = lines.reduce((min, l) => Math.min(min, l.x), Infinity);
  const charWidths = lines.flatMap((l) => l.runs.filter((r) => r.text.length > 0 && r.width > 0).map((r) => r.width / r.text.length));
  const charWidth = charWidths.length > 0 ? charWidths.reduce((a, b) => Math.min(a, b)) : 6;
  const text = lines.map((l) => `${" ".repeat(Math.max(0, Math.round((l.x - left) / charWidth)))}${l.runs.map((r) => r.text).join("")}`);
  const longestTicks = text.reduce((max, t) => (t.match(/`+/g) ?? []).reduce((m, ticks) => Math.max(m, ticks.length), max), 2);
  const fence = "`".repeat(longestTicks + 1);
  return `${fence}\n${text.join("\n")}\n${fence}`;
}
