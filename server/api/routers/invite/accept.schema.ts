import { z } from "zod";
import { roleOutput } from "@/server/api/routers/interview/session.schema";
import { dbText } from "@/server/domain/db-text";

export const inviteAcceptInput = z.object({ token: dbText.min(1).max(200) });
export const inviteAcceptOutput = z.object({ sessionId: z.string(), role: roleOutput });

export type InviteAcceptInput = z.infer<typeof inviteAcceptInput>;
export type InviteAcceptOutput = z.infer<typeof inviteAcceptOutput>;
