import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { roleOutput, statusOutput } from "@/server/api/routers/interview/schemas";
import { listInterviews } from "@/server/services/interviews/plan";

export const interviewList = protectedProcedure
  .output(
    z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: statusOutput,
        myRole: roleOutput,
        candidateName: z.string().nullable(),
        createdAt: z.date(),
        startedAt: z.date().nullable(),
        endedAt: z.date().nullable(),
        questionCount: z.number().int(),
      }),
    ),
  )
  .query(({ ctx }) => listInterviews(ctx.db, ctx.user.id));
