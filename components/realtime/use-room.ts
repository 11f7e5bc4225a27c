"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { clockOffsetMs, measureClockOffset, type RoomSocket } from "@/components/realtime/clock-offset";
import { getSocket } from "@/components/realtime/socket-client";
import { RETRY_POLICY, retryDelayMs, sendWithRetries } from "@/components/realtime/command-retry";
import { RoomReplica, type ReplicaChange } from "@/components/realtime/room-replica";
import type { ClientCommand, PresenceStatus, RoomView } from "@/server/domain/room";
import {
  PROTOCOL_VERSION,
  RETRIED_CODES,
  type RoomCommandResult,
  type RoomEventMessage,
  type Result,
  type ScratchpadEditMessage,
} from "@/server/realtime/protocol";

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
 * The live room for this tab: joins over the shared socket and keeps its copy of the room with
 * `RoomReplica`, which folds each live event into the view with the shared `foldView`. On every
 * (re)connect it rejoins with the seq of the view it holds and gets only what it missed; when its view
 * goes out of step (an event out of order, a missed scratchpad edit) it rejoins for a fresh view.
 */
export function useRoom(sessionId: string): UseRoom {
  const [view, setView] = useState<RoomView | null>(null);
  const [seq, setSeq] = useState<number | null>(null);
  const [connection, setConnection] = useState<RoomConnection>("connecting");
  const [serverRestarting, setServerRestarting] = useState(false);
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const [error, setError] = useState<RoomError | null>(null);
  const joinedRef = useRef(false);

  const serverNow = useCallback(() => Date.now() + clockOffsetMs(), []);

  useEffect(() => {
    const socket = getSocket();
    const replica = new RoomReplica();
    let disposed = false;
    joinedRef.current = false;

    /** Shows the replica's view after a change, and joins again when it went out of step. */
    function after(change: ReplicaChange): void {
      if (change === "unchanged") return;
      setSeq(replica.seq);
      setView(replica.view);
      if (change === "resync") void join();
    }

    let joinAttempt = 0;
    async function join() {
      const lastSeq = replica.beginJoin();
      try {
        const res = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId, lastSeq });
        if (disposed) return;
        // A busy or restarting server says "not now": ask again shortly instead of giving up on the room.
        if (!res.ok && RETRIED_CODES.has(res.code) && joinAttempt < RETRY_POLICY.attempts) {
          window.setTimeout(() => !disposed && socket.connected && void join(), retryDelayMs(joinAttempt++, res.retryAfterMs));
          return;
        }
        joinAttempt = 0;
        if (!res.ok) {
          joinedRef.current = false;
          setError({ code: res.code, message: res.message });
          setConnection(socket.connected ? "connected" : "offline");
          return;
        }
        joinedRef.current = true;
        setError(null);
        setServerRestarting(false);
        after(replica.joined(res));
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
      if (message.sessionId !== sessionId) return;
      const change = replica.event(message);
      if (change === "changed") setLastEventAt(Date.now());
      after(change);
    }

    function onScratchpadEdit(message: ScratchpadEditMessage) {
      if (message.sessionId === sessionId) after(replica.scratchpadEdit(message));
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
  }, [sessionId]);

  const send = useRoomCommands(sessionId);

  return { view, seq, connection, serverRestarting, serverNow, send, lastEventAt, error };
}

/**
 * Sends this tab's commands to the room, each with one idempotency key for all its attempts (the server
 * applies a retried command once), retried by the shared rule (`sendWithRetries`).
 */
function useRoomCommands(sessionId: string): (command: ClientCommand) => Promise<Result<RoomCommandResult>> {
  return useCallback(
    async (command: ClientCommand): Promise<Result<RoomCommandResult>> => {
      const socket = getSocket();
      // One key for every attempt: the server applies a retried command once.
      const idempotencyKey = newIdempotencyKey();
      return sendWithRetries(
        async () => {
          if (!(await waitForConnect(socket, COMMAND_TIMEOUT_MS))) throw new Error("not connected");
          return socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("room:command", { sessionId, idempotencyKey, command });
        },
        (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
      );
    },
    [sessionId],
  );
}
