import type { BoardElement } from "./board-element";
import { boardElements, type Board } from "./board";

/**
 * A board drawn as SVG, on the server and in the browser alike, without Excalidraw: the session page, the
 * replay and the exports show drawings with it, so none of them loads the drawing library. Shapes are
 * drawn clean rather than sketched (no rough.js); what was drawn where, in which colour, with which text,
 * is the same. Every value written is either a number or a string the element schema bounds, escaped.
 */

const PADDING = 24;
type Point = readonly [number, number];

export function boardToSvg(board: Board): string {
  const elements = boardElements(board).filter((element) => !element.isDeleted);
  if (elements.length === 0) return emptySvg();
  const box = bounds(elements);
  const width = Math.ceil(box.maxX - box.minX + 2 * PADDING);
  const height = Math.ceil(box.maxY - box.minY + 2 * PADDING);
  const shift = `translate(${num(PADDING - box.minX)} ${num(PADDING - box.minY)})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Whiteboard drawing">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g transform="${shift}" stroke-linecap="round" stroke-linejoin="round">`,
    ...elements.map(drawElement),
    "</g></svg>",
  ].join("");
}

function emptySvg(): string {
  return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60" width="240" height="60" role="img" aria-label="Empty whiteboard"><rect width="240" height="60" fill="#ffffff"/><text x="120" y="35" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#6b7280">Nothing drawn</text></svg>';
}

function bounds(elements: readonly BoardElement[]) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const element of elements) {
    for (const [x, y] of outline(element)) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, maxX, maxY };
}

/** The points an element's drawing stays within, before rotation (a rotated shape's box is its circle's). */
function outline(element: BoardElement): Point[] {
  if ("points" in element && element.points.length > 0) return element.points.map(([x, y]) => [element.x + x, element.y + y] as const);
  const { x, y, width, height } = element;
  if (element.angle === 0)
    return [
      [x, y],
      [x + width, y + height],
    ];
  const radius = Math.hypot(width, height) / 2;
  const cx = x + width / 2;
  const cy = y + height / 2;
  return [
    [cx - radius, cy - radius],
    [cx + radius, cy + radius],
  ];
}

function drawElement(element: BoardElement): string {
  const style = strokeStyle(element);
  const rotate =
    element.angle === 0
      ? ""
      : ` transform="rotate(${num((element.angle * 180) / Math.PI)} ${num(element.x + element.width / 2)} ${num(element.y + element.height / 2)})"`;
  const fill = paint(element.backgroundColor);
  switch (element.type) {
    case "rectangle": {
      const radius = element.roundness ? Math.min(element.width, element.height) * 0.25 : 0;
      return `<rect x="${num(element.x)}" y="${num(element.y)}" width="${num(element.width)}" height="${num(element.height)}" rx="${num(radius)}" fill="${fill}"${style}${rotate}/>`;
    }
    case "ellipse":
      return `<ellipse cx="${num(element.x + element.width / 2)}" cy="${num(element.y + element.height / 2)}" rx="${num(element.width / 2)}" ry="${num(element.height / 2)}" fill="${fill}"${style}${rotate}/>`;
    case "diamond": {
      const { x, y, width: w, height: h } = element;
      const corners = [
        [x + w / 2, y],
        [x + w, y + h / 2],
        [x + w / 2, y + h],
        [x, y + h / 2],
      ];
      return `<polygon points="${corners.map(([px, py]) => `${num(px!)},${num(py!)}`).join(" ")}" fill="${fill}"${style}${rotate}/>`;
    }
    case "line":
    case "arrow":
      return drawLinear(element, style);
    case "freedraw":
      return `<path d="${pathOf(element.x, element.y, element.points)}" fill="none"${style}/>`;
    case "text":
      return drawText(element, rotate);
    case "frame":
      return `<rect x="${num(element.x)}" y="${num(element.y)}" width="${num(element.width)}" height="${num(element.height)}" fill="none" stroke="#9ca3af" stroke-dasharray="6 4"/><text x="${num(element.x)}" y="${num(element.y - 6)}" font-family="sans-serif" font-size="14" fill="#6b7280">${escapeXml(element.name ?? "Frame")}</text>`;
  }
}

function drawLinear(element: Extract<BoardElement, { type: "line" | "arrow" }>, style: string): string {
  const line = `<path d="${pathOf(element.x, element.y, element.points)}" fill="none"${style}/>`;
  const heads = [
    element.endArrowhead && element.points.length > 1 ? arrowhead(element, element.points.at(-1)!, element.points.at(-2)!) : "",
    element.startArrowhead && element.points.length > 1 ? arrowhead(element, element.points[0]!, element.points[1]!) : "",
  ];
  return line + heads.join("");
}

/** An open arrowhead at `tip`, pointing away from `from`, sized by the stroke. */
function arrowhead(element: BoardElement, tip: Point, from: Point): string {
  const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const length = 10 + element.strokeWidth * 3;
  const wing = (side: number): Point => [tip[0] - length * Math.cos(angle + side * 0.45), tip[1] - length * Math.sin(angle + side * 0.45)];
  const [left, right] = [wing(1), wing(-1)];
  const at = (point: Point) => `${num(element.x + point[0])} ${num(element.y + point[1])}`;
  return `<path d="M${at(left)} L${at(tip)} L${at(right)}" fill="none"${strokeStyle(element)}/>`;
}

function pathOf(x: number, y: number, points: readonly Point[]): string {
  return points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${num(x + px)} ${num(y + py)}`).join(" ");
}

const FONTS: Record<number, string> = {
  3: "Cascadia Code, ui-monospace, monospace",
  2: "Helvetica, Arial, sans-serif",
  6: "Nunito, sans-serif",
  9: "Liberation Sans, Arial, sans-serif",
};
const HANDWRITTEN = "Excalifont, Virgil, Comic Sans MS, cursive";

function drawText(element: Extract<BoardElement, { type: "text" }>, rotate: string): string {
  const anchor = { left: "start", center: "middle", right: "end" }[element.textAlign];
  const x = element.textAlign === "left" ? element.x : element.textAlign === "center" ? element.x + element.width / 2 : element.x + element.width;
  const lineHeight = element.fontSize * element.lineHeight;
  const lines = element.text.split("\n");
  const tspans = lines.map((line, i) => `<tspan x="${num(x)}" dy="${i === 0 ? num(element.fontSize) : num(lineHeight)}">${escapeXml(line) || " "}</tspan>`);
  return `<text y="${num(element.y)}" font-family="${FONTS[element.fontFamily] ?? HANDWRITTEN}" font-size="${num(element.fontSize)}" fill="${paint(element.strokeColor)}" text-anchor="${anchor}" opacity="${num(element.opacity / 100)}" xml:space="preserve"${rotate}>${tspans.join("")}</text>`;
}

function strokeStyle(element: BoardElement): string {
  const dash =
    element.strokeStyle === "dashed"
      ? ` stroke-dasharray="${num(element.strokeWidth * 4)} ${num(element.strokeWidth * 3)}"`
      : element.strokeStyle === "dotted"
        ? ` stroke-dasharray="${num(element.strokeWidth)} ${num(element.strokeWidth * 3)}"`
        : "";
  return ` stroke="${paint(element.strokeColor)}" stroke-width="${num(Math.max(element.strokeWidth, 0.5))}" opacity="${num(element.opacity / 100)}"${dash}`;
}

function paint(color: string): string {
  return color === "transparent" ? "none" : escapeXml(color);
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}
