import { createHash } from "node:crypto";
import { DEFAULT_COMPETENCIES } from "@/server/domain/scoring/competency-set";
import { assignCompetencies } from "./assign-competencies";
import { assembleQuestions } from "./assemble-questions";
import { asciidocAsMarkdown } from "./asciidoc";
import { orgAsMarkdown } from "./org";
import { BANK_FORMAT_VERSION, bankDocumentSchema } from "./bank-format";
import type { BankDocument, BankQuestion } from "./bank-format";
import { BankParseError } from "./bank-parse-error";
import type { SplitResult, Unit } from "./blocks";
import type { Assembly, QuestionDraft } from "./assemble-questions";
import { decodeText } from "./decode-text";
import { askingSiblingUnits, inferQuestionUnits, topicQuestionUnits, type QuestionUnits } from "./question-units";
import { labelledTopicOpeners, siblingWriteUps } from "./labelled-topics";
import { plainInline, sliceText, withoutEmoji } from "./inline-text";
import { assignKeys, cleanPrompt, keptUnits, leadingRun, normaliseDraft, sectionNotes, type Derivation, type UnkeyedQuestion } from "./normalise-question";
import { locateSources, questionRegions, SourceText } from "./locate-sources";
import { describePassage, passageDraft, unusedPassages, type ParseReport, type Passage } from "./parse-report";
import { splitMarkdown } from "./split-markdown";
import { splitPlainText } from "./split-plain-text";
import { drawnTitlesAsHeadings, looksLikeRest } from "./rest-blocks";
import { frontMatterAsMarkdown } from "./front-matter";
import { isQuestionLike } from "./recognisers/recogniser";

export interface BankSource {
  bytes: Uint8Array;
  /** The file's name as the user knows it; reported back in the bank and in errors. */
  sourceFile: string;
}

/**
 * Markdown shows itself through headings, fences, bold labels, quotes or tables; a document with
 * few of them for its length is plain text, where Markdown's rules (indented code, "*" emphasis) would
 * garble it.
 */
/**
 * Whether to read the text as Markdown: by its signals, three or more and about one per hundred lines; in a
 * file named as Markdown (".md"), one is enough, since its author wrote for a Markdown renderer.
 */
