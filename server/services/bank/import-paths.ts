import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/server/platform/db/client";
import { BankParseError, MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import { sourceFileName } from "@/server/services/bank/upload";
import { BANK_FILE_EXTENSIONS } from "@/server/services/bank/formats/convert-document";
import { importBankDocument } from "@/server/services/bank/import";
import { readBankFile } from "@/server/services/bank/reader/read-file";
import { AppError } from "@/server/platform/errors";
import type { ImportOutcome } from "@/server/api/routers/bank/import.schema";

export type PathImportResult = { file: string; ok: true; outcome: ImportOutcome } | { file: string; ok: false; message: string };

/**
 * Imports files from disk into the shared, read-only documents (the bundled bank, `npm run bank --
 * import`), one by one, each in its own transaction; a bad file is reported and skipped.
 */
export async function importBankPaths(db: Db, files: readonly string[]): Promise<PathImportResult[]> {
  const results: PathImportResult[] = [];
  for (const file of files) {
    try {
      const size = (await stat(file)).size;
      // Refused before reading, so that a huge file never sits in memory.
      if (size > MAX_BANK_BYTES)
        throw new BankParseError(
          "TOO_LARGE",
          `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; question banks are limited to ${MAX_BANK_BYTES / 1024 / 1024} MB.`,
          file,
        );
      const raw = await readFile(file);
      const { document, text } = await readBankFile({ bytes: raw, sourceFile: sourceFileName(file), otherNamesAsText: true });
      results.push({ file, ok: true, outcome: await importBankDocument(db, document, { byteSize: raw.length, ownerId: null, sourceText: text }) });
    } catch (error) {
      if (error instanceof BankParseError || error instanceof AppError) results.push({ file, ok: false, message: error.message });
      else if (error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "EISDIR"))
        results.push({ file, ok: false, message: `${file} cannot be read (${error.code === "ENOENT" ? "no such file" : "it is a folder"}).` });
      else throw error;
    }
  }
  return results;
}

/** The bank documents in a folder, in name order (the bundled seeds are content/banks/*). */
export async function bankFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((name) => BANK_FILE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)))
    .sort()
    .map((name) => path.join(dir, name));
}

export function describeOutcome(outcome: ImportOutcome): string {
  const totals = `${outcome.questions} questions, ${outcome.followUps} follow-ups, ${outcome.rubricCriteria} rubric criteria`;
  if (outcome.status === "unchanged") return `unchanged (${totals})`;
  if (outcome.status === "created") return `created (${totals})`;
  const changes = [`${outcome.updated} updated`, `${outcome.added} added`, `${outcome.removed} removed`];
  if (outcome.retired > 0) changes.push(`${outcome.retired} retired (used by a template)`);
  return `updated: ${changes.join(", ")} (${totals})`;
}
