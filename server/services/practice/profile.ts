// A person's practice profile: the topics, level and languages the matcher pairs them by.
import type { Db } from "@/server/platform/db/client";
import type { PracticeProfileInput } from "@/server/domain/practice/profile";
import type { PracticeLevel } from "@/server/domain/practice/levels";
import { AppError } from "@/server/platform/errors";
import { canPractise, PRACTICE_NEEDS_ACCOUNT } from "@/server/domain/practice/policy";
import { requireTopics } from "@/server/services/practice/topics";

export interface PracticeProfile {
  topics: string[];
  level: PracticeLevel;
  languages: string[];
  timeZone: string | null;
}

export async function practiceProfileOf(db: Db, userId: string): Promise<PracticeProfile | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true, practiceProfile: true } });
  if (!user?.practiceProfile) return null;
  const { topics, level, languages } = user.practiceProfile;
  return { topics, level, languages, timeZone: user.timeZone };
}

/** Saves the profile (topics must be in the bank; guests have none); the time zone is the account's own. */
export async function savePracticeProfile(db: Db, user: { id: string; isGuest: boolean }, input: PracticeProfileInput): Promise<PracticeProfile> {
  if (!canPractise(user)) throw new AppError("FORBIDDEN", PRACTICE_NEEDS_ACCOUNT);
  const topics = [...new Set(input.topics)];
  const languages = [...new Set(input.languages)];
  await requireTopics(db, topics, "topics");
  const profile = { topics, level: input.level, languages };
  await db.$transaction([
    db.practiceProfile.upsert({ where: { userId: user.id }, create: { userId: user.id, ...profile }, update: { ...profile, updatedAt: new Date() } }),
    db.user.update({ where: { id: user.id }, data: { timeZone: input.timeZone } }),
  ]);
  return { ...profile, timeZone: input.timeZone };
}
