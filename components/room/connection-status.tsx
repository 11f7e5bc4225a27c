import { cn } from "@/components/ui/cn";
import type { ConnectionState } from "@/components/realtime/room-connection";

const labels: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

const dotClasses: Record<ConnectionState, string> = {
  connecting: "bg-amber-500 animate-pulse",
  connected: "bg-emerald-500",
  reconnecting: "bg-amber-500 animate-pulse",
  offline: "bg-destructive",
};

/** This tab's link to the room, as the room hook sees it (joined, not merely connected). */
export function RoomConnectionStatus({ connection, className }: { connection: ConnectionState; className?: string }) {
  return (
    <span
      role="status"
      aria-label={`Connection: ${labels[connection]}`}
      data-testid="room-connection"
      data-state={connection}
      className={cn("inline-flex items-center gap-1.5 rounded-full border bg-card px-2.5 py-1 text-xs font-medium text-muted-foreground", className)}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", dotClasses[connection])} />
      {labels[connection]}
    </span>
  );
}
