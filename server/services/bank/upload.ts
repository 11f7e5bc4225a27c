import path from "node:path";
import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import type { Db } from "@/server/platform/db/client";
import { MAX_BANK_BYTES, BankParseError } from "@/server/bank/bank-parse-error";
import { bankDocumentSchema, type BankDocument } from "@/server/bank/bank-format";
import { parseBankDocumentWithReport, type ParsedBank } from "@/server/bank/parse-bank-document";
import { AppError, type ErrorCode } from "@/server/platform/errors";
import { questionCorrectionSchema, requireKnownCompetencies } from "@/server/services/bank/edit-question";
import { importBankDocument, type ImportOutcome } from "@/server/services/bank/import";

export const BANK_FILE_EXTENSIONS = [".md", ".markdown", ".txt"] as const;
/** A preview lists this many unused passages at most: a 5 MB file of them would be a response of tens of MB. */
export const MAX_LISTED_PASSAGES = 1_000;
/** One request carries at most this many documents; the web page sends one per request. */
export const MAX_FILES_PER_REQUEST = 10;
const MAX_MEGABYTES = MAX_BANK_BYTES / 1024 / 1024;
// Base64 grows the bytes by a third; a longer string cannot be a file within the limit.
const MAX_CONTENT_CHARS = Math.ceil(MAX_BANK_BYTES / 3) * 4;

export const bankFileSchema = z.object({
  name: dbText.trim().min(1).max(255),
  /** Base64 keeps the bytes exactly, which the decoder needs to repair Windows-1252 and mojibake. */
  encoding: z.enum(["base64", "text"]).default("base64"),
  content: dbText.max(MAX_CONTENT_CHARS, `is larger than ${MAX_MEGABYTES} MB`),
});

export const correctedFileSchema = bankFileSchema.extend({
  /** Corrections made in the preview, by question key. */
  corrections: z
    .array(questionCorrectionSchema.extend({ key: dbText.min(1) }))
    .max(1_000)
    .default([]),
  /** Passages the preview listed as not used that the user made questions, by their first line. */
  passagesAsQuestions: z.array(z.number().int().positive()).max(MAX_LISTED_PASSAGES).default([]),
});

const parseReportSchema = z.object({
  structure: z.string(),
  unused: z.array(z.object({ line: z.number().int(), endLine: z.number().int(), excerpt: z.string(), prompt: z.string() })),
  /** All the passages not used; beyond MAX_LISTED_PASSAGES, `bank parse` lists the rest. */
  unusedTotal: z.number().int(),
});

const fileFailure = z.object({ name: z.string(), ok: z.literal(false), code: z.string(), message: z.string() });

export const previewResultSchema = z.discriminatedUnion("ok", [
  z.object({ name: z.string(), ok: z.literal(true), byteSize: z.number().int(), document: bankDocumentSchema, report: parseReportSchema }),
  fileFailure,
]);

export const importResultSchema = z.discriminatedUnion("ok", [
  z.object({
    name: z.string(),
    ok: z.literal(true),
    outcome: z.object({
      sourceFile: z.string(),
      documentId: z.string(),
      title: z.string(),
      status: z.enum(["created", "updated", "unchanged"]),
      questions: z.number().int(),
      followUps: z.number().int(),
      rubricCriteria: z.number().int(),
      added: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      retired: z.number().int(),
    }) satisfies z.ZodType<ImportOutcome>,
  }),
  fileFailure,
]);

export type BankFile = z.input<typeof bankFileSchema>;
export type CorrectedFile = z.input<typeof correctedFileSchema>;
export type PreviewResult = z.infer<typeof previewResultSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;

/** The name a document is stored under: re-uploading a file of the same name updates it. */
export function sourceFileName(name: string): string {
  return path.basename(name.replaceAll("\\", "/")).trim();
}

function bytesOf(file: z.output<typeof bankFileSchema>): Uint8Array {
  return file.encoding === "base64" ? Buffer.from(file.content, "base64") : new TextEncoder().encode(file.content);
}

function parseFile(file: z.output<typeof bankFileSchema>, passagesAsQuestions: readonly number[] = []): ParsedBank & { byteSize: number } {
  const sourceFile = sourceFileName(file.name);
  if (!BANK_FILE_EXTENSIONS.some((ext) => sourceFile.toLowerCase().endsWith(ext))) {
    throw new AppError("BAD_REQUEST", `${sourceFile} is not a .md, .markdown or .txt file.`);
  }
  const bytes = bytesOf(file);
  return { ...parseBankDocumentWithReport({ bytes, sourceFile }, { passagesAsQuestions }), byteSize: bytes.length };
}

/** What a parse error means to the caller: the file is bad, too large, or changed since its preview. */
const PARSE_ERROR_CODES: Partial<Record<BankParseError["code"], ErrorCode>> = { TOO_LARGE: "PAYLOAD_TOO_LARGE", NO_SUCH_PASSAGE: "CONFLICT" };

function failure(name: string, error: unknown): z.infer<typeof fileFailure> {
  if (error instanceof BankParseError) {
    const code: ErrorCode = PARSE_ERROR_CODES[error.code] ?? "BAD_REQUEST";
    return { name, ok: false, code, message: error.message };
  }
  if (error instanceof AppError) return { name, ok: false, code: error.code, message: error.message };
  throw error;
}

export function applyCorrections(document: BankDocument, corrections: z.output<typeof correctedFileSchema>["corrections"]): BankDocument {
  const byKey = new Map(corrections.map((c) => [c.key, c]));
  const unknown = corrections.find((c) => !document.questions.some((q) => q.key === c.key));
  if (unknown) throw new AppError("CONFLICT", `${document.sourceFile} no longer has the question you corrected; preview it again.`);
  for (const correction of corrections) requireKnownCompetencies(correction.rubric, document.competencies);
  return bankDocumentSchema.parse({
    ...document,
    questions: document.questions.map((q) => {
      const fix = byKey.get(q.key);
      return fix ? { ...q, prompt: fix.prompt, followUps: fix.followUps, rubric: fix.rubric } : q;
    }),
  });
}

/** Parses each file on its own; nothing is written. A bad file is reported, the others still preview. */
export function previewBankFiles(files: readonly BankFile[]): PreviewResult[] {
  return files.map((raw) => {
    const file = bankFileSchema.parse(raw);
    try {
      const { report, ...parsed } = parseFile(file);
      const listed = { ...report, unused: report.unused.slice(0, MAX_LISTED_PASSAGES), unusedTotal: report.unused.length };
      return { name: file.name, ok: true, ...parsed, report: listed };
    } catch (error) {
      return failure(file.name, error);
    }
  });
}

/**
 * Parses, corrects and imports each file into `ownerId`'s own bank, each in its own transaction: a bad
 * file writes nothing and does not stop the others.
 */
export async function importBankFiles(db: Db, files: readonly CorrectedFile[], ownerId: string): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const raw of files) {
    const file = correctedFileSchema.parse(raw);
    try {
      const { document, byteSize } = parseFile(file, file.passagesAsQuestions);
      const outcome = await importBankDocument(db, applyCorrections(document, file.corrections), { byteSize, ownerId });
      results.push({ name: file.name, ok: true, outcome });
    } catch (error) {
      results.push(failure(file.name, error));
    }
  }
  return results;
}
