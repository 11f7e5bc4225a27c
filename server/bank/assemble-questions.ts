import type { ListItem, Unit } from "./blocks";
import { descendants, lastLineOf } from "./blocks";
import { headingAsks, headingPrompt, topicPrompt } from "./recognisers/heading-question";
import { RECOGNISERS } from "./recognisers/index";
import { recogniseFieldLabel } from "./recognisers/field-label";
import type { LabelledGroup, LabelledItemField, Marker, MetaKey, QuestionField, RecogniserContext } from "./recognisers/recogniser";
import { fieldForLabel } from "./recognisers/labels";
import { answeredOnLine, endsOnQuestionMark, inlineAfterLabel, isQuestionLike, labelText, splitLabel } from "./recognisers/recogniser";
import { plainInline, unquote } from "./inline-text";
import { isLayoutOnly } from "./layout-noise";
import { splitMarkdown } from "./split-markdown";
import { asksList, questionAloneInBold, namesAnswerPart, type QuestionUnits } from "./question-units";
import { solvesProblem } from "./write-up-parts";

/** A table of contents' heading. */
const TABLE_OF_CONTENTS = /^(?:table of )?contents$|^toc$/i;

/** The title of a quiz's answer key: "Answers", "Answer key", "Solutions". */
const ANSWER_KEY = /^(?:answers|answer key|(?:the )?key|solutions)$/;

/**
 * Walks the units once, asks the recognisers what each one is, and gathers questions with the
 * units that belong to each of their parts. No text is interpreted here beyond that routing: the
 * drafts still hold units, which normalisation turns into the bank's fields.
 */

export interface FollowUpDraft {
  prompt: string;
  answer: Unit[];
  lookFor: string[];
}

export interface QuestionDraft {
  prompt: string;
  title: string | null;
  line: number;
  /** The list the question is an entry of, when a list of questions asked it. */
  listedIn?: Unit;
  section: string[];
  fields: Record<QuestionField, Unit[]>;
  /** Criteria stated on one line ("Testing: whether you rely on guardrails"). */
  inlineRubric: string[];
  /** The document's own name for its rubric section ("Good to hear"), when it has one. */
  rubricLabel: string | null;
  followUps: FollowUpDraft[];
  meta: Partial<Record<MetaKey, string>>;
  score: { score: number; outOf: number } | null;
  /** Entries written with their part's label on each ("- Red flag: …"), label removed: read whole, wherever they stood. */
  listed?: Partial<Record<Exclude<LabelledItemField, "followUps">, Unit[]>>;
  /** Code the question points at, written just above it ("```js …```", then "What does this print?"). */
  shown?: Unit[];
}

/** Red flags or things to look for written for a whole section rather than one question; they apply to its questions. */
export interface SharedNotes {
  field: "redFlags" | "rubric";
  /** The document's own words for them ("Things to look out for during interviews"). */
  label: string | null;
  scope: string[];
  units: Unit[];
}

export interface Assembly {
  questions: QuestionDraft[];
  sharedNotes: SharedNotes[];
  /** Units taken as structure (a question, a label, a meta line): used, though no field holds them. */
  recognised: ReadonlySet<Unit>;
  /** Part of a unit kept in its place while the rest went elsewhere (a list's unlabelled entries), to the unit it came from. */
  standIns: ReadonlyMap<Unit, Unit>;
}

interface OpenQuestion extends QuestionDraft {
  opener: "heading" | "label" | "details" | "topic";
  /** A heading at this depth or shallower ends the question. */
  depth: number;
  tentative: boolean;
  awaitingPrompt: boolean;
  field: QuestionField | null;
  /** Depth of the heading label that chose `field`; a later heading as shallow ends the field. */
  fieldDepth: number;
  followUp: (FollowUpDraft & { awaitingPrompt: boolean }) | null;
  /** Opened as a member of the document's repeating unit rather than by a recogniser. */
  structural: boolean;
  /** The unit that asked it. */
  askedBy: Unit;
}

interface StackEntry {
  depth: number;
  text: string;
  index: number;
  /** A question's own heading: it bounds what follows, but is nobody's section. */
  question?: true;
}

/** A heading's number, "1", "2-1" or "3.2", before its title. */
const HEADING_NUMBER = /^[\s*_]*(\d{1,3}(?:[.-]\d{1,3})*)[.)]?\s/;

export const emptyFields = (): Record<QuestionField, Unit[]> => ({
  body: [],
  answer: [],
  keyPoints: [],
  rubric: [],
  notes: [],
  redFlags: [],
  score: [],
  scoreReasons: [],
  framework: [],
  followUps: [],
});

/** A synthetic one-line unit for text that followed a label on the label's own line. */
function inlineUnit(md: string, from: Unit): Unit {
  return { kind: "line", md, text: plainInline(md), line: from.line, block: from.block };
}

/**
 * An entry's answer as the blocks it is written in, from the line after the entry's (`line`): its bullets stay a
 * list ("1. Why is Redis fast?" / "    - in memory" / "    - no locks"), so that each is a key point of its own.
 */
function writtenUnits(md: string, from: Unit, line: number): Unit[] {
  return splitMarkdown(md).units.map((u) => ({ ...u, line: line + u.line, block: from.block + u.block / 1000 }));
}

function hasContent(q: OpenQuestion): boolean {
  return Object.values(q.fields).some((units) => units.length > 0) || q.followUps.length > 0 || q.inlineRubric.length > 0;
}

export function assembleQuestions(units: readonly Unit[], structure: QuestionUnits = { openers: new Map(), explanation: "" }): Assembly {
  const assembler = new QuestionAssembler(units, structure);
  units.forEach((unit, index) => assembler.take(unit, index));
  return assembler.finish();
}

/**
 * The document's title when it asks over numbered questions the structure found in headings, paragraphs or list
 * entries ("# ¿Backend o frontend?" over "**1. ¿Qué es …?**", "# 面接でよく聞かれる内容とは？" over "### 1. …"): it is
 * their title; as a question it would hold its introduction as an answer. A heading deeper in the document asks over such entries as its follow-ups ("### Why ES?" over "**Q: …**").
 */
