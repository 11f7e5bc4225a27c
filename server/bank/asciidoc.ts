import { isQuestionLike } from "./recognisers/recogniser";

/**
 * AsciiDoc, read through the Markdown path. Its section titles ("= Title", "== Section", "=== What
 * is X?") are headings of depth one to six, as setext and reST titles are in split-plain-text, and its
 * delimited blocks ("----" listings, "...." literals, a "[source,lang]" line above) are fenced code.
 * Description-list entries that ask, and those of a "[qanda]" list, are questions (termLine). The rewrite
 * is line for line, so every unit keeps the line it had in the document; nothing else of the document
 * changes (lists, paragraphs, "NOTE:" lines and attributes read as they would anyway).
 */

/** "== Section title": one to six "=" and a space; the title is the rest, without a closing run of "=". */
const SECTION_TITLE = /^(={1,6})[ \t]+(\S.*)$/;
/** A two-line section title's underline, by level: "=" the document's title, then "-", "~", "^", "+". */
const UNDERLINES = ["=", "-", "~", "^", "+"];

/** A section title at line i ("== Setup", or underlined), its depth and how many lines it takes. */
function sectionTitle(lines: readonly string[], i: number, line: string): { depth: number; title: string; lines: number } | null {
  const underlined = twoLineTitle(lines, i);
  if (underlined) return { ...underlined, lines: 2 };
  const title = SECTION_TITLE.exec(line);
  return title ? { depth: (title[1] ?? "").length, title: (title[2] ?? "").replace(/[ \t]+=+[ \t]*$/, ""), lines: 1 } : null;
}

/**
 * "Is it possible to add an agent?" over "~~~~~~~…" as long as it, within two characters: a two-line section title,
 * as older AsciiDoc writes them; its depth from the underline's character. Null when line i is not one.
 */
function twoLineTitle(lines: readonly string[], i: number): { depth: number; title: string } | null {
  const [title = "", under = ""] = [lines[i], lines[i + 1]];
  const mark = under[0] ?? "";
  const depth = UNDERLINES.indexOf(mark) + 1;
  if (depth === 0 || !/^\w/.test(title) || Math.abs(under.trimEnd().length - title.trimEnd().length) > 2) return null;
  return under.trimEnd() === mark.repeat(under.trimEnd().length) ? { depth, title: title.trim() } : null;
}

