"use client";

import { useMemo } from "react";
import { cn } from "@/components/ui/cn";

export const selectClass =
  "h-10 w-full rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 sm:h-9";

/** The zone this browser's clock is set to. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every IANA zone the browser knows, the chosen one included even when the list lacks it ("UTC" in some). */
function zoneNames(value: string): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return names.includes(value) ? names : [value, ...names];
}

export function TimeZoneSelect({ id, value, onChange, className }: { id: string; value: string; onChange: (zone: string) => void; className?: string }) {
  const names = useMemo(() => zoneNames(value), [value]);
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={cn(selectClass, className)}>
      {names.map((name) => (
        <option key={name} value={name}>
          {name.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
