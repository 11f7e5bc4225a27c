import { verifyEmailInput, verifyEmailOutput } from "@/server/api/routers/account/verify-email.schema";
import { publicProcedure } from "@/server/api/trpc";
import { authSecret } from "@/server/auth/auth-secret";
import { signedLinks } from "@/server/auth/signed-links";
import { verifyEmail as confirmAddress } from "@/server/services/accounts/verify-email";

/** Public: the link is the proof, and it may be opened in a browser signed in as no one. */
export const verifyEmail = publicProcedure
  .input(verifyEmailInput)
  .output(verifyEmailOutput)
  .mutation(({ ctx, input }) => confirmAddress(ctx.db, signedLinks(authSecret()), input.token, new Date()));
