import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

/** Input shapes shared by the interview procedures. */
export const sessionIdInput = z.object({ sessionId: dbText.min(1).max(64) });

export { interviewDetailsInput, planItemInput, planItemsInput } from "@/server/domain/interview/plan-input";

export const roleOutput = z.enum(["INTERVIEWER", "CANDIDATE", "OBSERVER"]);
export const statusOutput = z.enum(["PLANNED", "LIVE", "ENDED", "CANCELLED"]);
