import { protectedProcedure } from "@/server/api/trpc";
import { interviewInviteByEmailInput, interviewInviteByEmailOutput } from "@/server/api/routers/interview/invite-by-email.schema";
import { authSecret } from "@/server/auth/auth-secret";
import { signedLinks } from "@/server/auth/signed-links";
import { inviteByEmail } from "@/server/services/interviews/invitations";

export const interviewInviteByEmail = protectedProcedure
  .input(interviewInviteByEmailInput)
  .output(interviewInviteByEmailOutput)
  .mutation(({ ctx, input }) => inviteByEmail(ctx.db, signedLinks(authSecret()), ctx.user, input, new Date(), ctx.emailOn));
