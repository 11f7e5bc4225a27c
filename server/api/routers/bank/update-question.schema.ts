import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import { competencyKeySchema } from "@/server/domain/scoring/competency-set";
import { codeSpecSchema } from "@/server/domain/code/code-spec";
import { startingDiagramSchema } from "@/server/domain/board/board";
import { bankQuestionDetailSchema } from "@/server/api/routers/bank/question.schema";

const trimmed = dbText.trim().min(1, "cannot be empty").max(20_000);
/** An answer or a statement as long as a document may make one: the editor sends it back as it was. */
const markdown = dbText.trim().min(1, "cannot be empty").max(MAX_BANK_BYTES);
/** A list of short texts ("one per line" in the editor): key points, red flags, tags. */
const points = (max: number, chars: number) => z.array(trimmed.max(chars)).max(max);

/**
 * What a person may correct in a parsed question: every field the importer fills. Prompt, follow-ups and
 * rubric are always sent; any other field left out keeps what is stored (or follows a corrected field it was
 * derived from: server/bank/correct-question.ts). `null` clears a field that may be empty.
 */
export const questionCorrectionSchema = z.object({
  prompt: trimmed.max(2_000),
  /** The scenario or problem statement read out with the prompt (Markdown). */
  context: markdown.nullable().optional(),
  /** The reference answer (Markdown). */
  answer: markdown.nullable().optional(),
  keyPoints: points(50, 2_000).optional(),
  redFlags: points(200, 2_000).optional(),
  difficulty: trimmed.max(100).nullable().optional(),
  tags: points(30, 100).optional(),
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
