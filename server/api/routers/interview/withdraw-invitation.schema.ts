import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

export const interviewWithdrawInvitationInput = z.object({ invitationId: dbText.min(1).max(64) });
export const interviewWithdrawInvitationOutput = z.object({ ok: z.literal(true) });

export type InterviewWithdrawInvitationInput = z.infer<typeof interviewWithdrawInvitationInput>;
export type InterviewWithdrawInvitationOutput = z.infer<typeof interviewWithdrawInvitationOutput>;
