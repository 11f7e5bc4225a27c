import { isQuestionLike } from "./recognisers/recogniser";

/**
 * reStructuredText constructs that carry questions in a plain-text document, read by split-plain-text:
 * a directive whose argument asks (".. question:: What is X?", its ":tags:"-style options and indented
 * body below), and a definition list, whose terms are short lines with their definitions indented right
 * under them ("... get section numbers?" / "   They are automatic …"). Each term or asking directive is a
 * heading one level below the section it sits in; its body is what follows it.
 */

/** ".. name:: argument" and hyperlink targets (".. _name:"): a document written in reST shows them. */
const REST_MARKUP = /^\.\. (?:[A-Za-z][\w:-]*::|_[^:\n]+:)/gm;

/** A document whose own markup is reST: two directives or hyperlink targets, or a ".rst" name. */
export function looksLikeRest(text: string, sourceFile = ""): boolean {
  return /\.re?st$/i.test(sourceFile) || (text.match(REST_MARKUP)?.length ?? 0) >= 2;
}

const DIRECTIVE = /^(\s*)\.\.\s+([A-Za-z][\w:-]*)::\s*(.*)$/;
/** A directive's option line: ":tags: c", ":links: c_1". */
const OPTION = /^\s+:[\w][\w .-]*:(?:\s|$)/;

const indentOf = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

export interface RestTitle {
  /** The heading's text. */
  text: string;
  /** Lines it spans from its own: 1, or 1 plus its directive's options, which hold no answer. */
  length: number;
  /** The options' lines, kept as a comment: metadata, hidden as an HTML comment is. */
  options: string[];
}

/** A directive whose argument asks a question: the argument is the question, the options are dropped from its answer. */
export function askingDirective(lines: readonly string[], i: number): RestTitle | null {
  const m = DIRECTIVE.exec(lines[i] ?? "");
  const argument = (m?.[3] ?? "").trim();
  if (!m || !isQuestionLike(argument)) return null;
  let end = i + 1;
  while (end < lines.length && OPTION.test(lines[end] ?? "") && indentOf(lines[end] ?? "") > (m[1] ?? "").length) end++;
  return { text: argument, length: end - i, options: lines.slice(i + 1, end).map((l) => l.trim()) };
}

const ADMONITION = /^(\s*)\.\.\s+(note|tip|hint|important|warning|caution|attention|danger|error|seealso)::\s*(.*)$/i;

/** An admonition, ".. note:: Text" (its body indented below), as the bold label a reader sees: "**Note:** Text". */
export function asAdmonition(line: string): string | null {
  const m = ADMONITION.exec(line);
  if (!m) return null;
  const name = (m[2] ?? "").toLowerCase() === "seealso" ? "See also" : `${(m[2] ?? "").charAt(0).toUpperCase()}${(m[2] ?? "").slice(1).toLowerCase()}`;
  return `${m[1] ?? ""}**${name}:**${m[3] ? ` ${m[3]}` : ""}`;
}

/**
 * A field-list line at the margin, ":Answer: It is Y." or ":Q:", as the label it is: "Answer: It is Y.", "Q:".
 * An indented one belongs to a quotation, an example or a directive, not to the document's own questions.
 */
export function asLabel(line: string): string {
  const m = /^:([^:\s`][^:`]{0,40}?):(?:\s+(.*))?$/.exec(line);
  return m ? `${m[1] ?? ""}:${m[2] === undefined ? "" : ` ${m[2]}`}` : line;
}

/** ":class:`File`", ":meth:`~abc.send`", ":py:func:`len`": a role, read as the code it marks ("`File`", "`send`"). */
const ROLE = /:(?:[\w-]{1,30}:)?[\w-]{1,30}:`([~!]?)([^`\n]{1,300})`/g;

export function withoutRoles(line: string): string {
  return line.includes(":`")
    ? line.replace(ROLE, (_whole, short: string, target: string) => `\`${short === "~" ? (target.split(".").at(-1) ?? target) : target}\``)
    : line;
}

/** Markup that is never a definition-list term: bullets, directives and comments, fields, literal-block openers. */
const NOT_A_TERM = /^(?:[-*+•–]\s|\d{1,2}[.)]\s|#[.)]\s|\.\.(?:\s|$)|:[\w][\w .-]*:(?:\s|$)|\|)|:$|[=\-~^*#+"'`:.]{3,}$/;

