import { z } from "zod";
import { bankDocumentSchema } from "@/server/bank/bank-format";
import { dbText } from "@/server/domain/db-text";

export const bankExportInput = z.object({ documentId: dbText.min(1).max(100).optional() }).default({});
/** The interchange format itself (server/bank/bank-format.ts), one entry per document. */
export const bankExportOutput = z.array(bankDocumentSchema);

export type BankExportInput = z.input<typeof bankExportInput>;
export type BankExportOutput = z.infer<typeof bankExportOutput>;
