import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { listTemplates } from "@/server/services/interviews/templates";

export const interviewTemplates = protectedProcedure
  .output(z.array(z.object({ id: z.string(), title: z.string(), itemCount: z.number().int(), createdAt: z.date() })))
  .query(({ ctx }) => listTemplates(ctx.db, ctx.user.id));
