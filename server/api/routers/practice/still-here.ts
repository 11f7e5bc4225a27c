import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { stillHere } from "@/server/services/practice/queue";

/** The waiting page's heartbeat: a ticket not renewed for a minute leaves the queue. */
export const practiceStillHere = practiceProcedure
  .output(z.object({ queued: z.boolean() }))
  .mutation(async ({ ctx }) => ({ queued: await stillHere(ctx.db, ctx.user.id, new Date()) }));
