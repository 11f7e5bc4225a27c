import { z } from "zod";
import { singleLineText } from "../db-text";
import { timeZoneSchema } from "../schedule/time-zone";
import { practiceLevelSchema } from "./levels";

/** Languages an interview can be held in; a fixed list, so that two people's choices compare. */
export const PRACTICE_LANGUAGES = [
  "English",
  "Spanish",
  "French",
  "German",
  "Portuguese",
  "Italian",
  "Hindi",
  "Mandarin",
  "Japanese",
  "Russian",
  "Arabic",
  "Turkish",
] as const;
export const practiceLanguageSchema = z.enum(PRACTICE_LANGUAGES, { error: "Choose languages from the list." });

export const MAX_PRACTICE_TOPICS = 10;
export const practiceTopicSchema = singleLineText.trim().min(1, "Choose a topic.").max(300);

export const practiceProfileSchema = z.object({
  topics: z.array(practiceTopicSchema).min(1, "Choose at least one topic.").max(MAX_PRACTICE_TOPICS, `Choose at most ${MAX_PRACTICE_TOPICS} topics.`),
  level: practiceLevelSchema,
  languages: z.array(practiceLanguageSchema).max(PRACTICE_LANGUAGES.length),
  /** null: "use my browser's time zone", as in the settings. */
  timeZone: timeZoneSchema.nullable(),
});
export type PracticeProfileInput = z.infer<typeof practiceProfileSchema>;
