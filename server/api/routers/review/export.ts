import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { sessionIdInput } from "@/server/api/routers/interview/schemas";
import { sessionExport } from "@/server/services/review/session-review";

/** The caller's report of a session as a file: Markdown, or JSON with their view and their event log. */
export const reviewExport = protectedProcedure
  .input(sessionIdInput.extend({ format: z.enum(["markdown", "json"]) }))
  .output(z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }))
  .query(({ ctx, input }) => sessionExport(ctx.db, ctx.pool, ctx.user, input.sessionId, input.format));
