import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { protectedProcedure } from "@/server/api/trpc";
import { roleOutput } from "@/server/api/routers/interview/schemas";
import { acceptInvite } from "@/server/services/invites/links";

export const inviteAccept = protectedProcedure
  .input(z.object({ token: dbText.min(1).max(200) }))
  .output(z.object({ sessionId: z.string(), role: roleOutput }))
  .mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.engine, ctx.user, input.token, new Date()));
