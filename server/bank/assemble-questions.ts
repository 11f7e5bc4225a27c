import type { ListItem, Unit } from "./blocks";
import { headingPrompt } from "./recognisers/heading-question";
import { RECOGNISERS } from "./recognisers/index";
import type { Marker, MetaKey, QuestionField, RecogniserContext } from "./recognisers/recogniser";
import { isQuestionLike } from "./recognisers/recogniser";
import { plainInline, unquote } from "./inline-text";
import { isLayoutOnly } from "./layout-noise";

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
  section: string[];
  fields: Record<QuestionField, Unit[]>;
  /** Criteria stated on one line ("Testing: whether you rely on guardrails"). */
  inlineRubric: string[];
  /** The document's own name for its rubric section ("Good to hear"), when it has one. */
  rubricLabel: string | null;
  followUps: FollowUpDraft[];
  meta: Partial<Record<MetaKey, string>>;
  score: { score: number; outOf: number } | null;
}

/** Red flags written for a whole section rather than one question; they apply to its questions. */
export interface SharedRedFlags {
  scope: string[];
  units: Unit[];
}

export interface Assembly {
  questions: QuestionDraft[];
  sharedRedFlags: SharedRedFlags[];
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
}

interface StackEntry {
  depth: number;
  text: string;
  index: number;
}