// Each run of blanks has one quantifier of its own, so that a long run is read once (a "\s+" then "\s*" split it every way).
const NUMBERED_ENTRY = /^[ \t]*(?:[-*+][ \t]+)?(?:(?:\*\*|__)[ \t]*)?(?:q(?:uestion)?[ \t]*)?\d{1,3}[.):]/i;

function titleOverOpeners(units: readonly Unit[], openers: ReadonlyMap<Unit, unknown>): Unit | null {
  const headings = units.filter((u) => u.kind === "heading");
  const [title, ...others] = headings;
  if (title === undefined || others.some((h) => h.depth <= title.depth)) return null;
  // Numbered, they are the document's list of questions; "**Q: …**" lines under a task may be its parts.
  const numbered = units.filter((u) => openers.has(u) && NUMBERED_ENTRY.test(u.kind === "heading" ? u.text : u.md)).length;
  return numbered >= 2 ? title : null;
}

/** How many headings share a heading's parent and depth, itself included, and how many of them ask. */
interface SiblingHeadings {
  total: number;
  asking: number;
}

/** Each heading's siblings, counted in one pass: the count is shared by the siblings, and complete once the pass ends. */
function siblingHeadings(units: readonly Unit[]): Map<Unit, SiblingHeadings> {
  const counts = new Map<Unit, SiblingHeadings>();
  const byDepth: (SiblingHeadings | undefined)[] = [];
  for (const unit of units) {
    if (unit.kind !== "heading") continue;
    // A heading starts new groups for the depths below it.
    byDepth.length = Math.min(byDepth.length, unit.depth + 1);
    const group = (byDepth[unit.depth] ??= { total: 0, asking: 0 });
    group.total++;
    if (headingAsks(headingPrompt(unit.text).prompt)) group.asking++;
    counts.set(unit, group);
  }
  return counts;
}

/** The walk's state: the open question, the section headings above it, and what was gathered so far. */
class QuestionAssembler {
  private readonly questions: QuestionDraft[] = [];
  private readonly sharedNotes: SharedNotes[] = [];
  private readonly recognised = new Set<Unit>();
  private readonly standIns = new Map<Unit, Unit>();
  private readonly stack: StackEntry[] = [];
  /** Content seen outside any question, since the last one closed: a topic's body if follow-ups come. */
  private readonly orphans: { index: number; unit: Unit }[] = [];
  private current: OpenQuestion | null = null;
  private openNotes: (SharedNotes & { depth: number }) | null = null;
  private previous: Unit | null = null;
  /** The open question's prompt as `wordsOf` reads it (`repeatsQuestion`). */
  private questionWords: { of: OpenQuestion; words: string } | null = null;
  /** The question whose answer the last heading was a part of (`partOfParagraphAnswer`). */
  private lastAnswerPartOf: OpenQuestion | null = null;
  /** The document's title, when the questions are found under it in paragraphs or entries (`titleOverOpeners`). */
  private readonly titleOverOpeners: Unit | null;
  private readonly siblingHeadings: Map<Unit, SiblingHeadings>;

  constructor(
    private readonly units: readonly Unit[],
    private readonly structure: QuestionUnits,
  ) {
    this.titleOverOpeners = titleOverOpeners(units, structure.openers);
    this.siblingHeadings = siblingHeadings(units);
  }

  take(unit: Unit, index: number): void {
    if (unit.kind === "rule" || isLayoutOnly(unit)) return;
    if (this.answersKey(unit)) return;
    const recognised = this.recognise(unit, index);
    if (recognised?.type === "question" && this.repeatsQuestion(unit, recognised.prompt)) {
      this.recognised.add(unit);
      return;
    }
    const asked = recognised?.type === "question" && unit.kind === "heading" ? (this.subQuestion(unit, recognised.prompt) ?? recognised) : recognised;
    const marker = this.withinLabelledAnswer(unit, asked) ? null : asked;
    if (unit.kind === "heading") this.enterHeading(unit, marker, index);
    if (marker === null) this.applyContent(unit, index);
    else if (this.apply(marker, unit, index)) this.recognised.add(unit);
    this.previous = unit;
    // A numbered entry that opened a question carries its answer in its own further lines.
    if (marker?.type === "question" && unit.kind === "list") for (const rest of restOfEntry(unit)) this.take(rest, index);
  }

  /**
   * "## Answer" then "### Why is it fast?": a heading under an answer's label heading is a part of that answer,
   * however it is worded, unless the document's layout makes it a question of its own.
   */
  private withinLabelledAnswer(unit: Unit, marker: Marker | null): boolean {
    const q = this.current;
    return (
      marker?.type === "question" &&
      unit.kind === "heading" &&
      q?.field === "answer" &&
      q.fieldDepth !== Number.POSITIVE_INFINITY &&
      unit.depth > q.fieldDepth &&
      !this.structure.openers.has(unit)
    );
  }

  /**
   * "# Question 1 - Abstract Classes" then "## What is an abstract class …?": a heading question that only names
   * its topic, with nothing of its own before a deeper question heading, is that question's title, not a question.
   */
  private titleAbove(unit: Unit): string | null {
    const q = this.current;
    const names = q !== null && q.opener === "heading" && !hasContent(q) && !isQuestionLike(q.prompt);
    return names && unit.kind === "heading" && unit.depth > q.depth ? q.prompt : null;
  }

  /** "## 7. Describe a time …" then "### Describe a time …": a sub-heading that repeats its question's words titles its answer. */
  private repeatsQuestion(unit: Unit, prompt: string): boolean {
    const q = this.current;
    if (unit.kind !== "heading" || q?.opener !== "heading" || unit.depth <= q.depth) return false;
    // The question's words are read once, not once per heading under it.
    if (this.questionWords?.of !== q) this.questionWords = { of: q, words: wordsOf(q.prompt) };
    return wordsOf(prompt) === this.questionWords.words;
  }

