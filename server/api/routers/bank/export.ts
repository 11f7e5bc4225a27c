import { z } from "zod";
import { bankReadProcedure } from "@/server/api/trpc";
import { bankDocumentSchema } from "@/server/bank/bank-format";
import { dbText } from "@/server/domain/db-text";
import { exportBank } from "@/server/services/bank/export";

/** What the reader may read of the bank, in the interchange format (the same as `npm run bank -- export`). */
export const bankExport = bankReadProcedure
  .input(z.object({ documentId: dbText.min(1).max(100).optional() }).default({}))
  .output(z.array(bankDocumentSchema))
  .query(({ ctx, input }) => exportBank(ctx.db, ctx.scope, input.documentId));
