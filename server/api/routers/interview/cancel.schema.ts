import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const interviewCancelInput = sessionIdInput;
export const interviewCancelOutput = z.object({ ok: z.literal(true) });

export type InterviewCancelInput = z.infer<typeof interviewCancelInput>;
export type InterviewCancelOutput = z.infer<typeof interviewCancelOutput>;
