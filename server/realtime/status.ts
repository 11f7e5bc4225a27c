/** What /api/health reports about Socket.IO; set by the realtime server, read by the Next.js route. */
export interface RealtimeStatus {
  running: boolean;
  adapter: "memory" | "redis";
  connectedSockets: number;
}

const globalForRealtime = globalThis as typeof globalThis & { __mockroomRealtimeStatus?: () => RealtimeStatus };

export function publishRealtimeStatus(read: () => RealtimeStatus): void {
  globalForRealtime.__mockroomRealtimeStatus = read;
}

export function realtimeStatus(): RealtimeStatus {
  return globalForRealtime.__mockroomRealtimeStatus?.() ?? { running: false, adapter: "memory", connectedSockets: 0 };
}
