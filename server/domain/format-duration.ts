/** "4:07" or "1:02:07": a clock reading, never negative. Shared by the room, the review pages and the reports. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** Where an instant falls in the interview, short: "12:04"; null before the start or when it never started. */
export function offsetInInterview(instant: string, startedAt: string | null): string | null {
  if (!startedAt) return null;
  const ms = Date.parse(instant) - Date.parse(startedAt);
  return ms < 0 ? null : formatDuration(ms);
}
