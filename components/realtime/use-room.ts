"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { clockOffsetMs, measureClockOffset, type RoomSocket } from "@/components/realtime/clock-offset";
import { getSocket } from "@/components/realtime/socket-client";
import type { ClientCommand, PresenceStatus, RoomView } from "@/server/domain/room";
import { eventArrival, foldScratchpadEdit, foldView, scratchpadIn } from "@/server/domain/room/fold-view";
import { PROTOCOL_VERSION, RETRIED_CODES, type RoomCommandResult, type RoomEventMessage, type Result, type ScratchpadEditMessage } from "@/server/realtime/protocol";

export type RoomConnection = "connecting" | "connected" | "reconnecting" | "offline";

export interface RoomError {
  code: string;
  message: string;
}

export interface UseRoom {
  view: RoomView | null;
  seq: number | null;
  connection: RoomConnection;
  /** True after the server announced it is going down, until the next successful join. */
  serverRestarting: boolean;
  /** The server's clock now, from this tab's measured offset. */
  serverNow: () => number;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
  /** Client time of the last live room event; null before the first one. */
  lastEventAt: number | null;
  /** Why the room could not be joined (not a participant, no such room); null otherwise. */
  error: RoomError | null;
}

const JOIN_TIMEOUT_MS = 8_000;
const COMMAND_TIMEOUT_MS = 5_000;
const COMMAND_ATTEMPTS = 8;
const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 4_000;

/** Exponential backoff with jitter, never sooner than the server asked. */
function retryDelayMs(attempt: number, retryAfterMs: number | undefined): number {
  const backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
  return Math.max(retryAfterMs ?? 0, backoff);
}

function seqStorageKey(sessionId: string): string {
  return `mockroom:room:${sessionId}:seq`;
}

