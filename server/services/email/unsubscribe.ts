import type { Unsubscription } from "@/server/domain/email/unsubscribe-token";
import type { Db } from "@/server/platform/db/client";

/** Records the opt-out; the same link used twice keeps the first row. */
export async function recordOptOut(db: Db, optOut: Unsubscription, now: Date): Promise<void> {
  await db.emailOptOut.createMany({ data: [{ email: optOut.email, kind: optOut.kind, createdAt: now }], skipDuplicates: true });
}
