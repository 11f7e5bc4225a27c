import { protectedProcedure } from "@/server/api/trpc";
import { reviewExportInput, reviewExportOutput } from "@/server/api/routers/review/export.schema";
import { sessionExport } from "@/server/services/review/session-review";

/** The caller's report of a session as a file: Markdown, or JSON with their view and their event log. */
export const reviewExport = protectedProcedure
  .input(reviewExportInput)
  .output(reviewExportOutput)
  .query(({ ctx, input }) => sessionExport(ctx.db, ctx.pool, ctx.user, input.sessionId, input.format));
