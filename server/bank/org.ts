/**
 * Org mode, read through the Markdown path as AsciiDoc is (asciidoc.ts): "* Section" / "** What is X?" headings of
 * depth one to six ("#+TITLE:" above them all), "#+BEGIN_SRC lang" … "#+END_SRC" blocks as fenced code, "=code=" and
 * "~code~" as code spans, "*bold*" as bold, "[[url][text]]" as links. Line for line, so that every unit keeps the
 * line it had in the document; keyword lines ("#+OPTIONS:") and drawers (":PROPERTIES:" … ":END:") become blank.
 */

/** "* Section", "** What is X?": one to six stars and a space (a "TODO" keyword or a priority cookie aside). */
const HEADING = /^(\*{1,6})[ \t]+(?:(?:TODO|DONE|NEXT|WAITING)[ \t]+)?(?:\[#[A-C]\][ \t]+)?(\S.*)$/;
/** ":interview:noexport:": a heading's tags, its last word. */
const TAGS = /^:[\w@#%:]+:$/;

/** A heading's title without its tags; found by its last word, not by a pattern over the spaces before it. */
function headingTitle(text: string): string {
  const title = text.trimEnd();
  const space = Math.max(title.lastIndexOf(" "), title.lastIndexOf("\t"));
  return space > 0 && TAGS.test(title.slice(space + 1)) ? title.slice(0, space).trimEnd() : title;
}
/** "#+TITLE: …", "#+title: …". */
const TITLE = /^#\+title:[ \t]*(\S.*)$/i;
/** "#+BEGIN_SRC emacs-lisp", "#+begin_example": a block's opening line, and its kind and language. */
const BLOCK_BEGIN = /^[ \t]*#\+begin_(src|example|quote|verse|export|center|comment)\b[ \t]*([\w+#-]*)/i;
const BLOCK_END = /^[ \t]*#\+end_(src|example|quote|verse|export|center|comment)\b/i;
/** "#+OPTIONS: …", "#+STARTUP: …", "#+NAME: …": settings, no text. */
const KEYWORD = /^[ \t]*#\+\w+:/;
/** ":PROPERTIES:" … ":END:", ":LOGBOOK:" … ":END:": a drawer of settings under a heading, its lines ":KEY: value". */
const DRAWER_BEGIN = /^[ \t]*:(?:PROPERTIES|LOGBOOK):[ \t]*$/i;
const DRAWER_END = /^[ \t]*:END:[ \t]*$/i;
const DRAWER_LINE = /^[ \t]*(?::[\w-]{1,100}:|-|CLOCK:|State\b)/;
/** "# a comment": a line Org never shows (and Markdown would read as a title). */
const COMMENT = /^[ \t]*#(?:[ \t]|$)/;

/** Blocks of text a reader sees as quoted prose; a "#+BEGIN_COMMENT" block is never shown. */
const PROSE_BLOCKS = new Set(["quote", "verse", "center"]);

/** Enough of Org to read it as Org: a title or a block keyword, and headings of stars. */
function looksLikeOrg(lines: readonly string[]): boolean {
  let keywords = 0;
  let headings = 0;
  for (const line of lines) {
    if (TITLE.test(line) || BLOCK_BEGIN.test(line)) keywords++;
    else if (HEADING.test(line) && /^\*+[ \t]/.test(line)) headings++;
    if (keywords >= 1 && headings >= 2) return true;
  }
  return false;
}

/** Org's inline markup as Markdown's: "=code=" and "~code~" as code, "*bold*" as bold, "[[url][text]]" as a link. */
function inline(line: string): string {
  if (!/[=~*[]/.test(line)) return line;
  return line
    .replace(/\[\[([^\]\n]{1,500})\]\[([^\]\n]{1,500})\]\]/g, "[$2]($1)")
    .replace(/\[\[([^\]\n]{1,500})\]\]/g, "<$1>")
    .replace(/(^|[\s(])[=~]([^\s=~](?:[^=~\n]{0,300}?[^\s=~])?)[=~](?=$|[\s).,:;!?'"-])/g, "$1`$2`")
    .replace(/(^|[\s(])\*([^\s*](?:[^*\n]{0,300}?[^\s*])?)\*(?=$|[\s).,:;!?'"])/g, "$1**$2**");
}

/** The document rewritten as Markdown, line for line, when it is Org; null when it is not. */
export function orgAsMarkdown(text: string): string | null {
  const lines = text.split("\n");
  if (!looksLikeOrg(lines)) return null;
  const titled = lines.some((line) => TITLE.test(line));
  const out: string[] = [];
  let block: string | null = null;
  let drawer = false;
  for (const line of lines) {
    if (block !== null) {
      const end = BLOCK_END.exec(line)?.[1]?.toLowerCase();
      if (end === block) {
        out.push(PROSE_BLOCKS.has(block) || block === "comment" ? "" : "```");
        block = null;
      } else out.push(block === "comment" ? "" : PROSE_BLOCKS.has(block) ? `> ${inline(line.trim())}` : line.startsWith("```") ? ` ${line}` : line);
      continue;
    }
    // A drawer holds settings only: a line that is none ends it (one left open must not hide the rest).
    if (drawer && (DRAWER_END.test(line) || DRAWER_LINE.test(line))) {
      if (DRAWER_END.test(line)) drawer = false;
      out.push("");
      continue;
    }
    drawer = false;
    const begin = BLOCK_BEGIN.exec(line);
    if (begin) {
      block = (begin[1] ?? "").toLowerCase();
      out.push(block === "src" || block === "example" || block === "export" ? `\`\`\`${block === "src" ? (begin[2] ?? "") : ""}` : "");
      continue;
    }
    if (DRAWER_BEGIN.test(line)) {
      drawer = true;
      out.push("");
      continue;
    }
    const title = TITLE.exec(line);
    if (title) {
      out.push(`# ${inline(title[1] ?? "")}`);
      continue;
    }
    // Keyword lines are settings and "# …" lines comments: neither is shown.
    if (KEYWORD.test(line) || COMMENT.test(line)) {
      out.push("");
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push(`${"#".repeat(Math.min(6, (heading[1] ?? "").length + (titled ? 1 : 0)))} ${inline(headingTitle(heading[2] ?? ""))}`);
      continue;
    }
    out.push(inline(line));
  }
  if (block === "src" || block === "example" || block === "export") out.push("```");
  return out.join("\n");
}
