import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { competencyKeySchema } from "@/server/domain/scoring/competency-set";
import { codeSpecSchema } from "@/server/domain/code/code-spec";
import { startingDiagramSchema } from "@/server/domain/board/board";
import { bankQuestionDetailSchema } from "@/server/api/routers/bank/question.schema";

const trimmed = dbText.trim().min(1, "cannot be empty").max(20_000);

/** What a person may correct in a parsed question: the parser gets these wrong most often, and a coding question's code. */
export const questionCorrectionSchema = z.object({
  prompt: trimmed.max(2_000),
  followUps: z.array(z.object({ prompt: trimmed.max(2_000), answer: trimmed.nullable(), lookFor: z.array(trimmed.max(1_000)).max(50) })).max(50),
  rubric: z
    .array(
      z.object({
        title: trimmed.max(300),
        lookFor: z.array(trimmed.max(1_000)).max(50),
        /** A key of the document's competencies; left out, the importer's proposal is kept. */
        competency: competencyKeySchema.optional(),
      }),
    )
    .min(1, "needs at least one criterion")
    .max(30),
  /** The coding material: a spec sets it, null removes it, left out keeps what is stored. */
  code: codeSpecSchema.nullable().optional(),
});

export type QuestionCorrection = z.infer<typeof questionCorrectionSchema>;

export const bankUpdateQuestionInput = questionCorrectionSchema.extend({
  id: dbText.min(1),
  /** The starting diagram (Excalidraw elements) the room's whiteboard opens with: elements set it, null removes it, left out keeps it. */
  board: startingDiagramSchema.nullable().optional(),
});
export type BankUpdateQuestionInput = z.infer<typeof bankUpdateQuestionInput>;

/** The question as it reads after the correction, as `bank.question` answers it. */
export const bankUpdateQuestionOutput = bankQuestionDetailSchema;
