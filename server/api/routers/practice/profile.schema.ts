import { z } from "zod";
import { practiceLevelSchema } from "@/server/domain/practice/levels";
import { practiceProfileSchema } from "@/server/domain/practice/profile";

export const practiceProfileOutput = z
  .object({ topics: z.array(z.string()), level: practiceLevelSchema, languages: z.array(z.string()), timeZone: z.string().nullable() })
  .nullable();
export const savePracticeProfileInput = practiceProfileSchema;
export type PracticeProfileOutput = z.infer<typeof practiceProfileOutput>;
export type SavePracticeProfileInput = z.input<typeof savePracticeProfileInput>;
