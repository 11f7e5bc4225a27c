import { protectedProcedure } from "@/server/api/trpc";
import { dashboardSummaryOutput } from "@/server/api/routers/dashboard/summary.schema";
import { summariseDashboard } from "@/server/services/dashboard/summary";

export const dashboardSummary = protectedProcedure.output(dashboardSummaryOutput).query(({ ctx }) => summariseDashboard(ctx.db, ctx.user));
