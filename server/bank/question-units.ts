import type { Unit } from "./blocks";
import { isQuotedWhole, plainInline, trimEndOf, unquote, withoutEmoji } from "./inline-text";
import { isLayoutOnly, withoutPresentationalTags } from "./layout-noise";
import { detailsSummary } from "./recognisers/details-summary";
import { ANSWER_WORDS, fieldForLabel } from "./recognisers/labels";
import { labelledGroups } from "./recognisers/labelled-items";
import { headingAsks, headingPrompt } from "./recognisers/heading-question";
import { askedInBold, endsOnQuestionMark, isQuestionLike, labelText, splitLabel } from "./recognisers/recogniser";
import { type WriteUpPart, writeUpPart } from "./write-up-parts";

/**
 * A document's repeating question unit, inferred from its structure rather than from the wording of
 * each question: the sibling pattern that repeats (headings of one level, numbered paragraphs or list
 * entries, bold-led paragraphs) and that mostly asks. Once a pattern is chosen, its members open
 * questions even when they do not read as one ("1) The number of active ads.", "### Reverse a linked
 * list"), as long as material follows them. The recognisers still decide everything else.
 */

export interface Opener {
  prompt: string;
  /** Markdown after the prompt on the opener's own line: the start of its answer. */
  inline: string | null;
}

export interface QuestionUnits {
  /** Units that open a question, with the prompt each carries. */
  openers: ReadonlyMap<Unit, Opener>;
  /** Headings that are steps or sections over questions, even where their wording asks ("## 2. Discuss their background"). */
  sections?: ReadonlySet<Unit>;
  /** Headings over a question asked in a paragraph of its own (`addLoneAskingParagraphs`): they end any question above. */
  closingSections?: ReadonlySet<Unit>;
  /** Headings at the questions' own level that continue the answer above them (`answerSections`). */
  answerParts?: ReadonlySet<Unit>;
  /** The pattern chosen, in words, for the parse report; "" when none was. */
  explanation: string;
}

interface Member {
  unit: Unit;
  index: number;
  prompt: string;
  inline: string | null;
  number: number | null;
  asks: boolean;
  hasMaterial: boolean;
  /** A heading whose own content holds deeper headings that ask: a section of questions, not one. */
  holdsQuestions: boolean;
  /** Right under it, a list of a question's labelled parts ("- Look for: …", "- Strong answer: …"). */
  partsFollow: boolean;
}

interface Pattern {
  /** "level-3 headings", "numbered paragraphs": how the report names the pattern. */
  name: string;
  members: Member[];
}

const MIN_MEMBERS = 3;
/** Share of a pattern's members that must ask for the pattern to be the document's question unit. */
const ASKING_SHARE = 0.5;
/** A numbered sequence with material under most entries is a question list even when none of it asks. */
const SEQUENTIAL_SHARE = 0.8;
const MATERIAL_SHARE = 0.6;

/** Sections every kind of document has; never questions, whatever pattern they sit in. */
const FURNITURE =
  /^(?:(?:table of )?contents|toc|index|introduction|intro|overview|about(?: this.*)?|preface|foreword|summary|conclusion|final thoughts|resources|(?:further|additional|recommended) (?:reading|resources)|references|links|useful links|related (?:topics|links|articles|resources|projects|repositories)|see also|credits|acknowledge?ments|contributors?|contributing|contribution|how to contribute|licen[cs]e|disclaimer|support|sponsors?|donate|faq|changelog|author|authors|translations?|getting started|prerequisites|installation|usage|notes|todo|tl;?dr)$/i;

/**
 * "1) …", "**Q3.** …", "4: …", "5、…", "Question 2 - …", "1.2 …" (numbered within its section: the last number
 * counts), "A3) …" (the third of section A, as GNU FAQs number); and "_4 …" or "_4. …", a list marker a document conversion turned into an underscore and the number
 * (the underscore is what says the number is not the sentence's own).
 */
const NUMBERED_LINE =
  /^\s*(?:\*\*|__)?\s*(?:q(?:uestion)?\s*)?(?:\(?(?:\d{1,3}\.){0,3}(\d{1,3})(?:\s*[.):、]|\s+[-–—](?=\s)|(?<=\.\d{1,3})(?=\s))|[A-Z](\d{1,2})[.):]|\\?_(\d{1,3})(?:\s*[.):]|(?=\s)))\s*(?:\*\*|__)?\s*(\S[\s\S]*)$/i;
