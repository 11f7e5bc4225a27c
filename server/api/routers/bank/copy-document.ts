import { z } from "zod";
import { bankWriteProcedure } from "@/server/api/trpc";
import { dbText } from "@/server/domain/db-text";
import { copyBankDocument } from "@/server/services/bank/documents";

export const bankCopyDocument = bankWriteProcedure
  .input(z.object({ documentId: dbText.min(1).max(100) }))
  .output(z.object({ documentId: z.string() }))
  .mutation(({ ctx, input }) => copyBankDocument(ctx.db, ctx.user, input.documentId));
