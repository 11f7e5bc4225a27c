import { bankReadProcedure } from "@/server/api/trpc";
import { bankFacetsInput, bankFacetsSchema } from "@/server/api/routers/bank/facets.schema";
import { bankFacets as loadFacets } from "@/server/services/bank/facets";

export const bankFacets = bankReadProcedure
  .input(bankFacetsInput)
  .output(bankFacetsSchema)
  .query(({ ctx, input }) => loadFacets(ctx.db, ctx.scope, input.documentId));
