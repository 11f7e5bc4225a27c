import { bankWriteProcedure } from "@/server/api/trpc";
import { bankImportInput, bankImportOutput } from "@/server/api/routers/bank/import.schema";
import { importBankFiles } from "@/server/services/bank/upload";

export const bankImport = bankWriteProcedure
  .input(bankImportInput)
  .output(bankImportOutput)
  .mutation(({ ctx, input }) => importBankFiles(ctx.db, ctx.bankReader, input.files, ctx.user.id));