/** "1. Q. Where can I …?": the question's label after its number goes with the number. */
const Q_AFTER_NUMBER = /^(\s*(?:(?:\*\*|__)\s*)?)q\s*[.:]\s+/i;
/** The number a numbered line counts by: "3" of "3.", "1.3", "A3)" and "_3". */
const numberOf = (m: RegExpExecArray | null) => m?.[1] ?? m?.[2] ?? m?.[3];
const NUMBER_PREFIX =
  /^(\s*(?:\*\*|__)?\s*)(?:q(?:uestion)?\s*)?(?:\(?(?:\d{1,3}\.){0,3}\d{1,3}(?:\s*[.):、]|\s+[-–—](?=\s)|(?<=\.\d{1,3})(?=\s))|[A-Z]\d{1,2}[.):]|\\?_\d{1,3}(?:\s*[.):]|(?=\s)))\s*/i;
/** " **Resposta:** ", " Answer: ": an answer's label after a question on its line; splits it once. */
const INLINE_ANSWER_LABEL = new RegExp(
  String.raw`(?<=[?？.。][*_]{0,2})\s+(?:\*\*|__)?(?:a|ans|answer|${ANSWER_WORDS})(?:\*\*|__)?\s*[:：](?:\*\*|__)?\s+(?=\S)`,
  "i",
);
// The tail is [\s\S]*, not .*: "." stops at a line separator (U+2028) inside a line, and the failed match there
// would be retried at every "**" before it.
const BOLD_LEAD = /^(?:\*\*|__)(.{4,}?)(?:\*\*|__)([\s\S]*)$/;

/** "**What is an index?**" alone in its paragraph, bold throughout, asking and no label: its prompt; otherwise null. */
export function questionAloneInBold(units: readonly Unit[], index: number): string | null {
  const unit = units[index];
  if (unit?.kind !== "line" || !startsBlock(units, index) || units[index + 1]?.block === unit.block) return null;
  const m = BOLD_LEAD.exec(unit.md.trim());
  const asks = m?.[1] !== undefined && m[2]?.trim() === "" && /[?？]$/.test(unit.text) && isQuestionLike(unit.text) && !isFieldLabel(m[1]);
  return asks ? unquote(unit.text) : null;
}

const isFieldLabel = (text: string) => fieldForLabel(labelText(text)) !== null;
/** "#### Answer: D": a label heading with its value, inside a question rather than over one. */
const isLabelHeading = (text: string) => {
  const split = splitLabel(text);
  return isFieldLabel(text) || (split !== null && fieldForLabel(split.label) !== null);
};
export const isFurniture = (text: string) => text.length <= 60 && FURNITURE.test(trimEndOf(withoutEmoji(text), ".:!").trim());

/** The units that start a paragraph: a paragraph's later lines continue it. */
function startsBlock(units: readonly Unit[], index: number): boolean {
  const unit = units[index];
  return unit !== undefined && units[index - 1]?.block !== unit.block;
}

/** Content between a member and the next member, or the next heading a member could not contain. */
function materialAfter(units: readonly Unit[], index: number, nextMember: number, depth: number): boolean {
  const unit = units[index];
  if (unit?.kind === "list" && (unit.items[0]?.lines.length ?? 0) + (unit.items[0]?.children.length ?? 0) > 1) return true;
  for (let i = index + 1; i < nextMember; i++) {
    const u = units[i];
    if (!u || u.kind === "rule" || isLayoutOnly(u)) continue;
    return u.kind !== "heading" || u.depth > depth;
  }
  return false;
}

type Found = Omit<Member, "hasMaterial" | "holdsQuestions" | "partsFollow">;

/** Two or more entries of the list after index name a question's parts: what they follow is a question's topic. */
function partsFollow(units: readonly Unit[], index: number): boolean {
  const next = nextContent(units, index);
  const groups = next?.kind === "list" ? labelledGroups(next.items) : null;
  return (groups?.filter((g) => g.field !== null).length ?? 0) >= 2;
}

function memberOf(unit: Unit, index: number, prompt: string, number: number | null, inline: string | null = null): Found {
  return { unit, index, prompt, inline, number, asks: unit.kind === "heading" ? headingAsks(prompt) : isQuestionLike(prompt) };
}

function holdsQuestions(units: readonly Unit[], index: number, depth: number): boolean {
  for (let i = index + 1; i < units.length; i++) {
    const u = units[i];
    if (u?.kind !== "heading") continue;
    if (u.depth <= depth) return false;
    if (isQuestionLike(headingPrompt(u.text).prompt)) return true;
  }
  return false;
}

