import { z } from "zod";

/**
 * The IANA name of a time zone the runtime knows, in its canonical spelling ("europe/paris" is
 * "Europe/Paris"); null for a name that is no time zone. Intl is the authority: it is what formats the
 * times afterwards, in the browser and here.
 */
export function canonicalTimeZone(name: string): string | null {
  // Intl also accepts offsets such as "+01:00", which are no place and have no daylight saving rules.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .max(64, "That is not a time zone.")
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (zone) return zone;
    ctx.addIssue({ code: "custom", message: `"${name.slice(0, 64)}" is not a time zone. Use a name such as Europe/Paris or America/New_York.` });
    return z.NEVER;
  });

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallTimeIn(instant: number, timeZone: string): WallTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

const asUtc = (wall: WallTime) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

const DAY_MS = 86_400_000;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export type WallTimeResult = { ok: true; instant: Date } | { ok: false; reason: "invalid" | "skipped" };

/**
 * The instant at which clocks in `timeZone` show `local` ("2026-12-08T14:00"). A time the clocks skip
 * when they go forward does not exist there ("skipped"); one they show twice when they go back is the
 * first of the two.
 */
export function instantOfWallTime(local: string, timeZone: string): WallTimeResult {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return { ok: false, reason: "invalid" };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wanted: WallTime = { year, month, day, hour, minute };
  const wantedUtc = asUtc(wanted);
  // Not a real calendar date (31 February, 25:00): Date.UTC rolls it over.
  if (new Date(wantedUtc).getUTCDate() !== day || hour > 23 || minute > 59) return { ok: false, reason: "invalid" };
  // Each offset the zone has within a day either side is a candidate (no zone changes twice in a day);
  // the instants whose clocks show the wanted time are the answer, the earliest when there are two.
  const offsetAt = (instant: number) => asUtc(wallTimeIn(instant, timeZone)) - instant;
  const candidates = [-DAY_MS, 0, DAY_MS].map((shift) => wantedUtc - offsetAt(wantedUtc + shift)).sort((a, b) => a - b);
  const instant = candidates.find((candidate) => asUtc(wallTimeIn(candidate, timeZone)) === wantedUtc);
  return instant === undefined ? { ok: false, reason: "skipped" } : { ok: true, instant: new Date(instant) };
}

/** "2026-12-08T14:00": the wall time in `timeZone` at `instant`, as a datetime-local input holds it. */
export function wallTimeOf(instant: Date, timeZone: string): string {
  const wall = wallTimeIn(instant.getTime(), timeZone);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}`;
}

/**
 * An instant as a person in `timeZone` reads it, with the zone named so nobody has to guess:
 * "Tuesday 8 December 2026, 14:00 (Europe/Paris, GMT+1)".
 */
export function formatInZone(instant: Date, timeZone: string): string {
  // Built from parts: the punctuation of a whole formatted date changes between ICU versions.
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "shortOffset",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")} (${timeZone}, ${part("timeZoneName")})`;
}
