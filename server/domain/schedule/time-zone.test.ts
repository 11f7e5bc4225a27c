import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatInZone, instantOfWallTime, timeZoneSchema, wallTimeOf } from "./time-zone";

describe("time zones", () => {
  it("knows IANA names, in their canonical spelling, and nothing else", () => {
    expect(canonicalTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("+01:00")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(timeZoneSchema.safeParse("Atlantis/Capital").error?.issues[0]?.message).toMatch(/is not a time zone/);
  });

  it("turns a wall time in a zone into the instant, across both daylight-saving changes", () => {
    expect(instantOfWallTime("2026-12-08T14:00", "Europe/Paris")).toEqual({ ok: true, instant: new Date("2026-12-08T13:00:00Z") });
    expect(instantOfWallTime("2026-07-08T14:00", "Europe/Paris")).toEqual({ ok: true, instant: new Date("2026-07-08T12:00:00Z") });
    expect(instantOfWallTime("2026-12-08T09:30", "America/New_York")).toEqual({ ok: true, instant: new Date("2026-12-08T14:30:00Z") });
    expect(instantOfWallTime("2026-12-08T09:30", "Asia/Kolkata")).toEqual({ ok: true, instant: new Date("2026-12-08T04:00:00Z") });
    // Paris skips 02:00-03:00 on 29 March 2026 and shows 02:00-03:00 twice on 25 October 2026.
    expect(instantOfWallTime("2026-03-29T02:30", "Europe/Paris")).toEqual({ ok: false, reason: "skipped" });
    expect(instantOfWallTime("2026-10-25T02:30", "Europe/Paris")).toEqual({ ok: true, instant: new Date("2026-10-25T00:30:00Z") });
    expect(instantOfWallTime("2026-02-31T10:00", "Europe/Paris")).toEqual({ ok: false, reason: "invalid" });
    expect(instantOfWallTime("2026-12-08 14:00", "Europe/Paris")).toEqual({ ok: false, reason: "invalid" });
  });

  it("reads an instant back as the wall time of a zone, and names the zone when it formats", () => {
    expect(wallTimeOf(new Date("2026-12-08T13:00:00Z"), "Europe/Paris")).toBe("2026-12-08T14:00");
    expect(formatInZone(new Date("2026-12-08T13:00:00Z"), "Europe/Paris")).toBe("Tuesday 8 December 2026, 14:00 (Europe/Paris, GMT+1)");
    expect(formatInZone(new Date("2026-12-08T13:00:00Z"), "America/New_York")).toBe("Tuesday 8 December 2026, 08:00 (America/New_York, GMT-5)");
  });
});
