import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { protectedProcedure } from "@/server/api/trpc";
import { revokeInvite } from "@/server/services/invites/links";

export const interviewRevokeInvite = protectedProcedure
  .input(z.object({ inviteId: dbText.min(1).max(64) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await revokeInvite(ctx.db, ctx.engine, ctx.user, input.inviteId, new Date());
    return { ok: true as const };
  });
