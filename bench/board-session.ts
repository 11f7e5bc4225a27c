// npm run bench:board-session -- [--minutes 45] [--seed 1]
// npm run bench:board-session -- --scene FILE.excalidraw   (a drawing someone made, read as the board stores it)
//
// How big a whiteboard and its record get over a system-design interview. There is no recording of a real
// 45-minute session yet, so this one is made up, modelled on what such a diagram holds (clients, a load
// balancer, services, caches, queues, databases, labelled arrows between them, a few freehand marks and
// notes) and on how Excalidraw sends it while it is drawn: every element goes out whole at each new
// version, at most every 50 ms while a member drags, types or draws. Every push goes through the room's
// own decide and apply, as the server runs them. Prints the board's final size against its limits, the
// room log's `boardChanged` events (count and bytes), and one JSON line.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BOARD_LIMITS, boardFullness, boardOf, EMPTY_BOARD, mergeBoard, type Board } from "@/server/domain/board/board";
import { readExcalidrawJson } from "@/server/domain/board/excalidraw-json";
import type { BoardElement } from "@/server/domain/board/board-element";
import { boardToSvg } from "@/server/domain/board/board-svg";
import { rectangle } from "@/server/domain/board/test-elements";

const { values: args } = parseArgs({
  options: { minutes: { type: "string", default: "45" }, seed: { type: "string", default: "1" }, scene: { type: "string", default: "" } },
});
const MINUTES = Number(args.minutes);
if (args.scene) measureScene(args.scene);

/** A small deterministic generator, so every run draws the same session. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const next = random(Number(args.seed));
const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));

const LABELS = [
  "Clients",
  "CDN",
  "Load balancer",
  "API gateway",
  "Auth service",
  "Feed service",
  "Post service",
  "Fan-out workers",
  "Redis cache",
  "Kafka",
  "Postgres primary",
  "Read replica",
  "Object storage",
  "Search index",
  "Notification service",
  "Rate limiter",
  "Analytics pipeline",
  "Cold storage",
];

let pushes = 0;
let logChars = 0;
let board: Board = EMPTY_BOARD;
let order = 0;

/** One push of changed elements, as the server logs it when it takes them. */
function push(elements: BoardElement[]): void {
  const { board: merged, taken } = mergeBoard(board, elements);
  if (taken.length === 0) return;
  board = merged;
  pushes++;
  logChars += JSON.stringify({
    type: "boardChanged",
    payload: { questionId: "q".repeat(25), elements: taken, by: "u".repeat(25), at: new Date().toISOString() },
  }).length;
}

/** An element changing over `steps` pushes (a drag, a stroke, typing), each at the next version. */
function animate(start: BoardElement, steps: number, change: (element: BoardElement, step: number) => BoardElement): BoardElement {
  let element = start;
  for (let step = 1; step <= steps; step++) {
    element = { ...change(element, step), version: element.version + 1, versionNonce: between(0, 2 ** 31) };
    push([element]);
  }
  return element;
}

function box(label: string, x: number, y: number): BoardElement[] {
  const id = `box-${order}`;
  const shape = animate(
    { ...rectangle({ id, x, y, width: 10, height: 10, index: `a${(order++).toString(36)}` }), roundness: { type: 3 } },
    between(8, 20),
    (element, step) => ({
      ...element,
      width: 10 + step * 9,
      height: 10 + step * 4,
    }),
  );
  const text: BoardElement = {
    ...rectangle({ id: `${id}-label`, x: x + 10, y: y + 20, index: `a${(order++).toString(36)}` }),
    type: "text",
    text: "",
    originalText: "",
    fontSize: 20,
    fontFamily: 5,
    textAlign: "center",
    verticalAlign: "middle",
    containerId: id,
    autoResize: true,
    lineHeight: 1.25,
  };
  // Typed a few characters per push.
  const typed = animate(text, Math.ceil(label.length / 3), (element, step) => {
    const shown = label.slice(0, step * 3);
    return element.type === "text" ? { ...element, text: shown, originalText: shown } : element;
  });
  const bound = { ...shape, boundElements: [{ id: typed.id, type: "text" as const }], version: shape.version + 1 };
  push([bound]);
  return [bound, typed];
}

function arrowBetween(from: BoardElement, to: BoardElement): BoardElement {
  const id = `arrow-${order}`;
  const start: BoardElement = {
    ...rectangle({ id, x: from.x + from.width, y: from.y + from.height / 2, index: `a${(order++).toString(36)}` }),
    type: "arrow",
    points: [[0, 0]],
    lastCommittedPoint: null,
    startBinding: { elementId: from.id, focus: 0, gap: 4 },
    endBinding: null,
    startArrowhead: null,
    endArrowhead: "arrow",
    elbowed: false,
  };
  const dx = to.x - start.x;
  const dy = to.y + to.height / 2 - start.y;
  const steps = between(10, 25);
  return animate(
    start,
    steps,
    (element, step) =>
      ({
        ...element,
        points: [
          [0, 0],
          [(dx * step) / steps, (dy * step) / steps],
        ],
        width: Math.abs((dx * step) / steps),
        height: Math.abs((dy * step) / steps),
        endBinding: step === steps ? { elementId: to.id, focus: 0, gap: 4 } : null,
      }) as BoardElement,
  );
}

