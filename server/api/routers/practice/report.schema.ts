import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { peerSessionInput } from "@/server/api/routers/practice/swap.schema";

export const REPORT_REASON_MAX = 2_000;
export const reportInput = peerSessionInput.extend({ reason: dbText.trim().min(1, "Say what happened.").max(REPORT_REASON_MAX) });
export type ReportInput = z.input<typeof reportInput>;
