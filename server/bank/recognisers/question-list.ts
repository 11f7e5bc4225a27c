import { isQuotedWhole, loneLinkText, plainInline, unquote } from "../inline-text";
import { descendants, type ListItem } from "../blocks";
import type { ListedQuestion, Recogniser } from "./recogniser";
import { FOLLOW_UP_LINE, fieldForLabel } from "./labels";
import { entry, labelledGroups } from "./labelled-items";
import { isQuestionLike, splitLabel } from "./recogniser";
import { withoutQuestionLabel } from "./labelled-question";

/** A section that lists what to practise: "## Essential questions", "### Exercises", "## 算法题". */
const PRACTICE_SECTION = /\b(?:questions?|problems?|exercises?|practi[cs]e|katas?|challenges?|tasks?|puzzles?|drills?)\b|题/i;

/**
 * A study guide's practice list, "- [Two Sum](https://…)" under "## Essential questions": each link
 * names a question to ask; the answer is behind the link, not in the document.
 */
export const recogniseLinkedQuestionList: Recogniser = (unit, ctx) => {
  if (unit.kind !== "list" || ctx.inQuestion || ctx.section === null || !PRACTICE_SECTION.test(ctx.section)) return null;
  const titles = unit.items.map((item) => (item.lines.length === 1 && item.children.length === 0 ? loneLinkText(item.md) : null));
  if (titles.some((t) => t === null)) return null;
  return { type: "questions", items: titles.map((t) => ({ prompt: unquote(plainInline(t ?? "")), answer: null, meta: {} })) };
};

/** "Changelog", "License", "Screenshots": a project's records; their entries ("Update the framework") are no questions. */
const PROJECT_RECORDS =
  /^(?:change ?log|release notes|licen[cs]e|contribut(?:ing|ors)|credits|acknowledge?ments|screenshots|installation|upgrade notice|sponsors?|donate)$/i;

/**
 * A list of questions outside any question ("## Practice questions" then "1. What is …?"): each
 * item is a question, and any lines under an item are its answer.
 */
export const recogniseQuestionList: Recogniser = (unit, ctx) => {
  // Under a project's records: a section below the document's title (a document titled "History" asks freely).
  const records = (ctx.sectionPath ?? []).slice(1).some((title) => PROJECT_RECORDS.test(title));
  if (unit.kind !== "list" || ctx.inQuestion || records) return null;
  // Under "## Twitter interview questions" (or anywhere in "# Python interview questions"), one question is a
  // list of its own; so it is under a heading whose siblings are sections over lists of questions.
  const saysQuestions =
    ctx.overQuestions === true || (ctx.sectionPath ?? (ctx.section === null ? [] : [ctx.section])).some((title) => PRACTICE_SECTION.test(title));
  // One entry that asks, with its parts named under it ("- How would you …?" / "  - Look for: …") or its answer on
  // the lines after it ("- What is the box model?" / "  Content, padding, border and margin."), is a question anywhere.
  const [only] = unit.items;
  const answeredAlone =
    unit.items.length === 1 &&
    only !== undefined &&
    ((isQuestionLike(only.text) && labelledGroups(only.children) !== null) || (asksInFull(only.lines[0] ?? "") && only.lines.length > 1));
  if (unit.items.length < (saysQuestions || answeredAlone ? 1 : 2)) return null;
  if (mostlyAsk(unit.items)) return { type: "questions", items: withProbes(unit.items) };
  const labelled = questionsUnderLabel(unit.items);
  return labelled.length > 0 ? { type: "questions", items: labelled } : null;
};

const mostlyAsk = (items: readonly ListItem[]) =>
  items.filter((i) => isQuestionLike(i.text) || PROBE.test(i.text) || answeredByLabel(i)).length >= items.length * 0.6;

/** "2. Difference between == and is." over "   **Answer:** …": an entry whose own lines label its answer asks, however worded. */
const answeredByLabel = (item: ListItem) => item.lines.slice(1).some((line) => fieldForLabel(splitLabel(plainInline(line))?.label ?? "") === "answer");

/**
 * "Why?", "Why not?", "How so?", "And G1?", "А G1?", "Почему?": a probe that presses the question before it and means
 * nothing alone ("Strengths?" or "Closures?" ask on their own, and stay questions).
 */
const PROBE =
  /^(?:(?:and|but|or|а|и|но)\s+[^?？\n]{1,30}|why(?: not)?|how so|what else|anything else|почему|зачем|warum|pourquoi|por ?qu[ée]|perché|neden|tại sao|vì sao)\s*[?？]$/iu;

/** The list's questions, each short probe a follow-up of the question before it ("- Describe the GC" / "- Why?" / "- And G1?"). */
function withProbes(items: readonly ListItem[]): ListedQuestion[] {
  const out: ListedQuestion[] = [];
  for (const item of items) {
    const asked = { ...listedQuestion(item), offset: item.offset };
    const before = out.at(-1);
    if (before && PROBE.test(item.text) && asked.answer === null) (before.followUps ??= []).push(asked.prompt);
    else out.push(asked);
  }
  return out;
}

