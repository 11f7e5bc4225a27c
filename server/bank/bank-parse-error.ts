/** Larger files are refused before decoding: no real prep document comes near this. */
export const MAX_BANK_BYTES = 5 * 1024 * 1024;

/** TOO_COMPLEX: the reader stopped a file that needed more memory or time than any real document (services/bank/reader). */
export type BankParseErrorCode = "EMPTY" | "BINARY" | "TOO_LARGE" | "TOO_COMPLEX" | "NOTHING_RECOGNISED" | "INVALID" | "NO_SUCH_PASSAGE";

/** The only error the bank pipeline throws; `message` is a sentence fit to show a user. */
export class BankParseError extends Error {
  override readonly name = "BankParseError";

  constructor(
    readonly code: BankParseErrorCode,
    message: string,
    readonly sourceFile?: string,
  ) {
    super(message);
  }
}
