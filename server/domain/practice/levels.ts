import { z } from "zod";

/** The levels people practise at, in order: the distance between two is how far apart they are. */
export const PRACTICE_LEVELS = ["JUNIOR", "MID", "SENIOR", "STAFF"] as const;
export type PracticeLevel = (typeof PRACTICE_LEVELS)[number];
export const practiceLevelSchema = z.enum(PRACTICE_LEVELS, { error: "Choose a level: junior, mid, senior or staff." });

export const LEVEL_LABELS: Record<PracticeLevel, string> = { JUNIOR: "Junior", MID: "Mid-level", SENIOR: "Senior", STAFF: "Staff" };

export function levelDistance(a: PracticeLevel, b: PracticeLevel): number {
  return Math.abs(PRACTICE_LEVELS.indexOf(a) - PRACTICE_LEVELS.indexOf(b));
}
