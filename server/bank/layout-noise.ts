import type { ListItem, Unit } from "./blocks";
import { plainInline, withoutEmoji } from "./inline-text";
import { fieldForLabel } from "./recognisers/labels";
import { labelText } from "./recognisers/recogniser";

/**
 * Units that only lay out or navigate a page: tables of contents, "⬆ Back to top" links, and HTML
 * wrappers such as `<p>` or `<div align="center">`. Public READMEs are full of them; read as content
 * they become questions (a ToC repeats every prompt) or trail into answers.
 */

/** A link to a place in the same page: "[What is X?](#what-is-x)", "[[↑] Back to top](#contents)". */
const ANCHOR_LINK = /\[(?:[^[\]]|\[[^[\]]{0,100}\]){0,1000}\]\(#[^)\s]{0,1000}\)|<a\s[^>]{0,500}href="#[^"]{0,1000}"[^>]{0,500}>[\s\S]{0,2000}?<\/a>/gi;
/** Rules drawn with characters ("=====", "----- END -----") under titles or at the end of a file. */
const DRAWN_RULE = /^([-=*_~#+.])\1{2,}\s*(?:[A-Za-z]+(?: [A-Za-z]+)?\s*\1{3,})?$/;
const BACK_TO_TOP = /^(?:back to (?:the )?(?:top|contents|index|table of contents)|go to top|top)$/i;
/** Tags that shape a page and say nothing themselves. */
const PRESENTATIONAL_TAGS = /<\/?(?:p|div|br|hr|span|center|b|strong|i|em)\b[^>]{0,500}>|<a\s+(?:name|id)="[^"]{0,500}"\s*>\s*<\/a>/gi;

/** Nothing but in-page links and decoration ("**[⬆ Back to Top](#table-of-contents)**", "- [Easy](#easy)"). */
function onlyAnchorLinks(md: string): boolean {
  if (!md.includes("#")) return false;
  const rest = md.replace(ANCHOR_LINK, "");
  return rest !== md && withoutEmoji(rest).replace(/[\s*_|•·:.,\-–—↑^()]/g, "") === "";
}

function isBackToTop(text: string): boolean {
  return text.length < 40 && BACK_TO_TOP.test(withoutEmoji(text).replace(/^[\s↑^⇧]+|[\s↑^⇧]+$/g, ""));
}

/**
 * Text written in HTML ("<ul><li><b>Situation:</b> …</li></ul>", "<blockquote><p><strong>Answer</strong><br>…"), as
 * the Markdown it reads as: items as "- " lines, paragraphs and breaks as lines, emphasis and other tags gone, and no
 * "Answer" label over it (it is read where an answer is). Preformatted code, tables and <details> are left as they are.
 */
export function htmlTextAsMarkdown(html: string): string {
  if (!/<(?:li|p|br|blockquote)\b/i.test(html) || /<(?:pre|table|details|summary)\b/i.test(html)) return html;
  const lines = html
    .replace(/<li\b[^>]{0,500}>\s*/gi, "\n- ")
    .replace(/<br\s*\/?>|<\/?(?:p|div|blockquote|ul|ol|li)\b[^>]{0,500}>/gi, "\n")
    .replace(/<\/?[a-z][a-z0-9]*\b[^>]{0,500}>/gi, "")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line !== "");
  if (lines[0] !== undefined && fieldForLabel(labelText(lines[0])) === "answer") lines.shift();
  return lines.join("\n");
}

/** HTML without the tags that only shape the page. */
export function withoutPresentationalTags(html: string): string {
  return html.replace(PRESENTATIONAL_TAGS, "").trim();
}

const navigationItem = (item: ListItem): boolean => onlyAnchorLinks(item.lines.join(" ")) && item.children.every(navigationItem);

export function isLayoutOnly(unit: Unit): boolean {
  switch (unit.kind) {
    case "line":
      return isBackToTop(unit.text) || onlyAnchorLinks(unit.md) || DRAWN_RULE.test(unit.text);
    case "list":
      return unit.items.every(navigationItem);
    case "table": {
      // The header row and its delimiter are the first two lines; a ToC links every row.
      const rows = unit.md.split("\n").slice(2);
      return rows.length > 0 && rows.every((row) => /\]\(#/.test(row));
    }
    case "html": {
      // An HTML comment is hidden from readers of the rendered page, and so from the bank.
      if (/^<!--[\s\S]*-->$/.test(unit.value.trim())) return true;
      const rest = withoutPresentationalTags(unit.value);
      return rest === "" || onlyAnchorLinks(rest) || isBackToTop(plainInline(rest));
    }
    default:
      return false;
  }
}
