import { z } from "zod";
import { roleOutput, sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const interviewMyRoleInput = sessionIdInput;
export const interviewMyRoleOutput = z.object({ role: roleOutput, title: z.string(), scheduledAt: z.date().nullable() });

export type InterviewMyRoleInput = z.infer<typeof interviewMyRoleInput>;
export type InterviewMyRoleOutput = z.infer<typeof interviewMyRoleOutput>;
