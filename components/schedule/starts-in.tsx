"use client";

import { CalendarClock } from "lucide-react";
import { LocalTime, untilText } from "@/components/schedule/local-time";
import { useTickingNow } from "@/components/room/use-ticking-now";

/** The lobby's countdown to the planned start, on the server's clock; the time itself in the reader's zone. */
export function StartsIn({ startsAt, serverNow }: { startsAt: Date; serverNow: () => number }) {
  const now = useTickingNow(serverNow, 1_000);
  const late = now !== null && now >= startsAt.getTime();
  return (
    <p className="inline-flex flex-wrap items-center justify-center gap-x-1.5 text-sm" data-testid="starts-in" role="timer" aria-live="off">
      <CalendarClock aria-hidden className="size-4 text-muted-foreground" />
      <span className="font-medium">
        {now === null ? "Scheduled" : late ? `Was due to start ${untilText(startsAt, now)}` : `Starts ${untilText(startsAt, now)}`}
      </span>
      <span className="text-muted-foreground">
        · <LocalTime instant={startsAt} />
      </span>
    </p>
  );
}
