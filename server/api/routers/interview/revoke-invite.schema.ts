import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

export const interviewRevokeInviteInput = z.object({ inviteId: dbText.min(1).max(64) });
export const interviewRevokeInviteOutput = z.object({ ok: z.literal(true) });

export type InterviewRevokeInviteInput = z.infer<typeof interviewRevokeInviteInput>;
export type InterviewRevokeInviteOutput = z.infer<typeof interviewRevokeInviteOutput>;
