import { lastLineOf, type ListItem, type SplitResult, type Unit, unwrapLines } from "./blocks";
import { plainInline } from "./inline-text";
import { isQuestionLike } from "./recognisers/recogniser";
import { fenceAsciiDiagrams } from "./ascii-diagrams";
import { restoreCodeBreaks } from "./restore-code-breaks";
import { asAdmonition, asLabel, askingDirective, definitionTerm, type RestTitle, withoutRoles } from "./rest-blocks";

/**
 * The path for documents written as plain text (exported from a word processor or a web page):
 * no headings, no fences. Each line is its own paragraph, bullet runs ("•", "-", "1.") become lists
 * and runs of code-looking lines become fenced code, so that the stored Markdown renders as the
 * author saw it.
 */

/** "- x", "• x", "1. x", reST's auto-numbered "#. x", and "17.What …": a number may run into a capitalised entry without a space. */
const BULLET = /^(\s*)([•●▪◦◆✓✗✔✘]|[-*+–]|\d{1,2}[.)]|#[.)])(?:\s+|(?<=\d[.)])(?=[A-Z]))(\S.*)$/;

const CODE_START =
  /^\s*(?:\/\/|\/\*|\*\/|\$ |(?:const|let|var|function|async function|await|import|export|return|class|def|public|private|SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (?:TABLE|INDEX)|ALTER TABLE|curl|kubectl|docker|ssh|npm|pip|git|mongo|psql|redis-cli|tail|grep|ping|mtr|traceroute)\b)|^\s*[\w$.]+\([^()]*\)[\w.()'"]*;?\s*$|^\s*[)}\]]|[{;]\s*$/;

/** Markdown syntax at the start of a plain line that would change how the line renders. */
const escapeLine = (line: string) => line.replace(/^(\s*)([#>|=+])/, "$1\\$2").trim();

/** A line drawn with one character under (or over and under) a title: "=====", "-----", "~~~~~"; not a diagram's fence. */
const ADORNMENT = /^(?!```$)([=\-~^*#+"'`:.])\1{2,}\s*$/;

/** "C++ INTERVIEW QUESTIONS": two or more words in capitals, no sentence's end, alone between blank lines. */
const CAPITALS = /^(?=(?:.*\p{Lu}){4})[\p{Lu}\d][\p{Lu}\d +#&/()'’,-]*[\p{Lu}\d+#)]$/u;

/** A title in capitals on a line of its own, as plain-text notes write them: a section, at its style's level. */
function capitalTitle(lines: readonly string[], i: number, styles: string[]): { title: string; depth: number; length: number } | null {
  const line = (lines[i] ?? "").trim();
  const alone = (lines[i - 1] ?? "").trim() === "" && (lines[i + 1] ?? "").trim() === "";
  if (!alone || line.length > 60 || !/\S\s+\S/.test(line) || !CAPITALS.test(line)) return null;
  if (!styles.includes("CAPITALS")) styles.push("CAPITALS");
  return { title: line, depth: Math.min(6, styles.indexOf("CAPITALS") + 1), length: 1 };
}

/**
 * "4 Display" alone between blank lines, over "4.1 Why do I …?": a numbered section over the entries numbered
 * under it, as plain-text FAQs number them. A section, at its style's level.
 */
function numberedTitle(lines: readonly string[], i: number, styles: string[]): { title: string; depth: number; length: number } | null {
  const line = (lines[i] ?? "").trim();
  const m = /^(\d{1,2})\.?\s+(\S.{0,58})$/.exec(line);
  if (!m || (lines[i - 1] ?? "").trim() !== "" || (lines[i + 1] ?? "").trim() !== "" || /[.?!:;,？。]$/.test(line)) return null;
  // The next line with text, found by walking the blank ones (not by copying the rest of the document).
  let n = i + 1;
  while (n < lines.length && (lines[n] ?? "").trim() === "") n++;
  const next = (lines[n] ?? "").trim();
  if (!next.startsWith(`${m[1]}.`) || !/^\d/.test(next.slice(`${m[1]}.`.length))) return null;
  if (!styles.includes("NUMBERED")) styles.push("NUMBERED");
  return { title: m[2] ?? line, depth: Math.min(6, styles.indexOf("NUMBERED") + 1), length: 1 };
}

/** "Section A:  The Basics", "Part 2 - Networking", "Chapter 3. Memory": a section named as one, alone between blank lines. */
const NAMED_SECTION = /^(?:section|part|chapter|sección|parte|capítulo|abschnitt|teil|kapitel|раздел|часть|глава)\s+[\dA-Z]{1,3}\s*[:.\-–—]\s+(\S.{0,60})$/i;

function namedSectionTitle(lines: readonly string[], i: number, styles: string[]): { title: string; depth: number; length: number } | null {
  const m = NAMED_SECTION.exec((lines[i] ?? "").trim());
  if (!m || (lines[i - 1] ?? "").trim() !== "" || (lines[i + 1] ?? "").trim() !== "") return null;
  if (!styles.includes("SECTION")) styles.push("SECTION");
  return { title: (lines[i] ?? "").trim().replace(/\s+/g, " "), depth: Math.min(6, styles.indexOf("SECTION") + 1), length: 1 };
}

/**
 * A title underlined, or over- and underlined, as plain text and reStructuredText write section titles
 * ("Concurrency\n==========="): its heading level is the order in which its style first appears, as reST
 * reads it (a Markdown setext "=" then "-" read the same way). Null when the line is not one.
 */
function underlinedTitle(lines: readonly string[], i: number, styles: string[]): { title: string; depth: number; length: number } | null {
  const [first = "", second = "", third = ""] = [lines[i], lines[i + 1], lines[i + 2]];
  const over = ADORNMENT.exec(first);
  const titled = over && second.trim() !== "" && !ADORNMENT.test(second) && third.trim() === first.trim() ? second : null;
  const under = titled === null && first.trim() !== "" && !BULLET.test(first) ? ADORNMENT.exec(second) : null;
  const title = titled ?? (under ? first : null);
  if (title === null) return capitalTitle(lines, i, styles) ?? numberedTitle(lines, i, styles) ?? namedSectionTitle(lines, i, styles);
  const style = titled !== null ? `${over?.[1]}${over?.[1]}` : (under?.[1] ?? "");
  if (!styles.includes(style)) styles.push(style);
  return { title: title.trim(), depth: Math.min(6, styles.indexOf(style) + 1), length: titled !== null ? 3 : 2 };
}

/**
 * "Senior Engineer Phone Screen" first in the file, alone between blank lines, a few words without a sentence's end
 * and asking nothing: the document's title, over every section the file's other title styles make.
 */
function documentTitle(lines: readonly string[], i: number, styles: string[]): { title: string; depth: number; length: number } | null {
  // Its second line too, when it has one ("GNU Midnight Commander" / "Frequently Asked Questions").
  const length = (lines[i + 1] ?? "").trim() !== "" && (lines[i + 2] ?? "").trim() === "" && titleLike(lines[i + 1] ?? "") ? 2 : 1;
  const alone = (lines[i + length] ?? "").trim() === "";
  // Two more lines with text after it, counted without copying the rest of the document.
  let more = 0;
  for (let n = i + length + 1; n < lines.length && more < 2; n++) if ((lines[n] ?? "").trim() !== "") more++;
  if (!alone || more < 2 || !titleLike(lines[i] ?? "")) return null;
  styles.unshift("TITLE");
  const title = lines
    .slice(i, i + length)
    .map((l) => l.trim())
    .join(" ");
  return { title, depth: 1, length };
}

/** A few words without a sentence's end, asking nothing: a title's line. */
function titleLike(text: string): boolean {
  const line = text.trim();
  return (
    !line.includes(":") &&
    line.length <= 80 &&
    /\p{L}/u.test(line) &&
    !/[.?!:;,？。]$/.test(line) &&
    !BULLET.test(line) &&
    !CODE_START.test(line) &&
    !isQuestionLike(line)
  );
}

export interface PlainTextOptions {
  /** The document is reStructuredText (rest-blocks.ts): its definition lists and asking directives are headings. */
  rest?: boolean;
}

export function splitPlainText(input: string, options: PlainTextOptions = {}): SplitResult {
  const { text, lineOf } = fenceAsciiDiagrams(input);
  const lines = text.split("\n");
  const units: Unit[] = [];
  const titleStyles: string[] = [];
  let codeLinesRestored = 0;
  let block = 0;
  let i = 0;
  let section: { title: string; depth: number } | null = null;
  let onlyCode = true;
  let codeChecked = 0;
  while (i < lines.length) {
    const raw = lines[i] as string;
    if (raw.trim() === "") {
      i++;
      continue;
    }
    block++;
    const code = options.rest ? restCode(lines, i, block) : null;
    if (code) {
      units.push(code.unit);
      i = code.next;
      continue;
    }
    // The document's title comes first, after a drawing at most; the units read so far are each looked at once.
    for (; onlyCode && codeChecked < units.length; codeChecked++) onlyCode = units[codeChecked]?.kind === "code";
    const titled = underlinedTitle(lines, i, titleStyles) ?? (onlyCode ? documentTitle(lines, i, titleStyles) : null);
    if (titled) {
      const title = options.rest ? withoutRoles(titled.title) : titled.title;
      const md = `${"#".repeat(titled.depth)} ${escapeLine(title)}`;
      units.push({ kind: "heading", depth: titled.depth, text: plainInline(title), md, line: i + (titled.length === 3 ? 2 : 1), block });
      section = titled;
      i += titled.length;
      continue;
    }
    const rest = options.rest ? (askingDirective(lines, i) ?? definitionTerm(lines, i, section?.title ?? null)) : null;
    if (rest) {
      units.push(...restHeading(rest, (section?.depth ?? 0) + 1, i + 1, block));
      block++;
      i += rest.length;
      continue;
    }
    // A diagram fenced by fenceAsciiDiagrams, kept line for line.
    const close = raw === "```" ? lines.indexOf("```", i + 1) : -1;
    if (close !== -1) {
      const value = lines.slice(i + 1, close).join("\n");
      units.push({ kind: "code", lang: null, value, md: "```\n" + value + "\n```", line: i + 1, block });
      i = close + 1;
      continue;
    }
    if (isCodeStart(lines, i)) {
      const start = i;
      const body: string[] = [];
      while (i < lines.length && isCodeContinuation(lines, i, i === start)) body.push((lines[i++] as string).trimEnd());
      const restored = restoreCodeBreaks(dedent(body).join("\n"));
      codeLinesRestored += restored.restored;
      units.push({ kind: "code", lang: null, value: restored.code, md: "```\n" + restored.code + "\n```", line: start + 1, block });
      continue;
    }
    if (BULLET.test(raw)) {
      const { found, next } = bulletsFrom(lines, i);
      units.push(plainList(found, i + 1, block));
      i = next;
      continue;
    }
    const prev = units.at(-1);
    if (!options.rest && prev?.kind === "line" && lastLineOf(prev) === i && i - prev.line < MAX_WRAPPED_LINES && completesLine(prev.md, raw)) {
      units[units.length - 1] = { ...prev, md: `${prev.md}\n${escapeLine(raw)}`, text: plainInline(`${prev.md}\n${raw}`) };
      i++;
      continue;
    }
    const wrapped = prev?.kind === "line" && prev.line === i && (options.rest ? continuesRestParagraph(lines, i) : continuesLine(lines, i, prev.md));
    // A reST field (":Question: What is X?") reads as the label it is ("Question: What is X?"), an admonition
    // (".. note:: Text") as the bold label a reader sees ("**Note:** Text").
    const line = options.rest ? withoutRoles(asAdmonition(raw) ?? asLabel(raw)) : raw;
    units.push({ kind: "line", text: plainInline(line), md: escapeLine(line), line: i + 1, block: wrapped ? --block : block });
    i++;
  }
  return { units: units.map((unit) => ({ ...unit, line: lineOf(unit.line) })), codeLinesRestored };
}

/** A question or an aside wraps over a few lines; a longer run is not one line of text (and each join reads it all). */
const MAX_WRAPPED_LINES = 4;

/** A line that opens on a label: "A: …", ":Answer: …", "Trả lời: …". */
const LABEL_LINE = /^\s*:?[\p{L}][\p{L} ]{0,24}:(?:\s|$)/u;

/**
 * A hard-wrapped sentence stays one paragraph: "…passed to security" / "checks, so …", or an indented answer's
 * "…and versions" / "1.2.1 and 1.2.2 were …". Both ends must read as words, so that a wrapped statement of
 * unfenced code keeps its lines.
 */
function continuesLine(lines: readonly string[], i: number, previous: string): boolean {
  const line = lines[i] ?? "";
  const indent = (s: string) => /^\s*/.exec(s)?.[0].length ?? 0;
  const indented = indent(line) >= 2 && indent(line) === indent(lines[i - 1] ?? "");
  const prose = (text: string, words: number) => (text.match(/\p{L}{2,}/gu)?.length ?? 0) >= words;
  return /[A-Za-z]$/.test(previous) && (/^\s*[a-z]+,?\s/.test(line) || (indented && !LABEL_LINE.test(line) && prose(previous, 4) && prose(line, 3)));
}

/**
 * A line that ends what the line above left open, so that the two are one line of text: the close of a bracket
 * ("…a bug (see" / "Question 1.2.)"), not a new question; a question's last words ("…functions defined in the
 * .kshrc within" / "MC?"), part of its prompt.
 */
function completesLine(previous: string, line: string): boolean {
  const [above, below] = [previous.trim(), line.trim()];
  // Only what the line above left unfinished: a sentence or a question that ended there stands alone.
  if (LABEL_LINE.test(line) || /[.?!:;。？！]$/.test(above)) return false;
  const open = (above.match(/\(/g)?.length ?? 0) > (above.match(/\)/g)?.length ?? 0);
  if (open) return below.includes(")");
  // A line that asks in full on its own ("How does DNS resolution work?") is the next question, not the end of this one.
  return /[?？]$/.test(below) && (!isQuestionLike(below) || /^[\p{Ll}"“'‘(]/u.test(below));
}

/**
 * In reStructuredText a paragraph is its lines up to a blank one ("…listing your outputs" / "manually; this …"),
 * at one indentation; a line that opens on a label ("A: …", ":Answer: …") starts a part of its own.
 */
function continuesRestParagraph(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? "";
  const indent = (s: string) => /^\s*/.exec(s)?.[0].length ?? 0;
  return indent(line) === indent(lines[i - 1] ?? "") && !LABEL_LINE.test(line);
}

/**
 * reST code at line i: the body of ".. code-block:: python" (its options left out), or the literal block after a
 * paragraph ending in "::"; with the line after it.
 */
function restCode(lines: readonly string[], i: number, block: number): { unit: Unit; next: number } | null {
  const directive = codeDirective(lines, i);
  const from = directive?.body ?? i;
  const end = directive ? indentedBlockEnd(lines, from, lines[i] ?? "") : literalBlockEnd(lines, i);
  if (end <= from) return null;
  const value = dedent(["", ...lines.slice(from, end)])
    .slice(1)
    .join("\n")
    .trimEnd();
  const lang = directive?.lang ?? null;
  return { unit: { kind: "code", lang, value, md: "```" + (lang ?? "") + "\n" + value + "\n```", line: i + 1, block }, next: end };
}

/**
 * Where a reST literal block that starts at line i ends: a paragraph ending in "::", a blank line, then lines
 * indented deeper than that paragraph's text, up to the first line that is not. i itself when none starts there.
 */
function literalBlockEnd(lines: readonly string[], i: number): number {
  let p = i - 1;
  while (p >= 0 && (lines[p] ?? "").trim() === "") p--;
  const intro = lines[p] ?? "";
  if (p === i - 1 || !/::\s*$/.test(intro)) return i;
  return indentedBlockEnd(lines, i, intro);
}

/** ".. code-block:: python" (or "code", "sourcecode"), its options and a blank line: where its code starts, and its language. */
function codeDirective(lines: readonly string[], i: number): { body: number; lang: string | null } | null {
  const m = /^\s*\.\.\s+(?:code-block|code|sourcecode)::\s*([\w+#.-]*)\s*$/.exec(lines[i] ?? "");
  if (!m) return null;
  let body = i + 1;
  while (/^\s+:[\w-]+:/.test(lines[body] ?? "")) body++;
  if (body >= lines.length || (lines[body] ?? "").trim() !== "") return null;
  while (body < lines.length && (lines[body] ?? "").trim() === "") body++;
  return { body, lang: m[1] === "" ? null : (m[1] ?? null) };
}

/** The end of the lines from i indented deeper than the text of `intro`, trailing blank lines left out; i when none is. */
function indentedBlockEnd(lines: readonly string[], i: number, intro: string): number {
  const bullet = BULLET.exec(intro);
  const depth = bullet ? intro.length - (bullet[3] ?? "").length : (/^\s*/.exec(intro)?.[0].length ?? 0);
  const deeper = (line: string) => line.trim() === "" || (/^\s*/.exec(line)?.[0].length ?? 0) > depth;
  if (!deeper(lines[i] ?? "")) return i;
  let end = i;
  while (end < lines.length && deeper(lines[end] ?? "")) end++;
  while (end > i && (lines[end - 1] ?? "").trim() === "") end--;
  return end;
}

/** A reST term or asking directive as a heading under its section, with the directive's options as a hidden comment. */
function restHeading(rest: RestTitle, depth: number, line: number, block: number): Unit[] {
  const level = Math.min(6, depth);
  const heading: Unit = { kind: "heading", depth: level, text: plainInline(rest.text), md: `${"#".repeat(level)} ${escapeLine(rest.text)}`, line, block };
  if (rest.options.length === 0) return [heading];
  const value = `<!-- ${rest.options.join(" ").replaceAll("--", "- -")} -->`;
  return [heading, { kind: "html", value, md: value, line: line + 1, block: block + 0.5 }];
}

/**
 * Where a list goes on: the next line, or past blank lines when the entry after them continues the last one
 * (reST and many exports put a blank line between entries): as indented, with the same bullet, or the next
 * number. A numbered title after a list ("4. …", blank, "1. What is this testing?") starts something else.
 */
function nextBullet(lines: readonly string[], i: number, lastBullet: string): number {
  let next = i;
  while (next < lines.length && (lines[next] ?? "").trim() === "") next++;
  const [last, after] = [BULLET.exec(lastBullet), BULLET.exec(lines[next] ?? "")];
  if (next === i || !last || !after || last[1] !== after[1]) return i;
  const [marker, following] = [last[2] ?? "", after[2] ?? ""];
  const number = (m: string) => Number.parseInt(m, 10);
  const continues = /\d/.test(marker) ? number(following) === number(marker) + 1 : following === marker;
  return continues ? next : i;
}

interface Bullet {
  indent: number;
  ordered: boolean;
  marker: string;
  text: string;
  /** The entry's further lines, where it wraps. */
  wrapped: string[];
  /** Its line in the document, 0-based. */
  at: number;
}

/** The entries of the list that starts at line i, and the line after it. */
function bulletsFrom(lines: readonly string[], start: number): { found: Bullet[]; next: number } {
  const found: Bullet[] = [];
  let i = start;
  for (let m = BULLET.exec(lines[i] ?? ""); m && i < lines.length; m = BULLET.exec(lines[i] ?? "")) {
    const indent = (m[1] ?? "").length;
    const bulletLine = lines[i] ?? "";
    const at = i;
    const wrapped: string[] = [];
    // A long entry wraps onto the lines under it, indented past its bullet (reST, hard-wrapped notes).
    for (i++; wrapsEntry(lines[i], indent); i++) wrapped.push((lines[i] as string).trim());
    found.push({ indent, ordered: /[\d#]/.test(m[2] ?? ""), marker: m[2] ?? "-", text: m[3] ?? "", wrapped, at });
    i = nextBullet(lines, i, bulletLine);
  }
  return { found, next: i };
}

/** A line that goes on with the entry above it: not blank, not a bullet, indented past the entry's bullet. */
function wrapsEntry(line: string | undefined, bulletIndent: number): boolean {
  if (line === undefined || line.trim() === "" || BULLET.test(line)) return false;
  return (/^\s*/.exec(line)?.[0].length ?? 0) > bulletIndent;
}

function plainList(found: Bullet[], line: number, block: number): Unit {
  const base = found[0]?.indent ?? 0;
  const items: ListItem[] = [];
  const mdLines: string[] = [];
  for (const f of found) {
    const unwrapped = unwrapLines([f.text, ...f.wrapped]);
    const own = unwrapped.map(escapeLine);
    const md = own.join("\n");
    const marker = f.ordered ? f.marker.replace("#", "1").replace(")", ".") : "-";
    const item: ListItem = { text: plainInline(unwrapped[0] ?? ""), md, lines: own, children: [], offset: f.at - (found[0]?.at ?? f.at) };
    const parent = items.at(-1);
    if (f.indent > base + 1 && parent) {
      parent.children.push(item);
      parent.md += `\n  - ${own.join("\n    ")}`;
      mdLines.push(`   ${marker} ${own.join("\n     ")}`);
    } else {
      items.push(item);
      mdLines.push(`${marker} ${own.join("\n  ")}`);
    }
  }
  return { kind: "list", ordered: found[0]?.ordered ?? false, items, md: mdLines.join("\n"), line, block };
}

function isCodeStart(lines: string[], i: number): boolean {
  const line = lines[i] ?? "";
  const next = lines[i + 1] ?? "";
  // "# comment" is code only when the code under it is indented; otherwise it reads as a title.
  if (/^\s*# /.test(line)) return /^ {4,}\S/.test(next);
  return CODE_START.test(line) && !/^\s*[A-Z][a-z]+(?: [a-z]+)+[.:]$/.test(line);
}

function isCodeContinuation(lines: string[], i: number, first: boolean): boolean {
  const line = lines[i] ?? "";
  if (first) return true;
  if (line.trim() === "") return false;
  return /^\s{2,}\S/.test(line) || isCodeStart(lines, i);
}

function dedent(lines: string[]): string[] {
  const indents = lines
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => /^ */.exec(l)?.[0].length ?? 0);
  // Exported code keeps the first line flush left and indents the rest by a fixed amount.
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l, n) => (n === 0 ? l.trimStart() : l.slice(Math.min(common, /^ */.exec(l)?.[0].length ?? 0))));
}
