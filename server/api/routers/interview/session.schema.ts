import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { roleSchema } from "@/server/domain/room/room-state";

/** Shapes shared by the procedures about a session: the interview's, the invite's, the dashboard's and review's. */
export const sessionIdInput = z.object({ sessionId: dbText.min(1).max(64) });
export type SessionIdInput = z.infer<typeof sessionIdInput>;

export const roleOutput = roleSchema;
export const statusOutput = z.enum(["PLANNED", "LIVE", "ENDED", "CANCELLED"]);
