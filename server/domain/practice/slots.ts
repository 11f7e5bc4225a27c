/**
 * "Book a slot": the times one can book to practise later. Slots start on the whole hour (UTC), the same
 * instants for everyone whatever their time zone, so two people anywhere can book the same one. A slot
 * holds both halves of a session.
 */

export const SLOT_MS = 60 * 60_000;
/** A slot must start at least this far ahead: time for a partner to book it too. */
export const BOOK_AHEAD_MS = 15 * 60_000;
/** Slots are offered this far ahead. */
export const BOOKING_HORIZON_DAYS = 14;
/** Open bookings one may hold at once (matched or not). */
export const MAX_OPEN_BOOKINGS = 5;
/** A matched booking cancelled this close to its start counts as a no-show. */
export const LATE_CANCEL_MS = 60 * 60_000;
/** A booked session's room opens (it becomes the person's active session) this long before its start. */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000;

export type SlotCheck = { ok: true } | { ok: false; message: string };

export function checkSlot(startsAt: Date, now: Date): SlotCheck {
  if (Number.isNaN(startsAt.getTime()) || startsAt.getTime() % SLOT_MS !== 0)
    return { ok: false, message: "Slots start on the hour; choose one from the list." };
  if (startsAt.getTime() < now.getTime() + BOOK_AHEAD_MS) return { ok: false, message: "That slot starts too soon to find a partner; choose a later one." };
  if (startsAt.getTime() > now.getTime() + BOOKING_HORIZON_DAYS * 86_400_000)
    return { ok: false, message: `Slots can be booked up to ${BOOKING_HORIZON_DAYS} days ahead.` };
  return { ok: true };
}

/** The slots still bookable from `now`, for the next `days` days, in time order. */
export function upcomingSlots(now: Date, days: number = BOOKING_HORIZON_DAYS): Date[] {
  const first = Math.ceil((now.getTime() + BOOK_AHEAD_MS) / SLOT_MS) * SLOT_MS;
  const last = now.getTime() + days * 86_400_000;
  const slots: Date[] = [];
  for (let at = first; at <= last; at += SLOT_MS) slots.push(new Date(at));
  return slots;
}
