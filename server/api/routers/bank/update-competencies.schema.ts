import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { COMPETENCIES_MAX, competencyKeySchema, competencySchema, competencySetSchema } from "@/server/domain/scoring/competency-set";

export const competencyEditSchema = z.object({
  documentId: dbText.min(1).max(100),
  /** The whole set, in order: an entry with a `key` renames or keeps that competency, one without adds a new one. */
  competencies: z
    .array(competencySchema.extend({ key: competencyKeySchema.optional() }))
    .min(1, "needs at least one competency")
    .max(COMPETENCIES_MAX),
});
export type CompetencyEdit = z.infer<typeof competencyEditSchema>;

export const competencyEditResultSchema = z.object({
  competencies: competencySetSchema,
  /** Criteria whose competency was removed, now under the importer's proposal among the rest. */
  moved: z.number().int().nonnegative(),
});
export type CompetencyEditResult = z.infer<typeof competencyEditResultSchema>;
