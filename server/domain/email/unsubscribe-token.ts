import { z } from "zod";
import { UNSUBSCRIBABLE, type EmailKind } from "@/server/domain/email/messages";

// An unsubscribe link's token is signed over {email, kind} (render.ts); what it may stop is checked here.

const unsubscribeValue = z.object({
  email: z.string().min(3).max(254),
  kind: z.string().refine((kind) => UNSUBSCRIBABLE.has(kind as EmailKind)),
});

export type Unsubscription = z.infer<typeof unsubscribeValue>;

/**
 * What an unsubscribe token stops, given the signer's `verify` for the "unsubscribe" purpose; null for a
 * token this server did not sign, or signed for a kind nobody can stop.
 */
export function readUnsubscribeToken(verify: (token: string) => string | null, token: string): Unsubscription | null {
  const value = verify(token);
  if (value === null) return null;
  try {
    const parsed = unsubscribeValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
