import { createHash } from "node:crypto";
import type { Assembly, QuestionDraft } from "./assemble-questions";
import type { BankQuestion, RubricCriterion } from "./bank-format";
import type { ListItem, Unit } from "./blocks";
import { lastLineOf, unitsToMarkdown } from "./blocks";
import { deriveCriteria } from "./derive-rubric";
import { extractCodeSpec } from "./extract-code-spec";
import { criteriaUnits, extractCriteria, extractItems, labelledItems, yieldsItems } from "./extract-items";
import { plainInline, sliceText, unquote, withoutEmoji } from "./inline-text";
import { isExamplePart } from "./code-examples";
import { fieldForLabel } from "./recognisers/labels";
import { isQuestionLike, setsTask, splitLabel } from "./recognisers/recogniser";
import { statedBeforeAnswer, writeUpStatement } from "./write-up-parts";

const MAX_KEY_POINTS = 12;

export type UnkeyedQuestion = Omit<BankQuestion, "key">;

/** Plain prompt text: no Markdown markers, emoji, wrapping quotes or doubled spaces. */
export function cleanPrompt(text: string): string {
  return unquote(withoutEmoji(plainInline(text)))
    .replace(/\s+/g, " ")
    .trim();
}

/** Markdown tidied for storage; an answer written entirely as a quotation loses the quote marks. */
export function tidyMarkdown(md: string): string | null {
  let out = md.replace(/\n{3,}/g, "\n\n").trim();
  const lines = out.split("\n").filter((l) => l.trim() !== "");
  if (lines.length > 0 && lines.every((l) => /^\s*>/.test(l))) {
    out = out
      .split("\n")
      .map((l) => l.replace(/^\s*>\s?/, ""))
      .join("\n")
      .trim();
  }
  return out === "" ? null : out;
}

/** "Green flags:" or "**Green flags:**": a line that introduces what follows. */
export function endsWithColon(md: string): boolean {
  return /[:：](?:\*\*|__)?$/.test(md.trimEnd());
}

/**
 * The points of a list-like part up to where the document moves on: stops after a list once prose
 * follows, and at a new "Something:" sub-label ("Green flags:" after the red flags).
 */
export function leadingRun(units: readonly Unit[]): Unit[] {
  const run: Unit[] = [];
  let sawList = false;
  for (const u of units) {
    if (u.kind === "heading") break;
    if (run.length > 0 && u.kind === "line" && endsWithColon(u.md)) break;
    if (sawList && u.kind !== "list" && u.kind !== "code") break;
    if (u.kind === "list") sawList = true;
    run.push(u);
  }
  return run;
}

const dedupe = (items: string[]) => [...new Set(items.map((s) => s.trim()).filter((s) => s !== ""))];

function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return dedupe(value.split(/\s*(?:,|;|\s\/\s|\band\b)\s*/).map((s) => s.replace(/\.$/, "")));
}

/** A list part as the document gives it: under its label (up to where the document moves on), then its labelled entries. */
function listPart(draft: QuestionDraft, field: "keyPoints" | "redFlags" | "notes"): Unit[] {
  return [...leadingRun(draft.fields[field]), ...(draft.listed?.[field] ?? [])];
}

/** The rubric the document states for a question, else what the importer derives (`stated` says which). */
function criteriaFor(draft: QuestionDraft, answer: readonly Unit[]): { criteria: RubricCriterion[]; stated: boolean } {
  const keyPoints = [...draft.fields.keyPoints, ...(draft.listed?.keyPoints ?? [])];
  const rubric = [...draft.fields.rubric, ...(draft.listed?.rubric ?? [])];
  const stated = [...extractCriteria(keyPoints, "Key points"), ...extractCriteria(rubric, draft.rubricLabel ?? "What to look for", criteriaUnits)];
  if (draft.inlineRubric.length > 0) stated.push({ title: "What this tests", lookFor: draft.inlineRubric });
  return stated.length > 0 ? { criteria: stated, stated: true } : { criteria: unstatedCriteria(answer, draft.followUps), stated: false };
}

