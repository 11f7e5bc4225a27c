"use client";

import { useEffect, useState } from "react";
import { getSocket } from "@/components/realtime/socket-client";

type ConnectionState = "connecting" | "connected" | "offline";

const labels: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Live",
  offline: "Offline",
};

const dotClasses: Record<ConnectionState, string> = {
  connecting: "bg-amber-500 animate-pulse",
  connected: "bg-emerald-500",
  offline: "bg-red-500",
};

/** Shows whether this tab's realtime connection is up; rooms depend on it. */
export function ConnectionStatus() {
  const [state, setState] = useState<ConnectionState>("connecting");

  useEffect(() => {
    const socket = getSocket();
    const onConnect = () => setState("connected");
    // While Socket.IO is still trying (`active`), the link is coming back, not gone.
    const onDisconnect = () => setState(socket.active ? "connecting" : "offline");
    const onError = () => setState(socket.active ? "connecting" : "offline");
    if (socket.connected) setState("connected");
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onError);
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onError);
    };
  }, []);

  return (
    <span
      role="status"
      aria-label={`Realtime connection: ${labels[state]}`}
      data-state={state}
      className="inline-flex items-center gap-1.5 text-xs text-muted-foreground"
    >
      <span aria-hidden className={`size-2 rounded-full ${dotClasses[state]}`} />
      {labels[state]}
    </span>
  );
}
