import { bankWriteProcedure } from "@/server/api/trpc";
import { bankPreviewInput, bankPreviewOutput } from "@/server/api/routers/bank/preview.schema";
import { previewBankFiles } from "@/server/services/bank/upload";

export const bankPreview = bankWriteProcedure
  .input(bankPreviewInput)
  .output(bankPreviewOutput)
  .mutation(({ ctx, input }) => previewBankFiles(ctx.bankReader, input.files, ctx.user.id));
