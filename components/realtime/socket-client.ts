"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/realtime/protocol";

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: RoomSocket | undefined;

/** The tab's one Socket.IO connection, authenticated by the session cookie sent with the handshake. */
export function getSocket(): RoomSocket {
  // Reconnect attempts at most half a second apart (jittered): after a restart, everyone is back soon
  // after the server is ready, without all arriving in the same instant. A refused attempt costs little.
  socket ??= io({ path: "/socket.io", withCredentials: true, reconnectionDelay: 250, reconnectionDelayMax: 500 });
  return socket;
}

/** Drops the connection, e.g. on sign-out, so the next session opens a fresh, re-authenticated one. */
export function closeSocket(): void {
  socket?.close();
  socket = undefined;
}
