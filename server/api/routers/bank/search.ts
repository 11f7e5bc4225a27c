import { bankReadProcedure } from "@/server/api/trpc";
import { bankSearchInputSchema, bankSearchResultSchema, searchBank } from "@/server/services/bank/search";

export const bankSearch = bankReadProcedure
  .input(bankSearchInputSchema)
  .output(bankSearchResultSchema)
  .query(({ ctx, input }) => searchBank(ctx.db, ctx.scope, input));
