import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { bookSlotInput, bookSlotOutput, cancelBookingInput, practiceSlotsInput, practiceSlotsOutput } from "@/server/api/routers/practice/slots.schema";
import { bookingsOf, bookSlot, cancelBooking, openSlotCounts } from "@/server/services/practice/slots";

/** The user's bookings, and how many others wait in each upcoming slot of a topic. */
export const practiceSlots = practiceProcedure
  .input(practiceSlotsInput)
  .output(practiceSlotsOutput)
  .query(async ({ ctx, input }) => {
    const now = new Date();
    const [open, bookings] = await Promise.all([openSlotCounts(ctx.db, ctx.user.id, input.topic, now), bookingsOf(ctx.db, ctx.user.id, now)]);
    return { open, bookings };
  });

export const practiceBook = practiceProcedure
  .input(bookSlotInput)
  .output(bookSlotOutput)
  .mutation(({ ctx, input }) => bookSlot(ctx.db, ctx.user, input, new Date(), ctx.emailOn));

export const practiceCancelBooking = practiceProcedure
  .input(cancelBookingInput)
  .output(z.void())
  .mutation(({ ctx, input }) => cancelBooking(ctx.db, ctx.user.id, input.bookingId, new Date(), ctx.emailOn));
