import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/server/platform/db/generated/client";
import type { ParticipantRole } from "@/server/platform/db/generated/enums";
import { inviteAdmission } from "@/server/domain/interview/policy";
import { AppError } from "@/server/platform/errors";
import type { RoomEngine } from "@/server/services/room/engine";
import { recordRemoval } from "@/server/services/interviews/participants";

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
  createdAt: Date;
  /** The interviewer who made the link. */
  createdById: string;
}

type Tx = Prisma.TransactionClient;

/**
 * The invite behind `token` when it exists, is not revoked and has not expired; otherwise null. Its row
 * stays locked until the caller's transaction ends, so two people using one candidate link at once are
 * admitted one after the other, and the second finds it used.
 */
export async function lockValidInvite(tx: Tx, token: string, now: Date): Promise<ValidInvite | null> {
  const rows = await tx.$queryRaw<Array<ValidInvite & { expiresAt: Date; revokedAt: Date | null }>>`
    SELECT "id", "sessionId", "role", "usedAt", "createdAt", "createdById", "expiresAt", "revokedAt" FROM "Invite" WHERE "tokenHash" = ${hashInviteToken(token)} FOR UPDATE`;
  const invite = rows[0];
  if (!invite || invite.revokedAt || invite.expiresAt <= now) return null;
  const { id, sessionId, role, usedAt, createdAt, createdById } = invite;
  return { id, sessionId, role, usedAt, createdAt, createdById };
}

export const CANDIDATE_LINK_USED =
  "Someone has already joined this interview with this candidate link. If that was you on another device, ask the interviewer for a fresh link: it lets you in here in place of the other device.";

export interface Admission {
  role: ParticipantRole;
  /** The candidate a fresh candidate link replaced: out of the session, and taken out of its room by `finishAdmission`. */
  replaced: { sessionId: string; userId: string; byId: string } | null;
}

/**
 * Admits `userId` to the invite's session in the invite's role, inside the caller's transaction (which
 * holds the invite's lock). Someone already in the session keeps their role. A candidate link admits one
 * person, once, and a fresh one replaces the candidate (see `inviteAdmission`); observer links admit any
 * number, and each participant remembers the link that admitted them.
 */
export async function admitWithInvite(tx: Tx, invite: ValidInvite, userId: string, now: Date): Promise<Admission> {
  const { sessionId } = invite;
  const existing = await tx.participant.findUnique({ where: { sessionId_userId: { sessionId, userId } }, select: { role: true } });
  if (existing) return { role: existing.role, replaced: null };
  // Two candidate links used at once (two fresh ones, or two unused ones before anyone joined) would
  // each find the seat as it was; one at a time, the second finds it taken.
  if (invite.role === "CANDIDATE") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`candidate-seat:${sessionId}`}))`;
  const candidate = await tx.participant.findFirst({ where: { sessionId, role: "CANDIDATE" }, select: { userId: true, joinedAt: true } });
  const admission = inviteAdmission({ role: invite.role, used: invite.usedAt !== null, createdAt: invite.createdAt }, candidate);
  if (!admission.admit) throw new AppError("CONFLICT", CANDIDATE_LINK_USED);
  if (admission.replaces) await tx.participant.delete({ where: { sessionId_userId: { sessionId, userId: admission.replaces } } });
  await tx.participant.create({ data: { sessionId, userId, role: invite.role, inviteId: invite.id } });
  if (invite.role === "CANDIDATE") await tx.invite.update({ where: { id: invite.id }, data: { usedAt: now } });
  return { role: invite.role, replaced: admission.replaces ? { sessionId, userId: admission.replaces, byId: invite.createdById } : null };
}

/**
 * After the admission committed: the candidate it replaced leaves the room, their open tabs told that
 * they joined on another device. The room keeps all they did (their scratchpad is the seat's, not theirs).
 */
export async function finishAdmission(engine: RoomEngine, admission: Admission, now: Date): Promise<void> {
  const { replaced } = admission;
  if (replaced) await recordRemoval(engine, replaced.byId, replaced.sessionId, replaced.userId, now, { replaced: true });
}
