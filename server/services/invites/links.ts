// Invite links: made and revoked by the interviewer, described to and accepted by the invited.
import type { Db } from "@/server/platform/db/client";
import type { SessionUser } from "@/server/auth/session";
import type { Role } from "@/server/domain/room";
import type { InvitableRole } from "@/server/domain/interview/policy";
import { AppError } from "@/server/platform/errors";
import { admitWithInvite, finishAdmission, hashInviteToken, lockValidInvite, newInviteToken } from "@/server/services/invites/admission";
import { requireOrganiser } from "@/server/services/interviews/membership";
import { recordRemoval } from "@/server/services/interviews/participants";
import type { RoomEngine } from "@/server/services/room/engine";

const DEFAULT_INVITE_HOURS = 72;

const INVITE_NOT_FOUND = "That invite was not found.";

export async function createInvite(
  db: Db,
  appUrl: string,
  user: SessionUser,
  input: { sessionId: string; role: InvitableRole; expiresInHours?: number },
  now: Date,
): Promise<{ id: string; url: string; expiresAt: Date }> {
  await requireOrganiser(db, input.sessionId, user.id);
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + (input.expiresInHours ?? DEFAULT_INVITE_HOURS) * 3_600_000);
  const invite = await db.invite.create({
    data: { sessionId: input.sessionId, role: input.role, tokenHash, expiresAt, createdById: user.id },
    select: { id: true },
  });
  return { id: invite.id, url: `${appUrl}/join/${token}`, expiresAt };
}

/**
 * Revokes a link; the observers and co-interviewers a staff link admitted leave with it (a candidate link
 * admitted its candidate for good).
 */
export async function revokeInvite(db: Db, engine: RoomEngine, user: SessionUser, inviteId: string, now: Date): Promise<void> {
  const invite = await db.invite.findUnique({ where: { id: inviteId }, select: { sessionId: true, role: true } });
  // An outsider gets one answer for a real invite and a made-up one: nothing tells them which ids exist.
  if (!invite) throw new AppError("NOT_FOUND", INVITE_NOT_FOUND);
  await requireOrganiser(db, invite.sessionId, user.id, INVITE_NOT_FOUND);
  const removed = await db.$transaction(async (tx) => {
    await tx.invite.update({ where: { id: inviteId }, data: { revokedAt: now } });
    if (invite.role === "CANDIDATE") return [];
    const admittedBy = { inviteId, role: { in: ["OBSERVER", "CO_INTERVIEWER"] as Role[] } };
    const admitted = await tx.participant.findMany({ where: admittedBy, select: { userId: true } });
    await tx.participant.deleteMany({ where: admittedBy });
    return admitted.map((participant) => participant.userId);
  });
  for (const userId of removed) await recordRemoval(engine, user.id, invite.sessionId, userId, now);
}

export type InviteDescription =
  | { valid: true; sessionTitle: string; interviewerName: string | null; role: Role; status: string; used: boolean }
  | { valid: false; reason: "expired" | "revoked" | "unknown" };

/** What the join page may say about a link, to anyone holding it. */
export async function describeInvite(db: Db, token: string, now: Date): Promise<InviteDescription> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      role: true,
      expiresAt: true,
      revokedAt: true,
      usedAt: true,
      session: { select: { title: true, status: true, createdBy: { select: { name: true } } } },
    },
  });
  if (!invite) return { valid: false, reason: "unknown" };
  if (invite.revokedAt) return { valid: false, reason: "revoked" };
  if (invite.expiresAt <= now) return { valid: false, reason: "expired" };
  return {
    valid: true,
    sessionTitle: invite.session.title,
    interviewerName: invite.session.createdBy.name,
    role: invite.role,
    status: invite.session.status,
    used: invite.usedAt !== null,
  };
}

export async function acceptInvite(db: Db, engine: RoomEngine, user: SessionUser, token: string, now: Date): Promise<{ sessionId: string; role: Role }> {
  const { sessionId, admission } = await db.$transaction(async (tx) => {
    const invite = await lockValidInvite(tx, token, now);
    if (!invite) throw new AppError("NOT_FOUND", "This invite link is not valid any more. Ask the interviewer for a fresh one.");
    return { sessionId: invite.sessionId, admission: await admitWithInvite(tx, invite, user.id, now) };
  });
  await finishAdmission(engine, admission, now);
  return { sessionId, role: admission.role };
}
