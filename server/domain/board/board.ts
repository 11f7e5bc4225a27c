import { z } from "zod";
import { boardElementSchema, type BoardElement } from "./board-element";

/**
 * A question's whiteboard: its elements by id, deleted ones included (a deletion is a new version of the
 * element, so that it wins over older edits that arrive after it), with its size kept as it changes.
 * Merging is last-writer-wins per element by a total order (`supersedes`), so every member who merges
 * the same changes, in any order, has the same board: the server merges a member's changes into the
 * room's, and relays what it took to the others, who merge it into theirs by the same rule.
 */
export interface Board {
  readonly elements: Readonly<Record<string, BoardElement>>;
  /** Elements, deleted ones included, characters of their JSON, and of every change taken: what the limits count. */
  readonly size: BoardSize;
}

export interface BoardSize {
  elements: number;
  chars: number;
  /**
   * Characters of JSON of every change the board took, the starting diagram included: what its history
   * (the room's log, and the replay) holds. Moving one element a thousand times adds nothing to the
   * board but a thousand changes to the log.
   */
  history: number;
}

export const EMPTY_BOARD: Board = { elements: {}, size: { elements: 0, chars: 0, history: 0 } };

/** A board as the room's snapshot stores it. */
export const boardSchema = z.object({
  elements: z.record(z.string(), boardElementSchema),
  // Snapshots from before the history was counted count it from then.
  size: z.object({ elements: z.number().int().min(0), chars: z.number().int().min(0), history: z.number().int().min(0).default(0) }),
});

/**
 * What a board holds at most: a design drawn in 45 minutes has a few hundred elements and well under
 * 1 MB (docs/performance.md). Deleted elements count too, since they are kept. The members see how full
 * the board is before they reach either limit.
 */
export const BOARD_LIMITS = {
  elements: 5_000,
  /** Characters of JSON, all elements together. */
  chars: 1_000_000,
  /** Changed elements in one push: a selection of everything moved at once. */
  perPush: 500,
  /**
   * Characters of all the changes a board takes: a 45-minute design makes about 3 MB of them, so this is
   * hours of drawing, and it bounds what a member who keeps moving the same shapes can have stored.
   */
  historyChars: 20_000_000,
} as const;

export const BOARD_FULL = `The whiteboard holds at most ${BOARD_LIMITS.elements.toLocaleString("en")} elements and ${(BOARD_LIMITS.chars / 1_000_000).toLocaleString("en")} MB of drawing, made in at most ${(BOARD_LIMITS.historyChars / 1_000_000).toLocaleString("en")} MB of changes.`;

/**
 * Whether `incoming` replaces `current`: a higher version; at the same version, the lower nonce (as
 * Excalidraw's own collaboration decides); at the same version and nonce, the greater JSON, so that
 * even two different elements an attacker made alike are ordered the same way everywhere.
 */
export function supersedes(incoming: BoardElement, current: BoardElement | undefined): boolean {
  if (!current) return true;
  if (incoming.version !== current.version) return incoming.version > current.version;
  if (incoming.versionNonce !== current.versionNonce) return incoming.versionNonce < current.versionNonce;
  return canonical(incoming) > canonical(current);
}

/** JSON with every object's keys sorted: the same text for the same element, whatever stored it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The board with `changes` merged in, and the changes it took (those that superseded what it had). */
export function mergeBoard(board: Board, changes: readonly BoardElement[]): { board: Board; taken: BoardElement[] } {
  const elements: Record<string, BoardElement> = { ...board.elements };
  let { elements: count, chars, history } = board.size;
  const taken = new Map<string, BoardElement>();
  for (const element of changes) {
    const current = elements[element.id];
    if (!supersedes(element, current)) continue;
    if (current) chars -= charsOf(current);
    else count++;
    const added = charsOf(element);
    chars += added;
    history += added;
    elements[element.id] = element;
    taken.set(element.id, element);
  }
  if (taken.size === 0) return { board, taken: [] };
  return { board: { elements, size: { elements: count, chars, history } }, taken: [...taken.values()] };
}

function charsOf(element: BoardElement): number {
  return JSON.stringify(element).length;
}

/** The board's one size rule: the server refuses past it, and the members' boards show how near it is. */
export function fitsBoard(size: BoardSize): boolean {
  return size.elements <= BOARD_LIMITS.elements && size.chars <= BOARD_LIMITS.chars && size.history <= BOARD_LIMITS.historyChars;
}

/** How full a board is, 0 to 1, by whichever limit it is nearer. */
export function boardFullness(size: BoardSize): number {
  return Math.max(size.elements / BOARD_LIMITS.elements, size.chars / BOARD_LIMITS.chars, size.history / BOARD_LIMITS.historyChars);
}

/** The elements in drawing order (by fractional index, then id), as Excalidraw takes them. */
export function boardElements(board: Board): BoardElement[] {
  return Object.values(board.elements).sort(compareIndex);
}

function compareIndex(a: BoardElement, b: BoardElement): number {
  const ai = a.index ?? "";
  const bi = b.index ?? "";
  if (ai !== bi) return ai < bi ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The board from a list of elements (a bank question's starting diagram). */
export function boardOf(elements: readonly BoardElement[]): Board {
  return mergeBoard(EMPTY_BOARD, elements).board;
}

/**
 * A question's starting diagram, as the bank keeps it and an interview's plan copies it: elements within
 * the board's limits, so that the members can still draw on a board that starts with it.
 */
export const startingDiagramSchema = z
  .array(boardElementSchema)
  .max(BOARD_LIMITS.elements, `A starting diagram holds at most ${BOARD_LIMITS.elements.toLocaleString("en")} elements.`)
  .refine((elements) => fitsBoard(boardOf(elements).size), BOARD_FULL);
