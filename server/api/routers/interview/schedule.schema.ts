import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";
import { scheduleFields } from "@/server/domain/schedule/schedule";

export const interviewScheduleInput = sessionIdInput.extend(scheduleFields.shape);
export const interviewScheduleOutput = z.object({ startsAt: z.date(), sequence: z.number().int() });

export type InterviewScheduleInput = z.input<typeof interviewScheduleInput>;
export type InterviewScheduleOutput = z.infer<typeof interviewScheduleOutput>;
