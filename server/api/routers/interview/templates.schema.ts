import { z } from "zod";

export const interviewTemplatesOutput = z.array(z.object({ id: z.string(), title: z.string(), itemCount: z.number().int(), createdAt: z.date() }));

export type InterviewTemplatesOutput = z.infer<typeof interviewTemplatesOutput>;
