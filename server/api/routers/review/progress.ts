import { protectedProcedure } from "@/server/api/trpc";
import { progressOf } from "@/server/services/review/progress";

/** The caller's progress over their latest ended sessions: released scores and coverage, and calibration as a scorer. */
export const reviewProgress = protectedProcedure.query(({ ctx }) => progressOf(ctx.pool, ctx.user));
