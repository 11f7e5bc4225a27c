import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { reportInput } from "@/server/api/routers/practice/report.schema";
import { reportPartner } from "@/server/services/practice/block";

export const practiceReport = practiceProcedure
  .input(reportInput)
  .output(z.void())
  .mutation(({ ctx, input }) => reportPartner(ctx.db, ctx.user.id, input.peerSessionId, input.reason));
