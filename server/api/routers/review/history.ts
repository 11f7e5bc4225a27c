import { protectedProcedure } from "@/server/api/trpc";
import { reviewHistoryInput } from "@/server/api/routers/review/history.schema";
import { sessionHistory } from "@/server/services/review/history";

/** The sessions the caller ran, co-ran, observed or took; hidden ones left out. */
export const reviewHistory = protectedProcedure.input(reviewHistoryInput).query(({ ctx, input }) => sessionHistory(ctx.pool, ctx.user, input));
