import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { practiceTopicSchema } from "@/server/domain/practice/profile";

export const practiceSlotsInput = z.object({ topic: practiceTopicSchema });
export const practiceSlotsOutput = z.object({
  /** Others waiting for a partner in each upcoming slot of the topic (counts only). */
  open: z.array(z.object({ startsAt: z.date(), waiting: z.number().int() })),
  bookings: z.array(
    z.object({
      id: z.string(),
      startsAt: z.date(),
      topic: z.string(),
      match: z.object({ peerSessionId: z.string(), partnerName: z.string(), roomId: z.string().nullable() }).nullable(),
    }),
  ),
});
export type PracticeSlotsOutput = z.infer<typeof practiceSlotsOutput>;

/** A slot is named by its start, an instant (ISO 8601 with a zone): the server checks it is one it offers. */
export const bookSlotInput = z.object({ startsAt: z.coerce.date({ error: "Choose a slot from the list." }), topic: practiceTopicSchema });
export const bookSlotOutput = z.object({ bookingId: z.string(), matched: z.boolean() });
export type BookSlotInput = z.input<typeof bookSlotInput>;

export const cancelBookingInput = z.object({ bookingId: dbText.min(1).max(64) });
export type CancelBookingInput = z.input<typeof cancelBookingInput>;