/**
 * A definition-list term at line i: a single short line after a blank one, with its definition indented
 * deeper on the very next line. The term completes a section title that trails off ("How do I..." over
 * "... create PDF files?" reads "How do I create PDF files?").
 */
export function definitionTerm(lines: readonly string[], i: number, section: string | null): RestTitle | null {
  const [before, term = "", next = ""] = [lines[i - 1], lines[i], lines[i + 1]];
  if ((before !== undefined && before.trim() !== "") || term.trim() === "" || next.trim() === "") return null;
  const text = term.trim();
  if (text.length > 150 || NOT_A_TERM.test(text) || indentOf(next) <= indentOf(term) || DIRECTIVE.test(next)) return null;
  const stem = section === null ? null : /^(.*?\S)\s*(?:\.\.\.|…)$/.exec(section.trim())?.[1];
  const completed = stem ? `${stem} ${text.replace(/^(?:\.\.\.|…)\s*/, "")}` : text;
  return { text: completed, length: 1, options: [] };
}

/** A line drawn with one punctuation character: a reST title's underline or overline ("`" is left to code fences). */
const RULE_LINE = /^([=\-~^*+#"':.])\1{2,}\s*$/;
/** Underline characters Markdown has no title for ("~" even opens a code fence): only reST draws them. */
const REST_ONLY = /^[~^*+#"':.]/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** Lines that are Markdown's own blocks, never a reST title's text. */
const NOT_TITLE = /^\s*(?:[-*+>|#]|\d{1,3}[.)]\s|```|~~~|<)/;

interface DrawnTitle {
  /** Index of the title's text line. */
  at: number;
  over: boolean;
  style: string;
}

/** The title drawn at line i: text after a blank line with a rule under it at least as long, or over and under it. */
function drawnTitle(lines: readonly string[], i: number): DrawnTitle | null {
  const line = lines[i] ?? "";
  const over = RULE_LINE.exec(line);
  // A "~~~" line over text is a code fence, not an overline; "---" first in the file opens front matter.
  if (over && over[1] !== "~" && !(i === 0 && over[1] === "-") && (lines[i - 1] ?? "").trim() === "") {
    const [text = "", under = ""] = [lines[i + 1], lines[i + 2]];
    if (text.trim() !== "" && !RULE_LINE.test(text) && under.trim() === line.trim()) return { at: i + 1, over: true, style: `${over[1]}${over[1]}` };
  }
  const under = RULE_LINE.exec(lines[i + 1] ?? "");
  const title = line.trim();
  if (!under || title === "" || title.length > 100 || NOT_TITLE.test(line) || RULE_LINE.test(line)) return null;
  if ((lines[i - 1] ?? "").trim() !== "" || (lines[i + 1] ?? "").trim().length < title.length) return null;
  return { at: i, over: false, style: under[1] ?? "" };
}

/**
 * A Markdown document whose section titles are drawn as reST draws them ("Networking" over "~~~~~~~~~~",
 * or over and under a rule): Markdown would read a "~" rule as a code fence and an overline as text. When
 * the document has such a title, each drawn title becomes an ATX heading, its levels in the order its styles
 * first appear, and its rules blank lines, so that every line keeps its number. Null when it has none.
 */
export function drawnTitlesAsHeadings(text: string): string | null {
  const lines = text.split("\n");
  const found: DrawnTitle[] = [];
  for (let i = 0; i < lines.length; i++) {
    const title = drawnTitle(lines, i);
    if (title) {
      found.push(title);
      i = title.at + 1;
      continue;
    }
    const fence = FENCE.exec(lines[i] ?? "")?.[1];
    if (fence === undefined) continue;
    const closer = new RegExp(`^\\s{0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    while (i + 1 < lines.length && !closer.test(lines[i + 1] ?? "")) i++;
    i++;
  }
  if (!found.some((t) => t.over || REST_ONLY.test(t.style))) return null;
  const styles: string[] = [];
  for (const t of found) {
    if (!styles.includes(t.style)) styles.push(t.style);
    const depth = Math.min(6, styles.indexOf(t.style) + 1);
    lines[t.at] = `${"#".repeat(depth)} ${(lines[t.at] ?? "").trim()}`;
    lines[t.at + 1] = "";
    if (t.over) lines[t.at - 1] = "";
  }
  return lines.join("\n");
}
