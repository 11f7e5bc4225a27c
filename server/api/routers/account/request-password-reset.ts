import { requestPasswordResetInput, requestPasswordResetOutput } from "@/server/api/routers/account/request-password-reset.schema";
import { publicProcedure } from "@/server/api/trpc";
import { RESET_REQUESTED } from "@/server/domain/accounts/account-links";
import { limitResetRequests, sendPasswordReset } from "@/server/services/accounts/password-reset";

const EMAIL_OFF = "This server does not send email, so it cannot send a reset link. Ask whoever runs this Mockroom to reset your password.";

export const requestPasswordReset = publicProcedure
  .input(requestPasswordResetInput)
  .output(requestPasswordResetOutput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.emailOn) return { message: EMAIL_OFF, emailOn: false };
    const now = new Date();
    await limitResetRequests(ctx.db, input.email, ctx.clientAddress, now);
    // Not awaited: the answer takes the same time whether or not the address has an account.
    void sendPasswordReset(ctx.db, input.email, now).catch((error: unknown) => console.error("password reset email not queued", error));
    return { message: RESET_REQUESTED, emailOn: true };
  });
