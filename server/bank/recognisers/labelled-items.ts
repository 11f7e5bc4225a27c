import type { ListItem } from "../blocks";
import { plainInline } from "../inline-text";
import { CJK, FOLLOW_UP_LINE, fieldForLabel } from "./labels";
import type { LabelledGroup, LabelledItemField, Recogniser } from "./recogniser";
import { inlineAfterLabel, splitLabel } from "./recogniser";

/**
 * Bullets that each say what they are: "- Key point: …", "- Follow-up: …", "- Red flag: …",
 * "- Hint: …", or "- Follow-ups:" over nested bullets. Inside a question, each goes to its part; the
 * bullets without a label stay where the list stands. An answer's own "- Consistency: …" items are not
 * labels (only the label table's words are), and neither is a one-letter "A:" (an option).
 */

const ITEM_FIELDS: ReadonlySet<string> = new Set<LabelledItemField>(["keyPoints", "rubric", "notes", "redFlags", "followUps"]);

/** A part that takes entries of a list: key points, look-fors, notes, red flags, follow-ups. */
export const isItemField = (field: string | null): field is LabelledItemField => field !== null && ITEM_FIELDS.has(field);

const MAX_LISTED_WORDS = 8;

/**
 * "Key points: B-tree lookup, faster reads, slower writes", "Follow-ups: Why? And then?", "Look for: scope,
 * trade-offs": a plural label, or one that takes its objects, over a run of short points on one line gives
 * one entry per point. A sentence with a comma stays whole.
 */
function pointsOf(label: string, md: string): string[] {
  if (!/s$|\bfor$/.test(label)) return [md];
  const pieces = md.split(/(?<=\?)\s+|;\s+|,\s+/).map((p) => p.trim());
  const short = pieces.every((p) => p !== "" && p.split(/\s+/).length <= MAX_LISTED_WORDS);
  return pieces.length > 1 && short ? pieces : [md];
}

/** A list entry of one line: a point split from a line of several, or an entry's own further line. */
export const entry = (md: string, children: ListItem[] = []): ListItem => ({ text: plainInline(md), md, lines: [md], children });

/** The item's label, when it names a part, and the item without it (several, when it lists points on one line). */
function labelledItem(item: ListItem): { field: LabelledItemField; entries: ListItem[] } | null {
  const [first = "", ...more] = item.lines;
  const followUp = FOLLOW_UP_LINE.exec(item.text);
  const split = followUp ? null : splitLabel(item.text);
  // Short Latin labels ("A: …") are an answer's letters, not a part; a Chinese, Japanese or Korean label is a word or two.
  const namesPart = split !== null && (split.label.length > 3 || CJK.test(split.label));
  const field = followUp ? "followUps" : namesPart ? fieldForLabel(split.label) : null;
  if (!isItemField(field)) return null;
  const restMd = inlineAfterLabel(first) ?? "";
  // "- Follow-ups:" with the follow-ups nested under it.
  if (restMd === "") return { field, entries: item.children };
  if (more.length === 0 && item.children.length === 0 && split) return { field, entries: pointsOf(split.label, restMd).map((md) => entry(md)) };
  const lines = [restMd, ...more];
  const md = [lines.join("\n"), ...item.md.split("\n").slice(item.lines.length)].join("\n");
  return { field, entries: [{ text: plainInline(restMd), md, lines, children: item.children }] };
}

/** A list's entries in runs by the part their labels name ("- Red flag: …"); null when no entry names one. */
export function labelledGroups(items: readonly ListItem[]): LabelledGroup[] | null {
  const groups: LabelledGroup[] = [];
  let labelled = false;
  const add = (field: LabelledItemField | null, entries: ListItem[]) => {
    const last = groups.at(-1);
    if (last && last.field === field) last.items.push(...entries);
    else groups.push({ field, items: entries });
  };
  for (const item of items) {
    const found = labelledItem(item);
    if (!found) {
      add(null, [item]);
      continue;
    }
    labelled = true;
    add(found.field, found.entries);
  }
  return labelled ? groups : null;
}

export const recogniseLabelledItems: Recogniser = (unit, ctx) => {
  if (unit.kind !== "list" || !ctx.inQuestion) return null;
  // A lone "- Key points: …" entry is a label line ("field-label.ts"); a list of them, or one over nested bullets, is this.
  if (unit.items.length < 2 && !unit.items.some((item) => item.children.length > 0)) return null;
  const groups = labelledGroups(unit.items);
  return groups ? { type: "labelledItems", groups } : null;
};
