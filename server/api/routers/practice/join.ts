import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { practiceJoinInput } from "@/server/api/routers/practice/join.schema";
import { joinQueue } from "@/server/services/practice/queue";

export const practiceJoin = practiceProcedure
  .input(practiceJoinInput)
  .output(z.void())
  .mutation(({ ctx, input }) => joinQueue(ctx.db, ctx.user, input.topic, new Date()));