function headingPatterns(units: readonly Unit[]): Pattern[] {
  const byDepth = new Map<number, Found[]>();
  // The headings above the current one, and how many of them are answer labels ("## Answer", "## Ответ (RU)").
  const above: { depth: number; answers: boolean }[] = [];
  let answersAbove = 0;
  units.forEach((unit, index) => {
    if (unit.kind !== "heading") return;
    while ((above.at(-1)?.depth ?? 0) >= unit.depth) if (above.pop()?.answers) answersAbove--;
    const answers = fieldForLabel(labelText(unit.text)) === "answer";
    above.push({ depth: unit.depth, answers });
    if (answers) answersAbove++;
    // "## Answer" then "### Why is it fast?": a heading inside an answer is a part of it, however it is worded.
    if (answersAbove > (answers ? 1 : 0)) return;
    const { prompt } = headingPrompt(unit.text);
    const number = /^\s*(?:q(?:uestion)?\s*)?#?(\d{1,3})\b/i.exec(withoutEmoji(unit.text).replace(/^[*_\s]+/, ""))?.[1];
    const list = byDepth.get(unit.depth) ?? [];
    list.push(memberOf(unit, index, prompt, number === undefined ? null : Number(number)));
    byDepth.set(unit.depth, list);
  });
  return [...byDepth].map(([depth, members]) => ({
    name: `level-${depth} headings`,
    members: members.map((m, n) => ({
      ...m,
      hasMaterial: materialAfter(units, m.index, members[n + 1]?.index ?? units.length, depth),
      holdsQuestions: holdsQuestions(units, m.index, depth),
      // A heading over its labelled parts is a topic question already (labelled-topics.ts).
      partsFollow: false,
    })),
  }));
}

/** Paragraphs and one-entry lists that start with a number: "1) …", "**Q3.** …", "4. …" between answers. */
function numberedPattern(units: readonly Unit[]): Pattern {
  const found: Found[] = [];
  units.forEach((unit, index) => {
    // Lines numbered in turn one under another ("1 - …" / "2 - …"), with no blank line between, are entries as much as
    // numbered paragraphs are.
    const m = unit.kind === "line" ? NUMBERED_LINE.exec(unit.md) : null;
    const number = numberOf(m);
    const above = units[index - 1]?.kind === "line" ? NUMBERED_LINE.exec(units[index - 1]?.md ?? "") : null;
    const inTurn = number !== undefined && Number(numberOf(above)) + 1 === Number(number);
    if (unit.kind === "line" && (startsBlock(units, index) || inTurn)) {
      // The number goes, the emphasis around it stays paired: "**1) FizzBuzz.** Print …" → "FizzBuzz. Print …";
      // a question in bold ends there, its answer after it ("**1. What is X?** It is …"), as it does before an
      // answer's label ("1 - *What is the JDK?* **Resposta:** A kit …").
      const unnumbered = unit.md.replace(NUMBER_PREFIX, "$1").replace(Q_AFTER_NUMBER, "$1");
      const labelled = unnumbered.split(INLINE_ANSWER_LABEL);
      const bold = labelled.length > 1 ? { asked: labelled[0] ?? "", after: labelled.slice(1).join("") } : askedInBold(unnumbered);
      const prompt = unquote(plainInline(bold?.asked ?? unnumbered));
      if (number && m?.[4]) found.push(memberOf(unit, index, prompt, Number(number), bold?.after ?? null));
    } else if (unit.kind === "list" && unit.ordered && unit.items.length === 1 && unit.items[0]) {
      const number = /^\s*(\d{1,3})/.exec(unit.md)?.[1];
      found.push(memberOf(unit, index, unquote(unit.items[0].text.replace(Q_AFTER_NUMBER, "$1")), number === undefined ? null : Number(number)));
    }
  });
  return { name: "numbered paragraphs", members: withMaterial(units, found) };
}

/** Paragraphs led by bold text that is not a label: "**What is a closure?**" then the answer. */
function boldLedPattern(units: readonly Unit[]): Pattern {
  const found: Found[] = [];
  units.forEach((unit, index) => {
    if (unit.kind !== "line" || !startsBlock(units, index)) return;
    const m = BOLD_LEAD.exec(unit.md.trim());
    if (!m?.[1]) return;
    const bold = plainInline(m[1]);
    if (NUMBERED_LINE.test(unit.md) || isFieldLabel(bold) || /[:：]\s*$/.test(bold)) return;
    const rest = (m[2] ?? "").replace(/^\s*[:：\-–—]?\s*/, "").trim();
    found.push(memberOf(unit, index, unquote(bold), null, rest === "" ? null : rest));
  });
  return { name: "bold-led paragraphs", members: withMaterial(units, found) };
}

/** The parts of an answer that a write-up names at the questions' level: "## Example", "## Approach", "## Complexity". */
const ANSWER_PARTS = new Set<WriteUpPart>(["example", "approach", "code", "complexity"]);
export const namesAnswerPart = (heading: string) => ANSWER_PARTS.has(writeUpPart(heading) as WriteUpPart);

