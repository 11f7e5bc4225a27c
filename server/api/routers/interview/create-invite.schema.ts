import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";
import { INVITABLE_ROLES } from "@/server/domain/interview/policy";

export const interviewCreateInviteInput = sessionIdInput.extend({
  role: z.enum(INVITABLE_ROLES),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});
export const interviewCreateInviteOutput = z.object({ id: z.string(), url: z.string(), expiresAt: z.date() });

export type InterviewCreateInviteInput = z.infer<typeof interviewCreateInviteInput>;
export type InterviewCreateInviteOutput = z.infer<typeof interviewCreateInviteOutput>;
