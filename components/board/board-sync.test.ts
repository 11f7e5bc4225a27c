// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";

// Excalidraw reads a 2D context's features when it loads; happy-dom has no canvas. Nothing here draws.
vi.hoisted(() => {
  HTMLCanvasElement.prototype.getContext = (() => ({})) as never;
});

import { convertToExcalidrawElements } from "@excalidraw/excalidraw";
import type { OrderedExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { AppState } from "@excalidraw/excalidraw/types";
import { BoardSync, IMAGES_REFUSED, type BoardScene, type BoardStatus, type BoardTransport } from "@/components/board/board-sync";
import { boardElementSchema, type BoardElement } from "@/server/domain/board/board-element";
import { BOARD_FULL, BOARD_LIMITS, EMPTY_BOARD, boardElements, boardOf, fitsBoard, mergeBoard, type Board } from "@/server/domain/board/board";
import { arrow, rectangle } from "@/server/domain/board/test-elements";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";

/** A scene without Excalidraw's React component: its elements, its app state, and updateScene as Excalidraw applies it. */
function scene(appState: Partial<AppState> = {}) {
  let elements: OrderedExcalidrawElement[] = [];
  const state = { newElement: null, editingTextElement: null, resizingElement: null, ...appState } as AppState;
  const holder = {
    state,
    get elements() {
      return elements;
    },
    getSceneElementsIncludingDeleted: () => elements,
    getAppState: () => state,
    updateScene: vi.fn(({ elements: next }: { elements: readonly unknown[] }) => {
      elements = [...(next as OrderedExcalidrawElement[])];
    }),
    /** This member's edit: the element at a new version, as Excalidraw's mutateElement leaves it. */
    draw(element: BoardElement | Record<string, unknown>) {
      const next = element as OrderedExcalidrawElement;
      elements = elements.some((old) => old.id === next.id) ? elements.map((old) => (old.id === next.id ? next : old)) : [...elements, next];
    },
    byId: (id: string) => elements.find((element) => element.id === id),
  };
  return holder satisfies BoardScene;
}

/** A room that merges pushes as the server decides them (`drawOnBoard`) and relays what it took to every tab. */
function room(initial: Board = EMPTY_BOARD) {
  let board = initial;
  const tabs: BoardSync[] = [];
  const pushes: BoardElement[][] = [];
  let answer: ((elements: BoardElement[]) => Result<RoomCommandResult> | null) | null = null;
  const transport: BoardTransport = {
    push: vi.fn(async (elements: BoardElement[]) => {
      pushes.push(elements);
      const forced = answer?.(elements);
      if (forced) return forced;
      if (elements.length > BOARD_LIMITS.perPush) return { ok: false as const, code: "BAD_REQUEST" as const, message: "too many" };
      const merged = mergeBoard(board, elements);
      if (!fitsBoard(merged.board.size))
        return { ok: false as const, code: "PAYLOAD_TOO_LARGE" as const, message: `${BOARD_FULL} That drawing was not added.` };
      board = merged.board;
      // The relay reaches every tab's view before the answer, on the same socket.
      if (merged.taken.length > 0) for (const tab of tabs) tab.receive(board);
      return { ok: true as const, seq: pushes.length };
    }),
  };
  return {
    transport,
    pushes,
    get board() {
      return board;
    },
    join: (sync: BoardSync) => tabs.push(sync),
    answerWith: (next: typeof answer) => (answer = next),
  };
}

function tab(server: ReturnType<typeof room>, appState: Partial<AppState> = {}) {
  const statuses: BoardStatus[] = [];
  const drawn = scene(appState);
  const sync = new BoardSync(server.transport, server.board, { status: (status) => statuses.push(status) });
  server.join(sync);
  sync.attach(drawn);
  return { sync, scene: drawn, statuses };
}

const ids = (elements: readonly { id: string }[]) => elements.map((element) => element.id).sort();

describe("BoardSync", () => {
  it("takes Excalidraw's own elements as the board's schema does", () => {
    const made = convertToExcalidrawElements([
      { type: "rectangle", x: 0, y: 0, width: 120, height: 60 },
      { type: "ellipse", x: 200, y: 0, width: 80, height: 80 },
      { type: "diamond", x: 300, y: 0, width: 80, height: 80 },
      { type: "arrow", x: 0, y: 100, width: 200, height: 0 },
      { type: "line", x: 0, y: 200, width: 100, height: 50 },
      { type: "frame", children: [], name: "Design" },
    ]);
    for (const element of made) expect(boardElementSchema.safeParse(element).error?.issues ?? [], element.type).toEqual([]);
  });

  it("sends what changed since it last sent or received, whole, at most 500 elements a push and one push at a time", async () => {
    vi.useFakeTimers();
    const server = room();
    const a = tab(server);
    // A selection of 1,200 pasted at once.
    for (let i = 0; i < 1_200; i++) a.scene.draw(rectangle({ id: `r${i}`, index: `a${i}` }));
    a.sync.localChange();
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(server.pushes.map((push) => push.length)).toEqual([500, 500, 200]);
    // A selection or a scroll changes no element: nothing goes.
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(server.pushes).toHaveLength(3);
    // One element moved: that element goes, whole, at its new version.
    a.scene.draw(rectangle({ id: "r7", index: "a7", x: 40, version: 2, versionNonce: 9 }));
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(server.pushes[3]).toEqual([rectangle({ id: "r7", index: "a7", x: 40, version: 2, versionNonce: 9 })]);
    expect(a.statuses.at(-1)).toEqual({ kind: "saved" });
    vi.useRealTimers();
  });

  it("merges the room's drawing into the scene without sending it back, and leaves the element being drawn alone", async () => {
    vi.useFakeTimers();
    const server = room();
    const a = tab(server);
    const drawing = rectangle({ id: "mine", index: "a1", width: 10, version: 3, versionNonce: 5 });
    const b = tab(server, { newElement: drawing as never });
    b.scene.draw(drawing);
    // Another member pushes a box, and an edit of the element this tab is still drawing.
    a.scene.draw(rectangle({ id: "box", index: "a0" }));
    a.scene.draw({ ...drawing, width: 999, version: 4 });
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(ids(b.scene.elements)).toEqual(["box", "mine"]);
    expect(b.scene.byId("mine")).toMatchObject({ width: 10, version: 3 });
    // Remote changes are kept out of this member's undo history.
    expect(b.scene.updateScene).toHaveBeenLastCalledWith(expect.objectContaining({ captureUpdate: "NEVER" }));
    // The box came from the room: it is not sent back.
    b.sync.localChange();
    await vi.runAllTimersAsync();
    expect(server.pushes.flat().filter((element) => element.id === "box")).toHaveLength(1);
    vi.useRealTimers();
  });

  it("ends with the room's board in every tab when two members change one element at once", async () => {
    vi.useFakeTimers();
    const server = room(boardOf([rectangle({ id: "shared", version: 1 }), arrow({ id: "link", version: 1, index: "a1" })]));
    const a = tab(server);
    const b = tab(server);
    // Both move the shared box from version 1 to 2 before either hears of the other's; Excalidraw's nonces decide.
    a.scene.draw(rectangle({ id: "shared", version: 2, versionNonce: 70, x: 10 }));
    b.scene.draw(rectangle({ id: "shared", version: 2, versionNonce: 30, x: -10 }));
    b.scene.draw(
      arrow({
        id: "link",
        version: 2,
        versionNonce: 1,
        index: "a1",
        points: [
          [0, 0],
          [50, 50],
        ],
      }),
    );
    a.sync.localChange();
    b.sync.localChange();
    await vi.runAllTimersAsync();
    const board = (elements: readonly OrderedExcalidrawElement[]) =>
      Object.fromEntries(elements.map(({ id, version, versionNonce, x }) => [id, { version, versionNonce, x }]));
    expect(board(a.scene.elements)).toEqual(board(boardElements(server.board) as never));
    expect(board(b.scene.elements)).toEqual(board(boardElements(server.board) as never));
    expect(server.board.elements.shared).toMatchObject({ versionNonce: 30, x: -10 });
    vi.useRealTimers();
  });

  it("does not send an image pasted in: it leaves the scene and the member is told", async () => {
    vi.useFakeTimers();
    const server = room();
    const a = tab(server);
    a.scene.draw(rectangle({ id: "box" }));
    a.scene.draw({ ...rectangle({ id: "pasted", index: "a1" }), type: "image", fileId: "file-1", status: "pending", scale: [1, 1], crop: null });
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(ids(server.pushes.flat())).toEqual(["box"]);
    expect(ids(a.scene.elements)).toEqual(["box"]);
    expect(a.statuses).toContainEqual({ kind: "refused", message: IMAGES_REFUSED });
    // The refusal stays on screen through onChange calls that change nothing.
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(a.statuses.at(-1)).toEqual({ kind: "refused", message: IMAGES_REFUSED });
    vi.useRealTimers();
  });

  it("puts the room's board back when the board is full, with the server's message", async () => {
    vi.useFakeTimers();
    const server = room(boardOf([rectangle({ id: "kept" })]));
    const a = tab(server);
    server.answerWith(() => ({ ok: false, code: "PAYLOAD_TOO_LARGE", message: `${BOARD_FULL} That drawing was not added.` }));
    a.scene.draw(rectangle({ id: "kept", version: 2, x: 500 }));
    a.scene.draw(rectangle({ id: "one-too-many", index: "a1" }));
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(a.statuses.at(-1)).toEqual({ kind: "refused", message: `${BOARD_FULL} That drawing was not added.` });
    expect(ids(a.scene.elements)).toEqual(["kept"]);
    expect(a.scene.byId("kept")).toMatchObject({ version: 1, x: 0 });
    vi.useRealTimers();
  });

  it("sends again after the wait a rate limit asks for, and stops for good when the room refuses this tab", async () => {
    vi.useFakeTimers();
    const server = room();
    const a = tab(server);
    let limited = true;
    server.answerWith(() => (limited ? { ok: false, code: "RATE_LIMITED", message: "Slow down", retryAfterMs: 400 } : null));
    a.scene.draw(rectangle({ id: "box" }));
    a.sync.localChange();
    await vi.advanceTimersByTimeAsync(100);
    expect(server.pushes).toHaveLength(1);
    limited = false;
    await vi.advanceTimersByTimeAsync(250);
    expect(server.pushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(server.pushes).toHaveLength(2);
    expect(Object.keys(server.board.elements)).toEqual(["box"]);

    server.answerWith(() => ({ ok: false, code: "CONFLICT", message: "The interview has ended." }));
    a.scene.draw(rectangle({ id: "box", version: 2 }));
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(a.statuses.at(-1)).toEqual({ kind: "closed", message: "The interview has ended." });
    a.scene.draw(rectangle({ id: "box", version: 3 }));
    a.sync.localChange();
    await vi.runAllTimersAsync();
    expect(server.pushes).toHaveLength(3);
    vi.useRealTimers();
  });
});
