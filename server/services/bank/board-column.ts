import { Prisma } from "@/server/platform/db/generated/client";
import { startingDiagramSchema } from "@/server/domain/board/board";
import type { BoardElement } from "@/server/domain/board/board-element";

const storedDiagram = startingDiagramSchema.nullable();

/** BankQuestion.board as written: SQL NULL for a question without a starting diagram, never JSON `null`; validated first. */
export function boardColumn(board: BoardElement[] | null): BoardElement[] | typeof Prisma.DbNull {
  const diagram = storedDiagram.parse(board);
  return diagram === null ? Prisma.DbNull : diagram;
}

/** BankQuestion.board as read back, validated: a row the schema refuses is a bug, not a question without a diagram. */
export function boardOfColumn(value: Prisma.JsonValue): BoardElement[] | null {
  return storedDiagram.parse(value);
}
