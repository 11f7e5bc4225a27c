import { z } from "zod";
import { instantOfWallTime, timeZoneSchema } from "./time-zone";

/** The reminders an organiser can choose, and how long before the start each goes out. */
export const REMINDERS = { "24h": 24 * 60, "15m": 15 } as const satisfies Record<string, number>;
export type Reminder = keyof typeof REMINDERS;
export const REMINDER_KEYS = Object.keys(REMINDERS) as Reminder[];

export const DURATIONS_MIN = { min: 15, max: 8 * 60, default: 60 } as const;

/**
 * A schedule as the organiser enters it: the date and time on their clock, in their zone. The server
 * turns it into an instant (schedule-input rules below), so a browser's clock or zone decides nothing.
 */
export const scheduleFields = z.object({
  startsAtLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and a time."),
  timeZone: timeZoneSchema,
  durationMin: z.number().int().min(DURATIONS_MIN.min, `At least ${DURATIONS_MIN.min} minutes.`).max(DURATIONS_MIN.max, "At most 8 hours."),
  reminders: z.array(z.enum(REMINDER_KEYS as [Reminder, ...Reminder[]])).max(REMINDER_KEYS.length),
});
export type ScheduleFields = z.infer<typeof scheduleFields>;

export interface Schedule {
  startsAt: Date;
  durationMin: number;
  timeZone: string;
  reminders: Reminder[];
}

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; field: "startsAtLocal"; message: string };

/** The schedule the fields describe, or why it cannot be: a time that does not exist there, or one already past. */
export function scheduleOf(fields: ScheduleFields, now: Date): ScheduleResult {
  const start = instantOfWallTime(fields.startsAtLocal, fields.timeZone);
  if (!start.ok) {
    const message =
      start.reason === "skipped"
        ? `${fields.startsAtLocal.replace("T", " ")} does not exist in ${fields.timeZone}: the clocks go forward then. Pick another time.`
        : "Enter a real date and time.";
    return { ok: false, field: "startsAtLocal", message };
  }
  if (start.instant.getTime() <= now.getTime())
    return { ok: false, field: "startsAtLocal", message: "That time has already passed. Pick a time in the future." };
  const reminders = REMINDER_KEYS.filter((key) => fields.reminders.includes(key));
  return { ok: true, schedule: { startsAt: start.instant, durationMin: fields.durationMin, timeZone: fields.timeZone, reminders } };
}

/** When each chosen reminder goes out; one whose moment has passed (an interview tomorrow morning) is skipped. */
export function reminderTimes(schedule: Pick<Schedule, "startsAt" | "reminders">, now: Date): Array<{ reminder: Reminder; at: Date }> {
  return schedule.reminders
    .map((reminder) => ({ reminder, at: new Date(schedule.startsAt.getTime() - REMINDERS[reminder] * 60_000) }))
    .filter(({ at }) => at.getTime() > now.getTime());
}
