import { meOutput } from "@/server/api/routers/account/me.schema";
import { protectedProcedure } from "@/server/api/trpc";
import { profileOf } from "@/server/services/accounts/profile";

export const me = protectedProcedure.output(meOutput).query(async ({ ctx }) => ({ ...(await profileOf(ctx.db, ctx.user.id)), emailOn: ctx.emailOn }));
