import { createHash } from "node:crypto";
import { assembleQuestions } from "./assemble-questions";
import { BANK_FORMAT_VERSION, bankDocumentSchema } from "./bank-format";
import type { BankDocument } from "./bank-format";
import { BankParseError } from "./bank-parse-error";
import type { SplitResult, Unit } from "./blocks";
import type { Assembly, QuestionDraft } from "./assemble-questions";
import { decodeText } from "./decode-text";
import { plainInline, withoutEmoji } from "./inline-text";
import { assignKeys, keptUnits, leadingRun, normaliseQuestion, sectionRedFlags } from "./normalise-question";
import { describePassage, unusedPassageUnits, type ParseReport } from "./parse-report";
import { splitMarkdown } from "./split-markdown";
import { splitPlainText } from "./split-plain-text";

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
export function looksLikeMarkdown(text: string): boolean {
  // A single "#" line is as often a shell comment in pasted code as a title, unless a blank follows.
  const signals = [/^#{2,6}\s+\S/gm, /^#\s+\S.*\n\s*\n/gm, /^\s*(?:```|~~~)/gm, /\*\*\S[^*\n]*\*\*/g, /^\s*>\s/gm, /^\|.*\|\s*$/gm, /<details>/gi];
  let count = 0;
  for (const re of signals) count += text.match(re)?.length ?? 0;
  // Stray Markdown in pasted snippets of a plain document is rare relative to its length.
  const lines = text.split("\n").length;
  return count >= 3 && count * 100 >= lines;
}

function documentTitle(units: readonly Unit[], sourceFile: string): string {
  const headings = units.filter((u) => u.kind === "heading");
  const top = headings.find((h) => h.depth === 1) ?? headings[0];
  const candidate = top?.text ?? units.find((u) => u.kind === "line")?.text ?? "";
  const title = withoutEmoji(plainInline(candidate)).slice(0, 200).trim();
  return title === "" ? sourceFile : title;
}

export interface ParsedBank {
  document: BankDocument;
  report: ParseReport;
}

/** The whole pipeline: bytes in, a validated bank document out; throws BankParseError. */
export function parseBankDocument(source: BankSource): BankDocument {
  return parseBankDocumentWithReport(source).document;
}

/** Units that reached the bank, or were read as its structure. */
function usedUnits(assembly: Assembly, drafts: readonly QuestionDraft[]): Set<Unit> {
  return new Set([...assembly.recognised, ...drafts.flatMap(keptUnits), ...assembly.sharedRedFlags.flatMap((s) => leadingRun(s.units))]);
}

/** The pipeline with its report: how the questions were found and every passage left unused. */
export function parseBankDocumentWithReport({ bytes, sourceFile }: BankSource): ParsedBank {
  const decoded = decodeText(bytes, sourceFile);
  const split: SplitResult = looksLikeMarkdown(decoded.text) ? splitMarkdown(decoded.text) : splitPlainText(decoded.text);
  const assembly = assembleQuestions(split.units);
  const shared = sectionRedFlags(assembly);
  const normalised = assembly.questions.map((draft) => ({ draft, question: normaliseQuestion(draft, shared) })).filter((n) => n.question.prompt !== "");
  const questions = assignKeys(normalised.map((n) => n.question));
  const unused = unusedPassageUnits(
    split.units,
    usedUnits(
      assembly,
      normalised.map((n) => n.draft),
    ),
  );
  if (questions.length === 0) {
    throw new BankParseError(
      "NOTHING_RECOGNISED",
      `No interview questions were found in ${sourceFile}. Questions are recognised as headings ("## 1. What is X?"), "Q:" lines, "Question:" labels, <details> summaries, or a table with a "Question" column.`,
      sourceFile,
    );
  }
  const candidate = {
    formatVersion: BANK_FORMAT_VERSION,
    title: documentTitle(split.units, sourceFile),
    sourceFile,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    repairs: { encoding: decoded.encoding, mojibakeFixed: decoded.mojibakeFixed, codeLinesRestored: split.codeLinesRestored },
    questions,
  };
  const parsed = bankDocumentSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BankParseError(
      "INVALID",
      `${sourceFile} produced an invalid question bank (${issue ? `${issue.path.join(".")}: ${issue.message}` : "unknown problem"}).`,
      sourceFile,
    );
  }
  return { document: parsed.data, report: { structure: "", unused: unused.map(describePassage) } };
}
