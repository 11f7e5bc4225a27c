import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boardElementSchema, type BoardElement } from "./board-element";
import { BOARD_LIMITS, boardElements, boardFullness, EMPTY_BOARD, fitsBoard, mergeBoard, supersedes, type Board } from "./board";
import { rectangle } from "./test-elements";

/** Every change merged in, one at a time, as a member receives them. */
function mergedInOrder(changes: readonly BoardElement[]): Board {
  return changes.reduce((board, change) => mergeBoard(board, [change]).board, EMPTY_BOARD);
}

/**
 * The size a board's elements make. Its history (the changes it took) depends on the order they came in:
 * the room's log gives every member the same order, and the replay test holds them to it.
 */
function recount(board: Board) {
  const all = Object.values(board.elements);
  return { elements: all.length, chars: all.reduce((sum, element) => sum + JSON.stringify(element).length, 0), history: board.size.history };
}

/** Changes to a few elements, in several versions, some alike but for their content. */
const change: fc.Arbitrary<BoardElement> = fc
  .record({
    id: fc.constantFrom("a", "b", "c"),
    version: fc.integer({ min: 1, max: 4 }),
    versionNonce: fc.integer({ min: 0, max: 2 }),
    x: fc.integer({ min: 0, max: 3 }),
    isDeleted: fc.boolean(),
  })
  .map((fields) => rectangle(fields));

describe("a whiteboard's changes", () => {
  it("converge: any order, with repeats, gives the same board, its size counted as it went", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (changes, picks) => {
        const reference = mergedInOrder(changes);
        // Shuffled, and some delivered twice (a relay and a pull).
        const shuffled = [...changes, ...changes.filter((_, i) => i % 3 === 0)];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = picks.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const other = mergedInOrder(shuffled);
        expect(other.elements).toEqual(reference.elements);
        expect(other.size).toEqual(recount(other));
        expect(reference.size).toEqual(recount(reference));
        // Merged as one batch, too (a push of several).
        expect(mergeBoard(EMPTY_BOARD, shuffled).board.elements).toEqual(reference.elements);
      }),
    );
  });

  it("keep the higher version, then the lower nonce, as Excalidraw does; a change taken once is not taken again", () => {
    const v2 = rectangle({ id: "a", version: 2, versionNonce: 5 });
    expect(supersedes(rectangle({ id: "a", version: 3, versionNonce: 9 }), v2)).toBe(true);
    expect(supersedes(rectangle({ id: "a", version: 1, versionNonce: 0 }), v2)).toBe(false);
    expect(supersedes(rectangle({ id: "a", version: 2, versionNonce: 4 }), v2)).toBe(true);
    expect(supersedes(rectangle({ id: "a", version: 2, versionNonce: 6 }), v2)).toBe(false);
    const { board, taken } = mergeBoard(EMPTY_BOARD, [v2]);
    expect(taken).toEqual([v2]);
    expect(mergeBoard(board, [v2])).toEqual({ board, taken: [] });
  });

  it("are in drawing order by fractional index, and count towards limits the members see", () => {
    const board = mergeBoard(EMPTY_BOARD, [
      rectangle({ id: "b", index: "a1" }),
      rectangle({ id: "a", index: "a2" }),
      rectangle({ id: "c", index: "a0" }),
    ]).board;
    expect(boardElements(board).map((element) => element.id)).toEqual(["c", "b", "a"]);
    expect(fitsBoard(board.size)).toBe(true);
    expect(fitsBoard({ elements: BOARD_LIMITS.elements + 1, chars: 0, history: 0 })).toBe(false);
    expect(fitsBoard({ elements: 1, chars: BOARD_LIMITS.chars + 1, history: 0 })).toBe(false);
    expect(fitsBoard({ elements: 1, chars: 100, history: BOARD_LIMITS.historyChars + 1 })).toBe(false);
    expect(boardFullness({ elements: BOARD_LIMITS.elements / 2, chars: BOARD_LIMITS.chars / 4, history: 0 })).toBe(0.5);
    expect(boardFullness({ elements: 1, chars: 100, history: (BOARD_LIMITS.historyChars * 3) / 4 })).toBe(0.75);
  });

  it("count every change they take in their history, which moving the same shape again and again fills", () => {
    let board = mergeBoard(EMPTY_BOARD, [rectangle({ id: "a" })]).board;
    const once = board.size.chars;
    expect(board.size.history).toBe(once);
    for (let version = 2; version <= 10; version++) board = mergeBoard(board, [rectangle({ id: "a", version, x: version })]).board;
    expect(board.size.elements).toBe(1);
    expect(board.size.chars).toBeLessThanOrEqual(once + 2);
    expect(board.size.history).toBeGreaterThanOrEqual(10 * once);
    // A change the board does not take (sent again) adds nothing.
    expect(mergeBoard(board, [rectangle({ id: "a", version: 10, x: 10 })]).board.size.history).toBe(board.size.history);
  });
});

describe("boardElementSchema", () => {
  const parses = (value: unknown) => boardElementSchema.safeParse(value).success;

  it("takes the elements Excalidraw makes and drops fields it does not know", () => {
    const parsed = boardElementSchema.parse({ ...rectangle({ id: "a" }), customData: { evil: true }, futureField: 1 });
    expect(parsed).not.toHaveProperty("customData");
    expect(parsed).not.toHaveProperty("futureField");
  });

  it("refuses images, embedded pages, links that are not web addresses, and unbounded points", () => {
    expect(parses({ ...rectangle({ id: "a" }), type: "image", fileId: "f", status: "saved", scale: [1, 1], crop: null })).toBe(false);
    expect(parses({ ...rectangle({ id: "a" }), type: "embeddable" })).toBe(false);
    expect(parses({ ...rectangle({ id: "a" }), link: "javascript:alert(1)" })).toBe(false);
    expect(parses({ ...rectangle({ id: "a" }), link: "https://example.com/design" })).toBe(true);
    expect(parses({ ...rectangle({ id: "a" }), strokeColor: "red;background:url(x)" })).toBe(false);
    expect(parses({ ...rectangle({ id: "a" }), x: Number.POSITIVE_INFINITY })).toBe(false);
    const stroke = { ...rectangle({ id: "s" }), type: "freedraw", pressures: [], simulatePressure: true, lastCommittedPoint: null };
    expect(parses({ ...stroke, points: [[0, 0]] })).toBe(true);
    expect(parses({ ...stroke, points: Array.from({ length: 20_001 }, () => [0, 0]) })).toBe(false);
  });
});