export function looksLikeMarkdown(text: string, sourceFile = ""): boolean {
  // A single "#" line is as often a shell comment in pasted code as a title, unless a blank follows.
  // Horizontal whitespace only: "\s*" at a line start would run over every blank line below it, from each one.
  const signals = [
    /^#{2,6}[ \t]+\S/gm,
    /^#[ \t]+\S.*\n[ \t]*\n/gm,
    /^[ \t]*(?:```|~~~)/gm,
    /\*\*\S[^*\n]*\*\*/g,
    /^[ \t]*>(?:[ \t]|$)/gm,
    /^\|.*\|[ \t]*$/gm,
    /<details>/gi,
  ];
  let count = 0;
  for (const re of signals) count += text.match(re)?.length ?? 0;
  // Stray Markdown in pasted snippets of a plain document is rare relative to its length.
  const lines = text.split("\n").length;
  if (/\.(?:md|markdown|mdx)$/i.test(sourceFile)) return count >= 1;
  return count >= 3 && count * 100 >= lines;
}

/** The document's "# " title; else its first heading or line, unless that is its first question: then the file's name. */
function documentTitle(units: readonly Unit[], sourceFile: string): string {
  const headings = units.filter((u) => u.kind === "heading");
  const first = headings[0] ?? units.find((u) => u.kind === "line");
  const candidate = headings.find((h) => h.depth === 1)?.text ?? (first === undefined || isQuestionLike(first.text) ? "" : first.text);
  const title = sliceText(withoutEmoji(plainInline(candidate)), 200).trim();
  return title === "" ? sourceFile : title;
}

/** "1.two-sum.en.md" → "Two sum": what a file that holds one problem calls it. */
function problemNameOfFile(sourceFile: string): string {
  const name = (sourceFile.split(/[\\/]/).at(-1) ?? "")
    .replace(/(?:\.[a-z]{2})?\.[a-z0-9]{1,8}$/i, "")
    .replace(/^\d{1,5}[.\-_ ]+/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const MIN_TOPICS = 3;
/** A document that calls itself interview material, in its title or file name. */
const SAYS_INTERVIEW = /interview|question|q ?& ?a|quiz|\bprep|cheat ?sheet|面试|题|вопрос|собеседован|entrevista|pregunta|pergunta/i;
const TOPICS_PER_QUESTION = 5;

export interface ParsedBank {
  document: BankDocument;
  report: ParseReport;
  /** The text the pipeline read, whose lines the questions' and their parts' sources name. */
  text: string;
}

export interface ParseOptions {
  /** Passages the report listed as unused, by their first line, to import as questions of their own. */
  passagesAsQuestions?: readonly number[];
}

/** The whole pipeline: bytes in, a validated bank document out; throws BankParseError. */
export function parseBankDocument(source: BankSource): BankDocument {
  return parseBankDocumentWithReport(source).document;
}

/** The document's question unit, with the headings its labelled answer parts make questions of (labelled-topics.ts). */
function withLabelledTopics(units: readonly Unit[], structure: QuestionUnits, sourceFile: string): QuestionUnits {
  const withWriteUps = withSiblingWriteUps(units, structure, sourceFile);
  const topics = labelledTopicOpeners(units, withWriteUps.openers, withWriteUps.sections, withWriteUps.writtenUp);
  if (topics.size === 0) return withWriteUps;
  const n = topics.size;
  const said = `${n === 1 ? "A heading that only names a problem is a question" : `${n} headings that only name a problem are questions`}: labelled parts of an answer (key points, follow-ups, red flags…) follow ${n === 1 ? "its" : "their"} text, or ${n === 1 ? "it states" : "they state"} a task with worked examples.`;
  return {
    ...withWriteUps,
    openers: new Map([...withWriteUps.openers, ...topics]),
    explanation: [withWriteUps.explanation, said].filter((s) => s !== "").join(" "),
  };
}

/** The structure with the problems written up in sibling sections (labelled-topics.ts `siblingWriteUps`). */
function withSiblingWriteUps(units: readonly Unit[], structure: QuestionUnits, sourceFile: string): QuestionUnits & { writtenUp?: ReadonlySet<Unit> } {
  const found = siblingWriteUps(units, structure.openers, problemNameOfFile(sourceFile));
  if (found.openers.size === 0) return structure;
  const n = found.openers.size;
  const said = `${n === 1 ? "A problem is" : `${n} problems are`} written up in sections beside ${n === 1 ? "its" : "their"} name ("Problem description", "Solution", "Code"…).`;
  return {
    ...structure,
    openers: new Map([...structure.openers, ...found.openers]),
    answerParts: new Set([...(structure.answerParts ?? []), ...found.answerParts]),
    writtenUp: found.within,
    explanation: [structure.explanation, said].filter((s) => s !== "").join(" "),
  };
}

/** Units that reached the bank, or were read as its structure. */
function usedUnits(assembly: Assembly, drafts: readonly QuestionDraft[]): Set<Unit> {
  const kept = [...drafts.flatMap(keptUnits), ...assembly.sharedNotes.flatMap((s) => leadingRun(s.units))];
  // A list whose labelled entries went to their parts is used when what stayed in its place was.
  return new Set([...assembly.recognised, ...kept, ...kept.flatMap((u) => assembly.standIns.get(u) ?? [])]);
}

/** What the document holds, for a user told that none of it read as a question. */
function whatWasSeen(units: readonly Unit[], passages: readonly Passage[]): string {
  const counted = (kind: Unit["kind"], word: string) => {
    const n = kind === "line" ? new Set(units.filter((u) => u.kind === kind).map((u) => u.block)).size : units.filter((u) => u.kind === kind).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? "" : "s"}`];
  };
  const parts = [
    ...counted("heading", "heading"),
    ...counted("line", "paragraph"),
    ...counted("list", "list"),
    ...counted("code", "code block"),
    ...counted("table", "table"),
    ...counted("quote", "quotation"),
  ];
  const first = passages[0];
  const example = first ? ` The first passage, at line ${first.units[0]?.line ?? 1}, reads: "${describePassage(first, "").excerpt.slice(0, 120)}".` : "";
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "no content");
  return `It read ${listed}; none of it was laid out as questions.${example}`;
}

/** Added questions placed after the last question that starts before them; the others keep their order. */
function inDocumentOrder(own: readonly BankQuestion[], added: readonly BankQuestion[]): BankQuestion[] {
  const out = [...own];
  for (const q of added) {
    const after = out.findLastIndex((o) => o.source.line <= q.source.line);
    out.splice(after + 1, 0, q);
  }
  return out;
}

/** How many of the assembled questions have an answer. */
const answered = (assembly: Assembly): number => assembly.questions.filter((q) => q.fields.answer.length > 0 || q.fields.body.length > 0).length;

/** The document's question structure and the questions it assembles, with the fallbacks for documents laid out as none. */
function questionStructure(units: readonly Unit[], sourceFile: string): { structure: QuestionUnits; assembly: Assembly } {
  const inferred = inferQuestionUnits(units);
  let structure = withLabelledTopics(units, inferred, sourceFile);
  let assembly = assembleQuestions(units, structure);
  // Questions a heading's lone asking paragraph opens (one a closing section) are not a layout: topics may still be.
  const laidOut = inferred.openers.size > (inferred.closingSections?.size ?? 0);
  if (!laidOut && (inferred.sections?.size ?? 0) === 0 && SAYS_INTERVIEW.test(`${sourceFile} ${documentTitle(units, sourceFile)}`)) {
    // Interview study notes: a few questions asked in passing among many topics. The topics are the questions.
    const topics = topicQuestionUnits(units);
    if (topics.openers.size >= MIN_TOPICS && assembly.questions.length * TOPICS_PER_QUESTION < topics.openers.size) {
      structure = withLabelledTopics(units, topics, sourceFile);
      assembly = assembleQuestions(units, structure);
    }
  }
  if (!laidOut || assembly.questions.length === 0) {
    // Nothing laid out as questions: parallel paragraphs or entries that open on one still are, where they make and
    // answer more questions than the recognisers did alone ("- **Why?**" answered below its list, beside a list of
    // such entries answered in their own lines, which a recogniser takes).
    const asking = askingSiblingUnits(units);
    const alongside = asking.openers.size > 0 ? assembleQuestions(units, asking) : null;
    const more = (found: Assembly) =>
      assembly.questions.length === 0 || (found.questions.length > assembly.questions.length && answered(found) > answered(assembly));
    if (alongside !== null && more(alongside)) [structure, assembly] = [asking, alongside];
  }
  return { structure, assembly };
}

