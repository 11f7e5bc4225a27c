import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const interviewDeleteInput = sessionIdInput;
export const interviewDeleteOutput = z.object({ deleted: z.literal(true) });

export type InterviewDeleteInput = z.infer<typeof interviewDeleteInput>;
export type InterviewDeleteOutput = z.infer<typeof interviewDeleteOutput>;