/** "----" (listing) or "...." (literal): a delimited block's opening and closing line. */
const DELIMITER = /^(-{4,}|\.{4,})[ \t]*$/;
/** "[source,java]", "[source, groovy, subs=…]": the attribute line over a listing, naming its language. */
const SOURCE_ATTRIBUTE = /^\[source(?:,[ \t]*([\w+#-]*)[ \t]*(?:,[^\]\n]*)?)?\][ \t]*$/;

/** A description list's term: "What is Foo?::", "Term;;", "Term:::", with its definition after it on the line or not. */
const TERM = /^(\S.*?)(?::{2,4}|;;)(?:[ \t]+(\S.*))?$/;
/** A block's attribute line ("[qanda]", "[horizontal]"): how the list below renders, no text of its own. */
const LIST_STYLE = /^\[(qanda|horizontal|glossary)\][ \t]*$/;
/** ":post-your-homenix: https://…", ":toc:", ":!numbered:": an attribute entry, on a line of its own. */
const ATTRIBUTE_ENTRY = /^:!?([\w][\w-]{0,100})!?:(?:[ \t](.*))?$/;
/** "{post-your-homenix}": a reference to an attribute defined above. */
const ATTRIBUTE_REFERENCE = /\{([\w][\w-]{0,100})\}/g;
/** A list continuation: "+" alone joins the block below to the entry above. */
const CONTINUATION = /^\+[ \t]*$/;

/**
 * A description-list entry as Markdown, line for line: a term that asks, or any term of a "[qanda]" list, is
 * a heading one level below its section when its definition follows on the next lines, and a list entry
 * holding both when the definition shares its line.
 */
function termLine(line: string, depth: number, qanda: boolean): string | null {
  const m = TERM.exec(line);
  if (!m?.[1] || (!qanda && !isQuestionLike(m[1]))) return null;
  if (m[2] === undefined) return `${"#".repeat(Math.min(depth + 1, 6))} ${m[1]}`;
  // Entries one per line, with no blank line between them, are a list's entries; a question answers on its line.
  return /[?？]$/.test(m[1]) ? `- ${m[1]} ${m[2]}` : `- **${m[1]}** ${m[2]}`;
}

/** Section titles needed before a document reads as AsciiDoc: one "= x" line alone is as likely prose. */
const MIN_TITLES = 2;

/** "xref:page.adoc#id[Schedulers]", "link:https://…[text]", "https://…[text]": a link and its text (bounded and
 * anchored on its prefix, so that a long line of brackets stays linear). */
const LINK_MACRO = /(xref:|link:|https?:\/\/)([^\s[\]<>]{1,500})\[([^\]\n]{0,500})\]/g;
/** "<<anchor,Text>>" or "<<anchor>>": a cross-reference. (Bounded: a line of brackets stays linear.) */
const CROSS_REFERENCE = /<<([^,<>\n]{1,200})(?:,\s*([^<>\n]{1,500}))?>>/g;

/** A line's links and cross-references as the Markdown links a reader sees. */
function inlineLinks(line: string): string {
  if (!line.includes("[") && !line.includes("<<")) return line;
  return line
    .replace(LINK_MACRO, (_whole, prefix: string, rest: string, label: string) => {
      const target = /^https?/.test(prefix) ? prefix + rest : rest;
      return `[${label.trim() === "" ? target : label}](${target})`;
    })
    .replace(CROSS_REFERENCE, (_whole, anchor: string, label: string | undefined) => (label ?? anchor).trim());
}

/**
 * "== Description ==": a title closed by as many "=" as open it, as a WordPress plugin's readme.txt writes them; its
 * level and title. Read from both ends, not by a pattern over the spaces inside.
 */
function closedTitle(line: string): { level: number; title: string } | null {
  const text = line.trimEnd();
  const level = /^(={1,3})[ \t]/.exec(text)?.[1]?.length;
  if (level === undefined || text.length <= 2 * level + 1) return null;
  const closing = text.slice(text.length - level - 1);
  if (!/^[ \t]$/.test(closing[0] ?? "") || closing.slice(1) !== "=".repeat(level)) return null;
  const title = text.slice(level, text.length - level).trim();
  return title === "" ? null : { level, title };
}

/**
 * A WordPress readme ("=== Plugin Name ===", "== Frequently Asked Questions ==", "= How long …? =") ranks its titles
 * the other way round from AsciiDoc: "===" is the plugin's name, "=" a question. Its titles are turned round to read
 * as AsciiDoc's ("= Plugin Name", "== …", "=== How long …?"); any other document is left as it is.
 */
function withReadmeTitles(lines: string[]): string[] {
  const first = lines.find((line) => line.trim() !== "") ?? "";
  if (closedTitle(first)?.level !== 3) return lines;
  return lines.map((line) => {
    const title = closedTitle(line);
    return title ? `${"=".repeat(4 - title.level)} ${title.title}` : line;
  });
}

/**
 * The document rewritten as Markdown, line for line, when it is AsciiDoc: two or more section titles
 * outside delimited blocks, at least one of them a section ("==" or deeper) rather than only the
 * document title. Null when it is not.
 */
export function asciidocAsMarkdown(text: string): string | null {
  const lines = withReadmeTitles(text.split("\n"));
  let titles = 0;
  let sections = 0;
  let open: string | null = null;
  for (const line of lines) {
    const delimiter = DELIMITER.exec(line)?.[1];
    if (delimiter !== undefined && (open === null || open === delimiter)) {
      open = open === null ? delimiter : null;
      continue;
    }
    if (open !== null) continue;
    // Only one-line titles say the document is AsciiDoc: an underlined one is Markdown's setext heading as well.
    const title = SECTION_TITLE.exec(line);
    if (!title) continue;
    titles++;
    if ((title[1] ?? "").length >= 2) sections++;
  }
  if (titles < MIN_TITLES || sections === 0) return null;
  const out: string[] = [];
  open = null;
  let depth = 1;
  let qanda = false;
  let inEntry = false;
  const attributes = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const written = lines[i] as string;
    // Listings keep their braces: AsciiDoc substitutes attributes in text, not in code.
    const line: string =
      open === null && attributes.size > 0 && written.includes("{")
        ? written.replace(ATTRIBUTE_REFERENCE, (whole, name: string) => attributes.get(name) ?? whole)
        : written;
    const delimiter: string | undefined = DELIMITER.exec(line)?.[1];
    if (open !== null) {
      if (delimiter === open) {
        out.push("```");
        open = null;
      } else out.push(line.startsWith("```") ? ` ${line}` : line);
      continue;
    }
    if (delimiter !== undefined) {
      // The "[source,lang]" line above becomes blank: its language goes on the fence.
      const source = SOURCE_ATTRIBUTE.exec(out.at(-1) ?? "");
      if (source) out[out.length - 1] = "";
      out.push(`\`\`\`${source?.[1] ?? ""}`);
      open = delimiter;
      continue;
    }
    const title = sectionTitle(lines, i, line);
    if (title) {
      depth = title.depth;
      qanda = false;
      inEntry = false;
      out.push(`${"#".repeat(depth)} ${inlineLinks(title.title)}`);
      // An underlined title's underline becomes a blank line.
      if (title.lines === 2) out.push("");
      i += title.lines - 1;
      continue;
    }
    // ":name: value" defines an attribute the text refers to ("{name}"): no text of its own; its references read as its value.
    const attribute = ATTRIBUTE_ENTRY.exec(line);
    if (attribute) {
      attributes.set(attribute[1] as string, (attribute[2] ?? "").trim());
      out.push("");
      continue;
    }
    const style = LIST_STYLE.exec(line)?.[1];
    if (style !== undefined) qanda = style === "qanda";
    const term = line.startsWith(" ") || line.startsWith("\t") ? null : termLine(line, depth, qanda);
    if (term !== null) inEntry = true;
    else if (inEntry && line.trim() !== "" && !/^\s/.test(line) && !CONTINUATION.test(line)) inEntry = false;
    // Inside an entry its definition is dedented (indented, Markdown would read it as code) and "+" is a blank line.
    out.push(style !== undefined ? "" : inlineLinks(term ?? (inEntry && CONTINUATION.test(line) ? "" : inEntry ? line.trimStart() : line)));
  }
  if (open !== null) out.push("```");
  return out.join("\n");
}
