import { z } from "zod";
import { roleOutput, sessionIdInput, statusOutput } from "@/server/api/routers/interview/session.schema";

export const interviewPlanInput = sessionIdInput;
export const interviewPlanOutput = z.object({
  id: z.string(),
  title: z.string(),
  status: statusOutput,
  editable: z.boolean(),
  candidateName: z.string().nullable(),
  candidateEmail: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      bankQuestionId: z.string().nullable(),
      prompt: z.string(),
      section: z.array(z.string()),
      timeBoxSec: z.number().int().nullable(),
      followUpCount: z.number().int(),
    }),
  ),
  invites: z.array(
    z.object({ id: z.string(), role: roleOutput, expiresAt: z.date(), revokedAt: z.date().nullable(), usedAt: z.date().nullable(), createdAt: z.date() }),
  ),
  participants: z.array(z.object({ userId: z.string(), name: z.string().nullable(), isGuest: z.boolean(), role: roleOutput, joinedAt: z.date() })),
});

export type InterviewPlanInput = z.infer<typeof interviewPlanInput>;
export type InterviewPlanOutput = z.infer<typeof interviewPlanOutput>;