  /**
   * A quiz's answer key: "## Answers" over a numbered list right after a list of as many questions without
   * answers. Each entry answers the question of its number, and the heading and the list are used.
   */
  private answersKey(unit: Unit): boolean {
    const heading = this.previous;
    if (unit.kind !== "list" || !unit.ordered || this.current !== null || heading?.kind !== "heading") return false;
    const title = labelText(headingPrompt(heading.text).prompt);
    if (!ANSWER_KEY.test(title) && fieldForLabel(title) !== "answer") return false;
    const n = unit.items.length;
    const asked = this.questions.slice(-n);
    const list = asked[0]?.listedIn;
    const oneList = asked.length === n && list !== undefined && asked.every((q) => q.listedIn === list) && this.questions.at(-n - 1)?.listedIn !== list;
    if (n < 2 || !oneList || asked.some((q) => q.fields.answer.length > 0)) return false;
    asked.forEach((q, i) => {
      const item = unit.items[i];
      // Each answer keeps its own entry's line, for its source.
      q.fields.answer.push({ ...inlineUnit(item?.md ?? "", unit), line: unit.line + (item?.offset ?? 0) });
    });
    this.recognised.add(heading);
    this.recognised.add(unit);
    return true;
  }

  finish(): Assembly {
    this.close();
    // A heading over several questions is their section, not the first one's title.
    this.questions.forEach((q, i) => {
      const next = this.questions[i + 1];
      if (q.title !== null && q.title === q.section.at(-1) && next?.section.join("\n") === q.section.join("\n")) q.title = null;
    });
    return { questions: this.questions, sharedNotes: this.sharedNotes, recognised: this.recognised, standIns: this.standIns };
  }

  private recognise(unit: Unit, index: number): Marker | null {
    if (this.asksInParallel(unit)) this.close();
    const ctx = this.contextFor(this.units[index + 1] ?? null);
    // Inside a question a recogniser opened ("Q: How do you deploy?"), a numbered or bold paragraph is a
    // step of its answer, not the next question; a heading still ends it as headings do.
    const open = this.current;
    const insideOther = open !== null && !open.structural && unit.kind !== "heading";
    const opener = insideOther ? undefined : this.structure.openers.get(unit);
    for (const recognise of RECOGNISERS) {
      const marker = recognise(unit, ctx);
      // A step over questions asks nothing itself, however it is worded ("## 2. Discuss their background"); nor does a
      // title over numbered or bold questions (titleOverOpeners; "### Question" over its prompt is a template's label).
      if (marker?.type === "question" && (this.structure.sections?.has(unit) || (unit === this.titleOverOpeners && marker.prompt !== ""))) return null;
      if (marker?.type === "question" && this.namesPartOfAnswer(unit)) return null;
      // A one-entry list the structure reads as a question has its answer after it, not inside it.
      if (marker && !(opener && marker.type === "questions")) return marker;
    }
    // "Interviewer asks: …" with its answers, then "**What is an index?**" and its own: a question set in bold
    // after a labelled one is the next question, not part of the last label's field.
    const bold = !opener && open?.opener === "label" && open.field !== "followUps" ? questionAloneInBold(this.units, index) : null;
    if (bold !== null) return { type: "question", prompt: bold, opener: "label", tentative: false, inline: null };
    if (!opener) return null;
    const kind = unit.kind === "heading" ? "heading" : unit.kind === "html" ? "details" : "label";
    return { type: "question", prompt: opener.prompt, opener: kind, tentative: false, inline: opener.inline, structural: true };
  }

  /**
   * "- **What is the scope of `let`?**" answered by code after its list, then a list of "- **Can I change a
   * `const`?**" entries each answered in its own lines: the entries are the next questions, asked as the open one
   * was, not its answer.
   */
  private asksInParallel(unit: Unit): boolean {
    const open = this.current;
    const by = open?.structural ? open.askedBy : undefined;
    if (by?.kind !== "list" || unit.kind !== "list" || unit.items.length < 2) return false;
    const form = openingMark(by.items[0]?.md ?? "");
    return unit.items.every((item) => isQuestionLike(item.text) && item.lines.length > 1 && openingMark(item.md) === form);
  }

  /**
   * "Q: How are dicts implemented? How much memory" / "do they use?" / "A: …": a labelled question's paragraph, up to
   * the answer's label in it, is its prompt. Without that label the lines after the question may be its answer.
   */
  private wrapsLabelledPrompt(q: OpenQuestion, unit: Unit, index: number): boolean {
    if (q.opener !== "label" || unit.kind !== "line" || hasContent(q)) return false;
    if (OPTION_OR_LABEL.test(unit.text)) return false;
    // The question's own line, a few lines up at most.
    const earliest = Math.max(0, index - MAX_PROMPT_LINES + 1);
    let from = index - 1;
    while (from >= earliest && this.units[from] !== q.askedBy) from--;
    if (from < earliest) return false;
    // The lines run on from the question's, without a blank line between (a new sentence may still start a paragraph).
    const runsOn = (i: number) => {
      const [above, below] = [this.units[i - 1], this.units[i]];
      return above !== undefined && below !== undefined && below.line === lastLineOf(above) + 1;
    };
    for (let i = from + 1; i <= index; i++) if (!runsOn(i)) return false;
    const ctx = this.contextFor(null);
    for (let i = index + 1; i < from + MAX_PROMPT_LINES + 1 && runsOn(i); i++) {
      const label = recogniseFieldLabel(this.units[i] as Unit, ctx);
      if (label?.type === "field" && label.field === "answer") return true;
    }
    return false;
  }

