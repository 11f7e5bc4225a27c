/**
 * Question titles are single lines of the bank's Markdown; where they are shown as plain text (lists,
 * headings, labels), a code span ("`useEffect`") is the one piece of markup that matters. These split a
 * title into text and code, so that every place shows it alike: as code on screen, without its
 * backticks in a label or a tooltip.
 */

export interface InlinePart {
  code: boolean;
  text: string;
}

/** A run of backticks, then the shortest text up to a run of the same length (CommonMark's code span). */
const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;

/** The title as text and code, in order; a backtick that closes nothing stays as written. */
export function inlineParts(title: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let at = 0;
  for (const match of title.matchAll(CODE_SPAN)) {
    if (match.index > at) parts.push({ code: false, text: title.slice(at, match.index) });
    // CommonMark: one space on each side of the code is padding when both are there.
    const body = match[2]!;
    const padded = body.length > 2 && body.startsWith(" ") && body.endsWith(" ") && body.trim() !== "";
    parts.push({ code: true, text: padded ? body.slice(1, -1) : body });
    at = match.index + match[0].length;
  }
  if (at < title.length) parts.push({ code: false, text: title.slice(at) });
  return parts;
}

/** The title as one plain string, for labels, tooltips and page titles. */
export function plainTitle(title: string): string {
  return inlineParts(title)
    .map((part) => part.text)
    .join("");
}