const emptyFields = (): Record<QuestionField, Unit[]> => ({
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

function hasContent(q: OpenQuestion): boolean {
  return Object.values(q.fields).some((units) => units.length > 0) || q.followUps.length > 0 || q.inlineRubric.length > 0;
}

/** Strips a trailing "(Director / Principal Level)" from a section title used as a prompt. */
const topicPrompt = (heading: string) =>
  headingPrompt(heading)
    .prompt.replace(/\s*\([^)]*\)\s*$/, "")
    .trim();

export function assembleQuestions(units: readonly Unit[]): Assembly {
  const questions: QuestionDraft[] = [];
  const sharedRedFlags: SharedRedFlags[] = [];
  const stack: StackEntry[] = [];
  const orphans: { index: number; unit: Unit }[] = [];
  let current: OpenQuestion | null = null;
  let sharedFlags: (SharedRedFlags & { depth: number }) | null = null;
  let previous: Unit | null = null;

  const sectionPath = () => stack.map((s) => s.text);
  const enclosingDepth = () => stack.at(-1)?.depth ?? 0;

  const close = () => {
    const q = current as OpenQuestion | null;
    if (q && q.prompt !== "") {
      questions.push({
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
      });
    }
    current = null;
    orphans.length = 0;
  };

  const open = (prompt: string, opener: OpenQuestion["opener"], unit: Unit, depth: number, tentative = false): OpenQuestion => {
    close();
    const titleFrom = previous?.kind === "heading" && opener === "label" ? headingPrompt(previous.text).prompt : null;
    current = {
      prompt,
      title: titleFrom,
      line: unit.line,
      section: sectionPath(),
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
    };
    return current;
  };

  const contextFor = (q: OpenQuestion | null, next: Unit | null): RecogniserContext => ({
    inQuestion: q !== null,
    headingQuestionAwaitingAnswer: q !== null && q.opener === "heading" && q.followUps.length === 0 && !hasContent(q),
    hasFollowUps: q !== null && q.followUps.length > 0,
    inFollowUp: q?.followUp != null,
    field: q?.field ?? "body",
    next,
  });

  const addFollowUp = (q: OpenQuestion, prompt: string) => {
    const fu = { prompt, answer: [], lookFor: [], awaitingPrompt: prompt === "" };
    q.followUps.push(fu);
    q.followUp = fu;
  };

  units.forEach((unit, index) => {
    if (unit.kind === "rule" || isLayoutOnly(unit)) return;
    let marker: Marker | null = null;
    const ctx = contextFor(current, units[index + 1] ?? null);
    for (const recognise of RECOGNISERS) {
      marker = recognise(unit, ctx);
      if (marker) break;
    }

    if (unit.kind === "heading") {
      if (sharedFlags && unit.depth <= sharedFlags.depth) sharedFlags = null;
      const isLabel = marker?.type === "field" || marker?.type === "followUpField";
      // A label heading speaks for the whole section when it is shallower than the question's own
      // heading, or no deeper than the section a "Q:" line sits in.
      const sectionWide = current !== null && (current.opener === "heading" ? unit.depth < current.depth : unit.depth <= current.depth);
      if (current && (isLabel ? sectionWide : unit.depth <= current.depth)) close();
      // A heading as shallow as the label that chose the field ends that field's content.
      if (current && !isLabel && unit.depth <= current.fieldDepth) {
        current.field = null;
        current.fieldDepth = Number.POSITIVE_INFINITY;
      }
      if (!isLabel || !current) while ((stack.at(-1)?.depth ?? 0) >= unit.depth) stack.pop();
      if (marker === null && !current) stack.push({ depth: unit.depth, text: headingPrompt(unit.text).prompt, index });
    }

    apply(marker, unit, index);
    previous = unit;
  });
  close();
  return { questions, sharedRedFlags };

  function apply(marker: Marker | null, unit: Unit, index: number): void {
    const q = current as OpenQuestion | null;
    switch (marker?.type) {
      case "question": {
        const depth = unit.kind === "heading" ? unit.depth : enclosingDepth();
        const opened = open(marker.prompt, marker.opener, unit, depth, marker.tentative);
        if (unit.kind === "heading") stack.push({ depth: unit.depth, text: marker.prompt, index });
        if (marker.inline !== null) {
          opened.fields.answer.push(inlineUnit(marker.inline, unit));
          opened.field = "answer";
        }
        return;
      }
      case "prompt": {
        if (q && (q.tentative || q.awaitingPrompt || (!hasContent(q) && q.opener === "heading"))) {
          if (q.tentative || q.opener === "heading") q.title = q.prompt;
          q.prompt = marker.prompt;
          q.tentative = false;
          q.awaitingPrompt = marker.prompt === "";
          q.line = unit.line;
        } else {
          open(marker.prompt, "label", unit, enclosingDepth());
        }
        return;
      }
      case "followUp": {
        if (!q) {
          open(marker.prompt, "label", unit, enclosingDepth());
          return;
        }
        addFollowUp(q, marker.prompt);
        if (marker.inline !== null) q.followUp?.answer.push(inlineUnit(marker.inline, unit));
        return;
      }
      case "followUpField": {
        if (q?.followUp) {
          if (marker.inline === null) return;
          if (marker.field === "lookFor") q.followUp.lookFor.push(plainInline(marker.inline));
          else q.followUp.answer.push(inlineUnit(marker.inline, unit));
          return;
        }
        if (q && marker.field === "answer") {
          q.field = "answer";
          if (marker.inline !== null) q.fields.answer.push(inlineUnit(marker.inline, unit));
        }
        return;
      }
      case "field":
        applyField(marker.field, marker.inline, unit);
        return;
      case "meta":
        if (q && q.meta[marker.key] === undefined) q.meta[marker.key] = marker.value;
        return;
      case "score":
        if (q) {
          q.score = { score: marker.score, outOf: marker.outOf };
          q.field = "score";
        }
        return;
      case "questions":
        close();
        for (const item of marker.items) {
          questions.push({
            prompt: item.prompt,
            title: null,
            line: unit.line,
            section: sectionPath(),
            fields: { ...emptyFields(), answer: item.answer === null ? [] : [inlineUnit(item.answer, unit)] },
            inlineRubric: [],
            rubricLabel: null,
            followUps: [],
            meta: item.meta,
            score: null,
          });
        }
        return;
      case "end":
        if (q?.opener === "details") close();
        return;
      default:
        applyContent(unit, index);
    }
  }

  function applyField(field: QuestionField, inline: string | null, unit: Unit): void {
    let q = current as OpenQuestion | null;
    if (!q && field === "followUps") {
      // Follow-ups under a section that asked no question of its own: the section is the question.
      const parent = stack.at(-1);
      if (!parent) return;
      const body = orphans.filter((o) => o.index > parent.index).map((o) => o.unit);
      stack.pop();
      q = open(topicPrompt(parent.text), "topic", unit, parent.depth);
      q.line = units[parent.index]?.line ?? unit.line;
      q.title = null;
      q.fields.answer.push(...body);
      stack.push(parent);
    }
    if (!q) {
      if (field === "redFlags") {
        sharedFlags = { scope: sectionPath(), units: [], depth: unit.kind === "heading" ? unit.depth : enclosingDepth() };
        sharedRedFlags.push(sharedFlags);
        if (inline !== null) sharedFlags.units.push(inlineUnit(inline, unit));
      }
      return;
    }
    q.followUp = null;
    q.field = field;
    if (field === "rubric" && q.rubricLabel === null) q.rubricLabel = labelOf(unit);
    q.fieldDepth = unit.kind === "heading" ? unit.depth : Number.POSITIVE_INFINITY;
    if (inline === null) return;
    if (field === "rubric") q.inlineRubric.push(plainInline(inline));
    else q.fields[field].push(inlineUnit(inline, unit));
  }

  function applyContent(unit: Unit, index: number): void {
    const q = current as OpenQuestion | null;
    if (!q) {
      orphans.push({ index, unit });
      sharedFlags?.units.push(unit);
      return;
    }
    if (q.awaitingPrompt && unit.kind === "line") {
      q.prompt = unquote(unit.text);
      q.awaitingPrompt = false;
      return;
    }
    const fu = q.followUp;
    if (fu) {
      if (fu.awaitingPrompt && unit.kind === "line") {
        fu.prompt = unquote(unit.text);
        fu.awaitingPrompt = false;
      } else {
        fu.answer.push(unit);
      }
      return;
    }
    if (q.field === "followUps") {
      if (unit.kind === "list") for (const item of unit.items) q.followUps.push(followUpFromItem(item));
      else if (unit.kind === "line" && isQuestionLike(unit.text)) addFollowUp(q, unquote(unit.text));
      return;
    }
    if (q.field !== null) q.fields[q.field].push(unit);
  }
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

/** A counter-question list item: prompt on its first line, then "Testing:" and "Answer direction:". */
export function followUpFromItem(item: ListItem): FollowUpDraft {
  const [first = "", ...rest] = item.lines;
  const lookFor: string[] = [];
  const answer: string[] = [];
  for (const line of rest) {
    const plain = plainInline(line);
    const testing = /^(?:→|->|=>|—)?\s*testing\b\s*[:\-–]?\s*(.*)$/i.exec(plain);
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
