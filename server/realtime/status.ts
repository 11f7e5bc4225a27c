/** What /api/health reports about Socket.IO; the realtime server keeps it in the runtime, the Next.js route reads it. */
export interface RealtimeStatus {
  running: boolean;
  adapter: "memory" | "redis";
  connectedSockets: number;
}

export const REALTIME_NOT_RUNNING: RealtimeStatus = { running: false, adapter: "memory", connectedSockets: 0 };
