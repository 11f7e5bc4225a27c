import { z } from "zod";
import { roleOutput } from "@/server/api/routers/interview/session.schema";
import { dbText } from "@/server/domain/db-text";

export const inviteDescribeInput = z.object({ token: dbText.min(1).max(200) });
export const inviteDescribeOutput = z.discriminatedUnion("valid", [
  z.object({
    valid: z.literal(true),
    sessionTitle: z.string(),
    interviewerName: z.string().nullable(),
    role: roleOutput,
    status: z.string(),
    used: z.boolean(),
  }),
  z.object({ valid: z.literal(false), reason: z.enum(["expired", "revoked", "unknown"]) }),
]);

export type InviteDescribeInput = z.infer<typeof inviteDescribeInput>;
export type InviteDescribeOutput = z.infer<typeof inviteDescribeOutput>;