/**
 * "What is X? (Follow-up: and Y?)": a question asked in brackets after the prompt is its follow-up; in
 * full-width brackets and question marks too ("…ですか？（…ますか？）", or a bracket of each kind).
 */
const BRACKETED_FOLLOW_UP = /^(.*?\S)\s*[(（]([^()（）]*[?？])\s*[)）]$/;
/** "(open plan / cubicles / offices)": a bracket after the question that does not ask narrows it; it answers nothing. */
const BRACKETED_ASIDE = /^[(（][^()（）]*[)）]$/;

/** Said in one breath: a run of questions longer than this is a question and the probes after it. */
const ONE_BREATH_CHARS = 120;
/** A bracket after a question that narrows it is short; a longer one is a note on what to hear. */
const ASIDE_CHARS = 60;

/** "Explain.", "Why?", "Justify your answer.": a brief request after the question is the question's own. */
const BRIEF_REQUEST = /^(?:(?:explain|justify|elaborate|discuss|describe|compare)\b[^.?!]{0,30}[.!]?|why\?|how so\?)$/i;
const isAside = (text: string) => BRACKETED_ASIDE.test(text) && text.length <= ASIDE_CHARS;
const asksInFull = (line: string) => /[?？]["”'’)]*$/.test(line.trim()) && isQuestionLike(plainInline(line));

/** Sentences, a bracket kept whole: split where one ends and the next starts with a capital or a bracket. */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "(" || c === "（") depth++;
    else if ((c === ")" || c === "）") && depth > 0) depth--;
    const ends = depth === 0 && /[.?!？！)）]/.test(c) && /^["”']?\s+[(“"A-Z\p{Lu}]/u.test(text.slice(i + 1, i + 4));
    if (!ends) continue;
    const quote = /["”']/.test(text[i + 1] ?? "") ? 1 : 0;
    out.push(text.slice(start, i + 1 + quote).trim());
    start = i + 1 + quote;
  }
  out.push(text.slice(start).trim());
  return out.filter((s) => s !== "");
}

/**
 * "What performance issues have they encountered? How did they discover them? How did they address them?": a
 * question asked at length with more questions after it on its line, the way an interviewer's guide writes
 * them, is that question and its probes (follow-ups). A bracket stays with the question it follows; other
 * sentences are notes on the answer. Null for a question in two parts said in one breath.
 */