/**
 * Criteria for a question whose document states none: the answer's own structure (derive-rubric.ts), else,
 * for a question asked only through its follow-ups, one criterion per follow-up.
 */
export function unstatedCriteria(
  answer: readonly Unit[],
  followUps: readonly { prompt: string; answer: readonly Unit[]; lookFor: string[] }[],
): RubricCriterion[] {
  const derived = deriveCriteria(answer);
  if (derived.length > 0) return derived;
  return followUps.map((f) => ({
    title: f.prompt,
    lookFor:
      f.lookFor.length > 0
        ? f.lookFor
        : deriveCriteria(f.answer)
            .flatMap((c) => c.lookFor)
            .slice(0, 4),
  }));
}

/** A mark that says "not this" before a look-for ("❌ Only theory", "🚩 Blames others"). */
const BAD_MARK = /^\s*(?:❌|✗|✘|🚩|⛔|👎)\s*/u;

/**
 * What a rubric's list marks as bad ("- ❌ Only theory" among "- ✅ …" under "What to look for") is the question's red
 * flags, not something to look for: the entries, and the look-fors without them.
 */
function markedFlags(units: readonly Unit[]): string[] {
  return units.flatMap((u) => (u.kind === "list" ? u.items.filter((i) => BAD_MARK.test(i.text)).map((i) => withoutEmoji(i.text.replace(BAD_MARK, ""))) : []));
}

function withoutFlags(rubric: readonly RubricCriterion[], flags: readonly string[]): RubricCriterion[] {
  return flags.length === 0 ? [...rubric] : rubric.map((c) => ({ ...c, lookFor: c.lookFor.filter((item) => !flags.includes(withoutEmoji(item))) }));
}

export function cleanCriteria(rubric: RubricCriterion[]): RubricCriterion[] {
  return rubric.map((c) => ({ title: cleanPrompt(c.title), lookFor: dedupe(c.lookFor.map(withoutEmoji)) })).filter((c) => c.title !== "");
}

/** The criterion a question gets when nothing else describes a good answer. */
export const ANSWERS_DIRECTLY: RubricCriterion = { title: "Answers the question directly", lookFor: [] };

/** A question's key points when its document states none: what its criteria look for, at most twelve. */
export function keyPointsOf(rubric: readonly RubricCriterion[]): string[] {
  return dedupe(rubric.flatMap((c) => c.lookFor)).slice(0, MAX_KEY_POINTS);
}

/** The units of a draft that reach the bank, by the rules normaliseQuestion reads them with: the parse report lists the rest. */
export function keptUnits(draft: QuestionDraft): Unit[] {
  const { body, answer, framework, keyPoints, rubric, redFlags, notes, scoreReasons } = draft.fields;
  return [
    ...(draft.shown ?? []),
    ...body,
    ...answer,
    ...framework,
    // Read as criteriaFor reads them, with the listed look-fors beside them.
    ...criteriaUnits([...rubric, ...(draft.listed?.rubric ?? [])]),
    // Reasons for a score are kept with the score; without one they make nothing.
    ...[keyPoints, redFlags, notes, ...(draft.score === null ? [] : [scoreReasons])].flatMap(leadingRun).filter(yieldsItems),
    ...Object.values(draft.listed ?? {}).flat(),
    ...draft.followUps.flatMap((f) => f.answer),
  ];
}

/** Section-wide red flags and look-fors, read once per document rather than once per question. */
export interface SectionNotes {
  field: "redFlags" | "rubric";
  title: string;
  scope: string[];
  items: string[];
}

export function sectionNotes(assembly: Assembly): SectionNotes[] {
  return assembly.sharedNotes.map((s) => ({
    field: s.field,
    title: cleanPrompt(s.label ?? "What to look for") || "What to look for",
    scope: s.scope.map(sectionName).filter((p) => p !== ""),
    items: extractItems(leadingRun(s.units)),
  }));
}