/**
 * Headings at the questions' level that do not ask and continue the answer above them, written at its level:
 * among numbered question headings, one without a number ("## Requirements" between "## 1. How would you
 * design …?" and "## 2. …"); among any question headings, one whose words repeat among the siblings (a
 * "## Trade-offs" under each question) or that names a part of a solution ("## Approach", "## Example").
 */
function answerSections(group: readonly Member[]): Set<Unit> {
  const asking = group.filter((m) => m.asks);
  if (asking.length < 2) return new Set();
  const numbered = asking.filter((m) => m.number !== null);
  const numberedQuestions = numbered.length >= 2 && numbered.length >= asking.length * 0.8;
  const start = (numberedQuestions ? numbered[0] : asking[0])?.index ?? Infinity;
  const key = (m: Member) =>
    m.prompt
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const seen = new Map<string, number>();
  for (const m of group) if (!m.asks) seen.set(key(m), (seen.get(key(m)) ?? 0) + 1);
  const isPart = (m: Member) => (numberedQuestions && m.number === null) || (seen.get(key(m)) ?? 0) >= 2 || namesAnswerPart(m.prompt);
  return new Set(group.filter((m) => !m.asks && !m.holdsQuestions && m.index > start && isPart(m)).map((m) => m.unit));
}

/** A callout's first line, as Obsidian and GitHub write them: "> [!question] What is X?", "> [!NOTE]". */
const CALLOUT = /^\s*>\s*\[!([\w-]+)\][+-]?[ \t]*(.*)$/;

/**
 * Questions set apart as quotations: "> What's the difference between …?" then the answer in prose; or a
 * callout titled with the question ("> [!question] What is X?"), its body the answer.
 */
function quotedPattern(units: readonly Unit[]): Pattern {
  const found: Found[] = [];
  units.forEach((unit, index) => {
    if (unit.kind !== "quote") return;
    const [first = "", ...body] = unit.md.split("\n");
    const callout = CALLOUT.exec(first);
    if (callout?.[2]) {
      const answer = body
        .map((line) => line.replace(/^\s*>\s?/, ""))
        .join("\n")
        .trim();
      found.push(memberOf(unit, index, unquote(plainInline(callout[2])), null, answer === "" ? null : answer));
      return;
    }
    const text = plainInline(withoutPresentationalTags(callout ? body.join("\n").replace(/^\s*>\s?/gm, "") : unit.text));
    if (text.length < 300) found.push(memberOf(unit, index, unquote(text), null));
  });
  return { name: "quoted paragraphs", members: withMaterial(units, found) };
}

/** `<details>` blocks whose summary is the question: "<summary>What is a closure?</summary>" or a summary holding an H3. */
function detailsPattern(units: readonly Unit[]): Pattern {
  const found: Found[] = [];
  units.forEach((unit, index) => {
    const summary = unit.kind === "html" ? detailsSummary(unit.value) : null;
    if (summary && !isFieldLabel(summary.prompt) && !/^(?:show|view|click|expand|see|reveal)\b/i.test(summary.prompt)) {
      found.push(memberOf(unit, index, summary.prompt, null, summary.after));
    }
  });
  return { name: "<details> summaries", members: withMaterial(units, found) };
}

/** The last line of the document a unit takes. */
const endLine = (unit: Unit) => unit.line + unit.md.split("\n").length - 1;

/**
 * Notes written without markup, each question on the first line of a group and its answer on the lines right
 * under it ("What is a closure?", "A function that remembers …", "Follow up: …", then a blank line): the lines
 * that lead such groups. Tried only when no marked pattern repeats (`inferQuestionUnits`).
 */
function groupLeadPattern(units: readonly Unit[]): Pattern {
  const found: Found[] = [];
  units.forEach((unit, index) => {
    const [before, after] = [units[index - 1], units[index + 1]];
    if (unit.kind !== "line" || after === undefined || after.kind === "heading" || after.line !== endLine(unit) + 1) return;
    if (before !== undefined && before.kind !== "heading" && endLine(before) + 1 === unit.line) return;
    found.push(memberOf(unit, index, unquote(unit.text), null));
  });
  // A run of such groups under one heading, each asking; one group under each of many headings is each heading's
  // text, and a run where one group states something ("Consider a table with …") is an answer's paragraphs.
  const runs = siblingGroups(units, withMaterial(units, found)).filter((group) => group.length >= 2 && group.every((m) => m.asks));
  return { name: "lines that lead a group of lines", members: runs.flat().sort((a, b) => a.index - b.index) };
}

function withMaterial(units: readonly Unit[], found: readonly Found[]): Member[] {
  return found.map((m, n) => ({
    ...m,
    hasMaterial: materialAfter(units, m.index, found[n + 1]?.index ?? units.length, 0),
    holdsQuestions: false,
    partsFollow: partsFollow(units, m.index),
  }));
}

