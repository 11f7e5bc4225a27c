import { meOutput } from "@/server/api/routers/account/me.schema";
import { updateProfileInput } from "@/server/api/routers/account/update-profile.schema";
import { protectedProcedure } from "@/server/api/trpc";
import { updateProfile as saveProfile } from "@/server/services/accounts/profile";

export const updateProfile = protectedProcedure
  .input(updateProfileInput)
  .output(meOutput)
  .mutation(async ({ ctx, input }) => ({ ...(await saveProfile(ctx.db, ctx.user.id, input)), emailOn: ctx.emailOn }));
