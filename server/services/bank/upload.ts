import path from "node:path";
import type { z } from "zod";
import type { Db } from "@/server/platform/db/client";
import { BankParseError } from "@/server/bank/bank-parse-error";
import { bankDocumentSchema, type BankDocument } from "@/server/bank/bank-format";
import { correctQuestion } from "@/server/bank/correct-question";
import type { ParsedBank } from "@/server/bank/parse-bank-document";
import { AppError, type ErrorCode } from "@/server/platform/errors";
import { requireKnownCompetencies, requireRunnableCode } from "@/server/services/bank/edit-question";
import { importBankDocument } from "@/server/services/bank/import";
import type { BankReader } from "@/server/services/bank/reader/bank-reader";
import { readerErrorToThrow } from "@/server/services/bank/reader/protocol";
import { passagesOfText } from "@/server/domain/bank/part-sources";
import { bankFileSchema, MAX_LISTED_PASSAGES, type BankFile, type FileFailure, type PreviewResult } from "@/server/api/routers/bank/preview.schema";
import { correctedFileSchema, type CorrectedFile, type ImportResult } from "@/server/api/routers/bank/import.schema";

/** The name a document is stored under: re-uploading a file of the same name updates it. */
export function sourceFileName(name: string): string {
  return path.basename(name.replaceAll("\\", "/")).trim();
}

function bytesOf(file: z.output<typeof bankFileSchema>): Uint8Array {
  return file.encoding === "base64" ? Buffer.from(file.content, "base64") : new TextEncoder().encode(file.content);
}

/** `owner`'s file's bank, read in the reader's process; `byteSize` is the file's own. */
async function parseFile(
  reader: BankReader,
  owner: string,
  file: z.output<typeof bankFileSchema>,
  passagesAsQuestions: readonly number[] = [],
): Promise<ParsedBank & { byteSize: number }> {
  const bytes = bytesOf(file);
  const outcome = await reader.read({ bytes, sourceFile: sourceFileName(file.name), passagesAsQuestions }, owner);
  if (!outcome.ok) throw readerErrorToThrow(outcome.error);
  return { ...outcome.parsed, byteSize: bytes.length };
}

/** What a parse error means to the caller: the file is bad, too large, or changed since its preview. */
const PARSE_ERROR_CODES: Partial<Record<BankParseError["code"], ErrorCode>> = {
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_COMPLEX: "PAYLOAD_TOO_LARGE",
  NO_SUCH_PASSAGE: "CONFLICT",
};

function failure(name: string, error: unknown): FileFailure {
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
  for (const correction of corrections) {
    requireKnownCompetencies(correction.rubric, document.competencies);
    requireRunnableCode(correction.code);
  }
  return bankDocumentSchema.parse({
    ...document,
    questions: document.questions.map((q) => {
      const fix = byKey.get(q.key);
      return fix ? correctQuestion(q, fix) : q;
    }),
  });
}

/** Parses each file on its own; nothing is written. A bad file is reported, the others still preview. */
export async function previewBankFiles(reader: BankReader, files: readonly BankFile[], ownerId: string): Promise<PreviewResult[]> {
  const results: PreviewResult[] = [];
  for (const raw of files) {
    const file = bankFileSchema.parse(raw);
    try {
      const { report, text, ...parsed } = await parseFile(reader, ownerId, file);
      const listed = {
        ...report,
        unused: report.unused.slice(0, MAX_LISTED_PASSAGES),
        unusedTotal: report.unused.length,
        sourcePassages: passagesOfText(
          text,
          parsed.document.questions.flatMap((q) => (q.partSources ? [q.partSources] : [])),
        ),
      };
      results.push({ name: file.name, ok: true, ...parsed, report: listed });
    } catch (error) {
      results.push(failure(file.name, error));
    }
  }
  return results;
}

/**
 * Parses, corrects and imports each file into `ownerId`'s own bank, each in its own transaction: a bad
 * file writes nothing and does not stop the others.
 */
export async function importBankFiles(db: Db, reader: BankReader, files: readonly CorrectedFile[], ownerId: string): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const raw of files) {
    const file = correctedFileSchema.parse(raw);
    try {
      const { document, byteSize, text } = await parseFile(reader, ownerId, file, file.passagesAsQuestions);
      const outcome = await importBankDocument(db, applyCorrections(document, file.corrections), { byteSize, ownerId, sourceText: text });
      results.push({ name: file.name, ok: true, outcome });
    } catch (error) {
      results.push(failure(file.name, error));
    }
  }
  return results;
}
