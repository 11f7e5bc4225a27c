"use client";

import { Pencil, Shapes, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useTheme } from "next-themes";
import { useState } from "react";
import { BOARD_FRAME_CLASS, loadWithBoardAssets } from "@/components/board/excalidraw-setup";
import { BoardDrawing } from "@/components/review/board-drawing";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { BOARD_FULL, boardOf, fitsBoard } from "@/server/domain/board/board";
import { boardElementSchema, type BoardElement } from "@/server/domain/board/board-element";

/** Excalidraw loads when the person first draws, never with the page. */
const DiagramCanvas = dynamic(() => loadWithBoardAssets(() => import("@/components/board/diagram-canvas").then((module) => module.DiagramCanvas)), {
  ssr: false,
  loading: () => <p className="p-4 text-[13px] text-muted-foreground">Loading the whiteboard…</p>,
});

/** What the canvas holds, as the bank keeps it: the elements the whiteboard takes, and how many it could not. */
export function diagramOf(drawn: readonly unknown[]): { elements: BoardElement[]; left: number } {
  const elements = drawn.flatMap((element) => {
    const parsed = boardElementSchema.safeParse(element);
    return parsed.success ? [parsed.data] : [];
  });
  return { elements, left: drawn.length - elements.length };
}

/**
 * A question's starting diagram ("here is the current architecture; what breaks at 10x?"): what the room's
 * whiteboard opens with. The interviewers see it as soon as the interview is planned, the candidate once the
 * question is asked. Drawn here with the whiteboard's own tools, saved with the rest of the question.
 */
export function StartingDiagramField({ value, onChange }: { value: BoardElement[] | null; onChange: (value: BoardElement[] | null) => void }) {
  const [drawing, setDrawing] = useState(false);
  const [left, setLeft] = useState(0);
  const { resolvedTheme } = useTheme();
  const elements = value ?? [];
  const board = boardOf(elements);
  return (
    <fieldset className="grid gap-3" data-testid="starting-diagram">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <legend className="flex items-center gap-1.5 text-[13px] font-medium">
          <Shapes aria-hidden className="size-4 text-muted-foreground" />
          Starting diagram
        </legend>
        <div className="flex flex-wrap gap-1">
          {drawing ? (
            <Button type="button" variant="outline" size="sm" onClick={() => setDrawing(false)}>
              Done drawing
            </Button>
          ) : (
            <Button type="button" variant="ghost" size="sm" onClick={() => setDrawing(true)}>
              <Pencil aria-hidden />
              {elements.length > 0 ? "Edit diagram" : "Draw a starting diagram"}
            </Button>
          )}
          {elements.length > 0 ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setDrawing(false);
                onChange(null);
              }}
            >
              <Trash2 aria-hidden />
              Remove diagram
            </Button>
          ) : null}
        </div>
      </div>
      <p className="text-[13px] text-muted-foreground">
        What the room&apos;s whiteboard opens with for this question, for example the current architecture to ask what breaks at ten times the load. The
        interviewers see it from the start; the candidate once the question is asked.
      </p>
      {drawing ? (
        <div data-testid="diagram-canvas" className={cn("h-[28rem]", BOARD_FRAME_CLASS)}>
          <DiagramCanvas
            initial={elements}
            theme={resolvedTheme === "dark" ? "dark" : "light"}
            onChange={(drawn) => {
              const diagram = diagramOf(drawn);
              setLeft(diagram.left);
              onChange(diagram.elements.length > 0 ? diagram.elements : null);
            }}
          />
        </div>
      ) : elements.length > 0 ? (
        <BoardDrawing board={board} title="As the whiteboard opens" />
      ) : (
        <p className="rounded-lg border border-dashed p-4 text-center text-[13px] text-muted-foreground">No starting diagram: the whiteboard opens empty.</p>
      )}
      {left > 0 ? (
        <p className="text-[13px] text-destructive" role="status">
          {left === 1 ? "One element" : `${left} elements`} of a kind the whiteboard does not keep (an image or an embed) will not be saved.
        </p>
      ) : null}
      {!fitsBoard(board.size) ? (
        <p className="text-[13px] text-destructive" role="alert">
          {BOARD_FULL} Make the diagram smaller to save it.
        </p>
      ) : null}
    </fieldset>
  );
}
