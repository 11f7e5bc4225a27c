import { z } from "zod";
import { roleOutput, sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const interviewMyRoleInput = sessionIdInput;
export const interviewMyRoleOutput = z.object({
  role: roleOutput,
  title: z.string(),
  scheduledAt: z.date().nullable(),
  /** Set when the interview is a half of a peer practice session: the room shows the practice bar. */
  peerSessionId: z.string().nullable(),
  /** A booked peer session's start: before it, the room says when it opens. */
  practiceStartsAt: z.date().nullable(),
});

export type InterviewMyRoleInput = z.infer<typeof interviewMyRoleInput>;
export type InterviewMyRoleOutput = z.infer<typeof interviewMyRoleOutput>;