function readStoredSeq(sessionId: string): number | null {
  try {
    const raw = window.sessionStorage.getItem(seqStorageKey(sessionId));
    const value = raw === null ? Number.NaN : Number(raw);
    return Number.isInteger(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

function storeSeq(sessionId: string, seq: number): void {
  try {
    window.sessionStorage.setItem(seqStorageKey(sessionId), String(seq));
  } catch {
    // Private browsing may refuse storage; the in-memory sequence still covers reconnects.
  }
}

/** `crypto.randomUUID` exists only in secure contexts; a plain-http LAN address is not one. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function waitForConnect(socket: RoomSocket, timeoutMs: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => {
      socket.off("connect", onConnect);
      resolve(false);
    }, timeoutMs);
    function onConnect() {
      window.clearTimeout(timer);
      resolve(true);
    }
    socket.once("connect", onConnect);
  });
}

/**
 * The live room for this tab: joins over the shared socket and gets its view, then folds each live event
 * into it with the shared `foldView`. Rejoins with the last sequence it saw on every (re)connect, and when
 * an event arrives out of order (two nodes publishing), since a fold must see events in order.
 */
export function useRoom(sessionId: string): UseRoom {
  const [view, setView] = useState<RoomView | null>(null);
  const [seq, setSeq] = useState<number | null>(null);
  const [connection, setConnection] = useState<RoomConnection>("connecting");
  const [serverRestarting, setServerRestarting] = useState(false);
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const [error, setError] = useState<RoomError | null>(null);
  const seqRef = useRef<number | null>(null);
  const viewRef = useRef<RoomView | null>(null);
  /** The seq the last join answered at, and the events folded since: below or among them is a duplicate. */
  const joinedSeqRef = useRef<number | null>(null);
  const foldedRef = useRef(new Set<number>());
  const joinedRef = useRef(false);

  const serverNow = useCallback(() => Date.now() + clockOffsetMs(), []);

  const show = useCallback(
    (nextSeq: number, nextView: RoomView) => {
      seqRef.current = nextSeq;
      viewRef.current = nextView;
      storeSeq(sessionId, nextSeq);
      setSeq(nextSeq);
      setView(nextView);
    },
    [sessionId],
  );

  useEffect(() => {
    const socket = getSocket();
    let disposed = false;
    seqRef.current = null;
    joinedRef.current = false;
    const storedSeq = readStoredSeq(sessionId);

    async function join() {
      const lastSeq = seqRef.current ?? storedSeq;
      try {
        const res = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId, lastSeq });
        if (disposed) return;
        if (!res.ok) {
          joinedRef.current = false;
          setError({ code: res.code, message: res.message });
          setConnection(socket.connected ? "connected" : "offline");
          return;
        }
        joinedRef.current = true;
        setError(null);
        setServerRestarting(false);
        joinedSeqRef.current = res.seq;
        foldedRef.current = new Set();
        show(res.seq, res.view);
        setConnection("connected");
        if (document.visibilityState === "hidden") void sendPresence("away");
      } catch {
        // No answer in time: the socket is probably reconnecting, and "connect" will join again.
        if (!disposed && socket.connected) window.setTimeout(() => !disposed && socket.connected && void join(), 1_000);
      }
    }

    function sendPresence(status: PresenceStatus) {
      if (!joinedRef.current || !socket.connected) return Promise.resolve();
      return socket
        .timeout(COMMAND_TIMEOUT_MS)
        .emitWithAck("room:command", { sessionId, idempotencyKey: newIdempotencyKey(), command: { type: "setPresence", status } })
        .catch(() => undefined);
    }

    function onConnect() {
      setConnection(joinedRef.current ? "reconnecting" : "connecting");
      void join();
      void measureClockOffset(socket);
    }

    function onDisconnect(reason: string) {
      joinedRef.current = false;
      // A server going down (restart, deploy) closes sockets itself, and Socket.IO does not retry those on
      // its own; the next server is moments away, so ask for a connection again. A refused handshake ends
      // in connect_error, which is not retried, so this cannot loop against a server that says no.
      if (reason === "io server disconnect") {
        setConnection("reconnecting");
        socket.connect();
        return;
      }
      // `active` is false only when the client gave up or was told to go away; otherwise it retries.
      setConnection(socket.active ? "reconnecting" : "offline");
    }

    function onConnectError() {
      setConnection(socket.active ? "reconnecting" : "offline");
    }

    function onRoomEvent(message: RoomEventMessage) {
      const current = viewRef.current;
      const joinedSeq = joinedSeqRef.current;
      if (message.sessionId !== sessionId || !current || joinedSeq === null || seqRef.current === null) return;
      const arrival = eventArrival(message.seq, { joinedSeq, latestSeq: seqRef.current, folded: foldedRef.current });
      if (arrival === "out-of-order") void join();
      if (arrival !== "fold") return;
      foldedRef.current.add(message.seq);
      show(message.seq, foldView(current, message.event));
      setLastEventAt(Date.now());
    }

    function onScratchpadEdit(message: ScratchpadEditMessage) {
      const current = viewRef.current;
      if (message.sessionId !== sessionId || !current || seqRef.current === null) return;
      const next = foldScratchpadEdit(current, message);
      // Out of step (a missed edit, or an edit this view already has from its join): start from a fresh view.
      if (next) show(seqRef.current, next);
      else if ((scratchpadIn(current, message.questionId)?.revision ?? 0) < message.revision) void join();
    }

    function onRemoved(message: { sessionId: string; message: string }) {
      if (message.sessionId !== sessionId) return;
      joinedRef.current = false;
      setView(null);
      setError({ code: "FORBIDDEN", message: message.message });
    }

    function onShutdown() {
      setServerRestarting(true);
      setConnection("reconnecting");
    }

    function onVisibility() {
      void sendPresence(document.visibilityState === "hidden" ? "away" : "connected");
    }

    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    socket.on("room:event", onRoomEvent);
    socket.on("room:scratchpad", onScratchpadEdit);
    socket.on("server:shutdown", onShutdown);
    socket.on("room:removed", onRemoved);
    document.addEventListener("visibilitychange", onVisibility);
    if (socket.connected) onConnect();
    else if (!socket.active) socket.connect();

    return () => {
      disposed = true;
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
      socket.off("room:event", onRoomEvent);
      socket.off("room:scratchpad", onScratchpadEdit);
      socket.off("server:shutdown", onShutdown);
      socket.off("room:removed", onRemoved);
      document.removeEventListener("visibilitychange", onVisibility);
      if (socket.connected && joinedRef.current) socket.emit("room:leave", { sessionId }, () => undefined);
      joinedRef.current = false;
    };
  }, [sessionId, show]);

  const send = useCallback(
    async (command: ClientCommand): Promise<Result<RoomCommandResult>> => {
      const socket = getSocket();
      // One key for every attempt: the server applies a retried command once.
      const idempotencyKey = newIdempotencyKey();
      for (let attempt = 0; attempt < COMMAND_ATTEMPTS; attempt++) {
        if (!(await waitForConnect(socket, COMMAND_TIMEOUT_MS))) continue;
        try {
          const result = await socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("room:command", { sessionId, idempotencyKey, command });
          if (result.ok || !RETRIED_CODES.has(result.code) || attempt === COMMAND_ATTEMPTS - 1) return result;
          await new Promise((resolve) => window.setTimeout(resolve, retryDelayMs(attempt, result.retryAfterMs)));
        } catch {
          // Timed out: the command may or may not have landed; the same key makes a retry safe.
        }
      }
      return { ok: false, code: "INTERNAL", message: "The server did not answer. Check your connection; we will keep trying to reconnect." };
    },
    [sessionId],
  );

  return { view, seq, connection, serverRestarting, serverNow, send, lastEventAt, error };
}
