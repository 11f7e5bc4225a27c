import { boardDataUri, describeBoard, hasDrawing } from "@/server/domain/board/board-image";
import type { Board } from "@/server/domain/board/board";

/**
 * A question's whiteboard as the record shows it: its SVG in an <img> (a data: URI, so nothing in the
 * drawing runs), described in words for whoever cannot see it, scaled down to the column but never up.
 * Nothing drawn, nothing shown. `download` names the file the "Download SVG" link saves.
 */
export function BoardDrawing({ board, title, download }: { board: Board; title: string; download?: string }) {
  if (!hasDrawing(board)) return null;
  const uri = boardDataUri(board);
  return (
    <div className="grid gap-1.5 break-inside-avoid" data-testid="review-board">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="text-[13px] font-semibold">{title}</h4>
        {download ? (
          <a href={uri} download={download} className="text-[13px] text-primary underline-offset-2 hover:underline print:hidden">
            Download SVG
          </a>
        ) : null}
      </div>
      {/* The drawing keeps its white ground in the dark theme too: it is a whiteboard, drawn in the colours chosen on one.
          A plain <img>: next/image has nothing to optimise in an SVG made here and given as a data: URI. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={uri} alt={describeBoard(board)} className="h-auto max-h-[40rem] w-auto max-w-full justify-self-start rounded-md border bg-white" />
    </div>
  );
}