  /**
   * "## 1. How do LLMs differ from n-gram models?" over "### Architecture", "### Scale and Capacity", "### Training
   * Approach": a sub-heading of a heading question named in title case, among siblings most of which ask nothing,
   * names a part of its answer, however its first word could be read ("Scale …" as a task). "Describe a conflict
   * with a teammate", written as a sentence, still asks.
   */
  private namesPartOfAnswer(unit: Unit): boolean {
    const q = this.current;
    if (unit.kind !== "heading" || q?.opener !== "heading" || unit.depth <= q.depth || !TITLE_CASE.test(headingPrompt(unit.text).prompt)) return false;
    const siblings = this.siblingHeadings.get(unit);
    return siblings !== undefined && siblings.total >= 2 && siblings.asking * 2 < siblings.total;
  }

  /**
   * A question heading numbered under the open heading question's own number ("#### 1-1. …?" under
   * "### 1. …?", "### 2.3 …" under "## 2. …"): the document asks it as a follow-up of that question, and
   * what follows it is the follow-up's answer.
   */
  private subQuestion(unit: Extract<Unit, { kind: "heading" }>, prompt: string): Marker | null {
    const q = this.current;
    if (!q || q.opener !== "heading" || unit.depth <= q.depth) return null;
    const own = this.stack.findLast((s) => s.question === true);
    const parent = own === undefined ? undefined : this.units[own.index];
    if (parent?.kind !== "heading") return null;
    const parentNumber = HEADING_NUMBER.exec(parent.text)?.[1];
    const number = HEADING_NUMBER.exec(unit.text)?.[1];
    if (parentNumber === undefined || number === undefined || !number.startsWith(parentNumber)) return null;
    if (!/^[.-]\d/.test(number.slice(parentNumber.length))) return null;
    const asked = prompt.replace(/^\d{1,3}(?:[.-]\d{1,3})+[.)]?\s*/, "");
    return asked === "" ? null : { type: "followUp", prompt: asked, inline: null };
  }

  private contextFor(next: Unit | null): RecogniserContext {
    const q = this.current;
    return {
      inQuestion: q !== null,
      openedBy: q?.opener ?? null,
      headingQuestionAwaitingAnswer: q !== null && q.opener === "heading" && q.followUps.length === 0 && !hasContent(q),
      hasFollowUps: q !== null && q.followUps.length > 0,
      inFollowUp: q?.followUp != null,
      field: q?.field ?? "body",
      next,
      section: this.sectionPath().at(-1) ?? null,
      sectionPath: this.sectionPath(),
      overQuestions: this.inStepSection(),
    };
  }

  /** Whether the innermost heading is a step or section over lists of questions (question-units.ts). */
  private inStepSection(): boolean {
    const top = this.stack.at(-1);
    const heading = top === undefined ? undefined : this.units[top.index];
    return heading !== undefined && (this.structure.sections?.has(heading) ?? false);
  }

  /** A heading closes what it outranks: the shared red flags, the question, its field, and the sections. */
  private enterHeading(unit: Extract<Unit, { kind: "heading" }>, marker: Marker | null, index: number): void {
    if (this.openNotes && unit.depth <= this.openNotes.depth) this.openNotes = null;
    // A write-up's approach or code after a follow-up in its statement ("**Follow up:** … O(1) memory?", then
    // "### Approach") answers the question, not the follow-up.
    const asked = this.current;
    if ((asked?.followUp || asked?.field === "followUps") && marker === null && unit.depth > asked.depth && solvesProblem(unit.text)) {
      asked.followUp = null;
      if (asked.field === "followUps") asked.field = "body";
    }
    const isLabel = marker?.type === "field" || marker?.type === "followUpField";
    const q = this.current;
    // A label heading speaks for the whole section when it is shallower than the question's own
    // heading, or no deeper than the section a "Q:" line sits in; one that carries its own value
    // ("#### Answer: D") answers the question it is in.
    const carriesValue = isLabel && marker.inline !== null;
    const sectionWide = q !== null && !carriesValue && (q.opener === "heading" ? unit.depth < q.depth : unit.depth <= q.depth);
    const partOfAnswer = q !== null && q.opener === "heading" && unit.depth === q.depth && (this.structure.answerParts?.has(unit) ?? false);
    // "## Future in career?" with nothing of its own, then "### Technical" over a list of questions: a section of
    // questions after an unanswered one, not its answer.
    const overQuestions = q !== null && marker === null && unit.depth > q.depth && !hasContent(q) && asksList(this.units[index + 1] ?? unit);
    const closing = overQuestions || (this.structure.closingSections?.has(unit) ?? false);
    if (q && !partOfAnswer && (isLabel ? sectionWide : unit.depth <= q.depth || closing)) this.close();
    // A heading as shallow as the label that chose the field ends that field's content; a heading
    // under a heading question's answer is a part of that answer ("#### Flags").
    const open = this.current;
    const answerPart =
      open !== null &&
      (open.opener === "heading" ? unit.depth > open.depth || partOfAnswer : this.partOfParagraphAnswer(open, unit, index)) &&
      (open.field === "body" || open.field === "answer");
    if (answerPart) this.lastAnswerPartOf = open;
    if (open && !isLabel && !answerPart && unit.depth <= open.fieldDepth) {
      open.field = null;
      open.fieldDepth = Number.POSITIVE_INFINITY;
    }
    if (!isLabel || !open) while ((this.stack.at(-1)?.depth ?? 0) >= unit.depth) this.stack.pop();
    if (marker === null && !open) this.stack.push({ depth: unit.depth, text: headingPrompt(unit.text).prompt, index });
  }

  /**
   * "**How do you empty an array?**" then "#### Method 1", "#### Method 2": a heading deeper than the section a
   * paragraph's question sits in is a part of that question's answer when it names one ("### Example"), or when
   * it comes right after the question or after another such part and no question follows under it. One after
   * the answer that names none ("## More") is not.
   */
  /** Whether the unit after index is text of the same question: a paragraph, code or a table, not a heading or another question. */
  private answerFollows(index: number): boolean {
    const next = this.units[index + 1];
    return next !== undefined && ["line", "code", "table", "quote"].includes(next.kind) && !this.structure.openers.has(next);
  }

  private partOfParagraphAnswer(open: OpenQuestion, unit: Extract<Unit, { kind: "heading" }>, index: number): boolean {
    if (unit.depth <= open.depth || (this.structure.closingSections?.has(unit) ?? false)) return false;
    if (namesAnswerPart(headingPrompt(unit.text).prompt)) return true;
    const nothingYet = Object.values(open.fields).every((units) => units.length === 0) && open.followUps.length === 0;
    if (!nothingYet && this.lastAnswerPartOf !== open) return false;
    for (let i = index + 1; i < this.units.length; i++) {
      const u = this.units[i] as Unit;
      if (u.kind === "heading" && u.depth <= unit.depth) return true;
      if (this.structure.openers.has(u)) return false;
    }
    return true;
  }

  /** The headings above, without questions' own: "### What is X?" then "#### What is Y?" are two questions of one section. */
  private sectionPath(): string[] {
    // A table of contents sits above the sections it lists at one level deeper only in the heading outline.
    return this.stack.filter((s) => !s.question && !TABLE_OF_CONTENTS.test(s.text.trim())).map((s) => s.text);
  }

  private enclosingDepth(): number {
    return this.stack.at(-1)?.depth ?? 0;
  }

  private close(): void {
    const q = this.current;
    if (q && q.prompt !== "") {
      this.questions.push({
        prompt: q.prompt,
        title: q.title,
        line: q.line,
        section: q.section,
        fields: q.fields,
        inlineRubric: q.inlineRubric,
        rubricLabel: q.rubricLabel,
        followUps: q.followUps.filter((f) => f.prompt !== "").map(({ prompt, answer, lookFor }) => ({ prompt, answer, lookFor })),
        meta: q.meta,
        score: q.score,
        listed: q.listed,
        shown: q.shown,
      });
    }
    this.current = null;
    this.orphans.length = 0;
  }

  private open(prompt: string, opener: OpenQuestion["opener"], unit: Unit, depth: number, tentative = false): OpenQuestion {
    this.close();
    const previous = this.previous;
    const titleFrom = previous?.kind === "heading" && opener === "label" ? headingPrompt(previous.text).prompt : null;
    this.current = {
      prompt,
      title: titleFrom,
      line: unit.line,
      section: this.sectionPath(),
      fields: emptyFields(),
      inlineRubric: [],
      rubricLabel: null,
      followUps: [],
      meta: {},
      score: null,
      opener,
      depth,
      tentative,
      awaitingPrompt: prompt === "",
      field: "body",
      fieldDepth: Number.POSITIVE_INFINITY,
      followUp: null,
      structural: false,
      askedBy: unit,
    };
    return this.current;
  }

  /** Applies what a recogniser said; false when the marker had nothing to apply to and its unit is left over. */
  private apply(marker: Marker, unit: Unit, index: number): boolean {
    const q = this.current;
    switch (marker.type) {
      case "question": {
        const depth = unit.kind === "heading" ? unit.depth : this.enclosingDepth();
        const shown = unit.kind === "heading" ? [] : this.codeJustAbove(index);
        const title = this.titleAbove(unit);
        if (title !== null) this.current = null;
        const opened = this.open(marker.prompt, marker.opener, unit, depth, marker.tentative);
        if (title !== null) opened.title = title;
        opened.structural = marker.structural === true;
        opened.shown = shown;
        if (unit.kind === "heading") this.stack.push({ depth: unit.depth, text: marker.prompt, index, question: true });
        if (marker.inline !== null) {
          opened.fields.answer.push(inlineUnit(marker.inline, unit));
          opened.field = "answer";
        }
        return true;
      }
      case "prompt":
        this.applyPrompt(marker.prompt, unit);
        return true;
      case "followUp":
        if (!q) {
          this.open(marker.prompt, "label", unit, this.enclosingDepth());
          return true;
        }
        addFollowUp(q, marker.prompt);
        if (marker.inline !== null) q.followUp?.answer.push(inlineUnit(marker.inline, unit));
        return true;
      case "followUpField":
        return this.applyFollowUpField(marker.field, marker.inline, unit);
      case "field":
        return this.applyField(marker.field, marker.inline, unit);
      case "meta":
        if (q) q.meta = { ...marker.values, ...q.meta };
        return q !== null;
      case "score":
        if (q) {
          q.score = { score: marker.score, outOf: marker.outOf };
          // What follows a score explains it.
          q.field = "scoreReasons";
          if (marker.reasons !== null) q.fields.scoreReasons.push(inlineUnit(marker.reasons, unit));
        }
        return q !== null;
      case "questions":
        this.close();
        for (const item of marker.items) this.questions.push(listedQuestion(item, unit, this.sectionPath()));
        return true;
      case "end":
        if (q?.opener === "details") this.close();
        return true;
      case "examples":
        this.resumeMainPart();
        this.applyContent(unit, index);
        return false;
      case "labelledItems":
        return unit.kind === "list" && this.applyLabelledItems(marker.groups, unit, index);
    }
  }

  /** After a list-like part (key points, red flags, …), an example goes back to what the question was saying. */
  private resumeMainPart(): void {
    const q = this.current;
    if (!q || q.followUp || q.field === null || q.field === "body" || q.field === "answer" || q.field === "framework") return;
    q.field = q.fields.answer.length > 0 ? "answer" : "body";
    q.fieldDepth = Number.POSITIVE_INFINITY;
  }

  /**
   * A list whose entries name their parts: each run goes to its part, the unlabelled entries stay where the
   * list is. False when some of it was left in place, so that the report judges that part by where it went.
   */
  private applyLabelledItems(groups: readonly LabelledGroup[], unit: Extract<Unit, { kind: "list" }>, index: number): boolean {
    const q = this.current;
    if (!q) return false;
    let leftInPlace = false;
    for (const { field, items } of groups) {
      if (items.length === 0) continue;
      const part = listOf(unit, items);
      if (field === null) {
        this.standIns.set(part, unit);
        this.applyContent(part, index);
        leftInPlace = true;
      } else if (field === "followUps") {
        for (const item of items) q.followUps.push(...followUpsFromItem(item));
      } else {
        q.listed = { ...q.listed, [field]: [...(q.listed?.[field] ?? []), part] };
      }
    }
    return !leftInPlace;
  }

  /** A "Question:" label: the prompt of a question that is waiting for one, or a new question. */
  private applyPrompt(prompt: string, unit: Unit): void {
    const q = this.current;
    // "## 1. Tech Debt vs Features", "**Scenario:** …", then "**Question:** How do you …?": the heading titles the
    // question the label asks, and the scenario before it is what is read with it.
    const titledScenario = q !== null && q.opener === "heading" && !endsOnQuestionMark(q.prompt) && onlyScenario(q);
    if (q && (q.tentative || q.awaitingPrompt || titledScenario || (!hasContent(q) && q.opener === "heading"))) {
      if (q.tentative || q.opener === "heading") q.title = q.prompt;
      q.prompt = prompt;
      q.tentative = false;
      q.awaitingPrompt = prompt === "";
      q.line = unit.line;
    } else {
      // "## 2. Team Morale", "**Scenario:** …", "**Question:** …": the scenario under the section goes with the question.
      const parent = this.stack.at(-1)?.index ?? -1;
      const scenario = this.orphans.filter((o) => o.index > parent && isScenario(o.unit)).map((o) => o.unit);
      const opened = this.open(prompt, "label", unit, this.enclosingDepth());
      for (const line of scenario) opened.fields.body.push(line);
    }
  }

  private applyFollowUpField(field: "answer" | "lookFor", inline: string | null, unit: Unit): boolean {
    const q = this.current;
    if (q?.followUp) {
      if (inline === null) return true;
      if (field === "lookFor") q.followUp.lookFor.push(plainInline(inline));
      else q.followUp.answer.push(inlineUnit(inline, unit));
      return true;
    }
    if (q && field === "answer") {
      q.field = "answer";
      if (inline !== null) q.fields.answer.push(inlineUnit(inline, unit));
      return true;
    }
    return false;
  }

  private applyField(field: QuestionField, inline: string | null, unit: Unit): boolean {
    const q = this.current ?? (field === "followUps" ? this.openTopic(unit) : null);
    if (!q) {
      if (field !== "redFlags" && field !== "rubric") return false;
      this.openSharedNotes(field, inline, unit);
      return true;
    }
    q.followUp = null;
    q.field = field;
    if (field === "rubric" && q.rubricLabel === null) q.rubricLabel = labelOf(unit);
    q.fieldDepth = unit.kind === "heading" ? unit.depth : Number.POSITIVE_INFINITY;
    if (inline === null) return true;
    // A score without a number ("**Score:** strong hire"), or reasons for a score the question has not given, make
    // no example score: left to the report, not kept.
    if (field === "score" || (field === "scoreReasons" && q.score === null)) return false;
    // "**Follow-ups:** When does it go stale?": the follow-ups asked on its label's line, one a question ("… stale? And
    // how would you know?", "…区别？ · …启动？").
    if (field === "followUps") for (const asked of questionsOnLine(plainInline(inline))) addFollowUp(q, unquote(asked));
    else if (field === "rubric") q.inlineRubric.push(plainInline(inline));
    else q.fields[field].push(inlineUnit(inline, unit));
    return true;
  }

  /**
   * Code blocks right above a question that opens inside a section, with nothing between them and it and no
   * question open: what the question points at ("## Closures in loops", the snippet, "What does this print?").
   */
  private codeJustAbove(index: number): Unit[] {
    const section = this.stack.at(-1)?.index ?? -1;
    const run: Unit[] = [];
    for (let n = this.orphans.length - 1; n >= 0; n--) {
      const orphan = this.orphans[n];
      if (orphan?.index !== index - run.length - 1 || orphan.index <= section || orphan.unit.kind !== "code") break;
      run.unshift(orphan.unit);
    }
    return run;
  }

  /** Follow-ups under a section that asked no question of its own: the section is the question. */
  private openTopic(unit: Unit): OpenQuestion | null {
    const parent = this.stack.at(-1);
    if (!parent) return null;
    const body = this.orphans.filter((o) => o.index > parent.index).map((o) => o.unit);
    this.stack.pop();
    const q = this.open(topicPrompt(parent.text), "topic", unit, parent.depth);
    q.line = this.units[parent.index]?.line ?? unit.line;
    q.title = null;
    q.fields.answer.push(...body);
    this.stack.push(parent);
    return q;
  }

  /** Red flags or look-fors outside any question: they apply to every question of the section they head. */
  private openSharedNotes(field: SharedNotes["field"], inline: string | null, unit: Unit): void {
    const notes = {
      field,
      label: labelOf(unit),
      scope: this.sectionPath(),
      units: [] as Unit[],
      depth: unit.kind === "heading" ? unit.depth : this.enclosingDepth(),
    };
    this.openNotes = notes;
    this.sharedNotes.push(notes);
    if (inline !== null) notes.units.push(inlineUnit(inline, unit));
  }

  private applyContent(unit: Unit, index: number): void {
    const q = this.current;
    if (!q) {
      // What shared notes take ("**Red flags:**" over "Context: blames the team") is theirs, no question's material.
      if (this.openNotes) this.openNotes.units.push(unit);
      else this.orphans.push({ index, unit });
      return;
    }
    // "# Question" over "> Explain …": a quotation is the prompt as a line is.
    if (q.awaitingPrompt && (unit.kind === "line" || unit.kind === "quote")) {
      q.prompt = unquote(unit.text);
      q.awaitingPrompt = false;
      this.recognised.add(unit);
      return;
    }
    if (unit.kind === "line" && this.wrapsLabelledPrompt(q, unit, index)) {
      q.prompt = `${q.prompt} ${unquote(unit.text)}`;
      this.recognised.add(unit);
      return;
    }
    const fu = q.followUp;
    if (fu) {
      if (fu.awaitingPrompt && unit.kind === "line") {
        fu.prompt = unquote(unit.text);
        fu.awaitingPrompt = false;
        this.recognised.add(unit);
      } else if (fu.answer.length === 0 && fu.prompt !== "" && asksThroughout(unit)) {
        // Questions listed right under a follow-up ("Follow-up: How would you detect one?" / "  - What data
        // would you collect?") are more follow-ups the interviewer can ask, not that follow-up's answer.
        if (unit.kind === "list") for (const item of unit.items) q.followUps.push(...followUpsFromItem(item));
        this.recognised.add(unit);
      } else {
        fu.answer.push(unit);
      }
      return;
    }
    if (q.field === "followUps") {
      if (unit.kind === "list") for (const item of unit.items) q.followUps.push(...followUpsFromItem(item));
      else if (unit.kind === "line" && isQuestionLike(unit.text)) addFollowUp(q, unquote(unit.text));
      else return;
      this.recognised.add(unit);
      return;
    }
    if (q.field === "body" && !hasContent(q) && unit.kind === "list" && unit.items.length >= 2 && asksThroughout(unit) && this.answerFollows(index)) {
      for (const item of unit.items) q.followUps.push(...followUpsFromItem(item));
      this.recognised.add(unit);
      return;
    }
    if (q.field !== null) q.fields[q.field].push(unit);
  }
}

