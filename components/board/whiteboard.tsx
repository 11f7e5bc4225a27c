"use client";

import type { AppState, Collaborator, ExcalidrawImperativeAPI, SocketId } from "@excalidraw/excalidraw/types";
import { useEffect, useRef, useState } from "react";
import { BoardSync, type BoardStatus, type BoardTransport } from "@/components/board/board-sync";
import { BoardExcalidraw } from "@/components/board/board-excalidraw";
import { pointerIdFor } from "@/components/board/excalidraw-setup";
import { useBoardFrame } from "@/components/board/use-board-frame";
import { memberColor } from "@/components/pad/remote-cursors";
import { newIdempotencyKey, type ConnectionState } from "@/components/realtime/room-connection";
import { getSocket } from "@/components/realtime/socket-client";
import { useThrottled } from "@/components/ui/throttle";
import { boardElements, type Board } from "@/server/domain/board/board";
import type { ParticipantView } from "@/server/domain/room";
import type { BoardPointerMessage } from "@/server/realtime/protocol";

/** Pointer moves go out at most this often (about 20 a second). */
const POINTER_INTERVAL_MS = 50;
const POINTER_ACK_TIMEOUT_MS = 3_000;
const PUSH_TIMEOUT_MS = 5_000;
/** A push that got no answer is tried again this much later. */
const NO_ANSWER_RETRY_MS = 1_000;

export interface WhiteboardProps {
  sessionId: string;
  questionId: string;
  /** The room's board as the view has it, kept up to date by the fold. */
  board: Board;
  /** The room's members, in join order (their colours). */
  participants: ReadonlyArray<Pick<ParticipantView, "userId" | "name" | "presence">>;
  /** Observers, and everyone once the interview has ended: Excalidraw's view mode. */
  readOnly: boolean;
  connection: ConnectionState;
  theme: "light" | "dark";
  onStatus: (status: BoardStatus) => void;
  /** Esc with nothing left for Excalidraw to cancel: the member leaves the board (the next Tab goes on past it). */
  onLeave: () => void;
}

/**
 * A question's whiteboard: Excalidraw, driven by a `BoardSync` over the room's socket, with the other
 * members' pointers shown as Excalidraw's collaborators. Loaded on demand (board-panel.tsx).
 */
export function Whiteboard(props: WhiteboardProps) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  // The board when it opened; from then on the sync merges the room's changes into the scene.
  const [initialData] = useState(() => ({ elements: structuredClone(boardElements(props.board)) as never, scrollToContent: true }));
  const sync = useBoardSync(api, latest);
  useEffect(() => sync.current?.receive(props.board), [sync, props.board]);
  useEffect(() => {
    if (props.connection === "connected") sync.current?.resync();
    else sync.current?.offline();
  }, [sync, props.connection]);
  const sendPointer = usePointers(api, latest, props.participants);
  const frame = useRef<HTMLDivElement>(null);
  useBoardFrame(api, frame);

  return (
    // Decided before Excalidraw sees the key (a first Esc drops the tool in hand), done after it has (it refocuses its canvas).
    <div
      ref={frame}
      className="h-full"
      onKeyDownCapture={(event) => event.key === "Escape" && api && nothingToCancel(api.getAppState()) && setTimeout(props.onLeave)}
    >
      <BoardExcalidraw
        excalidrawAPI={setApi}
        initialData={initialData}
        onChange={() => sync.current?.localChange()}
        onPointerUpdate={({ pointer, button }) => sendPointer({ x: pointer.x, y: pointer.y, tool: pointer.tool, button })}
        viewModeEnabled={props.readOnly}
        theme={props.theme}
        isCollaborating
        name="Whiteboard"
      />
    </div>
  );
}

/**
 * Whether Esc has nothing to do in Excalidraw: no tool in hand but the selection's, nothing being drawn,
 * typed or bent, no menu or dialog open. (Excalidraw keeps a selection through Esc.)
 */
function nothingToCancel(state: AppState): boolean {
  return (
    state.activeTool.type === "selection" &&
    !state.editingLinearElement &&
    !state.newElement &&
    !state.editingTextElement &&
    !state.openMenu &&
    !state.openPopup &&
    !state.openDialog &&
    !state.contextMenu
  );
}

