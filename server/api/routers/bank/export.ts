import { bankReadProcedure } from "@/server/api/trpc";
import { bankExportInput, bankExportOutput } from "@/server/api/routers/bank/export.schema";
import { exportBank } from "@/server/services/bank/export";

/** What the reader may read of the bank, in the interchange format (the same as `npm run bank -- export`). */
export const bankExport = bankReadProcedure
  .input(bankExportInput)
  .output(bankExportOutput)
  .query(({ ctx, input }) => exportBank(ctx.db, ctx.scope, input.documentId));
