import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { sessionIdInput } from "@/server/api/routers/interview/schemas";
import { idSchema } from "@/server/domain/room";
import { removeParticipant } from "@/server/services/interviews/participants";

export const interviewRemoveParticipant = protectedProcedure
  .input(sessionIdInput.extend({ userId: idSchema }))
  .output(z.object({ removed: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeParticipant(ctx.db, ctx.engine, ctx.user, input, new Date());
    return { removed: true as const };
  });
