import { signUpInput, signUpOutput } from "@/server/api/routers/account/sign-up.schema";
import { publicProcedure } from "@/server/api/trpc";
import { signUp as createAccount } from "@/server/services/accounts/sign-up";
import { enforceLimit, RATE_LIMITS } from "@/server/services/accounts/rate-limits";

export const signUp = publicProcedure
  .input(signUpInput)
  .output(signUpOutput)
  .mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx.db, RATE_LIMITS.signUpsPerAddress, ctx.clientAddress, new Date());
    const user = await createAccount(ctx.db, input, { currentGuestId: ctx.user?.isGuest ? ctx.user.id : undefined, emailOn: ctx.emailOn });
    return { id: user.id, name: user.name, email: user.email };
  });
