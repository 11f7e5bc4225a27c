"use client";

import { useEffect } from "react";
import { clockOffsetMs, measureClockOffset } from "@/components/realtime/clock-offset";
import { getSocket } from "@/components/realtime/socket-client";

const serverNow = (): number => Date.now() + clockOffsetMs();

/**
 * The server's clock outside a room, for countdowns to instants the server set (a match's deadline): the
 * offset is measured over the tab's socket, the one the room will use next, so a wrong computer clock
 * shows the right seconds.
 */
export function useServerNow(): () => number {
  useEffect(() => {
    const socket = getSocket();
    const measure = () => void measureClockOffset(socket);
    if (socket.connected) measure();
    else socket.once("connect", measure);
    return () => void socket.off("connect", measure);
  }, []);
  return serverNow;
}
