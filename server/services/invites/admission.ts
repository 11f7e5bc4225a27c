import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/server/db/generated/client";
import type { ParticipantRole } from "@/server/db/generated/enums";
import { canAcceptInvite } from "@/server/domain/interview/policy";
import { AppError } from "@/server/errors";

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
  usedAt: Date | null;
}

type Tx = Prisma.TransactionClient;

/**
 * The invite behind `token` when it exists, is not revoked and has not expired; otherwise null. Its row
 * stays locked until the caller's transaction ends, so two people using one candidate link at once are
 * admitted one after the other, and the second finds it used.
 */
export async function lockValidInvite(tx: Tx, token: string, now: Date): Promise<ValidInvite | null> {
  const rows = await tx.$queryRaw<Array<ValidInvite & { expiresAt: Date; revokedAt: Date | null }>>`
    SELECT "id", "sessionId", "role", "usedAt", "expiresAt", "revokedAt" FROM "Invite" WHERE "tokenHash" = ${hashInviteToken(token)} FOR UPDATE`;
  const invite = rows[0];
  if (!invite || invite.revokedAt || invite.expiresAt <= now) return null;
  return { id: invite.id, sessionId: invite.sessionId, role: invite.role, usedAt: invite.usedAt };
}

export const CANDIDATE_LINK_USED =
  "Someone has already joined this interview with this candidate link. Ask the interviewer for a new link if that was not you.";

/**
 * Admits `userId` to the invite's session in the invite's role, inside the caller's transaction (which
 * holds the invite's lock). Someone already in the session keeps their role. A candidate link admits one
 * person, once; observer links admit any number, and each participant remembers the link that admitted them.
 */
export async function admitWithInvite(tx: Tx, invite: ValidInvite, userId: string, now: Date): Promise<ParticipantRole> {
  const existing = await tx.participant.findUnique({ where: { sessionId_userId: { sessionId: invite.sessionId, userId } }, select: { role: true } });
  if (existing) return existing.role;
  const candidates = await tx.participant.findMany({ where: { sessionId: invite.sessionId, role: "CANDIDATE" }, select: { userId: true } });
  if (!canAcceptInvite({ role: invite.role, used: invite.usedAt !== null }, { candidateUserIds: candidates.map((c) => c.userId) }, userId)) {
    throw new AppError("CONFLICT", CANDIDATE_LINK_USED);
  }
  await tx.participant.create({ data: { sessionId: invite.sessionId, userId, role: invite.role, inviteId: invite.id } });
  if (invite.role === "CANDIDATE") await tx.invite.update({ where: { id: invite.id }, data: { usedAt: now } });
  return invite.role;
}
