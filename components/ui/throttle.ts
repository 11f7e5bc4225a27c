"use client";

import { useState } from "react";

/** A function that runs `action` at most once per `interval`, the last call always taking effect. */
export function throttle(interval: number, action: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  return () => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        last = Date.now();
        action();
      },
      Math.max(0, interval - (Date.now() - last)),
    );
  };
}

/** `throttle` for a component: one function for its life. `action` must read only refs, as its first version runs throughout. */
export function useThrottled(interval: number, action: () => void): () => void {
  const [throttled] = useState(() => throttle(interval, action));
  return throttled;
}
