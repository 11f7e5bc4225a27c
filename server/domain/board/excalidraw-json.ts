import type { BoardElement } from "./board-element";
import { startingDiagramSchema } from "./board";

/**
 * A diagram as Excalidraw writes it, read into a starting diagram: a `.excalidraw` file
 * (`{ "type": "excalidraw", "elements": [...] }`), what its Copy puts on the clipboard
 * (`{ "type": "excalidraw/clipboard", "elements": [...] }`), or the elements alone. Deleted elements are
 * left out (a file keeps them for its own undo); each element is validated by the board's schema, the
 * whole by its limits. The message of a refusal names the element and field at fault.
 */
export function readExcalidrawJson(text: string): { ok: true; elements: BoardElement[] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "it is not JSON" };
  }
  const elements = Array.isArray(json) ? json : json !== null && typeof json === "object" && "elements" in json ? json.elements : undefined;
  if (!Array.isArray(elements)) return { ok: false, message: "it has no list of elements (Excalidraw's file or clipboard JSON has one)" };
  const drawn = elements
    .filter((element: unknown) => !(element !== null && typeof element === "object" && "isDeleted" in element && element.isDeleted === true))
    .map(withLaterFields);
  const parsed = startingDiagramSchema.safeParse(drawn);
  if (parsed.success) return { ok: true, elements: parsed.data };
  const issue = parsed.error.issues[0]!;
  const [index, ...field] = issue.path;
  const where = typeof index === "number" ? `element ${index + 1}${field.length > 0 ? ` (${field.join(".")})` : ""}: ` : "";
  return { ok: false, message: `${where}${issue.message}` };
}

/** A fenced block whose info string is `excalidraw`, with its fence of three or more backticks or tildes. */
const EXCALIDRAW_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*excalidraw[ \t]*\n([\s\S]*?)\n {0,3}\1[ \t]*$/gm;

/**
 * The Excalidraw JSON of the fenced `excalidraw` blocks in a piece of Markdown, and the Markdown without
 * them (null when nothing else is left): how a document carries a question's starting diagram.
 */
export function excalidrawFences(markdown: string): { rest: string | null; blocks: string[] } {
  const blocks: string[] = [];
  const rest = markdown
    .replace(EXCALIDRAW_FENCE, (_fence, _marker: string, body: string) => {
      blocks.push(body);
      return "";
    })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { rest: rest === "" ? null : rest, blocks };
}

/**
 * An element of a file saved by an older Excalidraw, with the fields added since given the values
 * Excalidraw itself gives them when it opens such a file (its `restoreElements`): rounded corners from
 * `strokeSharpness`, no frame, no fractional index (the board orders by id then), unlocked, straight
 * arrows, text that sizes itself at 1.25 lines. A field the element has is left as it is.
 */
function withLaterFields(element: unknown): unknown {
  if (element === null || typeof element !== "object" || Array.isArray(element)) return element;
  const raw = element as Record<string, unknown>;
  const linear = raw.type === "arrow" || raw.type === "line";
  const defaults: Record<string, unknown> = {
    roundness: raw.strokeSharpness === "round" ? { type: linear ? 2 : 3 } : null,
    index: null,
    frameId: null,
    locked: false,
    ...(raw.type === "arrow" ? { elbowed: false } : {}),
    ...(raw.type === "text" ? { autoResize: true, lineHeight: 1.25 } : {}),
  };
  const missing = Object.fromEntries(Object.entries(defaults).filter(([field]) => raw[field] === undefined));
  return Object.keys(missing).length === 0 ? element : { ...raw, ...missing };
}