/** "To be completed.", "TBD", "Answer here", "....": a slot for an answer, not one. */
const PLACEHOLDER =
  /^[^\p{L}\p{N}]*(?:to be (?:completed|done|added|written|continued|updated)|tbd|tba|todo|to do|coming soon|wip|work in progress|(?:your )?answer(?: goes)? here|add (?:an |the )?answer(?: here)?|n\/a|none yet|待补充|待完善|暂无)?[^\p{L}\p{N}]*$/iu;

/** Placeholders are short; the length check also keeps the pattern's two runs from meeting on a long line. */
export function isPlaceholder(unit: Unit): boolean {
  return (unit.kind === "line" || unit.kind === "quote") && unit.md.length <= 60 && PLACEHOLDER.test(plainInline(unit.md));
}

const OPTION = /^\s*\(?([A-H])\)?\s*[:.)]\s+(\S.*)$/;
const CHOSEN = /^[*_\s]*\(?([A-H])\)?[*_\s]*[:.)]?[*_\s]*$/;

/**
 * A multiple-choice question's answer ("#### Answer: B" and why) as the option it names, with that
 * option's text, then the explanation: "B" alone says nothing once the options are out of sight.
 */
function withChosenOption(answer: readonly Unit[], body: readonly Unit[]): Unit[] {
  const [first, ...rest] = answer;
  const letter = first?.kind === "line" && first.md.length <= 20 ? CHOSEN.exec(first.md)?.[1] : undefined;
  if (!first || letter === undefined) return [...answer];
  for (const u of body) {
    if (u.kind !== "list" || !u.items.every((item) => OPTION.test(item.md))) continue;
    const option = u.items.map((item) => OPTION.exec(item.md)).find((m) => m?.[1] === letter)?.[2];
    if (option === undefined) continue;
    const md = `**${letter}:** ${option}`;
    return [{ kind: "line", md, text: plainInline(md), line: first.line, block: first.block }, ...rest];
  }
  return [...answer];
}

/**
 * A quiz's options written as a task list, the right ones checked ("- [ ] git --v", "- [x] git --version"), among a
 * question's text: what comes before them and the options without their boxes (which would give the answer
 * away) are shown with the question; the checked options, then what follows them, answer it.
 */
function taskListOptions(units: readonly Unit[]): { shown: Unit[]; answer: Unit[] } | null {
  const at = units.findIndex(
    (u) =>
      u.kind === "list" &&
      u.items.length >= 2 &&
      u.items.every((i) => i.checked !== undefined) &&
      u.items.some((i) => i.checked) &&
      u.items.some((i) => !i.checked),
  );
  const list = units[at];
  if (list?.kind !== "list") return null;
  const listed = (items: readonly ListItem[]): Unit => {
    const md = items.map((i) => `- ${i.md.replaceAll("\n", "\n  ")}`).join("\n");
    return { kind: "list", ordered: false, items: items.map(({ checked: _, ...i }) => i), md, line: list.line, block: list.block };
  };
  const right = list.items.filter((i) => i.checked);
  const [only] = right;
  const answer: Unit = right.length === 1 && only ? { kind: "line", md: only.md, text: only.text, line: list.line, block: list.block } : listed(right);
  return { shown: [...units.slice(0, at), listed(list.items)], answer: [answer, ...units.slice(at + 1)] };
}

/**
 * A quiz's lettered options with its answer as the list's last entry ("* A. Network", …, "* **Answer:** B"): the options
 * are shown with the question, without the entry that gives the answer away; the chosen option answers it.
 */
