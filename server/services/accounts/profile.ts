import type { Db } from "@/server/platform/db/client";
import { AppError } from "@/server/platform/errors";

export interface Profile {
  name: string | null;
  email: string | null;
  emailVerified: boolean;
  /** The zone this person reads times in when they chose one (IANA name); null: their browser's. */
  timeZone: string | null;
  isGuest: boolean;
}

/** The signed-in person's own settings, read from their row (the session's copy may be older). */
export async function profileOf(db: Db, userId: string): Promise<Profile> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, emailVerified: true, timeZone: true, isGuest: true } });
  if (!user) throw new AppError("NOT_FOUND");
  return { name: user.name, email: user.email, emailVerified: user.emailVerified !== null, timeZone: user.timeZone, isGuest: user.isGuest };
}

/** Saves the name and time zone an account chose (both validated at the boundary); guests have no settings. */
export async function updateProfile(db: Db, userId: string, input: { name: string | null; timeZone: string | null }): Promise<Profile> {
  const updated = await db.user.updateMany({ where: { id: userId, isGuest: false }, data: { name: input.name, timeZone: input.timeZone } });
  if (updated.count === 0) throw new AppError("FORBIDDEN", "Guests have no settings to keep; create an account first.");
  return profileOf(db, userId);
}
