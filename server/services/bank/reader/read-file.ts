import { parseBankDocumentWithReport, type ParsedBank } from "@/server/bank/parse-bank-document";
import { bankSourceBytes } from "@/server/services/bank/formats/convert-document";
import { withStartingDiagrams } from "@/server/services/bank/starting-diagram";

export interface BankFileToRead {
  /** The file as uploaded. */
  bytes: Uint8Array;
  sourceFile: string;
  /** Unused passages the user asked to have read as questions (the preview's "make it a question"). */
  passagesAsQuestions?: readonly number[];
  /** A file named on the command line is read as text whatever its name; uploads are held to the known extensions. */
  otherNamesAsText?: boolean;
}

/**
 * A file's bank: PDF, .docx and HTML are converted to Markdown first, so the lines the report and the
 * questions' sources give are lines of that Markdown. Runs in the reader's process for uploads (bank-reader.ts),
 * in the caller's for local files (import-paths.ts).
 */
export async function readBankFile({ bytes, sourceFile, passagesAsQuestions = [], otherNamesAsText }: BankFileToRead): Promise<ParsedBank> {
  const converted = await bankSourceBytes(bytes, sourceFile, { otherNamesAsText });
  const { document, report, text } = parseBankDocumentWithReport({ bytes: converted.bytes, sourceFile }, { passagesAsQuestions });
  return { document: withStartingDiagrams(document), report, text };
}
