import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { leaveQueue } from "@/server/services/practice/queue";

export const practiceLeave = practiceProcedure.output(z.void()).mutation(({ ctx }) => leaveQueue(ctx.db, ctx.user.id, new Date()));
