import { z } from "zod";
import { roleOutput, statusOutput } from "@/server/api/routers/interview/session.schema";

export const interviewListOutput = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    status: statusOutput,
    myRole: roleOutput,
    candidateName: z.string().nullable(),
    createdAt: z.date(),
    scheduledAt: z.date().nullable(),
    durationMin: z.number().int().nullable(),
    startedAt: z.date().nullable(),
    endedAt: z.date().nullable(),
    questionCount: z.number().int(),
  }),
);

export type InterviewListOutput = z.infer<typeof interviewListOutput>;
