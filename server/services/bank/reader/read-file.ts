import { parseBankDocumentWithReport, type ParsedBank } from "@/server/bank/parse-bank-document";
import { bankSourceBytes } from "@/server/services/bank/formats/convert-document";
import { withStartingDiagrams } from "@/server/services/bank/starting-diagram";

export interface BankFileToRead {
  /** The file as uploaded. */
  bytes: Uint8Array;
  sourceFile: string;
  /** Unused passages the user asked to have read as questions (the preview's "make it a question"). */
  passagesAsQuestions: readonly number[];
}

/**
 * A file's bank: PDF, .docx and HTML are converted to Markdown first, so the lines the report and the
 * questions' sources give are lines of that Markdown. Runs in the reader's process (bank-reader.ts).
 */
export async function readBankFile({ bytes, sourceFile, passagesAsQuestions }: BankFileToRead): Promise<ParsedBank> {
  const converted = await bankSourceBytes(bytes, sourceFile);
  const { document, report, text } = parseBankDocumentWithReport({ bytes: converted.bytes, sourceFile }, { passagesAsQuestions });
  return { document: withStartingDiagrams(document), report, text };
}
