import { bankWriteProcedure } from "@/server/api/trpc";
import { bankDeleteDocumentInput, bankDeleteDocumentOutput } from "@/server/api/routers/bank/delete-document.schema";
import { deleteBankDocument } from "@/server/services/bank/documents";

export const bankDeleteDocument = bankWriteProcedure
  .input(bankDeleteDocumentInput)
  .output(bankDeleteDocumentOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteBankDocument(ctx.db, ctx.user, input.documentId);
    return { deleted: true as const };
  });
