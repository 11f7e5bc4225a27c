import { z } from "zod";
import { bankDocumentSchema } from "@/server/bank/bank-format";
import { MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import { sourcePassageSchema } from "@/server/domain/bank/part-sources";
import { dbText } from "@/server/domain/db-text";

/**
 * The formats a bank document may come in, by extension (the web page's file input accepts these). Text
 * formats go to the pipeline as they are (reStructuredText reads as plain text); the others are converted
 * to Markdown first, so that one pipeline reads them all.
 */
export const BANK_FILE_FORMATS = {
  ".md": "text",
  ".markdown": "text",
  ".txt": "text",
  ".rst": "text",
  ".adoc": "text",
  ".asciidoc": "text",
  ".org": "text",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
} as const;
export type BankFileFormat = (typeof BANK_FILE_FORMATS)[keyof typeof BANK_FILE_FORMATS];
export const BANK_FILE_EXTENSIONS = Object.keys(BANK_FILE_FORMATS) as readonly (keyof typeof BANK_FILE_FORMATS)[];

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

const parseReportSchema = z.object({
  structure: z.string(),
  unused: z.array(z.object({ line: z.number().int(), endLine: z.number().int(), excerpt: z.string(), prompt: z.string() })),
  /** All the passages not used; beyond MAX_LISTED_PASSAGES, `bank parse` lists the rest. */
  unusedTotal: z.number().int(),
  /** The document's lines around every part's source, for the review to open beside each part. */
  sourcePassages: z.array(sourcePassageSchema),
});

/** A file that did not preview or import; the others in the request still do. */
export const fileFailureSchema = z.object({ name: z.string(), ok: z.literal(false), code: z.string(), message: z.string() });

export const previewResultSchema = z.discriminatedUnion("ok", [
  z.object({ name: z.string(), ok: z.literal(true), byteSize: z.number().int(), document: bankDocumentSchema, report: parseReportSchema }),
  fileFailureSchema,
]);

export const bankPreviewInput = z.object({ files: z.array(bankFileSchema).min(1).max(MAX_FILES_PER_REQUEST) });
export const bankPreviewOutput = z.array(previewResultSchema);

export type BankFile = z.input<typeof bankFileSchema>;
export type FileFailure = z.infer<typeof fileFailureSchema>;
export type PreviewResult = z.infer<typeof previewResultSchema>;
