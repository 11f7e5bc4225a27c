import { createRequire } from "node:module";
import path from "node:path";
import { AppError } from "@/server/platform/errors";
import { pdfTextToMarkdown, type PdfRun } from "./pdf-layout";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

let loaded: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on the first PDF (it is a few MB of code no other request needs). Its worker runs on this
 * thread from node_modules: set as `globalThis.pdfjsWorker`, pdf.js never resolves a worker URL, so
 * nothing is fetched, from the network or elsewhere.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loaded;
}

/** pdf.js's character maps, read from disk: CJK documents that use a predefined encoding need them for their text. */
function cMapDirectory(): string | undefined {
  try {
    return `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "cmaps")}/`;
  } catch {
    return undefined;
  }
}

/** The Markdown read from a PDF's text layer; a PDF without one, or not a PDF, is refused with a sentence saying why. */
export async function pdfToMarkdown(bytes: Uint8Array, sourceFile: string): Promise<string> {
  const { getDocument } = await pdfjs();
  // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    // pdf.js 6 has no isEvalSupported: it no longer compiles PDF functions with eval. Nothing is fetched either.
    useWorkerFetch: false,
    fontExtraProperties: true,
    cMapUrl: cMapDirectory(),
    cMapPacked: true,
    verbosity: 0,
  });
  let document: PdfDocument;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") throw new AppError("BAD_REQUEST", `${sourceFile} is password-protected; save a copy without a password and upload that.`);
    throw new AppError(
      "BAD_REQUEST",
      `${sourceFile} could not be read as a PDF; it may be damaged. Export it again, or paste its text into a .md or .txt file.`,
    );
  }
  try {
    const pages: PdfRun[][] = [];
    for (let n = 1; n <= document.numPages; n++) pages.push(await runsOf(await document.getPage(n)));
    const markdown = pdfTextToMarkdown(pages);
    if (markdown.trim() === "") {
      throw new AppError("BAD_REQUEST", `${sourceFile} has no text layer (it looks scanned); export it with text, or paste its text into a .md or .txt file.`);
    }
    return markdown;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "BAD_REQUEST",
      `${sourceFile} could not be read as a PDF; part of it is damaged. Export it again, or paste its text into a .md or .txt file.`,
    );
  } finally {
    await task.destroy();
  }
}

/** A page's text runs, with bold and monospace read from the names of their fonts. */
async function runsOf(page: PdfPage): Promise<PdfRun[]> {
  const content = await page.getTextContent();
  const fonts = await fontNames(page, Object.keys(content.styles));
  const links = await linksOf(page);
  const runs: PdfRun[] = [];
  for (const item of content.items) {
    if (!("str" in item)) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
    const font = fonts.get(item.fontName) ?? "";
    const family = content.styles[item.fontName]?.fontFamily ?? "";
    const size = Math.hypot(a, b) || item.height;
    runs.push({
      text: item.str,
      x,
      y,
      width: item.width,
      size,
      href: links.at(x + item.width / 2, y + size / 3),
      bold: /bold|black|heavy|semibold|demi/i.test(font),
      mono: /mono|courier|consol|menlo|code/i.test(font) || (font === "" && family === "monospace"),
      endsLine: item.hasEOL,
    });
  }
  return runs;
}

/**
 * The real names of a page's fonts ("LiberationSerif-Bold"). pdf.js hands them over with the fonts it loads
 * for drawing, so the page's drawing operations are read (not drawn); without them, nothing is bold.
 */
async function fontNames(page: PdfPage, fontIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (fontIds.length === 0) return names;
  try {
    await page.getOperatorList();
  } catch {
    return names;
  }
  const objects = page.commonObjs as unknown as { has(id: string): boolean; get(id: string): unknown };
  for (const id of fontIds) {
    const font = objects.has(id) ? objects.get(id) : null;
    if (font && typeof font === "object" && "name" in font && typeof font.name === "string") names.set(id, font.name);
  }
  return names;
}

interface Links {
  /** The target of the link over a point of the page, if any. */
  at(x: number, y: number): string | undefined;
}

/** A page's links are looked up by horizontal band, each band holding at most this many: a page of links stays linear. */
const LINKS_PER_BAND = 50;
const BAND = 12;

/**
 * The page's link annotations, so that a table of contents keeps its links (the pipeline knows a list of
 * in-document links for navigation, not questions). A place in the document becomes "#name".
 */
async function linksOf(page: PdfPage): Promise<Links> {
  const bands = new Map<number, Array<{ rect: number[]; href: string }>>();
  let annotations: unknown[] = [];
  try {
    annotations = (await page.getAnnotations()) as unknown[];
  } catch {
    // Links are a help for reading tables of contents; a page whose annotations do not parse still has its text.
  }
  for (const annotation of annotations) {
    const link = annotation as { subtype?: string; rect?: number[]; url?: string; dest?: unknown };
    if (link.subtype !== "Link" || !Array.isArray(link.rect) || link.rect.length !== 4) continue;
    const href =
      typeof link.url === "string"
        ? link.url
        : link.dest !== undefined
          ? `#${typeof link.dest === "string" ? link.dest.replace(/[^\w-]/g, "") : "page"}`
          : null;
    if (!href) continue;
    const [, y1 = 0, , y2 = 0] = link.rect;
    for (let band = Math.floor(Math.min(y1, y2) / BAND); band <= Math.floor(Math.max(y1, y2) / BAND); band++) {
      const inBand = bands.get(band) ?? [];
      if (inBand.length < LINKS_PER_BAND) inBand.push({ rect: link.rect, href });
      bands.set(band, inBand);
    }
  }
  return {
    at: (x, y) =>
      bands
        .get(Math.floor(y / BAND))
        ?.find(({ rect: [x1 = 0, y1 = 0, x2 = 0, y2 = 0] }) => x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2))
        ?.href,
  };
}
