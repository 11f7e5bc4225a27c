import { BankParseError, MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import { decodeText } from "@/server/bank/decode-text";
import { AppError } from "@/server/platform/errors";
import { BANK_FILE_EXTENSIONS, BANK_FILE_FORMATS, type BankFileFormat } from "@/server/api/routers/bank/preview.schema";

export type { BankFileFormat } from "@/server/api/routers/bank/preview.schema";
export { BANK_FILE_EXTENSIONS } from "@/server/api/routers/bank/preview.schema";

export function formatOf(sourceFile: string): BankFileFormat | null {
  const name = sourceFile.toLowerCase();
  const ext = BANK_FILE_EXTENSIONS.find((e) => name.endsWith(e));
  return ext ? BANK_FILE_FORMATS[ext] : null;
}

export interface BankSourceBytes {
  /** What the pipeline reads: the file itself, or the Markdown converted from it. */
  bytes: Uint8Array;
  format: BankFileFormat;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], within = 0) => {
  for (let at = 0; at <= within && at + magic.length <= bytes.length; at++) if (magic.every((b, i) => bytes[at + i] === b)) return true;
  return false;
};
const PDF_MAGIC = [...Buffer.from("%PDF-")];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Readers accept a PDF header anywhere in the first kilobyte (some generators put junk before it). */
const PDF_HEADER_WITHIN = 1024;

/**
 * The bytes the pipeline reads for a file: the file's own for text, Markdown for HTML, PDF and .docx. The
 * size limit applies to the file as uploaded, before anything is converted. Throws AppError (BAD_REQUEST,
 * PAYLOAD_TOO_LARGE) or BankParseError with a sentence for the user.
 */
export async function bankSourceBytes(bytes: Uint8Array, sourceFile: string, options: { otherNamesAsText?: boolean } = {}): Promise<BankSourceBytes> {
  // The command line reads any file named on it as text, as it always has; uploads are held to the list.
  const format = formatOf(sourceFile) ?? (options.otherNamesAsText ? "text" : null);
  if (!format) throw new AppError("BAD_REQUEST", `${sourceFile} is not a file the importer reads: ${BANK_FILE_EXTENSIONS.join(", ")}.`);
  if (bytes.length > MAX_BANK_BYTES) {
    throw new BankParseError(
      "TOO_LARGE",
      `${sourceFile} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; question banks are limited to ${MAX_BANK_BYTES / 1024 / 1024} MB.`,
      sourceFile,
    );
  }
  if (format === "text") return { bytes, format };
  if (bytes.length === 0) throw new BankParseError("EMPTY", `${sourceFile} is empty.`, sourceFile);
  const markdown = await convert(bytes, sourceFile, format);
  const converted = new TextEncoder().encode(markdown);
  if (converted.length > MAX_BANK_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The text of ${sourceFile} is ${(converted.length / 1024 / 1024).toFixed(1)} MB; question banks are limited to ${MAX_BANK_BYTES / 1024 / 1024} MB.`,
    );
  }
  return { bytes: converted, format };
}

async function convert(bytes: Uint8Array, sourceFile: string, format: Exclude<BankFileFormat, "text">): Promise<string> {
  switch (format) {
    case "html": {
      // The same decoding as text files: UTF-8 or UTF-16 by their marks, Windows-1252, mojibake repaired.
      const { htmlToMarkdown } = await import("./html");
      return htmlToMarkdown(decodeText(bytes, sourceFile).text, sourceFile);
    }
    case "pdf": {
      if (!startsWith(bytes, PDF_MAGIC, PDF_HEADER_WITHIN)) {
        throw new AppError("BAD_REQUEST", `${sourceFile} is not a PDF (it does not start like one); it may be another format renamed.`);
      }
      const { pdfToMarkdown } = await import("./pdf");
      return pdfToMarkdown(bytes, sourceFile);
    }
    case "docx": {
      if (startsWith(bytes, OLE_MAGIC)) {
        throw new AppError("BAD_REQUEST", `${sourceFile} is an older Word document (.doc); save it as .docx and upload that.`);
      }
      if (!startsWith(bytes, ZIP_MAGIC)) {
        throw new AppError("BAD_REQUEST", `${sourceFile} is not a Word document (.docx does not start like one); it may be another format renamed.`);
      }
      const { docxToMarkdown } = await import("./docx");
      return docxToMarkdown(bytes, sourceFile);
    }
  }
}
