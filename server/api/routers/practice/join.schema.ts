import { z } from "zod";
import { practiceTopicSchema } from "@/server/domain/practice/profile";

export const practiceJoinInput = z.object({ topic: practiceTopicSchema });
export type PracticeJoinInput = z.input<typeof practiceJoinInput>;
