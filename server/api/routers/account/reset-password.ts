import { resetPasswordInput, resetPasswordOutput } from "@/server/api/routers/account/reset-password.schema";
import { publicProcedure } from "@/server/api/trpc";
import { authSecret } from "@/server/auth/auth-secret";
import { signedLinks } from "@/server/auth/signed-links";
import { resetPassword as setNewPassword } from "@/server/services/accounts/password-reset";

export const resetPassword = publicProcedure
  .input(resetPasswordInput)
  .output(resetPasswordOutput)
  .mutation(async ({ ctx, input }) => {
    const { userId } = await setNewPassword(ctx.db, signedLinks(authSecret()), input, new Date());
    // Its sessions have ended; its open sockets (someone else's, perhaps) go now, not at their next reconnect.
    ctx.endSocketsOf(userId);
    return { done: true as const };
  });
