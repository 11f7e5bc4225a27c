"use client";

import { useContext, useSyncExternalStore } from "react";
import { ReaderZone } from "@/components/schedule/reader-zone";
import { formatInZone } from "@/server/domain/schedule/time-zone";
import { browserTimeZone } from "@/components/schedule/time-zone-select";

const subscribeNever = () => () => undefined;

/**
 * An instant in the reader's own zone (the one they set, else the browser's), with the zone named. The
 * server does not know the browser's zone, so the server's HTML carries the UTC time and the browser
 * writes its own after hydration.
 */
export function LocalTime({ instant, className }: { instant: Date; className?: string }) {
  const chosen = useContext(ReaderZone);
  const readerZone = useSyncExternalStore(
    subscribeNever,
    () => chosen ?? browserTimeZone(),
    () => chosen ?? "UTC",
  );
  return (
    <time dateTime={instant.toISOString()} className={className}>
      {formatInZone(instant, readerZone)}
    </time>
  );
}

/**
 * "in 3 days", "in 5 hours", "in 12 minutes", "5 minutes ago": how far an instant is from `now`, in whole
 * units counted down (3 days and 13 hours is "in 3 days", as a countdown reads).
 */
export function untilText(instant: Date, now: number): string {
  const minutes = Math.round((instant.getTime() - now) / 60_000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  if (Math.abs(minutes) < 60) return format.format(minutes, "minute");
  if (Math.abs(minutes) < 48 * 60) return format.format(Math.trunc(minutes / 60), "hour");
  return format.format(Math.trunc(minutes / 1440), "day");
}
