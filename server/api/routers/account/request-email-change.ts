import { requestEmailChangeInput, requestEmailChangeOutput } from "@/server/api/routers/account/request-email-change.schema";
import { protectedProcedure } from "@/server/api/trpc";
import { CHANGE_REQUESTED } from "@/server/domain/accounts/account-links";
import { requestEmailChange as askToChange } from "@/server/services/accounts/change-email";

const EMAIL_OFF = "This server does not send email, so a new address cannot be confirmed. Ask whoever runs this Mockroom.";

export const requestEmailChange = protectedProcedure
  .input(requestEmailChangeInput)
  .output(requestEmailChangeOutput)
  .mutation(async ({ ctx, input }) => {
    const { sent } = await askToChange(ctx.db, ctx.user.id, input, ctx.emailOn, new Date());
    return sent ? { message: CHANGE_REQUESTED, emailOn: true } : { message: ctx.emailOn ? CHANGE_REQUESTED : EMAIL_OFF, emailOn: ctx.emailOn };
  });