function labelledOptions(units: readonly Unit[]): { shown: Unit[]; answer: Unit[] } | null {
  // Options of one line each: a note under an option ("Right: …") would give the answer away with them.
  const isOption = (i: ListItem) => i.lines.length === 1 && i.children.length === 0 && OPTION.test(i.text);
  const at = units.findIndex((u) => u.kind === "list" && u.items.length >= 3 && u.items.slice(0, -1).every(isOption));
  const list = units[at];
  const last = list?.kind === "list" ? list.items.at(-1) : undefined;
  const label = last === undefined ? null : splitLabel(last.lines[0] ?? "");
  if (list?.kind !== "list" || !last || !label || fieldForLabel(label.label) !== "answer" || label.rest === "") return null;
  const items = list.items.slice(0, -1);
  const options: Unit = { ...list, items, md: items.map((i) => `- ${i.md}`).join("\n") };
  const chosen: Unit = { kind: "line", md: label.rest, text: label.rest, line: list.line, block: list.block };
  // What the answer's entry says after its first line explains it.
  const explained = last.md.split("\n").slice(1).join("\n").trim();
  const explanation: Unit[] = explained === "" ? [] : [{ kind: "line", md: explained, text: plainInline(explained), line: list.line, block: list.block + 0.5 }];
  return { shown: [...units.slice(0, at), options], answer: [...withChosenOption([chosen], [options]), ...explanation, ...units.slice(at + 1)] };
}

const MAX_NAME_WORDS = 10;

/** "Two Sum", "Project Workflow": a few words that name a problem, neither asking nor saying anything. */
function isName(prompt: string): boolean {
  return prompt.split(/\s+/).length <= MAX_NAME_WORDS && !/[.!?？。]$/.test(prompt) && !isQuestionLike(prompt);
}

/**
 * The problem a question named by its heading sets ("## Two Sum", then "Given an array …, return …"): its
 * first paragraph when that asks or sets a task, with the worked examples and constraints right after it.
 * It is read out with the name; what follows is the answer. A prompt that asks states its own problem.
 */
