import { confirmEmailChangeInput, confirmEmailChangeOutput } from "@/server/api/routers/account/confirm-email-change.schema";
import { publicProcedure } from "@/server/api/trpc";
import { authSecret } from "@/server/auth/auth-secret";
import { signedLinks } from "@/server/auth/signed-links";
import { confirmEmailChange as moveAddress } from "@/server/services/accounts/change-email";

/** Public: the link is the proof; every session of the account ends with the change, this one too. */
export const confirmEmailChange = publicProcedure
  .input(confirmEmailChangeInput)
  .output(confirmEmailChangeOutput)
  .mutation(async ({ ctx, input }) => {
    const { email, userId } = await moveAddress(ctx.db, signedLinks(authSecret()), input.token, new Date());
    ctx.endSocketsOf(userId);
    return { email };
  });
