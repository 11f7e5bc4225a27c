import { formatDuration, offsetInInterview } from "@/server/domain/format-duration";

export { formatDuration, offsetInInterview };

/** Where an instant falls in the interview, as people say it: "12:04 into the interview". */
export function intoInterview(instant: string, startedAt: string | null): string {
  if (!startedAt) return "Before the start";
  const ms = Date.parse(instant) - Date.parse(startedAt);
  if (ms < 0) return "Before the start";
  return `${formatDuration(ms)} into the interview`;
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function wallClock(instant: string): string {
  return clockFormat.format(new Date(instant));
}