/** A text's words, lower case, without punctuation: "Describe a time…" and "describe a time" are one. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** A list every entry of which asks, at every depth. */
function asksThroughout(unit: Unit): boolean {
  if (unit.kind !== "list") return false;
  const entries = unit.items.flatMap((item) => [item, ...descendants(item)]);
  return entries.every((entry) => isQuestionLike(entry.text));
}

/** The lines after a list entry's first, and its nested entries, as units of their own. */
function restOfEntry(unit: Extract<Unit, { kind: "list" }>): Unit[] {
  const item = unit.items[0];
  if (!item) return [];
  const lines = item.lines.slice(1).map((md, n): Unit => ({ kind: "line", md, text: plainInline(md), line: unit.line + n + 1, block: unit.block }));
  const nested = item.md.split("\n").slice(item.lines.length).join("\n").trim();
  if (nested === "") return lines;
  // Its nested entries stay a list ("1. What is a mutex?" / "   1. How is it different from …?"), as they would under a heading.
  const line = unit.line + item.lines.length;
  const list: Unit = { kind: "list", ordered: /^\d/.test(nested), items: item.children, md: nested, line, block: unit.block + 0.5 };
  return [...lines, item.children.length > 0 ? list : { kind: "line", md: nested, text: plainInline(nested), line, block: unit.block + 0.5 }];
}

