import { bankWriteProcedure } from "@/server/api/trpc";
import { bankPreviewCorrectionInput, bankPreviewCorrectionOutput } from "@/server/api/routers/bank/preview-correction.schema";
import { previewCorrection } from "@/server/services/bank/edit-question";

export const bankPreviewCorrection = bankWriteProcedure
  .input(bankPreviewCorrectionInput)
  .output(bankPreviewCorrectionOutput)
  .mutation(({ input }) => previewCorrection(input.question, input.correction, input.document));
