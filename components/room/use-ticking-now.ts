"use client";

import { useEffect, useState } from "react";

/**
 * The server's clock, re-read every `intervalMs` so that timers tick. `serverNow` carries the tab's
 * measured offset; the value starts at null so that server and client renders agree.
 */
export function useTickingNow(serverNow: () => number, intervalMs = 250, enabled = true): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(serverNow());
    if (!enabled) return;
    const timer = window.setInterval(() => setNow(serverNow()), intervalMs);
    return () => window.clearInterval(timer);
  }, [serverNow, intervalMs, enabled]);
  return now;
}
