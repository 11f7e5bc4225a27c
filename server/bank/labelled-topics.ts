import type { Unit } from "./blocks";
import { isExamplePart } from "./code-examples";
import { isLayoutOnly } from "./layout-noise";
import { statementOf } from "./normalise-question";
import { isFurniture, type Opener } from "./question-units";
import { recogniseFieldLabel } from "./recognisers/field-label";
import { recogniseFollowUpLabel } from "./recognisers/follow-up-label";
import { headingPrompt, topicPrompt } from "./recognisers/heading-question";
import { recogniseLabelledItems } from "./recognisers/labelled-items";
import { isQuestionLabelHeading, recogniseLabelledQuestion } from "./recognisers/labelled-question";
import { isSolutionCode, isWrittenUp, problemNamedBy, type WriteUpPart, writeUpLabel, writeUpPart } from "./write-up-parts";
import type { RecogniserContext } from "./recognisers/recogniser";
import { isQuestionLike, setsTask } from "./recognisers/recogniser";
import { plainInline } from "./inline-text";

/**
 * A heading that only names a problem ("## Two Sum") over what a question has: some text, then the
 * labelled parts of an answer ("**Key points**", "### Follow-ups", "- Red flag: …"). The labels say the
 * section is one question, asked under its heading's name. A label counts for the nearest heading above
 * it that is not a label itself (a label heading for the nearest shallower one), and only after text of
 * that heading's own: a label straight under a
 * heading ("## Behavioural" then "**Red flags**") speaks for the questions below it instead. A section that
 * asks questions of its own (headings, "Q:" lines, a list of questions, the document's repeating unit)
 * is a section of questions, not one.
 */

interface Candidate {
  unit: Extract<Unit, { kind: "heading" }>;
  parent: Candidate | undefined;
  /** Text of its own came before any label. */
  material: boolean;
  labelled: boolean;
  /** A heading or a structural question below it asks. */
  asksOthers: boolean;
  /** A list of questions or a "Q:" line in its own text. */
  listsQuestions: boolean;
  /** Its own text up to its first label or sub-heading. */
  own: Unit[];
  /** The parts of a problem write-up its sub-headings name ("### Example", "### 思路", "### Code"). */
  parts: Set<WriteUpPart>;
}

/** A question part's label, in any of the forms a recogniser reads (bold line, heading, "Label:" line or bullets, "Follow-up: …"). */
function isPartLabel(unit: Unit, next: Unit | null): boolean {
  const ctx: RecogniserContext = {
    inQuestion: true,
    headingQuestionAwaitingAnswer: false,
    hasFollowUps: false,
    inFollowUp: false,
    field: "body",
    next,
    section: null,
  };
  const marker = recogniseFollowUpLabel(unit, ctx) ?? recogniseFieldLabel(unit, ctx) ?? recogniseLabelledItems(unit, ctx);
  return marker !== null && (marker.type === "field" || marker.type === "followUp" || marker.type === "labelledItems");
}

/** Text that asks questions of its own: a "Q:" line, or a list most of whose entries ask. */
function asksQuestions(unit: Unit): boolean {
  if (unit.kind === "list") return unit.items.length >= 2 && unit.items.filter((item) => isQuestionLike(item.text)).length >= unit.items.length * 0.6;
  return (
    unit.kind === "line" &&
    recogniseLabelledQuestion(unit, {
      inQuestion: false,
      headingQuestionAwaitingAnswer: false,
      hasFollowUps: false,
      inFollowUp: false,
      field: "body",
      next: null,
      section: null,
    }) !== null
  );
}

/**
 * `sections`: headings over lists of questions (question-units.ts); a heading above one asks through it.
 * `writtenUp`: headings inside a problem's write-up (`siblingWriteUps`), none of which is a question of its own.
 */