/** The pipeline with its report: how the questions were found and every passage left unused. */
export function parseBankDocumentWithReport({ bytes, sourceFile }: BankSource, options: ParseOptions = {}): ParsedBank {
  const decoded = decodeText(bytes, sourceFile);
  // AsciiDoc and Org are read as the Markdown they rewrite to, line for line (asciidoc.ts, org.ts).
  const asciidoc = asciidocAsMarkdown(decoded.text) ?? orgAsMarkdown(decoded.text);
  // Front matter is read for its title and meta, line for line too (front-matter.ts).
  const frontMatter = asciidoc === null ? frontMatterAsMarkdown(decoded.text) : null;
  const markdown = frontMatter ?? decoded.text;
  const split: SplitResult =
    asciidoc !== null
      ? splitMarkdown(asciidoc)
      : frontMatter !== null || looksLikeMarkdown(decoded.text, sourceFile)
        ? splitMarkdown(drawnTitlesAsHeadings(markdown) ?? markdown)
        : splitPlainText(decoded.text, { rest: looksLikeRest(decoded.text, sourceFile) });
  const { structure, assembly } = questionStructure(split.units, sourceFile);
  const shared = sectionNotes(assembly);
  const normalised = assembly.questions.map((draft) => ({ draft, ...normaliseDraft(draft, shared) })).filter((n) => n.question.prompt !== "");
  const passages = unusedPassages(
    split.units,
    usedUnits(
      assembly,
      normalised.map((n) => n.draft),
    ),
  );
  const chosen = new Set(options.passagesAsQuestions ?? []);
  const starts = new Set(passages.map((p) => p.units[0]?.line));
  const missing = [...chosen].find((line) => !starts.has(line));
  if (missing !== undefined) {
    throw new BankParseError("NO_SUCH_PASSAGE", `${sourceFile} has no unused passage at line ${missing} any more; preview it again.`, sourceFile);
  }
  const isChosen = (p: Passage) => chosen.has(p.units[0]?.line ?? 0);
  const added = passages
    .filter(isChosen)
    .map((p) => normaliseDraft(passageDraft(p), shared))
    .filter((n) => n.question.prompt !== "");
  // Keys go to the document's own questions first, so that adding a passage never changes them.
  const keyed = assignKeys(withPartSources(decoded.text, [...normalised, ...added]));
  const questions = inDocumentOrder(keyed.slice(0, normalised.length), keyed.slice(normalised.length));
  if (questions.length === 0) {
    throw new BankParseError(
      "NOTHING_RECOGNISED",
      `No interview questions were found in ${sourceFile}. ${whatWasSeen(split.units, passages)} Questions are recognised as headings ("## 1. What is X?"), numbered or "Q:" lines, "Question:" labels, <details> summaries, or a table with a "Question" column.`,
      sourceFile,
    );
  }
  const report: ParseReport = {
    structure:
      structure.explanation ||
      'Questions were found by their wording and their labels (headings that ask, "Q:" and "Question:" lines, <details> summaries, tables); no one layout repeats across the document.',
    unused: passages.filter((p) => !isChosen(p)).map((p) => describePassage(p, cleanPrompt(passageDraft(p).prompt))),
  };
  const candidate = assignCompetencies({
    formatVersion: BANK_FORMAT_VERSION,
    title: documentTitle(split.units, sourceFile),
    sourceFile,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    repairs: { encoding: decoded.encoding, mojibakeFixed: decoded.mojibakeFixed, codeLinesRestored: split.codeLinesRestored },
    competencies: DEFAULT_COMPETENCIES,
    questions,
  });
  const parsed = bankDocumentSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BankParseError(
      "INVALID",
      `${sourceFile} produced an invalid question bank (${issue ? `${issue.path.join(".")}: ${issue.message}` : "unknown problem"}).`,
      sourceFile,
    );
  }
  return { document: parsed.data, report, text: decoded.text };
}

/** The questions with where each of their parts stands in the text (locate-sources.ts). */
function withPartSources(text: string, normalised: ReadonlyArray<{ question: UnkeyedQuestion; derivation: Derivation }>): UnkeyedQuestion[] {
  const source = new SourceText(text);
  const regions = questionRegions(
    normalised.map((n) => n.question.source.line),
    source.lineCount,
  );
  return normalised.map(({ question, derivation }, i) => ({
    ...question,
    partSources: locateSources(source, question, derivation, regions[i] ?? { from: question.source.line, to: source.lineCount }),
  }));
}
