import type { RubricCriterion } from "./bank-format";
import type { Unit } from "./blocks";
import { unitsToMarkdown } from "./blocks";
import { extractItems, firstSentences, parseOutline } from "./extract-items";
import { loneLinkText, plainInline, sentenceCase, withoutEmoji } from "./inline-text";

/**
 * Rubric criteria for a question whose document gives none: the answer's own section headings
 * ("**1. Requirements Gathering**", "#### Vector Clocks", an outline in a code block), else the
 * lists it makes its points in, else its opening sentences.
 */

const MAX_LOOK_FOR = 6;
const NUMBERED_BOLD = /^(?:\*\*|__)\s*(?:\d{1,2}[.)]|step \d{1,2}[:.)])\s+[^*_]+(?:\*\*|__):?$/i;
/** Longer lead-in lines are sentences, not titles. */
const MAX_TITLE = 60;
const BOLD_ONLY = /^(?:\*\*|__)[^*_]{2,70}(?:\*\*|__):?$|^(?:\*\*|__)[^*_]{2,70}:(?:\*\*|__)$/;

function sectionTitle(text: string): string {
  return sentenceCase(
    withoutEmoji(plainInline(text))
      .replace(/^(?:\d{1,2}[.)]|[A-Z][.)]|step \d+[:.)]?)\s*/i, "")
      .trimEnd()
      .replace(/:+$/, ""),
  );
}

type Heading = { index: number; title: string };

/** "- [Linux distributions](https://…)": further reading, not something to look for in an answer. */
export const isLinkList = (unit: Unit) => unit.kind === "list" && unit.items.every((item) => loneLinkText(item.md.split("\n")[0] ?? "") !== null);

/** The units of a heading's section that say something: not a links-only list. */
const saysSomething = (units: readonly Unit[]) => units.some((u) => u.kind !== "rule" && u.kind !== "heading" && !isLinkList(u));

function answerHeadings(units: readonly Unit[]): Heading[] {
  const all = units.flatMap((u, index) => (u.kind === "heading" ? [{ index, depth: u.depth, text: u.text }] : []));
  // "###### Useful resources" over a list of links heads no criterion.
  const headings = all.filter((h, n) => saysSomething(units.slice(h.index + 1, all[n + 1]?.index ?? units.length)));
  if (headings.length >= 2) {
    const top = Math.min(...headings.map((h) => h.depth));
    return headings.filter((h) => h.depth === top).map((h) => ({ index: h.index, title: sectionTitle(h.text) }));
  }
  for (const shape of [NUMBERED_BOLD, BOLD_ONLY]) {
    const lines = units.flatMap((u, index) => (u.kind === "line" && shape.test(u.md) ? [{ index, title: sectionTitle(u.text) }] : []));
    if (lines.length >= 2) return lines;
  }
  return [];
}

function lookForIn(units: readonly Unit[]): string[] {
  const lists = units.filter((u) => u.kind === "list" && !isLinkList(u));
  if (lists.length > 0) return extractItems(lists).slice(0, MAX_LOOK_FOR);
  const sub = units.filter((u) => u.kind === "line" && BOLD_ONLY.test(u.md)).map((u) => sectionTitle(u.kind === "line" ? u.text : ""));
  if (sub.length > 0) return sub.slice(0, MAX_LOOK_FOR);
  const code = units.find((u) => u.kind === "code");
  if (code?.kind === "code") {
    const outline = parseOutline(code.value);
    if (outline.length > 0) return outline.map((n) => n.title).slice(0, MAX_LOOK_FOR);
  }
  const text = units
    .filter((u) => u.kind === "line" || u.kind === "quote")
    .map((u) => u.md)
    .join("\n");
  return firstSentences(text, 2);
}

export function deriveCriteria(answer: readonly Unit[]): RubricCriterion[] {
  const headings = answerHeadings(answer);
  if (headings.length >= 2) {
    return headings.map((h, n) => ({
      title: h.title,
      lookFor: lookForIn(answer.slice(h.index + 1, headings[n + 1]?.index ?? answer.length)),
    }));
  }
  const substantive = answer.filter((u) => u.kind !== "rule");
  const onlyCode = substantive.length === 1 && substantive[0]?.kind === "code" ? substantive[0] : null;
  if (onlyCode?.kind === "code") {
    const outline = parseOutline(onlyCode.value);
    if (outline.length >= 2) return outline.map((n) => ({ title: n.title, lookFor: n.points.slice(0, MAX_LOOK_FOR) }));
  }
  const fromLists: RubricCriterion[] = [];
  const unintroduced: string[] = [];
  answer.forEach((u, i) => {
    if (u.kind !== "list" || isLinkList(u)) return;
    const before = answer[i - 1];
    const items = extractItems([u]).slice(0, MAX_LOOK_FOR + 2);
    const intro = before?.kind === "line" && /:\**\s*$/.test(before.md) ? sectionTitle(before.text) : "";
    if (intro !== "" && intro.length <= MAX_TITLE) fromLists.push({ title: intro, lookFor: items });
    else unintroduced.push(...items);
  });
  if (unintroduced.length > 0) fromLists.push({ title: "Key points", lookFor: unintroduced.slice(0, MAX_LOOK_FOR + 2) });
  if (fromLists.length > 0) return fromLists.filter((c) => c.title !== "");
  const text = unitsToMarkdown(answer);
  const sentences = firstSentences(text, 3);
  return sentences.length > 0 ? [{ title: "Covers the reference answer", lookFor: sentences }] : [];
}
