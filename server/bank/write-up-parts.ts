import type { Unit } from "./blocks";
import { plainInline } from "./inline-text";
import { setsTask } from "./recognisers/recogniser";

/**
 * The parts of a problem write-up as its sub-headings name them ("### Example", "### Approach 2: Hash map",
 * "### 题目描述", "### 思路", "### 代码", "### Complexity"): what makes a heading over them one question
 * (labelled-topics.ts), and what of its section is the problem's statement rather than its answer.
 */
export type WriteUpPart = "statement" | "example" | "approach" | "code" | "complexity" | "constraints" | "followUp";

/** A part's name, then at most a number and a title of its own ("Approach 2: Hash map", "方法一：哈希表", "思路 1：代码"). */
const PART_TAIL = String.raw`(?:\s*(?:#?\d{1,2}|[一二三四五六七八九十]{1,3}))?(?:\s*[:：.、\-—–(（]\s*[^\n]{0,80})?$`;
/** "Title description" is how a machine translation of "题目描述" reads. */
const STATEMENT_NAMES = String.raw`problem(?:\s+(?:statement|description))?|(?:title\s+)?description|statement|task|题目(?:描述|大意|说明|要求)?|问题描述|描述`;
const PART_NAMES: [WriteUpPart, string][] = [
  ["statement", STATEMENT_NAMES],
  ["example", String.raw`examples?|samples?(?:\s+(?:input|tests?|cases?))?|示例|样例|例子|举例|测试用例`],
  [
    "approach",
    String.raw`approach(?:es)?|solutions?|idea|intuition|algorithm|hints?|思路|解题思路|解题方法|解法|题解|分析|问题分析|题目分析|问题解析|题目解析|方法|算法`,
  ],
  ["code", String.raw`code|implementation|solution code|代码(?:实现)?|实现|参考代码|示例代码`],
  ["complexity", String.raw`(?:time\s+(?:and\s+space\s+)?)?complexity(?:\s+analysis)?|复杂度(?:分析)?|时间复杂度`],
  ["constraints", String.raw`constraints?|notes?|(?:input|output)(?:\s+format)?|提示|注意|说明|输入|输出`],
  ["followUp", String.raw`follow[- ]?ups?|进阶`],
];
const PART_PATTERNS = PART_NAMES.map(([part, names]) => [part, new RegExp(`^(?:${names})${PART_TAIL}`, "iu")] as const);

/** "Problem (104. Maximum depth of a binary tree)", "题目：两数之和": a statement part's heading that names its problem. */
const NAMING_STATEMENT = new RegExp(String.raw`^(?:${STATEMENT_NAMES})\s*(?:[:：\-—–]\s*(\S.{0,200})|[(（]\s*(\S.{0,200}?)\s*[)）])$`, "iu");

/** The problem a statement part's heading names ("Problem (104. Maximum depth)" → "104. Maximum depth"), else null. */
export function problemNamedBy(heading: string): string | null {
  const m = NAMING_STATEMENT.exec(plainInline(heading).trim());
  return m?.[1] ?? m?.[2] ?? null;
}

