import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { publicProcedure } from "@/server/api/trpc";
import { roleOutput } from "@/server/api/routers/interview/schemas";
import { describeInvite } from "@/server/services/invites/links";

export const inviteDescribe = publicProcedure
  .input(z.object({ token: dbText.min(1).max(200) }))
  .output(
    z.discriminatedUnion("valid", [
      z.object({
        valid: z.literal(true),
        sessionTitle: z.string(),
        interviewerName: z.string().nullable(),
        role: roleOutput,
        status: z.string(),
        used: z.boolean(),
      }),
      z.object({ valid: z.literal(false), reason: z.enum(["expired", "revoked", "unknown"]) }),
    ]),
  )
  .query(({ ctx, input }) => describeInvite(ctx.db, input.token, new Date()));
