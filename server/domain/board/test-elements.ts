import type { BoardElement } from "./board-element";

type Rectangle = Extract<BoardElement, { type: "rectangle" }>;

/** A rectangle as Excalidraw makes one, with the fields a test cares about. */
export function rectangle(fields: Partial<Rectangle> & { id: string }): Rectangle {
  return {
    type: "rectangle",
    x: 0,
    y: 0,
    width: 100,
    height: 60,
    angle: 0,
    strokeColor: "#1e1e1e",
    backgroundColor: "transparent",
    fillStyle: "solid",
    strokeWidth: 2,
    strokeStyle: "solid",
    roundness: null,
    roughness: 1,
    opacity: 100,
    seed: 1,
    version: 1,
    versionNonce: 0,
    index: "a0",
    isDeleted: false,
    groupIds: [],
    frameId: null,
    boundElements: null,
    updated: 1,
    link: null,
    locked: false,
    ...fields,
  };
}

/** An arrow from (x, y) along `points`, as Excalidraw makes one. */
export function arrow(fields: Partial<Extract<BoardElement, { type: "arrow" }>> & { id: string }): Extract<BoardElement, { type: "arrow" }> {
  return {
    ...rectangle({ id: fields.id }),
    type: "arrow",
    points: [
      [0, 0],
      [100, 0],
    ],
    lastCommittedPoint: null,
    startBinding: null,
    endBinding: null,
    startArrowhead: null,
    endArrowhead: "arrow",
    elbowed: false,
    ...fields,
  };
}
