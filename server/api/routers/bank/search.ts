import { bankReadProcedure } from "@/server/api/trpc";
import { bankSearchInputSchema, bankSearchResultSchema } from "@/server/api/routers/bank/search.schema";
import { searchBank } from "@/server/services/bank/search";

export const bankSearch = bankReadProcedure
  .input(bankSearchInputSchema)
  .output(bankSearchResultSchema)
  .query(({ ctx, input }) => searchBank(ctx.db, ctx.scope, input));