/** "B - Paris", "c) 42", "Hint: …": an option or a part of the question, not more of its prompt. */
const OPTION_OR_LABEL = /^\s*(?:\p{L}[.)]|\p{L}\s+[-–—]|[\p{L} '’()-]{1,30}[:：])(?:\s|$)/u;
/** "**Scenario:** …", "Context: …", "Situation: …": a line that sets the scene for the question after it. */
const SCENARIO =
  /^(?:scenario|context|situation|background|setup|setting|escenario|contexto|situación|cenário|situação|szenario|kontext|contexte|сценарий|контекст|ситуация|场景|背景|情景|シナリオ|状況|상황|시나리오)\s*[:：]/i;
const isScenario = (unit: Unit) => unit.kind === "line" && SCENARIO.test(unit.text);

/** A question that holds only scenario lines so far. */
const onlyScenario = (q: OpenQuestion) =>
  q.followUps.length === 0 &&
  q.fields.body.length > 0 &&
  q.fields.body.every(isScenario) &&
  Object.entries(q.fields).every(([field, units]) => field === "body" || units.length === 0);

/** "Scale and Capacity", "Model Architecture": a name in title case, each word capitalised but its short joining words. */
const TITLE_CASE =
  /^(?:\p{Lu}[\p{L}\p{N}'’-]*|(?:and|or|of|the|a|an|in|on|for|to|vs\.?|with|&))(?:\s+(?:\p{Lu}[\p{L}\p{N}'’-]*|and|or|of|the|a|an|in|on|for|to|vs\.?|with|&))+$/u;

