"use client";

import { useEffect, useState } from "react";

/**
 * The server's clock, re-read every `intervalMs` so that timers tick. `serverNow` carries the tab's
 * measured offset; the value starts at null so that server and client renders agree.
 */
export function useTickingNow(serverNow: () => number, intervalMs = 250, enabled = true): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(serverNow());
    // The first reading right after mount (not during it), then every interval while enabled.
    const first = window.setTimeout(tick, 0);
    const timer = enabled ? window.setInterval(tick, intervalMs) : undefined;
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [serverNow, intervalMs, enabled]);
  return now;
}