export function statementOf(prompt: string, body: readonly Unit[]): Unit[] {
  const first = body[0];
  const name = cleanPrompt(prompt);
  if (!first) return [];
  // A write-up's parts say where its statement ends, whatever its name's wording ("Reverse Linked List").
  const titled = name.split(/\s+/).length <= MAX_NAME_WORDS && !/[?？]$/.test(name);
  const written = titled ? writeUpStatement(body) : [];
  if (written.length > 0) return written;
  if (first.kind !== "line") return [];
  let end = body.findIndex((u) => u.block !== first.block);
  if (end === -1) end = body.length;
  const paragraph = plainInline(unitsToMarkdown(body.slice(0, end)));
  // "## Design a URL shortener", then "How would you design a service like bit.ly? What are its parts?": under a
  // heading that does not ask in full, a first paragraph that ends asking sets the problem; an answer does not end so.
  // A paragraph under a label of its own ("**ELI8:**", then a rhetorical question) is a part of the answer.
  const labelled = endsWithColon(first.md) || /^\s*(?:\*\*|__)[^*_]{1,60}[:：]\s*(?:\*\*|__)/.test(first.md);
  const asksToo = !labelled && !/[?？]$/.test(name) && /[?？]["”']?$/.test(paragraph) && isQuestionLike(paragraph);
  if (!asksToo && (!isName(name) || !setsTask(paragraph))) return [];
  for (let next = body[end]; next && isExamplePart(next); next = body[end]) {
    const start = end;
    while (body[end]?.block === next.block) end++;
    // "**Constraints:**" alone on its line, over its list: the label and the block it introduces.
    const introduced = body[end];
    if (end - start === 1 && next.kind === "line" && endsWithColon(next.md) && introduced && !isExamplePart(introduced)) {
      while (body[end]?.block === introduced.block) end++;
    }
  }
  return body.slice(0, end);
}

/**
 * What the importer made rather than read, for the parts' sources (locate-sources.ts): key points taken from the
 * rubric's look-fors, and the question's own criteria when the document stated none (the rest are a section's).
 */
export interface Derivation {
  keyPointsFromRubric: boolean;
  ownCriteria: number;
  ownCriteriaDerived: boolean;
  /** The answer's lines in the decoded text, what a derived criterion comes from. */
  answerLines: { from: number; to: number } | null;
}

function linesOf(units: readonly Unit[]): { from: number; to: number } | null {
  const placed = units.filter((u) => u.line > 0);
  if (placed.length === 0) return null;
  return { from: Math.min(...placed.map((u) => u.line)), to: Math.max(...placed.map(lastLineOf)) };
}

export function normaliseQuestion(draft: QuestionDraft, shared: readonly SectionNotes[]): UnkeyedQuestion {
  return normaliseDraft(draft, shared).question;
}

/** "a. What is a recursive resolver?" under "1. How does DNS work?": the letter orders the sub-questions; it is no word of them. */
const SUB_QUESTION_LETTER = /^\(?[a-h][.)]\s+/;

/** Text without the colon that ends it. Not `/\s*:$/`: that pattern is quadratic in a run of spaces. */
const withoutClosingColon = (text: string) => (/[:：]$/.test(text) ? text.slice(0, -1).trimEnd() : text);

/**
 * A section's name is shown and classified with each of its questions: a "heading" longer than this is a paragraph
 * set as one, and reading it whole for every question under it would cost its length times their number.
 */
const MAX_SECTION_NAME = 200;

/** A section heading's name: "### Questions about Design Patterns:" introduces its questions, the colon no part of it. */
const sectionName = (heading: string) =>
  heading.length > MAX_SECTION_NAME
    ? `${sliceText(cleanPrompt(sliceText(heading, 2 * MAX_SECTION_NAME)), MAX_SECTION_NAME).trimEnd()}…`
    : withoutClosingColon(cleanPrompt(heading));

/** A draft as the bank stores it, with what of it the importer derived. */
export function normaliseDraft(draft: QuestionDraft, shared: readonly SectionNotes[]): { question: UnkeyedQuestion; derivation: Derivation } {
  const hasAnswer = draft.fields.answer.length > 0;
  const quiz = hasAnswer ? null : (taskListOptions(draft.fields.body) ?? labelledOptions(draft.fields.body));
  const statement = quiz?.shown ?? (hasAnswer ? statedBeforeAnswer(draft.fields.body) : statementOf(draft.prompt, draft.fields.body));
  const answered =
    quiz?.answer ??
    (hasAnswer
      ? [...draft.fields.body.slice(statement.length), ...withChosenOption(draft.fields.answer, draft.fields.body)]
      : draft.fields.body.slice(statement.length));
  const answerUnits = answered.filter((u) => !isPlaceholder(u));
  const { criteria, stated } = criteriaFor(draft, answerUnits);
  const flagged = markedFlags(draft.fields.rubric);
  const cleanRubric = cleanCriteria(withoutFlags(criteria, flagged));
  const statedKeyPoints = dedupe(labelledItems(listPart(draft, "keyPoints"))).slice(0, MAX_KEY_POINTS);
  const section = draft.section.map(sectionName).filter((s) => s !== "");
  const inScope = shared.filter((s) => s.scope.every((part, i) => part === section[i]) && s.items.length > 0);
  const sharedFlags = inScope.filter((s) => s.field === "redFlags").flatMap((s) => s.items);
  const sharedCriteria = inScope.filter((s) => s.field === "rubric").map((s) => ({ title: s.title, lookFor: s.items }));
  const ownRubric = cleanRubric.length > 0 ? cleanRubric : sharedCriteria.length > 0 ? [] : [ANSWERS_DIRECTLY];
  const title = draft.title === null ? null : cleanPrompt(draft.title);
  const shown = [...(draft.shown ?? []), ...statement];
  const tagged = difficultyTagged(cleanPrompt(draft.prompt));
  const difficulty = tagged.difficulty;
  // "## Describe how you would shard a users table:": a colon with nothing shown after it introduces only the answer.
  const prompt = shown.length === 0 ? withoutClosingColon(tagged.prompt) : tagged.prompt;
  const derivation: Derivation = {
    keyPointsFromRubric: statedKeyPoints.length === 0,
    ownCriteria: ownRubric.length,
    ownCriteriaDerived: !stated || cleanRubric.length === 0,
    answerLines: linesOf(answerUnits),
  };
  const question: UnkeyedQuestion = {
    prompt,
    context: tidyMarkdown(unitsToMarkdown(shown)),
    section,
    answer: tidyMarkdown(unitsToMarkdown(answerUnits)),
    keyPoints: statedKeyPoints.length > 0 ? statedKeyPoints : keyPointsOf(cleanRubric),
    rubric: [...ownRubric, ...sharedCriteria],
    followUps: draft.followUps
      .map((f) => ({
        prompt: cleanPrompt(f.prompt).replace(SUB_QUESTION_LETTER, ""),
        answer: tidyMarkdown(unitsToMarkdown(f.answer)),
        lookFor: dedupe(f.lookFor),
      }))
      .filter((f) => f.prompt !== ""),
    redFlags: dedupe([...labelledItems(listPart(draft, "redFlags")), ...flagged, ...sharedFlags]),
    exampleScore:
      draft.score === null
        ? null
        : { score: draft.score.score, outOf: draft.score.outOf, reasons: dedupe(extractItems(leadingRun(draft.fields.scoreReasons))) },
    code: extractCodeSpec(prompt, [...statement, ...answerUnits]),
    meta: {
      title: title === null || title === "" || title === prompt ? null : title,
      difficulty: draft.meta.difficulty?.trim() || difficulty || sectionDifficulty(section),
      role: draft.meta.role?.trim() || null,
      level: draft.meta.level?.trim() || null,
      companies: splitList(draft.meta.companies),
      tags: splitList(draft.meta.tags),
      interviewerNotes: dedupe(extractItems(listPart(draft, "notes"))),
      answerFramework: tidyMarkdown(unitsToMarkdown(draft.fields.framework)),
    },
    source: { line: Math.max(1, draft.line) },
  };
  return { question, derivation };
}

/** Lists grouped under "## Easy" / "## Advanced questions" state the difficulty once, in the heading. */
const DIFFICULTY_HEADING = /^(easy|medium|hard|basic|beginner|intermediate|advanced|expert)(?:[- ]level)?(?: questions)?$/i;
/** "[Easy] What is …?", "What is …? (Hard)": a difficulty tagged in brackets on the prompt. */
const DIFFICULTY_TAG =
  /^[[(](easy|medium|hard|basic|beginner|intermediate|advanced|expert)[\])]\s*(\S.*)$|^(.*\S)\s*[[(](easy|medium|hard|basic|beginner|intermediate|advanced|expert)[\])]$/i;

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

function sectionDifficulty(section: readonly string[]): string | null {
  for (const title of [...section].reverse()) {
    const m = DIFFICULTY_HEADING.exec(title);
    if (m?.[1]) return capitalised(m[1]);
  }
  return null;
}

/** The prompt without a difficulty tagged on it, and that difficulty. */
function difficultyTagged(prompt: string): { prompt: string; difficulty: string | null } {
  const m = DIFFICULTY_TAG.exec(prompt);
  const level = m?.[1] ?? m?.[4];
  const rest = m?.[2] ?? m?.[3];
  return level === undefined || rest === undefined ? { prompt, difficulty: null } : { prompt: rest, difficulty: capitalised(level) };
}

/** "what-happens-to-your-websocket-connection-if-the-3f9a1c2e": readable, and stable while the prompt is. */
export function questionKey(prompt: string): string {
  const normalised = prompt
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  const slug = normalised
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .slice(0, 8)
    .join("-")
    .slice(0, 60)
    .replace(/-+$/, "");
  const hash = createHash("sha256").update(normalised).digest("hex").slice(0, 8);
  return slug === "" ? `q-${hash}` : `${slug}-${hash}`;
}

/** Keys for a document's questions; a repeated prompt gets "-2", "-3" in document order. */
export function assignKeys(questions: readonly UnkeyedQuestion[]): BankQuestion[] {
  const seen = new Map<string, number>();
  return questions.map((q) => {
    const base = questionKey(q.prompt);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}-${n}`, ...q };
  });
}
