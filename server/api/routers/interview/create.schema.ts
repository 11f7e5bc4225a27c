import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { interviewDetailsInput, planItemsInput } from "@/server/domain/interview/plan-input";

export const interviewCreateInput = interviewDetailsInput.extend({ items: planItemsInput, templateId: dbText.min(1).max(64).optional() });
export const interviewCreateOutput = z.object({ id: z.string() });

export type InterviewCreateInput = z.input<typeof interviewCreateInput>;
export type InterviewCreateOutput = z.infer<typeof interviewCreateOutput>;
