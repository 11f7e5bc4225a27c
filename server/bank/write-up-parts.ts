import type { Unit } from "./blocks";

/**
 * The parts of a problem write-up as its sub-headings name them ("### Example", "### Approach 2: Hash map",
 * "### 题目描述", "### 思路", "### 代码", "### Complexity"): what makes a heading over them one question
 * (labelled-topics.ts), and what of its section is the problem's statement rather than its answer.
 */
export type WriteUpPart = "statement" | "example" | "approach" | "code" | "complexity" | "constraints" | "followUp";

/** A part's name, then at most a number and a title of its own ("Approach 2: Hash map", "方法一：哈希表", "思路 1：代码"). */
const PART_TAIL = String.raw`(?:\s*(?:#?\d{1,2}|[一二三四五六七八九十]{1,3}))?(?:\s*[:：.、\-—–(（]\s*[^\n]{0,80})?$`;
const PART_NAMES: [WriteUpPart, string][] = [
  ["statement", String.raw`problem(?:\s+(?:statement|description))?|description|statement|task|题目(?:描述|大意|说明|要求)?|问题描述|描述`],
  ["example", String.raw`examples?|samples?(?:\s+(?:input|tests?|cases?))?|示例|样例|例子|举例|测试用例`],
  [
    "approach",
    String.raw`approach(?:es)?|solutions?|idea|intuition|algorithm|hints?|思路|解题思路|解题方法|解法|题解|分析|问题分析|题目分析|问题解析|题目解析|方法|算法`,
  ],
  ["code", String.raw`code|implementation|solution code|代码(?:实现)?|实现|参考代码|示例代码`],
  ["complexity", String.raw`(?:time\s+(?:and\s+space\s+)?)?complexity(?:\s+analysis)?|复杂度(?:分析)?|时间复杂度`],
  ["constraints", String.raw`constraints?|notes?|提示|注意|说明`],
  ["followUp", String.raw`follow[- ]?ups?|进阶`],
];
const PART_PATTERNS = PART_NAMES.map(([part, names]) => [part, new RegExp(`^(?:${names})${PART_TAIL}`, "iu")] as const);

/** The write-up part a sub-heading names, its numbering and emphasis aside. */
export function writeUpPart(heading: string): WriteUpPart | null {
  const name = heading
    .replace(/^[\s#*_]*(?:\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?/, "")
    .replace(/[*_`]/g, "")
    .trim();
  if (name.length > 100) return null;
  return PART_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

/**
 * Parts enough for a write-up: a statement (a "Description" sub-section, or text of the heading's own
 * before its parts), a solution (an approach or code), and two kinds of part or more. A topic's
 * definition over an "### Example" alone is not a problem set.
 */
export function isWrittenUp(parts: ReadonlySet<WriteUpPart>, ownText: boolean): boolean {
  const solved = parts.has("approach") || parts.has("code");
  return solved && (parts.has("statement") || ownText) && parts.size >= 2;
}

/**
 * A write-up's statement, read out with its name: its own text before the sub-headings that name its parts,
 * or its "Description" sub-section, with the example and constraint sub-sections right after; the rest
 * (approaches, code, complexity) is the answer. Empty when the body is not laid out so.
 */
export function writeUpStatement(body: readonly Unit[]): Unit[] {
  const firstHeading = body.findIndex((u) => u.kind === "heading");
  if (firstHeading === -1) return [];
  const depth = Math.min(...body.flatMap((u) => (u.kind === "heading" ? [u.depth] : [])));
  const parts = new Set(body.flatMap((u) => (u.kind === "heading" && u.depth === depth ? [writeUpPart(u.text)] : [])).filter((p) => p !== null));
  const own = body.slice(0, firstHeading);
  if (
    !isWrittenUp(
      parts,
      own.some((u) => u.kind === "line" || u.kind === "quote"),
    )
  )
    return [];
  let end = firstHeading;
  for (let h = body[end]; h?.kind === "heading" && h.depth === depth; h = body[end]) {
    const part = writeUpPart(h.text);
    if (part !== "statement" && part !== "example" && part !== "constraints") break;
    end++;
    while (end < body.length && !(body[end]?.kind === "heading" && (body[end] as Extract<Unit, { kind: "heading" }>).depth <= depth)) end++;
  }
  return body.slice(0, end);
}
