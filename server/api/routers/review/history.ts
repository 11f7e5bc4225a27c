import { protectedProcedure } from "@/server/api/trpc";
import { historyFiltersSchema } from "@/server/domain/review/history-filters";
import { sessionHistory } from "@/server/services/review/history";

/** The sessions the caller ran, co-ran, observed or took; hidden ones left out. */
export const reviewHistory = protectedProcedure.input(historyFiltersSchema).query(({ ctx, input }) => sessionHistory(ctx.pool, ctx.user, input));
