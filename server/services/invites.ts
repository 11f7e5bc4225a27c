import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { ParticipantRole } from "@/server/db/generated/enums";

// A link carries a random token; the database keeps only its hash, so a leaked database row cannot be
// turned back into a working link.
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export interface ValidInvite {
  id: string;
  sessionId: string;
  role: ParticipantRole;
}

/** The invite behind `token` when it exists, is not revoked and has not expired; otherwise null. */
export async function findValidInvite(db: Db, token: string, now: Date): Promise<ValidInvite | null> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { id: true, sessionId: true, role: true, expiresAt: true, revokedAt: true },
  });
  if (!invite || invite.revokedAt || invite.expiresAt <= now) return null;
  return { id: invite.id, sessionId: invite.sessionId, role: invite.role };
}
