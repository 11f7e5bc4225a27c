import { describe, expect, it } from "vitest";
import { BOOK_AHEAD_MS, BOOKING_HORIZON_DAYS, checkSlot, SLOT_MS, upcomingSlots } from "./slots";

const now = new Date("2026-12-06T10:20:00Z");

describe("practice slots", () => {
  it("offers the whole hours from a quarter of an hour ahead up to the horizon", () => {
    const slots = upcomingSlots(now, 1);
    expect(slots[0]?.toISOString()).toBe("2026-12-06T11:00:00.000Z");
    expect(slots.at(-1)?.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    expect(slots).toHaveLength(24);
    for (const slot of slots) expect(checkSlot(slot, now)).toEqual({ ok: true });
  });

  it("skips the next hour when it starts within a quarter of an hour", () => {
    expect(upcomingSlots(new Date("2026-12-06T10:50:00Z"), 1)[0]?.toISOString()).toBe("2026-12-06T12:00:00.000Z");
  });

  it("refuses a time off the hour, too soon, in the past or beyond the horizon, with a sentence", () => {
    const refused = [
      new Date("2026-12-06T12:30:00Z"),
      new Date(now.getTime() + BOOK_AHEAD_MS - SLOT_MS),
      new Date("2026-12-05T12:00:00Z"),
      new Date(Math.ceil((now.getTime() + (BOOKING_HORIZON_DAYS + 1) * 86_400_000) / SLOT_MS) * SLOT_MS),
      new Date(Number.NaN),
    ];
    for (const at of refused) {
      const check = checkSlot(at, now);
      expect(check.ok, String(at)).toBe(false);
      if (!check.ok) expect(check.message).toMatch(/\.$/);
    }
  });
});
