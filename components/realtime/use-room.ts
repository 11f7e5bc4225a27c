"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import { RoomConnection, type PageVisibility, type RoomSnapshot } from "@/components/realtime/room-connection";
import { getSocket } from "@/components/realtime/socket-client";
import type { ClientCommand } from "@/server/domain/room";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";

export type UseRoom = RoomSnapshot & {
  /** The server's clock now, from this tab's measured offset. */
  serverNow: () => number;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
};

const documentVisibility: PageVisibility = {
  isHidden: () => document.visibilityState === "hidden",
  onChange(listener) {
    document.addEventListener("visibilitychange", listener);
    return () => document.removeEventListener("visibilitychange", listener);
  },
};

/** The live room for this tab, kept by a `RoomConnection` over the tab's one socket (see there). */
export function useRoom(sessionId: string): UseRoom {
  // Building it opens nothing (the socket is asked for in `start`), so it is safe during the server render.
  const room = useMemo(() => new RoomConnection({ sessionId, getSocket, page: documentVisibility }), [sessionId]);
  useEffect(() => room.start(), [room]);
  const snapshot = useSyncExternalStore(room.subscribe, room.getSnapshot, room.getSnapshot);
  return { ...snapshot, serverNow: room.serverNow, send: room.send };
}
