import type { BoardElement, BoardElementType } from "./board-element";
import { boardElements, type Board } from "./board";
import { boardToSvg } from "./board-svg";

/**
 * A board as the record shows it (the session page, the replay, the exports): its SVG as a `data:` URI, so
 * that it is shown by an <img> or a Markdown image, neither of which runs anything an SVG holds, and a text
 * alternative that says what is drawn for whoever cannot see it.
 */

/** The elements that show, in drawing order: a deleted element is kept on the board but shows nowhere. */
export function drawnElements(board: Board): BoardElement[] {
  return boardElements(board).filter((element) => !element.isDeleted);
}

export function hasDrawing(board: Board): boolean {
  return Object.values(board.elements).some((element) => !element.isDeleted);
}

/** The board's SVG as a base64 `data:` URI. */
export function boardDataUri(board: Board): string {
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(boardToSvg(board)))}`;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: a spread of a whole large drawing would pass more arguments than a call takes.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const KINDS: Record<Exclude<BoardElementType, "text">, [one: string, many: string]> = {
  rectangle: ["shape", "shapes"],
  diamond: ["shape", "shapes"],
  ellipse: ["shape", "shapes"],
  arrow: ["arrow", "arrows"],
  line: ["line", "lines"],
  freedraw: ["freehand stroke", "freehand strokes"],
  frame: ["frame", "frames"],
};

/** Characters of the drawing's own words kept in its description: enough to tell drawings apart. */
const DESCRIBED_TEXT_MAX = 300;

/** "A drawing of 3 shapes and 2 arrows, with the words: API; Cache; DB." (its words in reading order) */
export function describeBoard(board: Board): string {
  const drawn = drawnElements(board);
  if (drawn.length === 0) return "Nothing was drawn.";
  const counts = new Map<string, { one: string; many: string; n: number }>();
  for (const element of drawn) {
    if (element.type === "text") continue;
    const [one, many] = KINDS[element.type];
    const count = counts.get(one) ?? { one, many, n: 0 };
    counts.set(one, { ...count, n: count.n + 1 });
  }
  const parts = [...counts.values()].map(({ one, many, n }) => `${n} ${n === 1 ? one : many}`);
  // In reading order, top to bottom and left to right, as a sighted reader takes them in.
  const words = drawn
    .flatMap((element) => (element.type === "text" ? [element] : []))
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((element) => element.text.replace(/\s+/g, " ").trim())
    .filter((text) => text !== "");
  const shapes = parts.length === 0 ? "A drawing of text only" : `A drawing of ${list(parts)}`;
  if (words.length === 0) return `${shapes}.`;
  const said = words.join("; ");
  return `${shapes}, with the words: ${said.length > DESCRIBED_TEXT_MAX ? `${said.slice(0, DESCRIBED_TEXT_MAX - 1)}…` : said}.`;
}

function list(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
