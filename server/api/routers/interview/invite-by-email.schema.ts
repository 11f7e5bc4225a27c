import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";
import { emailSchema } from "@/server/domain/accounts/credentials";
import { singleLineText } from "@/server/domain/db-text";
import { INVITABLE_ROLES } from "@/server/domain/interview/policy";

export const interviewInviteByEmailInput = sessionIdInput.extend({
  email: emailSchema,
  name: singleLineText
    .trim()
    .max(80, "Use at most 80 characters")
    .nullish()
    .transform((value) => value || null),
  role: z.enum(INVITABLE_ROLES),
});
export const interviewInviteByEmailOutput = z.object({ id: z.string(), resent: z.boolean() });

export type InterviewInviteByEmailInput = z.input<typeof interviewInviteByEmailInput>;
export type InterviewInviteByEmailOutput = z.infer<typeof interviewInviteByEmailOutput>;
