import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";
import { interviewDetailsInput, planItemsInput } from "@/server/domain/interview/plan-input";

export const interviewUpdatePlanInput = sessionIdInput.extend(interviewDetailsInput.shape).extend({ items: planItemsInput });
export const interviewUpdatePlanOutput = z.object({ ok: z.literal(true) });

export type InterviewUpdatePlanInput = z.input<typeof interviewUpdatePlanInput>;
export type InterviewUpdatePlanOutput = z.infer<typeof interviewUpdatePlanOutput>;
