import { bankWriteProcedure } from "@/server/api/trpc";
import { bankCopyDocumentInput, bankCopyDocumentOutput } from "@/server/api/routers/bank/copy-document.schema";
import { copyBankDocument } from "@/server/services/bank/documents";

export const bankCopyDocument = bankWriteProcedure
  .input(bankCopyDocumentInput)
  .output(bankCopyDocumentOutput)
  .mutation(({ ctx, input }) => copyBankDocument(ctx.db, ctx.user, input.documentId));
