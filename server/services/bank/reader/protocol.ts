import { BankParseError, type BankParseErrorCode } from "@/server/bank/bank-parse-error";
import type { ParsedBank } from "@/server/bank/parse-bank-document";
import { AppError, type ErrorCode } from "@/server/platform/errors";
import type { BankFileToRead } from "./read-file";

/** What crosses to the reader's process and back: plain data, as structured clone (IPC's "advanced" serialization) carries it. */
export interface ReaderRequest {
  id: number;
  file: BankFileToRead;
}

export type ReaderError =
  | { kind: "bank"; code: BankParseErrorCode; message: string; sourceFile: string | undefined }
  | { kind: "app"; code: ErrorCode; message: string }
  | { kind: "crash"; message: string };

/** A file's bank, or why it was refused. */
export type ReaderOutcome = { ok: true; parsed: ParsedBank } | { ok: false; error: ReaderError };

/**
 * The error a refusal is thrown as. Made by the caller, not the reader: the server builds the reader
 * outside Next's bundle, whose procedures know the errors by their own copies of these classes.
 */
export function readerErrorToThrow(error: ReaderError): Error {
  switch (error.kind) {
    case "bank":
      return new BankParseError(error.code, error.message, error.sourceFile);
    case "app":
      return new AppError(error.code, error.message);
    case "crash":
      // The user is told only that it failed; what failed is for the operator.
      console.error(`bank reader: ${error.message}`);
      return new AppError("INTERNAL", "The importer failed on this file; try again, or split it into smaller documents.");
  }
}

/** "started" comes first, when the process has loaded and takes the file: its time limit counts from there. */
export type ReaderReply =
  | { id: number; started: true }
  | { id: number; started?: never; ok: true; parsed: ParsedBank }
  | { id: number; started?: never; ok: false; error: ReaderError };
