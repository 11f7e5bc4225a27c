import { z } from "zod";
import { roleOutput, statusOutput } from "@/server/api/routers/interview/session.schema";

const dashboardInterview = z.object({
  id: z.string(),
  title: z.string(),
  status: statusOutput,
  createdAt: z.date(),
  scheduledAt: z.date().nullable(),
  myRole: roleOutput,
});

export const dashboardSummaryOutput = z.object({
  bankQuestions: z.number().int(),
  bankDocuments: z.number().int(),
  interviewsRun: z.number().int(),
  interviewsTaken: z.number().int(),
  upcoming: z.array(dashboardInterview),
  finished: z.array(dashboardInterview),
});

export type DashboardSummaryOutput = z.infer<typeof dashboardSummaryOutput>;
