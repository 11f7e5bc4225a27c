import { z } from "zod";
import { dbText } from "../db-text";

/**
 * The whiteboard's elements as Excalidraw (0.18) makes them, each field bounded: this schema is the whole
 * validation of what a member draws. Fields Excalidraw may add later are dropped, not stored; kinds of
 * element the board does not take (images, embedded pages, frames for AI generation) are refused, since
 * each would load something from outside the app into every member's tab.
 */

/** Far past any drawing a person makes, near enough to keep coordinates finite and their sums exact. */
export const BOARD_COORDINATE_MAX = 1_000_000;
/** Points in one line, arrow or freehand stroke: a long stroke drawn slowly has a few thousand. */
export const POINTS_MAX = 20_000;
/** Characters in one text element. */
export const BOARD_TEXT_MAX = 10_000;

const coordinate = z.number().min(-BOARD_COORDINATE_MAX).max(BOARD_COORDINATE_MAX);
const size = z.number().min(0).max(BOARD_COORDINATE_MAX);
export const boardElementIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** A colour as the palette and the colour picker write it: a hex value, a name, or "transparent". */
const color = z
  .string()
  .max(32)
  .regex(/^(#[0-9A-Fa-f]{3,8}|[A-Za-z]+)$/, "is not a colour");
const point = z.tuple([coordinate, coordinate]);
/** Only web links: an element's link is opened by whoever clicks it. */
const link = dbText
  .max(2_000)
  .refine((value) => /^https?:\/\//i.test(value), "must be an http or https address")
  .nullable();

const base = {
  id: boardElementIdSchema,
  x: coordinate,
  y: coordinate,
  width: size,
  height: size,
  angle: z.number().min(-10).max(10),
  strokeColor: color,
  backgroundColor: color,
  fillStyle: z.enum(["hachure", "cross-hatch", "solid", "zigzag"]),
  strokeWidth: z.number().min(0).max(100),
  strokeStyle: z.enum(["solid", "dashed", "dotted"]),
  roundness: z.object({ type: z.number().int().min(1).max(3), value: z.number().min(0).max(BOARD_COORDINATE_MAX).optional() }).nullable(),
  roughness: z.number().min(0).max(10),
  opacity: z.number().min(0).max(100),
  seed: z.number().int(),
  /** Excalidraw's version of the element, one more at each change: the higher wins (see `supersedes`). */
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  versionNonce: z.number().int(),
  /** The element's place in the drawing order, a fractional index. */
  index: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9]+$/)
    .nullable(),
  isDeleted: z.boolean(),
  groupIds: z.array(boardElementIdSchema).max(50),
  frameId: boardElementIdSchema.nullable(),
  boundElements: z
    .array(z.object({ id: boardElementIdSchema, type: z.enum(["arrow", "text"]) }))
    .max(500)
    .nullable(),
  updated: z.number().min(0),
  link,
  locked: z.boolean(),
};

const binding = z
  .object({
    elementId: boardElementIdSchema,
    focus: z.number().min(-BOARD_COORDINATE_MAX).max(BOARD_COORDINATE_MAX),
    gap: z.number().min(-BOARD_COORDINATE_MAX).max(BOARD_COORDINATE_MAX),
    fixedPoint: z.tuple([z.number(), z.number()]).nullable().optional(),
  })
  .nullable();

const arrowhead = z
  .enum([
    "arrow",
    "bar",
    "dot",
    "circle",
    "circle_outline",
    "triangle",
    "triangle_outline",
    "diamond",
    "diamond_outline",
    "crowfoot_one",
    "crowfoot_many",
    "crowfoot_one_or_many",
  ])
  .nullable();

const linear = {
  ...base,
  points: z.array(point).max(POINTS_MAX),
  lastCommittedPoint: point.nullable(),
  startBinding: binding,
  endBinding: binding,
  startArrowhead: arrowhead,
  endArrowhead: arrowhead,
};

export const boardElementSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("rectangle") }),
  z.object({ ...base, type: z.literal("diamond") }),
  z.object({ ...base, type: z.literal("ellipse") }),
  z.object({
    ...base,
    type: z.literal("text"),
    text: dbText.max(BOARD_TEXT_MAX),
    originalText: dbText.max(BOARD_TEXT_MAX),
    fontSize: z.number().min(1).max(1_000),
    fontFamily: z.number().int().min(1).max(20),
    textAlign: z.enum(["left", "center", "right"]),
    verticalAlign: z.enum(["top", "middle", "bottom"]),
    containerId: boardElementIdSchema.nullable(),
    autoResize: z.boolean(),
    lineHeight: z.number().min(0.1).max(10),
  }),
  z.object({ ...linear, type: z.literal("line") }),
  z.object({
    ...linear,
    type: z.literal("arrow"),
    elbowed: z.boolean(),
    fixedSegments: z
      .array(z.object({ start: point, end: point, index: z.number().int().min(0).max(POINTS_MAX) }))
      .max(200)
      .nullable()
      .optional(),
    startIsSpecial: z.boolean().nullable().optional(),
    endIsSpecial: z.boolean().nullable().optional(),
  }),
  z.object({
    ...base,
    type: z.literal("freedraw"),
    points: z.array(point).max(POINTS_MAX),
    pressures: z.array(z.number().min(0).max(1)).max(POINTS_MAX),
    simulatePressure: z.boolean(),
    lastCommittedPoint: point.nullable(),
  }),
  z.object({ ...base, type: z.literal("frame"), name: dbText.max(200).nullable() }),
]);

export type BoardElement = z.infer<typeof boardElementSchema>;
export type BoardElementType = BoardElement["type"];
