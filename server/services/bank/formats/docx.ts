import { AppError } from "@/server/platform/errors";
import { htmlToMarkdown } from "./html";
import { zipEntries } from "./zip-entries";

/** What a .docx may inflate to: the XML of a 5 MB document is tens of MB; gigabytes is a zip bomb. */
export const MAX_DOCX_INFLATED_BYTES = 200 * 1024 * 1024;

/**
 * Word's and LibreOffice's paragraph styles for code, mapped to <pre> (mammoth joins consecutive ones into
 * one block). Headings, lists, bold, tables and links mammoth maps by itself.
 */
const STYLE_MAP = ["Preformatted Text", "HTML Preformatted", "Source Code", "Code", "Code Block", "Macro Text"].map(
  (name) => `p[style-name='${name}'] => pre:separator('\\n')`,
);

/** The Markdown of a Word document, by way of the HTML mammoth makes of it. */
export async function docxToMarkdown(bytes: Uint8Array, sourceFile: string): Promise<string> {
  const notWord = new AppError("BAD_REQUEST", `${sourceFile} is not a Word document (.docx) that can be read; it may be damaged or another format renamed.`);
  const entries = zipEntries(bytes);
  if (!entries?.some((e) => e.name === "word/document.xml")) throw notWord;
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_DOCX_INFLATED_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `${sourceFile} unpacks to more than ${MAX_DOCX_INFLATED_BYTES / 1024 / 1024} MB; no question bank is that large.`);
  }
  // Loaded on the first .docx: no other request needs it.
  const { default: mammoth } = await import("mammoth");
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // An image's bytes are never inlined as a data URL; mammoth keeps its description as alt text.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch {
    throw notWord;
  }
  return htmlToMarkdown(html, sourceFile);
}
