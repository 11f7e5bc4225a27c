"use client";

import { Clock, Timer } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { formatDuration } from "@/components/room/format-time";
import { questionElapsedMs, sessionElapsedMs, type SessionClockView, type TimerView } from "@/server/domain/room";

type TimerTone = "calm" | "near" | "over";

/** Amber in the last fifth of the time box, red once it is spent. */
function toneOf(elapsedMs: number, timeBoxSec: number | null): TimerTone {
  if (!timeBoxSec) return "calm";
  const boxMs = timeBoxSec * 1000;
  if (elapsedMs > boxMs) return "over";
  if (elapsedMs >= boxMs * 0.8) return "near";
  return "calm";
}

function elapsedOf(timer: TimerView, now: number | null): number {
  if (now === null) return timer.elapsedMs ?? timer.accumulatedMs;
  return questionElapsedMs({ startedAt: timer.startedAt, accumulatedMs: timer.accumulatedMs }, new Date(now));
}

const toneText: Record<TimerTone, string> = {
  calm: "text-foreground",
  near: "text-amber-600 dark:text-amber-400",
  over: "text-destructive",
};

const toneBar: Record<TimerTone, string> = {
  calm: "bg-primary",
  near: "bg-amber-500",
  over: "bg-destructive",
};

/** A question's clock against its time box, ticking from server instants. */
/** A question's clock; once the interview has ended (`ended`), the time it took, with nothing "left". */
export function QuestionTimer({ timer, now, ended = false, className }: { timer: TimerView; now: number | null; ended?: boolean; className?: string }) {
  const elapsed = elapsedOf(timer, now);
  const tone = toneOf(elapsed, timer.timeBoxSec);
  const boxMs = timer.timeBoxSec ? timer.timeBoxSec * 1000 : null;
  const running = timer.startedAt !== null;
  const label = boxMs
    ? tone === "over"
      ? `Over by ${formatDuration(elapsed - boxMs)}`
      : ended
        ? "Within the time box"
        : `${formatDuration(boxMs - elapsed)} left`
    : ended
      ? "No time box"
      : running
        ? "No time box"
        : "Paused";
  return (
    <div className={cn("grid min-w-40 content-start gap-1.5", className)} data-testid="question-timer" data-tone={tone}>
      <span className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        <Timer aria-hidden className="size-3.5" />
        {ended ? "Time on this question" : "On this question"}
      </span>
      <span className="font-mono whitespace-nowrap tabular-nums">
        <span className={cn("text-2xl font-semibold tracking-tight", toneText[tone])} data-testid="question-elapsed">
          {formatDuration(elapsed)}
        </span>
        {boxMs ? <span className="text-sm text-muted-foreground"> / {formatDuration(boxMs)}</span> : null}
      </span>
      {boxMs ? (
        <div className="h-1 overflow-hidden rounded-full bg-muted" aria-hidden>
          <div
            className={cn("h-full rounded-full transition-[width] duration-200", toneBar[tone])}
            style={{ width: `${Math.min(100, (elapsed / boxMs) * 100)}%` }}
          />
        </div>
      ) : null}
      <span className={cn("text-xs", tone === "calm" ? "text-muted-foreground" : cn("font-medium", toneText[tone]))}>{label}</span>
    </div>
  );
}

/** Time since the interview started, frozen at its end. */
export function SessionClock({ clock, now, className }: { clock: SessionClockView; now: number | null; className?: string }) {
  const elapsed = now === null ? (clock.elapsedMs ?? 0) : sessionElapsedMs(clock, new Date(now));
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm text-muted-foreground", className)} data-testid="session-clock">
      <Clock aria-hidden className="size-3.5" />
      <span className="sr-only">Total time</span>
      <span className="font-mono font-medium text-foreground tabular-nums">{clock.startedAt ? formatDuration(elapsed) : "0:00"}</span>
      <span aria-hidden>total</span>
    </span>
  );
}
