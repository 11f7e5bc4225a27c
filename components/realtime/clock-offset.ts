"use client";

import type { RoomTransport } from "@/components/realtime/room-connection";

const SAMPLES = 5;
const SAMPLE_TIMEOUT_MS = 3_000;

/**
 * The tab's best estimate of `serverNow - Date.now()`. Shared by every room hook of the tab, so that a
 * second mount (or a remount in development) starts from the last good measurement instead of zero.
 */
let bestOffsetMs = 0;
let bestRttMs = Number.POSITIVE_INFINITY;

export function clockOffsetMs(): number {
  return bestOffsetMs;
}

/**
 * Measures the offset to the server clock: several `time:sync` round trips, keeping the one with the
 * shortest round trip, whose midpoint guess is the least wrong (NTP's rule of thumb). Starts over on each
 * connection, because a reconnect may have landed on another node or another network path.
 */
export async function measureClockOffset(socket: Pick<RoomTransport, "connected" | "timeout">): Promise<number> {
  let roundBestRtt = Number.POSITIVE_INFINITY;
  let roundBestOffset: number | null = null;
  for (let i = 0; i < SAMPLES; i++) {
    if (!socket.connected) break;
    const clientSentAt = Date.now();
    try {
      const res = await socket.timeout(SAMPLE_TIMEOUT_MS).emitWithAck("time:sync", { clientSentAt });
      const receivedAt = Date.now();
      if (!res.ok) continue;
      const rtt = receivedAt - clientSentAt;
      if (rtt < roundBestRtt) {
        roundBestRtt = rtt;
        roundBestOffset = res.serverNow - (clientSentAt + rtt / 2);
      }
    } catch {
      // A lost sample is only a missing sample; the others still count.
    }
  }
  if (roundBestOffset !== null) {
    bestOffsetMs = roundBestOffset;
    bestRttMs = roundBestRtt;
  }
  return bestOffsetMs;
}

/** The round trip of the sample the current offset came from; for diagnostics. */
export function clockRttMs(): number {
  return bestRttMs;
}
