import { z } from "zod";
import { bankWriteProcedure } from "@/server/api/trpc";
import { dbText } from "@/server/domain/db-text";
import { deleteBankDocument } from "@/server/services/bank/documents";

export const bankDeleteDocument = bankWriteProcedure
  .input(z.object({ documentId: dbText.min(1).max(100) }))
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteBankDocument(ctx.db, ctx.user, input.documentId);
    return { deleted: true as const };
  });
