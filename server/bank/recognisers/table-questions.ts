import { plainInline } from "../inline-text";
import type { ListItem } from "../blocks";
import { isItemField } from "./labelled-items";
import { ANSWER_WORDS, QUESTION_HEADER_WORDS, fieldForLabel } from "./labels";
import type { LabelledGroup, ListedQuestion, MetaKey, Recogniser } from "./recogniser";
import { labelText } from "./recogniser";

/** A cell's points: one per line ("<br>"), as list entries. */
function cellPoints(cell: string): ListItem[] {
  return cell
    .split(/<br\s*\/?>/i)
    .map((md) => md.trim())
    .filter((md) => md !== "")
    .map((md) => ({ text: plainInline(md), md, lines: [md], children: [] }));
}

const QUESTION_HEADER = new RegExp(String.raw`^(?:#\s*)?(?:q|questions?|prompt|interview questions?|${QUESTION_HEADER_WORDS})$`, "i");
const ANSWER_HEADER = new RegExp(String.raw`^(?:a|answers?|(?:sample|model|short|expected) answers?|solution|${ANSWER_WORDS})$`, "i");
const META_HEADERS: readonly [RegExp, MetaKey][] = [
  [/^difficulty$/i, "difficulty"],
  [/^(?:level|seniority)$/i, "level"],
  [/^role$/i, "role"],
  [/^(?:compan(?:y|ies)|asked (?:at|by))$/i, "companies"],
  [/^(?:topic|tags?|category)$/i, "tags"],
];

/** A cell that is one link and nothing else: "[Two Sum](https://…/two-sum/)". */
const LINK_CELL = /^\s*\[([^\]\n]{1,200})\]\([^()\s]{1,2000}\)\s*$/;
const MIN_NAMED_ROWS = 3;
/** Share of a column's rows that must be one link each, and share of those links' texts that must differ. */
const NAMED_SHARE = 0.8;
const DISTINCT_SHARE = 0.9;

/**
 * A column whose cells name one thing each, whatever its header says ("Title", "Problem", "题目"): in three
 * or more rows, most cells are a single link whose text has a letter, and those texts differ from row to row
 * (a "Solution" column of "[C++](…) [Python](…)" repeats its texts, a number column has no letter). The
 * leftmost such column; -1 when there is none.
 */
export function namingColumn(rows: readonly (readonly string[])[]): number {
  if (rows.length < MIN_NAMED_ROWS) return -1;
  // reduce, not Math.max(...): a table of a hundred thousand rows must not overflow the stack.
  const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
  for (let i = 0; i < width; i++) {
    const names = rows.flatMap((row) => {
      const text = LINK_CELL.exec(row[i] ?? "")?.[1]?.trim() ?? "";
      return /\p{L}/u.test(text) ? [text.toLowerCase()] : [];
    });
    if (names.length >= NAMED_SHARE * rows.length && new Set(names).size >= DISTINCT_SHARE * names.length) return i;
  }
  return -1;
}

/** "Title", "Problem", "题目": a column that names the problem of each row… */
const TITLE_HEADER = /^(?:title|problem|problem name|题目|题名|題目|문제)$/i;
/** …in a table of problems: one with their solutions, difficulty or numbers beside them. */
const PROBLEM_TABLE_HEADER = /^(?:solutions?|difficulty|题解|难度|難易度|난이도)$/i;

/** The column of a problem table ("| Number | Title | Solution | Difficulty |") that names its problems; -1 when none. */
function problemTitleColumn(header: readonly string[]): number {
  const title = header.findIndex((h) => TITLE_HEADER.test(h));
  return title !== -1 && header.some((h) => PROBLEM_TABLE_HEADER.test(h)) ? title : -1;
}

/**
 * A Markdown table with a "Question" column, or else with a column that names one problem per row
 * (namingColumn): one question per row.
 */
export const recogniseTableQuestions: Recogniser = (unit, ctx) => {
  if (unit.kind !== "table" || ctx.inQuestion) return null;
  const [mdHeader, ...rows] = unit.rows;
  if (!mdHeader) return null;
  const header = mdHeader.map(plainInline);
  const asked = header.findIndex((h) => QUESTION_HEADER.test(h));
  const q = asked === -1 ? (namingColumn(rows) === -1 ? problemTitleColumn(header) : namingColumn(rows)) : asked;
  if (q === -1) return null;
  const a = header.findIndex((h) => ANSWER_HEADER.test(h));
  const partColumns = header.flatMap((h, i) => {
    const field = i === q || i === a ? null : fieldForLabel(labelText(h));
    return isItemField(field) ? [{ i, field }] : [];
  });
  const items: ListedQuestion[] = [];
  for (const [n, row] of rows.entries()) {
    const prompt = plainInline(row[q] ?? "");
    if (prompt === "") continue;
    const meta: ListedQuestion["meta"] = {};
    header.forEach((h, i) => {
      const key = META_HEADERS.find(([re]) => re.test(h))?.[1];
      const value = plainInline(row[i] ?? "");
      if (key && value) meta[key] = value;
    });
    const empty = (i: number) => /^[#\d.\s]*$/.test(row[i] ?? "");
    // A column a part's label heads ("What to look for", "Follow-up", "Red flags") fills that part, a point per line of its cell.
    const parts: LabelledGroup[] = partColumns.flatMap(({ i, field }) => (empty(i) ? [] : [{ field, items: cellPoints(row[i] ?? "") }]));
    // Columns that are neither question, answer, part, meta nor a row number ("References") go with the answer, labelled.
    const others = header.flatMap((h, i) =>
      i === q || i === a || partColumns.some((c) => c.i === i) || META_HEADERS.some(([re]) => re.test(h)) || empty(i) ? [] : [`**${h}:** ${row[i]?.trim()}`],
    );
    const answer = [a === -1 ? "" : (row[a]?.trim() ?? ""), ...others].filter((part) => part !== "").join("\n\n");
    // A row is a line, after the header's and the delimiter's.
    items.push({ prompt, answer: answer === "" ? null : answer, meta, offset: n + 2, ...(parts.length > 0 ? { parts } : {}) });
  }
  return items.length === 0 ? null : { type: "questions", items };
};
