import { protectedProcedure } from "@/server/api/trpc";
import { interviewRemoveParticipantInput, interviewRemoveParticipantOutput } from "@/server/api/routers/interview/remove-participant.schema";
import { removeParticipant } from "@/server/services/interviews/participants";

export const interviewRemoveParticipant = protectedProcedure
  .input(interviewRemoveParticipantInput)
  .output(interviewRemoveParticipantOutput)
  .mutation(async ({ ctx, input }) => {
    await removeParticipant(ctx.db, ctx.engine, ctx.user, input, new Date());
    return { removed: true as const };
  });
