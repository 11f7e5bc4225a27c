import { protectedProcedure } from "@/server/api/trpc";
import { interviewRevokeInviteInput, interviewRevokeInviteOutput } from "@/server/api/routers/interview/revoke-invite.schema";
import { revokeInvite } from "@/server/services/invites/links";

export const interviewRevokeInvite = protectedProcedure
  .input(interviewRevokeInviteInput)
  .output(interviewRevokeInviteOutput)
  .mutation(async ({ ctx, input }) => {
    await revokeInvite(ctx.db, ctx.engine, ctx.user, input.inviteId, new Date());
    return { ok: true as const };
  });
