import { practiceProcedure } from "@/server/api/trpc";
import { practiceProfileOutput, savePracticeProfileInput } from "@/server/api/routers/practice/profile.schema";
import { savePracticeProfile } from "@/server/services/practice/profile";

export const practiceSaveProfile = practiceProcedure
  .input(savePracticeProfileInput)
  .output(practiceProfileOutput)
  .mutation(({ ctx, input }) => savePracticeProfile(ctx.db, ctx.user, input));
