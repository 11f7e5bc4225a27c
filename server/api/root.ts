import { router } from "@/server/api/trpc";
import { signUp } from "@/server/api/routers/sign-up";
import { dashboardSummary } from "@/server/api/routers/dashboard-summary";

export const appRouter = router({
  account: router({ signUp }),
  dashboard: router({ summary: dashboardSummary }),
});

export type AppRouter = typeof appRouter;
