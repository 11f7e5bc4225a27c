"use client";

import { CloudAlert, CloudCheck, CloudOff, CloudUpload, Shapes } from "lucide-react";
import dynamic from "next/dynamic";
import { useTheme } from "next-themes";
import { useRef, useState } from "react";
import { BOARD_FRAME_CLASS, loadWithBoardAssets } from "@/components/board/excalidraw-setup";
import type { BoardStatus } from "@/components/board/board-sync";
import type { WhiteboardProps } from "@/components/board/whiteboard";
import { cn } from "@/components/ui/cn";
import { BOARD_FULL, boardFullness, type Board } from "@/server/domain/board/board";
import type { BoardElementType } from "@/server/domain/board/board-element";

/** Excalidraw and its CSS load when a member first opens a whiteboard, never with the room's page. */
const Whiteboard = dynamic(() => loadWithBoardAssets(() => import("@/components/board/whiteboard").then((module) => module.Whiteboard)), {
  ssr: false,
  loading: () => <p className="p-4 text-[13px] text-muted-foreground">Loading the whiteboard…</p>,
});

/** From here the size line warns that the board is nearly full. */
const WARN_FROM = 0.8;

/**
 * A question's whiteboard, beside its pad: everyone in the room sees it as it is drawn; the candidate and
 * the interviewers draw on it, observers watch. Under it, how full it is.
 */
export function BoardPanel(props: Omit<WhiteboardProps, "theme" | "onStatus" | "onLeave"> & { className?: string }) {
  const { className, ...board } = props;
  const [status, setStatus] = useState<BoardStatus>({ kind: "saved" });
  // Where Esc takes the keyboard out of the board: the size line, read out, from which Tab goes on.
  const sizeLine = useRef<HTMLParagraphElement>(null);
  const { resolvedTheme } = useTheme();
  const fullness = boardFullness(props.board.size);
  return (
    <section className={cn("grid gap-2", className)} data-testid="board" aria-labelledby={`board-heading-${props.questionId}`}>
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <h2 id={`board-heading-${props.questionId}`} className="flex items-center gap-1.5 text-sm font-semibold">
          <Shapes aria-hidden className="size-4 text-muted-foreground" />
          Whiteboard
        </h2>
        {props.readOnly ? <span className="text-xs text-muted-foreground">Read only</span> : <BoardStatusLine status={status} />}
      </div>
      <div data-testid="board-canvas" data-own-keys className={cn("h-[30rem] sm:h-[34rem]", BOARD_FRAME_CLASS)}>
        <Whiteboard {...board} theme={resolvedTheme === "dark" ? "dark" : "light"} onStatus={setStatus} onLeave={() => sizeLine.current?.focus()} />
      </div>
      <p className="sr-only" aria-live="polite" data-testid="board-summary">
        {summary(props.board)}
      </p>
      <p
        ref={sizeLine}
        tabIndex={-1}
        data-testid="board-size"
        className={cn("text-xs outline-none", fullness >= WARN_FROM ? "font-medium text-amber-700 dark:text-amber-400" : "text-muted-foreground")}
      >
        Whiteboard {Math.floor(fullness * 100)}% full{fullness >= WARN_FROM ? `. ${BOARD_FULL}` : ""}
      </p>
      {!props.readOnly ? (
        <p className="text-xs text-muted-foreground" data-testid="board-keys">
          Excalidraw&apos;s shortcuts work while the board has focus (? lists them). Esc, then Tab, leaves the board (Esc twice while a tool is in hand).
        </p>
      ) : null}
      {status.kind === "refused" || status.kind === "closed" ? (
        <p role="alert" data-testid="board-refused" className="text-[13px] text-destructive">
          {status.message}
        </p>
      ) : null}
    </section>
  );
}

const NOUNS: Record<BoardElementType, string> = {
  rectangle: "rectangle",
  diamond: "diamond",
  ellipse: "ellipse",
  text: "text box",
  line: "line",
  arrow: "arrow",
  freedraw: "freehand stroke",
  frame: "frame",
};

/** What the canvas shows, in words: the drawing itself is not readable by a screen reader. */
function summary(board: Board): string {
  const counts = new Map<string, number>();
  for (const element of Object.values(board.elements)) if (!element.isDeleted) counts.set(element.type, (counts.get(element.type) ?? 0) + 1);
  if (counts.size === 0) return "The whiteboard is empty.";
  const parts = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, count]) => `${count} ${NOUNS[type as BoardElementType]}${count === 1 ? "" : "s"}`);
  return `On the whiteboard: ${parts.join(", ")}.`;
}

function BoardStatusLine({ status }: { status: BoardStatus }) {
  const [icon, text] =
    status.kind === "saved"
      ? [<CloudCheck key="i" aria-hidden className="size-3.5" />, "Saved"]
      : status.kind === "saving"
        ? [<CloudUpload key="i" aria-hidden className="size-3.5" />, "Saving…"]
        : status.kind === "offline"
          ? [<CloudOff key="i" aria-hidden className="size-3.5" />, "Offline: your drawing is kept and sent when you are back"]
          : [<CloudAlert key="i" aria-hidden className="size-3.5" />, status.kind === "refused" ? "Not added" : "Not saved"];
  return (
    <span
      role="status"
      data-testid="board-status"
      className={cn("flex items-center gap-1 text-xs", status.kind === "refused" || status.kind === "closed" ? "text-destructive" : "text-muted-foreground")}
    >
      {icon} {text}
    </span>
  );
}
