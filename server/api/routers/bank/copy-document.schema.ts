import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

export const bankCopyDocumentInput = z.object({ documentId: dbText.min(1).max(100) });
export const bankCopyDocumentOutput = z.object({ documentId: z.string() });

export type BankCopyDocumentInput = z.infer<typeof bankCopyDocumentInput>;
export type BankCopyDocumentOutput = z.infer<typeof bankCopyDocumentOutput>;
