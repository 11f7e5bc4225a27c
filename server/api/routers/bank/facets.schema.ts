import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { competencySetSchema } from "@/server/domain/scoring/competency-set";

export const bankFacetsInput = z.object({ documentId: dbText.min(1).optional() }).default({});
export type BankFacetsInput = z.input<typeof bankFacetsInput>;

const countedValue = z.object({ value: z.string(), count: z.number().int() });

export const bankFacetsSchema = z.object({
  /** `shared`: a bundled, read-only document; otherwise the reader's own. */
  /** `competencies`: the set its criteria are scored under (the default set for a document that kept it). */
  documents: z.array(
    z.object({ id: z.string(), title: z.string(), sourceFile: z.string(), shared: z.boolean(), count: z.number().int(), competencies: competencySetSchema }),
  ),
  sections: z.array(countedValue),
  difficulties: z.array(countedValue),
  tags: z.array(countedValue),
});

export type BankFacets = z.infer<typeof bankFacetsSchema>;