/** The write-up part a sub-heading names, its numbering and emphasis aside. */
export function writeUpPart(heading: string): WriteUpPart | null {
  const name = heading
    .replace(/^[\s#*_]*(?:\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?/, "")
    .replace(/[*_`]/g, "")
    .trim();
  if (name.length > 100) return null;
  return PART_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

const LABEL_PATTERNS = PART_NAMES.map(
  ([part, names]) =>
    [part, new RegExp(String.raw`^\s*(?:\*\*|__)?\s*(?:${names})(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))?\s*(?:\*\*|__)?\s*[:：]`, "iu")] as const,
);

/** The write-up part a paragraph's label names: "**Example 1:**", "**思路：**", "Approach: walk the list …". */
export function writeUpLabel(md: string): WriteUpPart | null {
  return LABEL_PATTERNS.find(([, pattern]) => pattern.test(md))?.[0] ?? null;
}

/**
 * Parts enough for a write-up: a statement (a "Description" part, or text of the heading's own before its
 * parts), a solution (an approach or code), and two kinds of part or more, a first paragraph that sets a
 * task counting as the statement part. A topic's definition over an "### Example" alone is not a problem set.
 */
export function isWrittenUp(parts: ReadonlySet<WriteUpPart>, ownText: boolean, tasked = false): boolean {
  const solved = parts.has("approach") || parts.has("code");
  const kinds = parts.size + (tasked && !parts.has("statement") ? 1 : 0);
  return solved && (parts.has("statement") || ownText) && kinds >= 2;
}

const PLAIN = new Set(["", "text", "txt", "plain", "plaintext", "console", "output", "none", "markdown", "md"]);

/**
 * A code block in a programming language ("```go"): under a named approach ("思路：…"), that approach's code,
 * where examples are plain text. Code alone does not make a section a write-up ("**Problem:** … **Fix:** …").
 */
export function isSolutionCode(unit: Unit): boolean {
  return unit.kind === "code" && !PLAIN.has((unit.lang ?? "").trim().toLowerCase());
}

const SOLVING = new Set<WriteUpPart>(["approach", "code", "complexity", "followUp"]);
const STATING = new Set<WriteUpPart>(["statement", "example", "constraints"]);

/**
 * A write-up's statement, read out with its name: what comes before its first solving part (an approach,
 * code, complexity or follow-ups, as a sub-heading or a label names it): its own text or "Description" part,
 * with the examples and constraints; the rest is the answer. Empty when the body is not laid out so.
 */
export function writeUpStatement(body: readonly Unit[]): Unit[] {
  const depth = Math.min(...body.flatMap((u) => (u.kind === "heading" ? [u.depth] : [])));
  const marks = body.flatMap((u, i) => {
    const part =
      u.kind === "heading" ? (u.depth === depth ? writeUpPart(u.text) : null) : u.kind === "line" && body[i - 1]?.block !== u.block ? writeUpLabel(u.md) : null;
    return part === null ? [] : [{ i, part }];
  });
  const first = marks[0]?.i ?? body.length;
  const own = body.slice(0, first);
  const tasked = own[0]?.kind === "line" && setsTask(plainInline(own[0].md));
  const parts = new Set(marks.map((m) => m.part));
  if (parts.has("approach") && body.some(isSolutionCode)) parts.add("code");
  // Ways to solve it may sit a level down ("## Stack" over "### Idea", "### Code").
  const solvedBelow = body.some((u) => u.kind === "heading" && u.depth > depth && SOLVING.has(writeUpPart(u.text) ?? "statement"));
  if (solvedBelow) parts.add("approach");
  if (
    !isWrittenUp(
      parts,
      own.some((u) => u.kind === "line" || u.kind === "quote"),
      tasked,
    )
  )
    return [];
  const solving = marks.find((m) => SOLVING.has(m.part))?.i;
  // The statement also ends at a section that states no more of the problem ("## Explanation", "## Company"),
  // whatever it is called: what is read out to the candidate must not run into how to solve it.
  const stops = body.findIndex((u, i) => i > first && statesNoMore(u));
  const end = Math.min(solving ?? body.length, stops === -1 ? body.length : stops);
  return end === body.length ? [] : body.slice(0, end);
}

/** A heading that states no more of a problem: neither its statement, an example nor its constraints. */
const statesNoMore = (u: Unit) => u.kind === "heading" && !STATING.has(writeUpPart(u.text) ?? "approach");

/**
 * What comes before a write-up's answer label ("## Solution") up to its first section after the statement that
 * states no more of the problem ("### Key insight"): the rest is the answer's. All of it without a statement part.
 */
export function statedBeforeAnswer(body: readonly Unit[]): Unit[] {
  const statement = body.findIndex((u) => u.kind === "heading" && writeUpPart(u.text) === "statement");
  const stops = statement === -1 ? -1 : body.findIndex((u, i) => i > statement && statesNoMore(u));
  return stops === -1 ? [...body] : body.slice(0, stops);
}

/** A sub-heading naming a part that solves the problem: an approach, code, its complexity. */
export function solvesProblem(heading: string): boolean {
  const part = writeUpPart(heading);
  return part === "approach" || part === "code" || part === "complexity";
}
