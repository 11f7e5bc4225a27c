import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { roleSchema } from "@/server/domain/room/room-state";

/** Input shapes shared by the interview procedures. */
export const sessionIdInput = z.object({ sessionId: dbText.min(1).max(64) });

export { interviewDetailsInput, planItemInput, planItemsInput } from "@/server/domain/interview/plan-input";

export const roleOutput = roleSchema;
export const statusOutput = z.enum(["PLANNED", "LIVE", "ENDED", "CANCELLED"]);
