"use client";

import { io, type Socket } from "socket.io-client";

let socket: Socket | undefined;

/** The tab's one Socket.IO connection, authenticated by the session cookie sent with the handshake. */
export function getSocket(): Socket {
  socket ??= io({ path: "/socket.io", withCredentials: true });
  return socket;
}

/** Drops the connection, e.g. on sign-out, so the next session opens a fresh, re-authenticated one. */
export function closeSocket(): void {
  socket?.close();
  socket = undefined;
}
