import { protectedProcedure } from "@/server/api/trpc";
import { interviewCreateInviteInput, interviewCreateInviteOutput } from "@/server/api/routers/interview/create-invite.schema";
import { createInvite } from "@/server/services/invites/links";

export const interviewCreateInvite = protectedProcedure
  .input(interviewCreateInviteInput)
  .output(interviewCreateInviteOutput)
  .mutation(({ ctx, input }) => createInvite(ctx.db, ctx.appUrl, ctx.user, input, new Date()));