function sequentialShare(members: readonly Member[]): number {
  let steps = 0;
  for (let i = 1; i < members.length; i++) {
    const [a, b] = [members[i - 1]?.number, members[i]?.number];
    if (a != null && b != null && (b === a + 1 || b === 1)) steps++;
  }
  return members.length < 2 ? 0 : steps / (members.length - 1);
}

const share = (members: readonly Member[], test: (m: Member) => boolean) => (members.length === 0 ? 0 : members.filter(test).length / members.length);

/** Members that mostly ask, or a numbered run with material under most entries. */
function repeatsAsQuestions(members: readonly Member[]): boolean {
  if (share(members, (m) => m.asks) >= ASKING_SHARE) return true;
  // Topics each over its labelled parts ("**Weaknesses**" / "- Look for: …" / "- Weak answer: …") ask through them.
  if (share(members, (m) => m.partsFollow) >= MATERIAL_SHARE) return true;
  return sequentialShare(members) >= SEQUENTIAL_SHARE && share(members, (m) => m.hasMaterial) >= MATERIAL_SHARE;
}

/** A short note's two questions, each asking and each answered, are as clear a pattern as three. */
const twoAnswered = (members: readonly Member[]) => members.length >= 2 && members.every((m) => m.asks && (m.hasMaterial || m.inline !== null));

const qualifies = (pattern: Pattern) => (pattern.members.length >= MIN_MEMBERS && repeatsAsQuestions(pattern.members)) || twoAnswered(pattern.members);

/** Each unit's heading (its index; -1 for none), computed once per document: several passes group siblings. */
const parentsOf = new WeakMap<readonly Unit[], Map<number, number>>();

function parents(units: readonly Unit[]): Map<number, number> {
  const known = parentsOf.get(units);
  if (known) return known;
  const parentOf = new Map<number, number>();
  const stack: { depth: number; index: number }[] = [];
  units.forEach((unit, index) => {
    // A label heading ("#### Answer: D") belongs to the question above it; it parents nothing.
    if (unit.kind === "heading" && isLabelHeading(unit.text)) return;
    const depth = unit.kind === "heading" ? unit.depth : 7;
    while ((stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    parentOf.set(index, stack.at(-1)?.index ?? -1);
    if (unit.kind === "heading") stack.push({ depth: unit.depth, index });
  });
  parentsOf.set(units, parentOf);
  return parentOf;
}

/** Members grouped by the heading they sit under: siblings. */
function siblingGroups<M extends { index: number }>(units: readonly Unit[], members: readonly M[]): M[][] {
  const parentOf = parents(units);
  const groups = new Map<number, M[]>();
  for (const m of members) {
    const parent = parentOf.get(m.index) ?? -1;
    const group = groups.get(parent);
    if (group) group.push(m);
    else groups.set(parent, [m]);
  }
  return [...groups.values()];
}

/**
 * For a document where nothing is worded or laid out as a question (study notes: "### Random forest"
 * and what to know about it): each heading with material of its own and no headings under it is a
 * topic to ask about.
 */
export function topicQuestionUnits(units: readonly Unit[]): QuestionUnits {
  const openers = new Map<Unit, Opener>();
  const titles = units.filter((u) => u.kind === "heading" && u.depth === 1).length;
  units.forEach((unit, index) => {
    if (unit.kind !== "heading" || (unit.depth === 1 && titles === 1)) return;
    const prompt = headingPrompt(unit.text).prompt;
    if (prompt.length < 2 || isFurniture(prompt) || isLabelHeading(prompt)) return;
    let material = false;
    for (let i = index + 1; i < units.length; i++) {
      const u = units[i];
      if (!u || u.kind === "rule" || isLayoutOnly(u)) continue;
      if (u.kind === "heading") {
        if (u.depth > unit.depth && !isLabelHeading(u.text)) material = false;
        break;
      }
      material = true;
    }
    if (material) openers.set(unit, { prompt, inline: null });
  });
  return {
    openers,
    explanation:
      openers.size === 0
        ? ""
        : `Few headings are worded as questions, so each of the ${openers.size} headings with text of its own and nothing under it is taken as a topic to ask about.`,
  };
}

/** The first unit after index that is not a rule or layout. */
function nextContent(units: readonly Unit[], index: number): Unit | undefined {
  for (let i = index + 1; i < units.length; i++) {
    const u = units[i];
    if (u && u.kind !== "rule" && !isLayoutOnly(u)) return u;
  }
  return undefined;
}

const SECTION_NUMBER = /^[\s*_]*(\d{1,3}(?:[.-]\d{1,3})*)[.)、]?\s/;

/**
 * A numbered heading with nothing of its own that groups numbered problems under its number ("## 4. Palindromes",
 * then "### 4.1. Longest palindrome" and "### 4.2. Valid palindrome", each with its text): a section, and the
 * sub-sections are the questions, their own numbers aside. A heading that asks keeps its sub-questions as
 * follow-ups (assemble-questions.ts).
 */
function groupedProblems(units: readonly Unit[], index: number): { unit: Unit; prompt: string }[] {
  const head = units[index];
  if (head?.kind !== "heading" || isQuestionLike(headingPrompt(head.text).prompt)) return [];
  const number = SECTION_NUMBER.exec(head.text)?.[1];
  const first = nextContent(units, index);
  if (number === undefined || first?.kind !== "heading" || first.depth <= head.depth) return [];
  const under = new RegExp(`^${number}[.-]\\d`);
  const found: { unit: Unit; prompt: string }[] = [];
  for (let i = index + 1; i < units.length; i++) {
    const u = units[i];
    if (u?.kind !== "heading") continue;
    if (u.depth <= head.depth) break;
    if (u.depth !== first.depth) continue;
    const own = nextContent(units, i);
    if (!under.test(SECTION_NUMBER.exec(u.text)?.[1] ?? "") || own === undefined || own.kind === "heading") return [];
    const prompt = headingPrompt(u.text).prompt.replace(/^\d{1,3}(?:[.-]\d{1,3})+[.)]?\s*/, "");
    if (prompt.length < 2) return [];
    found.push({ unit: u, prompt });
  }
  return found.length >= 2 ? found : [];
}