/** The board's sync for this editor, made once Excalidraw hands over its API and ended with it. */
function useBoardSync(api: ExcalidrawImperativeAPI | null, latest: { readonly current: WhiteboardProps }) {
  const sync = useRef<BoardSync | null>(null);
  useEffect(() => {
    if (!api) return;
    const { sessionId, questionId, board } = latest.current;
    const made = new BoardSync(boardTransport(sessionId, questionId), board, { status: (status) => latest.current.onStatus(status) });
    made.attach(api);
    sync.current = made;
    return () => {
      made.detach();
      sync.current = null;
    };
  }, [api, latest]);
  return sync;
}

/**
 * The whiteboard's pushes go as `drawOnBoard` room commands, one attempt each: BoardSync itself sends
 * again after a pause (a push sent twice changes nothing the second time: the server keeps only what
 * supersedes its board), so a push lost with a dead socket never holds up the drawing after it.
 */
function boardTransport(sessionId: string, questionId: string): BoardTransport {
  const noAnswer = { ok: false as const, code: "BUSY" as const, message: "No answer", retryAfterMs: NO_ANSWER_RETRY_MS };
  return {
    push: (elements) => {
      const socket = getSocket();
      if (!socket.connected) return Promise.resolve(noAnswer);
      return socket
        .timeout(PUSH_TIMEOUT_MS)
        .emitWithAck("room:command", { sessionId, idempotencyKey: newIdempotencyKey(), command: { type: "drawOnBoard", questionId, elements } })
        .catch(() => noAnswer);
    },
  };
}

type Pointer = Pick<BoardPointerMessage, "x" | "y" | "tool" | "button">;

/**
 * The others' pointers, shown as Excalidraw's collaborators (name, and the member's colour as in the pad),
 * while they are in the room; and this member's, sent at most every 50 ms by those who draw.
 */
function usePointers(api: ExcalidrawImperativeAPI | null, latest: { readonly current: WhiteboardProps }, participants: WhiteboardProps["participants"]) {
  const pointers = useRef(new Map<string, Pointer>());
  const show = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (!api) return;
    const { sessionId, questionId } = latest.current;
    show.current = () => api.updateScene({ collaborators: collaboratorsOf(pointers.current, latest.current.participants) });
    const onPointer = (message: BoardPointerMessage) => {
      if (message.sessionId !== sessionId || message.questionId !== questionId) return;
      pointers.current.set(message.userId, message);
      show.current();
    };
    const socket = getSocket();
    socket.on("board:pointer", onPointer);
    return () => {
      socket.off("board:pointer", onPointer);
      show.current = () => undefined;
    };
  }, [api, latest]);

  // Someone left or came back: their pointer goes or returns.
  const present = participants.map((participant) => `${participant.userId}:${participant.presence}`).join();
  useEffect(() => show.current(), [present]);

  const next = useRef<Pointer | null>(null);
  const send = useThrottled(POINTER_INTERVAL_MS, () => {
    const pointer = next.current;
    const { sessionId, questionId, readOnly } = latest.current;
    if (!pointer || readOnly) return;
    void getSocket()
      .timeout(POINTER_ACK_TIMEOUT_MS)
      .emitWithAck("board:pointer", { sessionId, questionId, ...pointer })
      .catch(() => undefined);
  });
  return (pointer: Pointer) => {
    next.current = pointer;
    send();
  };
}

function collaboratorsOf(pointers: ReadonlyMap<string, Pointer>, participants: WhiteboardProps["participants"]): Map<SocketId, Collaborator> {
  const collaborators = new Map<SocketId, Collaborator>();
  for (const [userId, pointer] of pointers) {
    const index = participants.findIndex((participant) => participant.userId === userId);
    const participant = participants[index];
    if (!participant || participant.presence !== "connected") continue;
    const color = memberColor(index);
    // The pointer and its name take their colour from `id` (pointerIdFor); the laser trail takes
    // `laserColor`, and `color` is what Excalidraw's collaborator type names for later versions.
    collaborators.set(userId as SocketId, {
      id: pointerIdFor(userId, color),
      username: participant.name,
      color: { background: color, stroke: color },
      pointer: { x: pointer.x, y: pointer.y, tool: pointer.tool, laserColor: color },
      button: pointer.button,
    });
  }
  return collaborators;
}