function questionAndProbes(text: string): { prompt: string; followUps: string[]; notes: string[] } | null {
  if (text.length <= ONE_BREATH_CHARS) return null;
  const [first, ...rest] = sentencesOf(text);
  if (first === undefined || !asksInFull(first) || !rest.some(asksInFull)) return null;
  const asked = [first];
  const notes: string[] = [];
  for (const sentence of rest) {
    if (/^[(（]/.test(sentence) && sentence.length <= ASIDE_CHARS) asked[asked.length - 1] += ` ${sentence}`;
    else if (asksInFull(sentence)) asked.push(sentence);
    else notes.push(sentence);
  }
  const [prompt = first, ...followUps] = asked;
  return { prompt, followUps: followUps.map(unquote), notes };
}

/** Written in a script other than the Latin alphabet: Chinese, Japanese, Korean, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai. */
const NON_LATIN = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function listedQuestion(item: ListItem): ListedQuestion {
  const unlabelled = withoutQuestionLabel(item.text);
  const bracketed = BRACKETED_FOLLOW_UP.exec(unlabelled);
  const text = bracketed?.[1] ?? unlabelled;
  const asked = bracketed?.[2] === undefined ? [] : [unquote((FOLLOW_UP_LINE.exec(bracketed[2])?.[1] ?? bracketed[2]).trim())];
  // "Why Seq Scan despite index? small table, low selectivity": the answer follows on the line. A second
  // question there ("What is an index? When does it slow writes?") is the same prompt, asked in two parts,
  // unless the line goes on past one breath (questionAndProbes).
  // A question quoted whole ("“Can you tell me about [a project]? I’m looking to get a sense of …”") is
  // said as one: the sentence after its question mark is part of it.
  // A dash between them ("What is a mutex? — A lock …") only separates.
  const quotedWhole = isQuotedWhole(text);
  const probed = quotedWhole ? null : questionAndProbes(text);
  const m = quotedWhole || probed ? null : /^(.+?\?)["”]?\s+(?:[-–—]+\s+)?(\S.*)$/.exec(text);
  const answered = m?.[2] !== undefined && !isQuestionLike(m[2]) && !isAside(m[2]) && !BRIEF_REQUEST.test(m[2]) ? m : null;
  const prompt = unquote(probed?.prompt ?? answered?.[1] ?? text);
  // Its further lines may name their parts as entries under it do ("1. Tell me about …" / "   Follow-up: …").
  const lineParts = labelledGroups(item.lines.slice(1).map((line) => entry(line)));
  const ownLines = lineParts === null ? item.lines.slice(1) : lineParts.flatMap((g) => (g.field === null ? g.items.map((i) => i.md) : []));
  // Lines under it that ask in full ("How did you measure it?") are more of what to ask, not its answer.
  const laterQuestions = ownLines.filter(asksInFull);
  const probes = [...asked, ...(probed?.followUps ?? []), ...laterQuestions.map((line) => unquote(plainInline(line)))];
  const answerOf = (below: string) => {
    const said = below
      .split("\n")
      .filter((line) => !laterQuestions.includes(line))
      .join("\n")
      .trim();
    const answer = [probed?.notes.join(" ") ?? answered?.[2] ?? "", said].filter((s) => s !== "").join("\n\n");
    return answer === "" ? null : answer;
  };
  // Entries under it that name their parts ("  - Look for: …", "  - Red flag: …") go to them; the rest answer it.
  const childParts = labelledGroups(item.children);
  if (childParts || lineParts) {
    const others = (childParts ?? []).flatMap((g) => (g.field === null ? g.items : []));
    // One entry is said as it is; several stay a list.
    const unlabelled = others.length === 1 ? [others[0]?.md ?? ""] : others.map((i) => `- ${i.md.replaceAll("\n", "\n  ")}`);
    const answer = answerOf([ownLines.join("\n"), ...unlabelled].join("\n"));
    const parts = [...(lineParts ?? []), ...(childParts ?? [])].filter((g) => g.field !== null);
    return { prompt, answer, meta: {}, followUps: probes, parts };
  }
  const nested = descendants(item);
  // "- What is a reverse proxy?" / "  - リバースプロキシとは何ですか？": the same question in the other language of a
  // bilingual list is said with it, not asked after it.
  const [only] = nested;
  if (nested.length === 1 && only !== undefined && item.lines.length === 1 && isQuestionLike(only.text) && NON_LATIN.test(only.text) !== NON_LATIN.test(prompt))
    return { prompt: `${prompt} (${unquote(only.text)})`, answer: null, meta: {}, followUps: probes };
  // Questions nested under it, at any depth ("How?" under "Why?" under it), are its follow-ups.
  const followUps = nested.length > 0 && nested.every((c) => isQuestionLike(c.text)) ? nested.map((c) => unquote(c.text)) : [];
  const below = (followUps.length > 0 ? item.lines : item.md.split("\n")).slice(1).join("\n");
  return { prompt, answer: answerOf(below), meta: {}, followUps: [...probes, ...followUps] };
}

/**
 * An interviewer's guide lists a round as fields ("- Interviewer: …", "- Duration: 45 min") with its
 * questions nested under one of them ("- Example questions:"): those are the questions, and the round's
 * other fields are notes for the interviewer on each of them.
 */
function questionsUnderLabel(items: readonly ListItem[]): ListedQuestion[] {
  const holdsQuestions = (item: ListItem) => {
    const label = splitLabel(item.text)?.label;
    return label !== undefined && PRACTICE_SECTION.test(label) && item.children.length > 0 && mostlyAsk(item.children);
  };
  const notes = items.filter((item) => !holdsQuestions(item)).map((item) => item.md);
  return items.filter(holdsQuestions).flatMap((item) => item.children.map((child) => ({ ...listedQuestion(child), notes })));
}

/** A question quoted in running text: “How did you test it?”, "What broke?". */
const QUOTED_QUESTION = /["“]([^"“”\n]{6,300}?[?？])\s*["”]/g;
const MAX_INSTRUCTION_CHARS = 300;
/** What introduces a question to put to the candidate: "Ask …", "such as …", "e.g. …". */
const ASK_CUE = /\b(?:ask|asking|asks|such as|e\.g\.|for example|for instance|questions? like)\b/i;

/**
 * A how-to guide's questions are quoted inside its instructions ("Pick one project. Ask “How did you test
 * it?” and then “What broke in production?”"), outside any question: the first one quoted is the question,
 * the ones after it in the same breath its follow-ups, and the instruction a note for the interviewer.
 */
export const recogniseQuotedQuestions: Recogniser = (unit, ctx) => {
  if (unit.kind !== "line" || ctx.inQuestion) return null;
  const text = plainInline(unit.md);
  // An instruction is a sentence or two; a question quoted in an essay's paragraph is the essay's.
  if (text.length > MAX_INSTRUCTION_CHARS) return null;
  const quoted = [...text.matchAll(QUOTED_QUESTION)].flatMap((m) => (m[1] !== undefined && isQuestionLike(m[1].trim()) ? [m[1].trim()] : []));
  const [first, ...more] = quoted;
  // The sentence that quotes it says to ask it.
  const lead =
    text
      .slice(0, text.search(/["“]/))
      .split(/[.!?。](?:\s|$)/)
      .at(-1) ?? "";
  if (first === undefined || !ASK_CUE.test(lead)) return null;
  // An instruction around the quotes; a sentence that asks in its own words is a question of its own.
  if (/[?？]$/.test(text.replace(QUOTED_QUESTION, "").trim())) return null;
  return { type: "questions", items: [{ prompt: first, answer: null, meta: {}, followUps: more, notes: [unit.md] }] };
};
