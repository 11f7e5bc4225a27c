import { protectedProcedure } from "@/server/api/trpc";
import { inviteAcceptInput, inviteAcceptOutput } from "@/server/api/routers/invite/accept.schema";
import { acceptInvite } from "@/server/services/invites/links";

export const inviteAccept = protectedProcedure
  .input(inviteAcceptInput)
  .output(inviteAcceptOutput)
  .mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.engine, ctx.user, input.token, new Date()));
