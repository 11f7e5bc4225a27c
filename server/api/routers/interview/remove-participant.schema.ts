import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";
import { idSchema } from "@/server/domain/room";

export const interviewRemoveParticipantInput = sessionIdInput.extend({ userId: idSchema });
export const interviewRemoveParticipantOutput = z.object({ removed: z.literal(true) });

export type InterviewRemoveParticipantInput = z.infer<typeof interviewRemoveParticipantInput>;
export type InterviewRemoveParticipantOutput = z.infer<typeof interviewRemoveParticipantOutput>;
