import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";
import { dbText } from "@/server/domain/db-text";

export const interviewSaveTemplateInput = sessionIdInput.extend({ title: dbText.trim().min(1, "Give the template a name").max(200) });
export const interviewSaveTemplateOutput = z.object({ id: z.string() });

export type InterviewSaveTemplateInput = z.infer<typeof interviewSaveTemplateInput>;
export type InterviewSaveTemplateOutput = z.infer<typeof interviewSaveTemplateOutput>;
