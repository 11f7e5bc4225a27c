import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

export const bankDeleteDocumentInput = z.object({ documentId: dbText.min(1).max(100) });
export const bankDeleteDocumentOutput = z.object({ deleted: z.literal(true) });

export type BankDeleteDocumentInput = z.infer<typeof bankDeleteDocumentInput>;
export type BankDeleteDocumentOutput = z.infer<typeof bankDeleteDocumentOutput>;
