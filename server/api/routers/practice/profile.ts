import { practiceProcedure } from "@/server/api/trpc";
import { practiceProfileOutput } from "@/server/api/routers/practice/profile.schema";
import { practiceProfileOf } from "@/server/services/practice/profile";

export const practiceProfile = practiceProcedure.output(practiceProfileOutput).query(({ ctx }) => practiceProfileOf(ctx.db, ctx.user.id));
