import { z } from "zod";
import { roleOutput, sessionIdInput, statusOutput } from "@/server/api/routers/interview/session.schema";
import { REMINDER_KEYS, type Reminder } from "@/server/domain/schedule/schedule";

export const interviewPlanInput = sessionIdInput;
export const interviewPlanOutput = z.object({
  id: z.string(),
  title: z.string(),
  status: statusOutput,
  editable: z.boolean(),
  candidateName: z.string().nullable(),
  candidateEmail: z.string().nullable(),
  schedule: z
    .object({ startsAt: z.date(), durationMin: z.number().int(), timeZone: z.string(), reminders: z.array(z.enum(REMINDER_KEYS as [Reminder, ...Reminder[]])) })
    .nullable(),
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      name: z.string().nullable(),
      role: roleOutput,
      createdAt: z.date(),
      joined: z.boolean(),
      /** How the latest invitation or update email to them fared; null when none was sent. */
      delivery: z.enum(["queued", "sent", "failed"]).nullable(),
    }),
  ),
  /** Whether this server sends email; without it the page offers links to copy only. */
  emailOn: z.boolean(),
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
    z.object({
      id: z.string(),
      role: roleOutput,
      expiresAt: z.date(),
      revokedAt: z.date().nullable(),
      usedAt: z.date().nullable(),
      createdAt: z.date(),
      /** The address the link was emailed to (an invitation by email); null for a link copied by hand. */
      emailedTo: z.string().nullable(),
    }),
  ),
  participants: z.array(z.object({ userId: z.string(), name: z.string().nullable(), isGuest: z.boolean(), role: roleOutput, joinedAt: z.date() })),
});

export type InterviewPlanInput = z.infer<typeof interviewPlanInput>;
export type InterviewPlanOutput = z.infer<typeof interviewPlanOutput>;
