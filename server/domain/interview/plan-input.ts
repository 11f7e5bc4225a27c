import { z } from "zod";
import { dbText, singleLineText } from "@/server/domain/db-text";

/** What a plan is made of, checked the same way by the plan form and by the procedures. */

export const TIME_BOX_RULE = "Between 1 and 240 minutes, or empty for none";

export const planItemInput = z.object({
  bankQuestionId: dbText.min(1).max(64),
  timeBoxSec: z
    .number()
    .int()
    .min(60, TIME_BOX_RULE)
    .max(4 * 3600, TIME_BOX_RULE)
    .nullable(),
});

export const interviewDetailsInput = z.object({
  title: singleLineText.trim().min(1, "Give the interview a title").max(200),
  candidateName: singleLineText.trim().max(100).nullish(),
  candidateEmail: z
    .union([z.literal(""), z.email("Enter a valid email address").max(254)])
    .nullish()
    .transform((value) => value || null),
});

export const planItemsInput = z.array(planItemInput).max(50, "At most 50 questions per interview");