/** A labelled prompt wraps over a few lines at most. */
const MAX_PROMPT_LINES = 4;

/** How an entry opens: in bold, in code, or plainly. */
const openingMark = (md: string): string => /^(?:\*\*|__|`)?/.exec(md)?.[0] ?? "";

function addFollowUp(q: OpenQuestion, prompt: string): void {
  const followUp = { prompt, answer: [], lookFor: [], awaitingPrompt: prompt === "" };
  q.followUps.push(followUp);
  q.followUp = followUp;
}

/** Entries of a list (or a table's cells) as a list of their own, where the unit stands. */
function listOf(unit: Unit, items: ListItem[]): Unit {
  const md = items.map((item) => `- ${item.md.replaceAll("\n", "\n  ")}`).join("\n");
  return { kind: "list", ordered: unit.kind === "list" && unit.ordered, line: unit.line, block: unit.block, md, items };
}

/** A listed question's entries that name their parts, as the lists of those parts (follow-ups aside). */
function listedParts(groups: readonly LabelledGroup[], unit: Unit): QuestionDraft["listed"] {
  if (groups.length === 0) return undefined;
  const listed: NonNullable<QuestionDraft["listed"]> = {};
  for (const { field, items } of groups) if (field !== null && field !== "followUps") listed[field] = [...(listed[field] ?? []), listOf(unit, items)];
  return listed;
}

/** One of several questions listed on a single unit ("1. … 2. …"), with its one-line answer. */
/**
 * An entry's text split at a line labelled as its answer ("a) Network" … "d) Application", then "**Answer:** b)"):
 * what comes before is shown with the question, the rest answers it, without its label (the label may open the
 * text: "Answer: I disagreed …"). Null when no line is so labelled.
 */
function splitAtAnswerLabel(text: string): { shown: string; answer: string } | null {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => fieldForLabel(splitLabel(plainInline(line))?.label ?? "") === "answer");
  if (at === -1) return null;
  const answer = inlineAfterLabel(lines[at] ?? "") ?? "";
  return { shown: lines.slice(0, at).join("\n").trim(), answer: [answer, ...lines.slice(at + 1)].join("\n").trim() };
}

function listedQuestion(item: Extract<Marker, { type: "questions" }>["items"][number], unit: Unit, section: string[]): QuestionDraft {
  const labelled = item.answer === null ? null : splitAtAnswerLabel(item.answer);
  const answer = labelled?.answer ?? item.answer;
  const line = unit.line + (item.offset ?? 0);
  return {
    prompt: item.prompt,
    title: null,
    line,
    listedIn: unit,
    section,
    fields: {
      ...emptyFields(),
      body: labelled === null || labelled.shown === "" ? [] : [inlineUnit(labelled.shown, unit)],
      answer: answer === null || answer === "" ? [] : writtenUnits(answer, unit, line),
      notes: (item.notes ?? []).map((note) => inlineUnit(note, unit)),
    },
    inlineRubric: [],
    rubricLabel: null,
    followUps: [
      ...(item.followUps ?? []).map((prompt) => ({ prompt, answer: [], lookFor: [] })),
      ...(item.parts ?? []).flatMap((g) => (g.field === "followUps" ? g.items.flatMap(followUpsFromItem) : [])),
    ],
    meta: item.meta,
    score: null,
    listed: listedParts(item.parts ?? [], unit),
  };
}

/** The words of a label as written: "#### Good to hear" → "Good to hear", "**Testing:** x" → "Testing". */
function labelOf(unit: Unit): string | null {
  const text =
    unit.kind === "heading" ? headingPrompt(unit.text).prompt : unit.kind === "line" ? unit.text : unit.kind === "list" ? (unit.items[0]?.text ?? "") : "";
  const label =
    text
      .replace(/^(?:\d{1,2}[.)]\s*)/, "")
      .split(/[:：]/)[0]
      ?.trim() ?? "";
  return label === "" ? null : label;
}

/**
 * The follow-ups a list entry holds: its own, and, when every entry nested under it asks too, each of those
 * ("How would you prevent it?" / "  - What if you cannot change the lock order?"): a follow-up's follow-up
 * is one more the interviewer can ask, not its answer.
 */
export function followUpsFromItem(item: ListItem): FollowUpDraft[] {
  const nested = descendants(item);
  // Entries under it that ask are more follow-ups; one that answers it ("- Answer: Keep a deny-list"), however it is worded, is not.
  const asking = nested.length > 0 && nested.every((n) => isQuestionLike(n.text) && !ANSWER_ENTRY.test(n.text));
  if (!asking) return [followUpFromItem(item)];
  const own = { ...item, children: [], md: item.lines.join("\n") };
  return [followUpFromItem(own), ...nested.map((n) => followUpFromItem({ ...n, children: [], md: n.lines.join("\n") }))];
}

/** "→ testing separation of concerns": what a follow-up tests, said after it. */
const TESTING = /^(?:→|->|=>|—)?\s*testing\b\s*[:\-–]?\s*(.*)$/i;

/** "Answer: Keep a deny-list …", "A: …": an entry that answers the follow-up it sits under. */
const ANSWER_ENTRY = /^(?:answer|a)\s*[:：]\s*(\S[\s\S]*)$/i;

/** "Why is it so? What about Z?", "…区别？ · …启动？": the questions asked on one line, each whole; the line when it asks one. */
function questionsOnLine(text: string): string[] {
  const asked = text
    .split(/(?<=[?？])\s*(?:[·•|]\s*)?(?=\S)/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return asked.length > 1 && asked.every((part) => /[?？]$/.test(part)) ? asked : [text];
}

/** A counter-question list item: prompt on its first line, then "Testing:" and "Answer direction:". */
export function followUpFromItem(entry: ListItem): FollowUpDraft {
  let item = entry;
  const [line = "", ...rest] = item.lines;
  // "Q: Is it fast? → A: Yes." / "Q：…吗？→ A：…": the follow-up and its answer on one line.
  const onLine = answeredOnLine(plainInline(line));
  const first = onLine?.asked ?? line.replace(/^\s*(?:\*\*|__)?q\s*[:：]\s*(?:\*\*|__)?\s*/i, "");
  const lookFor: string[] = [];
  // "- *Answer: For many-to-many keys.*" alone under it: its answer, without the label.
  const [only] = item.children;
  const labelled = item.children.length === 1 && only !== undefined && only.children.length === 0 ? ANSWER_ENTRY.exec(only.text) : null;
  const answer: string[] = labelled?.[1] === undefined ? [] : [labelled[1]];
  if (labelled) item = { ...item, children: [], md: item.lines.join("\n") };
  // After the arrow on its line, what it tests ("→ testing separation of concerns") or its answer.
  for (const line of [...(onLine === null ? [] : [onLine.answer]), ...rest]) {
    const plain = plainInline(line);
    const testing = TESTING.exec(plain);
    const direction = /^(?:answer direction|answer|a|expected answer)\s*:\s*(.*)$/i.exec(plain);
    if (testing?.[1]) lookFor.push(testing[1]);
    else if (direction?.[1]) answer.push(line.replace(/^.*?:\s*(?:\*\*|__)?\s*/, ""));
    else answer.push(line.trim());
  }
  const nested = item.md.split("\n").slice(item.lines.length).join("\n").trim();
  if (nested !== "") answer.push(nested);
  const md = answer.join("\n").trim();
  return {
    prompt: unquote(plainInline(first)),
    answer: md === "" ? [] : [{ kind: "line", md, text: plainInline(md), line: 0, block: 0 }],
    lookFor,
  };
}
