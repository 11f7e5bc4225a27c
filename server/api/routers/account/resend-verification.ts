import { resendVerificationOutput } from "@/server/api/routers/account/resend-verification.schema";
import { protectedProcedure } from "@/server/api/trpc";
import { resendVerification as sendAgain } from "@/server/services/accounts/verify-email";

export const resendVerification = protectedProcedure.output(resendVerificationOutput).mutation(async ({ ctx }) => {
  if (!ctx.emailOn) return { sent: false, emailOn: false };
  const { sent } = await sendAgain(ctx.db, ctx.user.id, new Date());
  return { sent, emailOn: true };
});