export function labelledTopicOpeners(
  units: readonly Unit[],
  openers: ReadonlyMap<Unit, Opener>,
  sections: ReadonlySet<Unit> = new Set(),
  writtenUp: ReadonlySet<Unit> = new Set(),
): Map<Unit, Opener> {
  const found: Candidate[] = [];
  const stack: Candidate[] = [];
  units.forEach((unit, index) => {
    if (unit.kind === "rule" || isLayoutOnly(unit)) return;
    const next = units[index + 1] ?? null;
    // A label heading is a sibling of the headings as deep as it: "### Follow-ups" after "### 9. Closing" speaks for their parent.
    if (unit.kind === "heading") while ((stack.at(-1)?.unit.depth ?? 0) >= unit.depth) stack.pop();
    const top = stack.at(-1);
    // Under a heading that asks, or that asked nothing and already has its labels, nothing below changes what it is.
    if (unit.kind !== "heading" && (!top || top.asksOthers || (top.labelled && top.listsQuestions))) return;
    // "**Example 1:**", "**思路：**": a write-up's parts named by labels rather than sub-headings.
    const label = unit.kind === "line" && units[index - 1]?.block !== unit.block ? writeUpLabel(unit.md) : null;
    if (label !== null) top?.parts.add(label);
    if (isSolutionCode(unit) && top?.parts.has("approach")) top.parts.add("code");
    if (isPartLabel(unit, next)) {
      if (top?.material) top.labelled = true;
      return;
    }
    if (unit.kind === "heading") {
      const asks = openers.has(unit) || isQuestionLike(headingPrompt(unit.text).prompt) || isQuestionLabelHeading(unit);
      const part = writeUpPart(unit.text);
      // A section over a list of questions asks through it; an approach's numbered steps are no questions.
      if (asks || (sections.has(unit) && part === null)) for (const above of stack) above.asksOthers = true;
      if (part !== null) stack.at(-1)?.parts.add(part);
      const candidate = {
        unit,
        parent: stack.at(-1),
        material: false,
        labelled: false,
        asksOthers: asks,
        listsQuestions: false,
        own: [],
        parts: new Set<WriteUpPart>(),
      };
      stack.push(candidate);
      found.push(candidate);
      return;
    }
    // What follows a label is that part's ("**Follow-ups**" and the questions it lists).
    if (!top || top.labelled) return;
    if (openers.has(unit)) top.asksOthers = true;
    if (asksQuestions(unit)) top.listsQuestions = true;
    top.material = true;
    top.own.push(unit);
  });
  const promptOf = (c: Candidate): string | null => {
    if (c.asksOthers || writeUpPart(c.unit.text) !== null || writtenUp.has(c.unit)) return null;
    const prompt = topicPrompt(c.unit.text);
    if (prompt.length < 2 || isFurniture(prompt)) return null;
    if (writesUpProblem(c)) return prompt;
    if (!c.labelled && c.own[0]?.kind !== "line") return null;
    return (c.labelled && !c.listsQuestions) || statesProblem(prompt, c.own) ? prompt : null;
  };
  const named = found.flatMap((c) => {
    const prompt = promptOf(c);
    return prompt === null ? [] : [{ c, prompt }];
  });
  // A section whose sub-sections are such questions is their section, whatever labels it has of its own.
  const holdsTopics = new Set<Candidate>();
  for (const { c } of named) for (let above = c.parent; above; above = above.parent) holdsTopics.add(above);
  return new Map(named.filter(({ c }) => !holdsTopics.has(c)).map(({ c, prompt }) => [c.unit, { prompt, inline: null }]));
}

/**
 * A problem write-up under a heading that names it ("# 1. Two Sum"): the task set in its first paragraph
 * ("Given an array …, return …") and worked examples right after it. Its approaches, steps and code below
 * are the answer, whatever lists of steps they hold.
 */
function statesProblem(prompt: string, own: readonly Unit[]): boolean {
  return statementOf(prompt, own).some(isExamplePart);
}

/**
 * A problem write-up laid out in sub-sections: a heading that names the problem over sub-headings for
 * the parts of one ("### Description" or a statement of its own, then "### Example", "### Approach",
 * "### Code", "### Complexity"; "题目描述", "示例", "思路", "代码"). At least two kinds of part, one of
 * them an example, an approach or code, make it one question; its steps and code are its answer.
 */
