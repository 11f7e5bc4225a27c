import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

export const answerMatchInput = z.object({ proposalId: dbText.min(1).max(64) });
export const acceptMatchOutput = z.object({ started: z.boolean() });
export type AnswerMatchInput = z.input<typeof answerMatchInput>;
