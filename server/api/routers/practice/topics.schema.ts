import { z } from "zod";

export const practiceTopicsOutput = z.array(z.object({ topic: z.string(), questions: z.number().int() }));
export type PracticeTopicsOutput = z.infer<typeof practiceTopicsOutput>;
