import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { sessionIdInput } from "@/server/api/routers/interview/schemas";
import { INVITABLE_ROLES } from "@/server/domain/interview/policy";
import { createInvite } from "@/server/services/invites/links";

export const interviewCreateInvite = protectedProcedure
  .input(
    sessionIdInput.extend({
      role: z.enum(INVITABLE_ROLES),
      expiresInHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .optional(),
    }),
  )
  .output(z.object({ id: z.string(), url: z.string(), expiresAt: z.date() }))
  .mutation(({ ctx, input }) => createInvite(ctx.db, ctx.user, input, new Date()));
