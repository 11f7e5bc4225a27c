import { z } from "zod";
import { bankQuestionSchema } from "@/server/bank/bank-format";
import { dbText } from "@/server/domain/db-text";
import { competencySetSchema } from "@/server/domain/scoring/competency-set";
import { sourcePassageSchema } from "@/server/domain/bank/part-sources";

export const bankQuestionInput = z.object({ id: dbText.min(1) });
export type BankQuestionInput = z.infer<typeof bankQuestionInput>;

export const bankQuestionDetailSchema = bankQuestionSchema.extend({
  id: z.string(),
  /** `ownerId` null: a shared document, read-only (copy it to edit); otherwise the reader's own. */
  /** `competencies`: the set its criteria's `competency` keys name, to choose from when correcting one. */
  document: z.object({ id: z.string(), title: z.string(), sourceFile: z.string(), ownerId: z.string().nullable(), competencies: competencySetSchema }),
  updatedAt: z.date(),
  /** Dropped by a later version of its document but kept for an interview template. */
  retired: z.boolean(),
  /** The document's lines around its parts (`partSources`), for showing the passage each came from. */
  passages: z.array(sourcePassageSchema),
});

export type BankQuestionDetail = z.infer<typeof bankQuestionDetailSchema>;
