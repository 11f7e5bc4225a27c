import { describe, expect, it } from "vitest";
import { reminderTimes, scheduleOf } from "./schedule";

const now = new Date("2026-12-06T12:00:00Z");

describe("a schedule", () => {
  it("is an instant in the future, from a wall time in the organiser's zone", () => {
    const result = scheduleOf({ startsAtLocal: "2026-12-08T14:00", timeZone: "Europe/Paris", durationMin: 45, reminders: ["15m", "24h"] }, now);
    expect(result).toEqual({
      ok: true,
      schedule: { startsAt: new Date("2026-12-08T13:00:00Z"), durationMin: 45, timeZone: "Europe/Paris", reminders: ["24h", "15m"] },
    });
  });

  it("refuses a time already past, and one the clocks skip, saying which", () => {
    expect(scheduleOf({ startsAtLocal: "2026-12-06T12:59", timeZone: "Europe/Paris", durationMin: 45, reminders: [] }, now)).toMatchObject({
      ok: false,
      message: /already passed/,
    });
    expect(scheduleOf({ startsAtLocal: "2027-03-28T02:30", timeZone: "Europe/Paris", durationMin: 45, reminders: [] }, now)).toMatchObject({
      ok: false,
      message: /does not exist in Europe\/Paris/,
    });
  });

  it("sends each reminder before the start, and none whose moment has passed", () => {
    const startsAt = new Date("2026-12-07T10:00:00Z");
    expect(reminderTimes({ startsAt, reminders: ["24h", "15m"] }, now)).toEqual([{ reminder: "15m", at: new Date("2026-12-07T09:45:00Z") }]);
    expect(reminderTimes({ startsAt: new Date("2026-12-09T10:00:00Z"), reminders: ["24h"] }, now)).toEqual([
      { reminder: "24h", at: new Date("2026-12-08T10:00:00Z") },
    ]);
  });
});
