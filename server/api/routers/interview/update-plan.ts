import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { interviewDetailsInput, planItemsInput, sessionIdInput } from "@/server/api/routers/interview/schemas";
import { updatePlan } from "@/server/services/interviews/plan";

export const interviewUpdatePlan = protectedProcedure
  .input(sessionIdInput.extend(interviewDetailsInput.shape).extend({ items: planItemsInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const { sessionId, ...plan } = input;
    await updatePlan(ctx.db, ctx.engine, ctx.user, sessionId, plan);
    return { ok: true as const };
  });