function writesUpProblem(c: Candidate): boolean {
  const first = c.own[0];
  const tasked = first?.kind === "line" && setsTask(plainInline(first.md));
  return isWrittenUp(
    c.parts,
    c.own.some((u) => u.kind === "line" || u.kind === "quote"),
    tasked,
  );
}

type Heading = Extract<Unit, { kind: "heading" }>;

export interface SiblingWriteUps {
  openers: Map<Unit, Opener>;
  /** The sibling sections after each name, what `answerParts` are (question-units.ts). */
  answerParts: Set<Unit>;
  /** Every heading of the write-ups below their names: their approaches are no questions of their own. */
  within: Set<Unit>;
}

/**
 * A write-up whose parts are its name's siblings: "## House Robber" then "## Problem Description", "## Solution",
 * "## Code" at its own level (or "## Problem (104. Maximum depth)" then "## Title description", "## Idea", …). A
 * heading that a statement part follows names a problem; its sibling sections up to the next such name, parts or
 * not ("## Company", "## Two pointers" over "### Idea", "### Code"), are its answer's when they hold a way to solve it.
 */
export function siblingWriteUps(units: readonly Unit[], openers: ReadonlyMap<Unit, Opener>, fileName: string): SiblingWriteUps {
  const found: SiblingWriteUps = { openers: new Map(), answerParts: new Set(), within: new Set() };
  const headings = units.filter((u): u is Heading => u.kind === "heading");
  const position = new Map(headings.map((h, i) => [h, i]));
  // "## Problem" over a link, first in a file of its own, is named by the file ("1.two-sum.md").
  const nameOf = (heading: Heading) => problemName(heading) ?? (heading === headings[0] && fileName.length >= 2 ? fileName : null);
  for (const group of siblingHeadings(headings)) {
    const startsProblem = (i: number) => writeUpPart(group[i + 1]?.text ?? "") === "statement" && nameOf(group[i] as Heading) !== null;
    for (let i = 0; i < group.length; i++) {
      if (!startsProblem(i)) continue;
      let end = i + 2;
      while (end < group.length && !startsProblem(end)) end++;
      const name = group[i] as Heading;
      // The run's sections with everything below them: up to the next name, else to where the group ends.
      const from = (position.get(name) ?? 0) + 1;
      let to = group[end] === undefined ? from : (position.get(group[end] as Heading) ?? from);
      if (group[end] === undefined) while (to < headings.length && (headings[to] as Heading).depth >= name.depth) to++;
      const inside = headings.slice(from, to);
      const parts = new Set(inside.flatMap((h) => writeUpPart(h.text) ?? []));
      const prompt = nameOf(name);
      if (prompt !== null && isWrittenUp(parts, true) && ![name, ...inside].some((h) => openers.has(h))) {
        found.openers.set(name, { prompt, inline: null });
        for (const h of group.slice(i + 1, end)) found.answerParts.add(h);
        for (const h of inside) found.within.add(h);
      }
      i = end - 1;
    }
  }
  return found;
}

/** What a heading over a write-up calls its problem: its own words, or the name a statement heading gives. */
function problemName(heading: Heading): string | null {
  if (writeUpPart(heading.text) === "statement" || /^problem\b/i.test(heading.text.trim())) {
    const named = problemNamedBy(heading.text);
    return named === null ? null : topicPrompt(named);
  }
  const prompt = topicPrompt(heading.text);
  return prompt.length < 2 || isFurniture(prompt) || isQuestionLike(prompt) ? null : prompt;
}

/** Headings grouped with their siblings (the same parent, the same depth), in document order; each heading is read once. */
function siblingHeadings(headings: readonly Heading[]): Heading[][] {
  const groups: Heading[][] = [];
  // The open groups, one per depth on the way down to the current heading.
  const open: { depth: number; group: Heading[] }[] = [];
  for (const heading of headings) {
    while ((open.at(-1)?.depth ?? 0) > heading.depth) open.pop();
    const top = open.at(-1);
    if (top?.depth === heading.depth) top.group.push(heading);
    else {
      const group = [heading];
      groups.push(group);
      open.push({ depth: heading.depth, group });
    }
  }
  return groups;
}
