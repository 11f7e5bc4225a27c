import { bankWriteProcedure } from "@/server/api/trpc";
import { competencyEditResultSchema, competencyEditSchema } from "@/server/api/routers/bank/update-competencies.schema";
import { updateDocumentCompetencies } from "@/server/services/bank/competencies";

/** Renames, adds or removes the competencies of a document of the caller's own bank. */
export const bankUpdateCompetencies = bankWriteProcedure
  .input(competencyEditSchema)
  .output(competencyEditResultSchema)
  .mutation(({ ctx, input }) => {
    const { documentId, ...edit } = input;
    return updateDocumentCompetencies(ctx.db, ctx.user, documentId, edit);
  });
