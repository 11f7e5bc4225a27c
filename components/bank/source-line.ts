import { BANK_FILE_EXTENSIONS, BANK_FILE_FORMATS } from "@/server/api/routers/bank/preview.schema";

/**
 * Where a question stands in its file. A PDF, .docx or HTML file is read as the Markdown converted from
 * it, so its line numbers count lines of that text, not of any page the user has seen: the label says so.
 */
export function sourceLineLabel(sourceFile: string, line: number): string {
  const name = sourceFile.toLowerCase();
  const ext = BANK_FILE_EXTENSIONS.find((e) => name.endsWith(e));
  return ext && BANK_FILE_FORMATS[ext] !== "text" ? `line ${line} of the text read from it` : `line ${line}`;
}