function scribble(x: number, y: number): BoardElement {
  const id = `stroke-${order}`;
  const start: BoardElement = {
    ...rectangle({ id, x, y, index: `a${(order++).toString(36)}` }),
    type: "freedraw",
    points: [[0, 0]],
    pressures: [],
    simulatePressure: true,
    lastCommittedPoint: null,
  };
  // A point every 16 ms, sent every 50 ms: about three points a push.
  const points = between(60, 240);
  return animate(start, Math.ceil(points / 3), (element, step) => {
    if (element.type !== "freedraw") return element;
    const added = Array.from({ length: 3 }, (_, i): [number, number] => [(step * 3 + i) * 2, Math.sin((step * 3 + i) / 5) * 12]);
    return { ...element, points: [...element.points, ...added] };
  });
}

function move(element: BoardElement): BoardElement {
  const dx = between(-80, 80);
  const dy = between(-60, 60);
  const steps = between(5, 15);
  return animate(element, steps, (current, step) => ({ ...current, x: element.x + (dx * step) / steps, y: element.y + (dy * step) / steps }));
}

// A component a minute or so, connected as it is added; now and then something is moved, annotated or removed.
const boxes: BoardElement[] = [];
const seconds = MINUTES * 60;
for (let minute = 0; minute < MINUTES; minute++) {
  if (boxes.length < LABELS.length * 2 && next() < 0.85) {
    const [shape] = box(LABELS[boxes.length % LABELS.length]!, between(0, 1600), between(0, 1000));
    if (boxes.length > 0) arrowBetween(boxes[between(0, boxes.length - 1)]!, shape!);
    if (boxes.length > 2 && next() < 0.5) arrowBetween(shape!, boxes[between(0, boxes.length - 1)]!);
    boxes.push(shape!);
  }
  if (next() < 0.35) scribble(between(0, 1600), between(0, 1000));
  if (boxes.length > 3 && next() < 0.5) {
    const index = between(0, boxes.length - 1);
    boxes[index] = move(boxes[index]!);
  }
  if (boxes.length > 5 && next() < 0.05) {
    const index = between(0, boxes.length - 1);
    push([{ ...boxes[index]!, isDeleted: true, version: boxes[index]!.version + 1 }]);
    boxes.splice(index, 1);
  }
}

const live = Object.values(board.elements).filter((element) => !element.isDeleted).length;
const svg = boardToSvg(board);
console.log(`A made-up ${MINUTES}-minute design session (${seconds} s): ${pushes} pushes logged as boardChanged events.`);
console.log(
  `Board: ${board.size.elements} elements (${live} shown), ${board.size.chars.toLocaleString("en")} characters of JSON, ${board.size.history.toLocaleString("en")} of changes taken: ${Math.round(boardFullness(board.size) * 100)}% of the limit (${BOARD_LIMITS.elements.toLocaleString("en")} elements, ${BOARD_LIMITS.chars.toLocaleString("en")} characters, ${BOARD_LIMITS.historyChars.toLocaleString("en")} of changes).`,
);
console.log(
  `Room log: ${logChars.toLocaleString("en")} characters of boardChanged events (${Math.round(logChars / pushes)} a push on average). SVG of the final drawing: ${svg.length.toLocaleString("en")} characters.`,
);
console.log(
  JSON.stringify({
    minutes: MINUTES,
    pushes,
    elements: board.size.elements,
    shown: live,
    board_chars: board.size.chars,
    history_chars: board.size.history,
    fullness: Math.round(boardFullness(board.size) * 1000) / 1000,
    log_chars: logChars,
    log_chars_per_push: Math.round(logChars / pushes),
    svg_chars: svg.length,
  }),
);

/**
 * A finished drawing from a `.excalidraw` file, as a starting diagram is read and the board stores it: its
 * size against the board's limits and its SVG. The file keeps no history, so the log is not measured; each
 * element's `version` says how often it changed, which the output sums up.
 */
function measureScene(file: string): never {
  const read = readExcalidrawJson(readFileSync(file, "utf8"));
  if (!read.ok) {
    console.error(`${file}: ${read.message}`);
    process.exit(1);
  }
  const scene = boardOf(read.elements);
  const versions = read.elements.reduce((sum, element) => sum + element.version, 0);
  console.log(
    `${file}: ${scene.size.elements} elements, ${scene.size.chars.toLocaleString("en")} characters of JSON: ${Math.round(boardFullness({ ...scene.size, history: 0 }) * 100)}% of the limit. ${versions.toLocaleString("en")} element versions in all. SVG: ${boardToSvg(scene).length.toLocaleString("en")} characters.`,
  );
  console.log(JSON.stringify({ scene: file, elements: scene.size.elements, board_chars: scene.size.chars, versions, svg_chars: boardToSvg(scene).length }));
  process.exit(0);
}
