import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { bankReadProcedure } from "@/server/api/trpc";
import { bankFacets as loadFacets, bankFacetsSchema } from "@/server/services/bank/facets";

export const bankFacets = bankReadProcedure
  .input(z.object({ documentId: dbText.min(1).optional() }).default({}))
  .output(bankFacetsSchema)
  .query(({ ctx, input }) => loadFacets(ctx.db, ctx.scope, input.documentId));