/**
 * For a document nothing else reads as questions in: the paragraphs that open on a question ("What is a
 * closure?" then its answer, on the next line or in the next paragraph) and the one-entry lists that ask
 * ("- What is hoisting?", blank, the answer indented under it), when at least three such siblings each have
 * material after them. They are parallel items that ask, whatever marks them.
 */
export function askingSiblingUnits(units: readonly Unit[]): QuestionUnits {
  const found: Found[] = [];
  units.forEach((unit, index) => {
    // The line's own question mark: "What does not happen:" introduces its list, and a question quoted at the
    // end of an instruction ("Ask “How did you test it?”") is the instruction's (recogniseQuotedQuestions).
    if (unit.kind === "line" && asksItself(units, index)) found.push(memberOf(unit, index, unquote(unit.text), null));
    const item = unit.kind === "list" && unit.items.length === 1 ? unit.items[0] : undefined;
    if (item) found.push(memberOf(unit, index, unquote(item.text), null));
  });
  const withText = withMaterial(units, found).filter((m) => m.hasMaterial || (m.unit.kind === "list" && (m.unit.items[0]?.lines.length ?? 0) > 1));
  // One-entry lists that mostly ask, each with text after it, are the document's questions, one worded as a
  // statement among them too ("* tmux freezes my terminal when I attach!" between "* Why …?" entries).
  const entries = withText.filter((m) => m.unit.kind === "list");
  const entriesAsk = entries.filter((m) => m.asks).length >= MIN_MEMBERS && repeatsAsQuestions(entries);
  const members = withText.filter((m) => m.asks || (entriesAsk && m.unit.kind === "list" && !isFieldLabel(m.prompt) && !isFurniture(m.prompt)));
  const openers = new Map<Unit, Opener>();
  if (members.length >= MIN_MEMBERS || twoAnswered(members)) for (const m of members) openers.set(m.unit, { prompt: m.prompt, inline: null });
  return {
    openers,
    explanation:
      openers.size === 0
        ? ""
        : `Nothing is laid out as a question, so the ${openers.size} paragraphs and list entries that open on one, each with material after it, are the questions.`,
  };
}

/** A list most of whose entries ask: questions to put, not an answer. */
export function asksList(unit: Unit): boolean {
  return unit.kind === "list" && unit.items.length >= 2 && unit.items.filter((item) => isQuestionLike(item.text)).length >= unit.items.length * 0.6;
}

/**
 * A script or how-to guide: sibling headings are steps ("## 2. Discuss their background"), and the questions
 * are the lists right under some of them ("- “Walk me through the last system you built.”"). When at least
 * two siblings, and a third of them, open on such a list, every sibling that does not end in a question
 * mark is a step, however imperative its wording: the questions are in the lists.
 */
