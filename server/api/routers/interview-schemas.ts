import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

/** Input shapes shared by the interview procedures. */
export const sessionIdInput = z.object({ sessionId: dbText.min(1).max(64) });

export const planItemInput = z.object({
  bankQuestionId: dbText.min(1).max(64),
  timeBoxSec: z.number().int().min(60).max(4 * 3600).nullable(),
});

export const interviewDetailsInput = z.object({
  title: dbText.trim().min(1, "Give the interview a title").max(200),
  candidateName: dbText.trim().max(100).nullish(),
  candidateEmail: z.union([z.literal(""), z.email("Enter a valid email address").max(254)]).nullish().transform((value) => value || null),
});

export const planItemsInput = z.array(planItemInput).max(50, "At most 50 questions per interview");

export const roleOutput = z.enum(["INTERVIEWER", "CANDIDATE", "OBSERVER"]);
export const statusOutput = z.enum(["PLANNED", "LIVE", "ENDED", "CANCELLED"]);
