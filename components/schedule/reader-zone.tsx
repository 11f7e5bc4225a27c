"use client";

import { createContext, type ReactNode } from "react";

/** The time zone the signed-in person chose in their settings; null to use the browser's. */
export const ReaderZone = createContext<string | null>(null);

export function ReaderZoneProvider({ zone, children }: { zone: string | null; children: ReactNode }) {
  return <ReaderZone value={zone}>{children}</ReaderZone>;
}
