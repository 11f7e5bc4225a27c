import { z } from "zod";
import type { SignedLinks } from "@/server/auth/signed-links";
import { UNSUBSCRIBABLE, type EmailKind } from "@/server/domain/email/messages";
import type { Db } from "@/server/platform/db/client";

const unsubscribeValue = z.object({ email: z.string().min(3).max(254), kind: z.string().refine((kind) => UNSUBSCRIBABLE.has(kind as EmailKind)) });

export type Unsubscription = z.infer<typeof unsubscribeValue>;

/** What an unsubscribe link stops, when this server signed it for a kind one can stop; else null. */
export function readUnsubscribeToken(links: SignedLinks, token: string): Unsubscription | null {
  const value = links.verify("unsubscribe", token);
  if (value === null) return null;
  try {
    const parsed = unsubscribeValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Records the opt-out; the same link opened twice keeps the first row. */
export async function recordOptOut(db: Db, optOut: Unsubscription, now: Date): Promise<void> {
  await db.emailOptOut.createMany({ data: [{ email: optOut.email, kind: optOut.kind, createdAt: now }], skipDuplicates: true });
}
