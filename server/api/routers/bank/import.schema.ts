import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { bankFileSchema, fileFailureSchema, MAX_FILES_PER_REQUEST, MAX_LISTED_PASSAGES } from "@/server/api/routers/bank/preview.schema";
import { questionCorrectionSchema } from "@/server/api/routers/bank/update-question.schema";

export const correctedFileSchema = bankFileSchema.extend({
  /** Corrections made in the preview, by question key. */
  corrections: z
    .array(questionCorrectionSchema.extend({ key: dbText.min(1) }))
    .max(1_000)
    .default([]),
  /** Passages the preview listed as not used that the user made questions, by their first line. */
  passagesAsQuestions: z.array(z.number().int().positive()).max(MAX_LISTED_PASSAGES).default([]),
});

/** What an import did to a document (the web page's and `npm run bank -- import`'s report). */
export const importOutcomeSchema = z.object({
  sourceFile: z.string(),
  documentId: z.string(),
  title: z.string(),
  status: z.enum(["created", "updated", "unchanged"]),
  /** Totals of the document as stored after the import. */
  questions: z.number().int(),
  followUps: z.number().int(),
  rubricCriteria: z.number().int(),
  /** What a re-import did to the questions that were there before. */
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  /** Dropped from the file but kept (hidden from search) because an interview template uses them. */
  retired: z.number().int(),
});

export const importResultSchema = z.discriminatedUnion("ok", [
  z.object({ name: z.string(), ok: z.literal(true), outcome: importOutcomeSchema }),
  fileFailureSchema,
]);

export const bankImportInput = z.object({ files: z.array(correctedFileSchema).min(1).max(MAX_FILES_PER_REQUEST) });
export const bankImportOutput = z.array(importResultSchema);

export type CorrectedFile = z.input<typeof correctedFileSchema>;
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;
export type ImportStatus = ImportOutcome["status"];
export type ImportResult = z.infer<typeof importResultSchema>;
