"use client";

import { useState } from "react";

/**
 * A choice that shows at once while it is sent, and gives way to the confirmed value when the send is
 * answered (the room's view brings it a moment later, or the old value stays if it was refused).
 */
export function usePendingChoice<T, R>(confirmed: T | null, send: (value: T) => Promise<R>): { shown: T | null; choose: (value: T) => Promise<R> } {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  async function choose(value: T): Promise<R> {
    setPending({ value });
    const result = await send(value);
    setPending((current) => (current?.value === value ? null : current));
    return result;
  }
  return { shown: pending ? pending.value : confirmed, choose };
}
