import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { roleOutput, statusOutput } from "@/server/api/routers/interview/schemas";
import { summariseDashboard } from "@/server/services/dashboard/summary";

const interviewOutput = z.object({ id: z.string(), title: z.string(), status: statusOutput, createdAt: z.date(), myRole: roleOutput });

export const dashboardSummary = protectedProcedure
  .output(
    z.object({
      bankQuestions: z.number().int(),
      bankDocuments: z.number().int(),
      interviewsRun: z.number().int(),
      interviewsTaken: z.number().int(),
      upcoming: z.array(interviewOutput),
      finished: z.array(interviewOutput),
    }),
  )
  .query(({ ctx }) => summariseDashboard(ctx.db, ctx.user));
