"use client";

import { useState } from "react";

/**
 * A choice that shows at once while it is sent, and gives way to the confirmed value when the send is
 * answered (the room's view brings it a moment later, or the old value stays if it was refused).
 */
export function usePendingChoice<T>(confirmed: T | null, send: (value: T) => Promise<unknown>): { shown: T | null; choose: (value: T) => Promise<void> } {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  async function choose(value: T) {
    setPending({ value });
    await send(value);
    setPending((current) => (current?.value === value ? null : current));
  }
  return { shown: pending ? pending.value : confirmed, choose };
}
