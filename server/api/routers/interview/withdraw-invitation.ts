import { protectedProcedure } from "@/server/api/trpc";
import { interviewWithdrawInvitationInput, interviewWithdrawInvitationOutput } from "@/server/api/routers/interview/withdraw-invitation.schema";
import { withdrawInvitation } from "@/server/services/interviews/invitations";

export const interviewWithdrawInvitation = protectedProcedure
  .input(interviewWithdrawInvitationInput)
  .output(interviewWithdrawInvitationOutput)
  .mutation(async ({ ctx, input }) => {
    await withdrawInvitation(ctx.db, ctx.user, input.invitationId, new Date(), ctx.emailOn);
    return { ok: true as const };
  });