function stepSections(units: readonly Unit[]): Set<Unit> {
  const parentOf = parents(units);
  // Label headings have no place among the parents: they head no section.
  const headings = units.flatMap((unit, index) =>
    unit.kind === "heading" && parentOf.has(index) ? [{ unit, index, depth: unit.depth, text: unit.text }] : [],
  );
  // A list of questions in the heading's section after no more than an introduction (paragraphs, quotes:
  // "> Give the candidate space…") and sub-headings of its own ("#### Consulting and coaching"). Code, a
  // table or a list that does not ask first is an answer of the heading's own, whatever lists follow it.
  const leadsToQuestions = (index: number, depth: number) => {
    for (let next = index + 1; next < units.length; next++) {
      const unit = units[next] as Unit;
      if (unit.kind === "heading" && unit.depth <= depth && parentOf.has(next)) return false;
      if (asksList(unit)) return true;
      if (!["heading", "line", "quote", "rule"].includes(unit.kind) && !isLayoutOnly(unit)) return false;
    }
    return false;
  };
  const sections = new Set<Unit>();
  for (const group of siblingGroups(units, headings)) {
    // Siblings written at two depths ("### [ a tagline ]" under the title, then the "## " steps): the steps are the
    // depth most of them share.
    const depth = mostCommonDepth(group);
    const steps = group.filter((h) => h.depth === depth);
    if (steps.filter((h) => leadsToQuestions(h.index, h.depth)).length < Math.max(2, steps.length / 3)) continue;
    const endsAsking = (h: { text: string }) => /[?？]["”'’]?$/.test(headingPrompt(h.text).prompt);
    // Headings that mostly ask are the questions, and the lists under them their parts.
    if (steps.filter(endsAsking).length > steps.length / 2) continue;
    for (const h of steps) if (!endsAsking(h)) sections.add(h.unit);
  }
  return sections;
}

function mostCommonDepth(headings: readonly { depth: number }[]): number {
  const counts = new Map<number, number>();
  for (const h of headings) counts.set(h.depth, (counts.get(h.depth) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * A heading that trails off ("How do I...", "Using Sphinx with…") over deeper headings: a stem its entries
 * complete, so a section over them however it is worded.
 */
function stemSections(units: readonly Unit[]): Unit[] {
  const stems: Unit[] = [];
  let next: Unit | null = null;
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i] as Unit;
    if (unit.kind !== "heading") continue;
    if (/(?:\.\.\.|…)$/.test(unit.text.trim()) && next?.kind === "heading" && next.depth > unit.depth) stems.push(unit);
    next = unit;
  }
  return stems;
}

/**
 * The entries a stem completes ("Using Sphinx with..." over "Read the Docs", read as "Using Sphinx with Read the
 * Docs"): the headings right under it with text of their own, each an entry of a FAQ whatever its wording.
 */
function stemEntries(units: readonly Unit[], stems: readonly Unit[]): Map<Unit, Opener> {
  const entries = new Map<Unit, Opener>();
  const indexOf = new Map(units.map((u, i) => [u, i]));
  for (const stem of stems) {
    if (stem.kind !== "heading") continue;
    for (let i = (indexOf.get(stem) ?? units.length) + 1; i < units.length; i++) {
      const u = units[i] as Unit;
      if (u.kind !== "heading") continue;
      if (u.depth <= stem.depth) break;
      const own = nextContent(units, i);
      if (u.depth === stem.depth + 1 && own !== undefined && own.kind !== "heading") entries.set(u, { prompt: headingPrompt(u.text).prompt, inline: null });
    }
  }
  return entries;
}

/** A paragraph that asks in full on its own line: "What does this print, and why?". */
function asksItself(units: readonly Unit[], index: number): boolean {
  const unit = units[index];
  return unit?.kind === "line" && endsOnQuestionMark(unit.text) && isQuestionLike(unit.text) && startsBlock(units, index);
}

/**
 * A note that mixes two ways of writing questions ("**What is an index?**" and its answer, then "## Closures in
 * loops", a snippet, "What does this print?" and its answer): whatever pattern was chosen, if any, a heading that
 * asks nothing itself, with no question anywhere under it or above it, whose own text holds one paragraph that asks
 * with material after it, asks that (the paragraph is added to `openers`). Such headings must be most of their
 * siblings: one "#### Method 4" among "Method 1" to "3" is a part of an answer that happens to ask. The document's
 * title is none of them. Returns the headings, which end any question above them.
 */
function addLoneAskingParagraphs(units: readonly Unit[], openers: Map<Unit, Opener>): Set<Unit> {
  const parentOf = parents(units);
  const headings = units.flatMap((unit, index) => (unit.kind === "heading" && parentOf.has(index) ? [{ unit, index }] : []));
  const underQuestion = (index: number): boolean => {
    for (let p = parentOf.get(index) ?? -1; p >= 0; p = parentOf.get(p) ?? -1) if (openers.has(units[p] as Unit)) return true;
    return false;
  };
  // The document's title is over the whole note, not a topic: prose under it with one question is no question bank.
  const topLevel = headings.filter((h) => parentOf.get(h.index) === -1);
  const title = topLevel.length === 1 ? topLevel[0]?.unit : undefined;
  const askedIn = new Map<number, number>();
  headings.forEach(({ unit, index }, n) => {
    if (unit.kind !== "heading" || unit === title || headingAsks(headingPrompt(unit.text).prompt) || underQuestion(index)) return;
    const ownEnd = headings[n + 1]?.index ?? units.length;
    let subtreeEnd = ownEnd;
    while (subtreeEnd < units.length && !(units[subtreeEnd]?.kind === "heading" && (units[subtreeEnd] as { depth: number }).depth <= unit.depth)) subtreeEnd++;
    if (units.slice(index, subtreeEnd).some((u) => openers.has(u))) return;
    const asking = [];
    for (let i = index + 1; i < ownEnd; i++) if (asksItself(units, i)) asking.push(i);
    // A question quoted whole ("*"Tokens live in localStorage. What are the implications?"*") is one to say aloud,
    // answered or not; an unquoted one needs its answer after it.
    const [only] = asking;
    const asked = only === undefined ? undefined : units[only];
    const quoted = asked?.kind === "line" && isQuotedWhole(asked.text);
    if (only !== undefined && asking.length === 1 && (materialAfter(units, only, ownEnd, 0) || quoted)) askedIn.set(index, only);
  });
  const sections = new Set<Unit>();
  for (const siblings of siblingGroups(units, headings)) {
    const asked = siblings.filter((h) => askedIn.has(h.index));
    if (asked.length * 2 <= siblings.length) continue;
    for (const h of asked) {
      const paragraph = units[askedIn.get(h.index) as number];
      if (paragraph?.kind !== "line") continue;
      openers.set(paragraph, { prompt: unquote(paragraph.text), inline: null });
      sections.add(h.unit);
    }
  }
  return sections;
}

export function inferQuestionUnits(units: readonly Unit[]): QuestionUnits {
  const stems = stemSections(units);
  const sections = new Set([...stepSections(units), ...stems]);
  const steps = sections.size === 0 ? "" : ` ${sections.size} headings are sections or steps over lists of questions; the lists are the questions.`;
  const outsideSections = (p: Pattern): Pattern => ({ ...p, members: p.members.filter((m) => !sections.has(m.unit)) });
  const candidates = [...headingPatterns(units), numberedPattern(units), boldLedPattern(units), quotedPattern(units), detailsPattern(units)]
    .map(outsideSections)
    .filter(qualifies);
  const asking = (p: Pattern) => p.members.filter((m) => m.asks).length;
  const chosen =
    candidates.sort((a, b) => asking(b) - asking(a) || b.members.length - a.members.length)[0] ?? [outsideSections(groupLeadPattern(units))].find(qualifies);
  if (!chosen) {
    const openers = stemEntries(units, stems);
    const closingSections = addLoneAskingParagraphs(units, openers);
    return { openers, explanation: steps.trim(), sections, closingSections };
  }
  const openers = new Map<Unit, Opener>();
  const answerParts = new Set<Unit>();
  for (const group of siblingGroups(units, chosen.members)) {
    // Among siblings that ask, one that does not is still a question ("### Reverse a linked list");
    // among siblings that do not ("## Interview tips" / "### When you don't know"), it is not; nor is
    // one without a number among numbered questions.
    const promoted = repeatsAsQuestions(group);
    const parts = chosen.members[0]?.unit.kind === "heading" ? answerSections(group) : new Set<Unit>();
    for (const part of parts) answerParts.add(part);
    for (const m of group) {
      if (m.prompt.length < 3 || m.holdsQuestions || isFieldLabel(m.prompt) || isFurniture(m.prompt) || parts.has(m.unit)) continue;
      if (m.asks || (promoted && (m.hasMaterial || m.inline !== null))) openers.set(m.unit, { prompt: m.prompt, inline: m.inline });
    }
  }
  for (const [unit, opener] of stemEntries(units, stems)) if (!openers.has(unit)) openers.set(unit, opener);
  const closingSections = addLoneAskingParagraphs(units, openers);
  const indexOf = new Map(units.map((u, i) => [u, i]));
  for (const unit of [...openers.keys()]) {
    const grouped = groupedProblems(units, indexOf.get(unit) ?? -1);
    if (grouped.length === 0) continue;
    openers.delete(unit);
    for (const g of grouped) openers.set(g.unit, { prompt: g.prompt, inline: null });
  }
  const others = candidates.filter((p) => p !== chosen && asking(p) > 0);
  const explanation =
    `Questions are ${chosen.name} (${openers.size} of ${chosen.members.length}; ${asking(chosen)} of them worded as questions).` +
    (others.length > 0 ? ` Also seen, and read only where worded as questions: ${others.map((p) => `${p.name} (${p.members.length})`).join(", ")}.` : "") +
    steps;
  return { openers, explanation, sections, answerParts, closingSections };
}
