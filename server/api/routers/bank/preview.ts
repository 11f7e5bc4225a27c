import { z } from "zod";
import { bankWriteProcedure } from "@/server/api/trpc";
import { bankFileSchema, MAX_FILES_PER_REQUEST, previewBankFiles, previewResultSchema } from "@/server/services/bank/upload";

export const bankPreview = bankWriteProcedure
  .input(z.object({ files: z.array(bankFileSchema).min(1).max(MAX_FILES_PER_REQUEST) }))
  .output(z.array(previewResultSchema))
  .mutation(({ input }) => previewBankFiles(input.files));
