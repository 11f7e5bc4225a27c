"use client";

import { useMemo } from "react";
import { cn } from "@/components/ui/cn";

export const selectClass =
  "h-10 w-full rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 sm:h-9";

/** The zone this browser's clock is set to. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The value of "use my browser's time zone", where a select offers it. */
export const BROWSER_ZONE = "";

/** Every IANA zone the browser knows, the chosen one included even when the list lacks it ("UTC" in some). */
function zoneNames(value: string): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return value === BROWSER_ZONE || names.includes(value) ? names : [value, ...names];
}

interface TimeZoneSelectProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  className?: string;
  /** Offer "Use my browser's time zone" first, as BROWSER_ZONE. */
  browserChoice?: boolean;
  "aria-describedby"?: string;
}

export function TimeZoneSelect({ id, value, onChange, className, browserChoice = false, ...aria }: TimeZoneSelectProps) {
  const names = useMemo(() => zoneNames(value), [value]);
  const browserZone = useMemo(() => (browserChoice ? browserTimeZone() : null), [browserChoice]);
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={cn(selectClass, className)} {...aria}>
      {browserZone ? <option value={BROWSER_ZONE}>Use my browser&apos;s time zone ({browserZone})</option> : null}
      {names.map((name) => (
        <option key={name} value={name}>
          {name.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
