import { unsubscribeInput, unsubscribeOutput } from "@/server/api/routers/email/unsubscribe.schema";
import { publicProcedure } from "@/server/api/trpc";
import { authSecret } from "@/server/auth/auth-secret";
import { signedLinks } from "@/server/auth/signed-links";
import { readUnsubscribeToken } from "@/server/domain/email/unsubscribe-token";
import { AppError } from "@/server/platform/errors";
import { recordOptOut } from "@/server/services/email/unsubscribe";

/** Public: the signed link is the proof (a mail client's one-click POST carries no session). */
export const emailUnsubscribe = publicProcedure
  .input(unsubscribeInput)
  .output(unsubscribeOutput)
  .mutation(async ({ ctx, input }) => {
    const links = signedLinks(authSecret());
    const optOut = readUnsubscribeToken((token) => links.verify("unsubscribe", token), input.token);
    if (!optOut) throw new AppError("NOT_FOUND", "This unsubscribe link does not work.");
    await recordOptOut(ctx.db, optOut, new Date());
    return optOut;
  });
