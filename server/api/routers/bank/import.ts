import { z } from "zod";
import { bankWriteProcedure } from "@/server/api/trpc";
import { correctedFileSchema, importBankFiles, importResultSchema, MAX_FILES_PER_REQUEST } from "@/server/services/bank/upload";

export const bankImport = bankWriteProcedure
  .input(z.object({ files: z.array(correctedFileSchema).min(1).max(MAX_FILES_PER_REQUEST) }))
  .output(z.array(importResultSchema))
  .mutation(({ ctx, input }) => importBankFiles(ctx.db, input.files, ctx.user.id));
