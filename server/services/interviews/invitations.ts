// Inviting people to a scheduled interview by email: each gets a personal invite link, the time in
// their zone, and a calendar entry. The link's token is signed from the invite's id (signed-links.ts),
// so every later email (an update, a reminder) carries the same link without the token being stored.
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import type { SessionUser } from "@/server/auth/session";
import type { SignedLinks } from "@/server/auth/signed-links";
import type { InvitableRole } from "@/server/domain/interview/policy";
import { AppError } from "@/server/platform/errors";
import { queueEmails } from "@/server/services/email/outbox";
import { hashInviteToken } from "@/server/services/invites/admission";
import { requireOrganiser } from "@/server/services/interviews/membership";
import { factsFor, inviteExpiry, lockScheduledSession, remindersFor, type Recipient } from "@/server/services/interviews/schedule";

const EMAIL_OFF = "Email is not set up on this server. Copy an invite link below and send it yourself.";
const INVITATION_NOT_FOUND = "That invitation was not found.";

export interface InvitationInput {
  sessionId: string;
  email: string;
  name: string | null;
  role: InvitableRole;
}

/**
 * Invites one person by email. Inviting the same address again sends the invitation again, with the
 * same link. An interview has one candidate: a second candidate address is refused until the first
 * invitation is withdrawn.
 */
export async function inviteByEmail(
  db: Db,
  links: SignedLinks,
  user: SessionUser,
  input: InvitationInput,
  now: Date,
  emailOn: boolean,
): Promise<{ id: string; resent: boolean }> {
  if (!emailOn) throw new AppError("CONFLICT", EMAIL_OFF);
  await requireOrganiser(db, input.sessionId, user.id);
  return db.$transaction(async (tx) => {
    const session = await lockScheduledSession(tx, input.sessionId);
    if (session.status !== "PLANNED")
      throw new AppError("CONFLICT", "This interview has started, ended or been cancelled: nobody new can be invited by email.");
    const schedule = session.schedule;
    if (!schedule)
      throw new AppError("CONFLICT", "Set the interview's date and time first: the invitation carries it.", { email: ["Set the date and time first."] });
    const existing = await tx.invitation.findUnique({ where: { sessionId_email: { sessionId: session.id, email: input.email } }, include: { invite: true } });
    if (existing && existing.role !== input.role) {
      throw new AppError("CONFLICT", `${input.email} is already invited as ${existing.role.toLowerCase().replace("_", "-")}. Withdraw that invitation first.`, {
        role: ["Already invited in another role."],
      });
    }
    if (
      !existing &&
      input.role === "CANDIDATE" &&
      (await tx.invitation.count({ where: { sessionId: session.id, role: "CANDIDATE", invite: { revokedAt: null } } })) > 0
    ) {
      throw new AppError("CONFLICT", "This interview already has a candidate invited. Withdraw that invitation first.", {
        email: ["A candidate is already invited."],
      });
    }
    let inviteId = existing?.inviteId;
    let invitationId = existing?.id;
    if (!existing || existing.invite.revokedAt) {
      inviteId = randomUUID();
      invitationId = existing?.id ?? randomUUID();
      await tx.invite.create({
        data: {
          id: inviteId,
          sessionId: session.id,
          role: input.role,
          tokenHash: hashInviteToken(links.inviteToken(inviteId)),
          expiresAt: inviteExpiry(schedule, now),
          createdById: user.id,
        },
      });
      await tx.invitation.upsert({
        where: { id: invitationId },
        create: { id: invitationId, sessionId: session.id, inviteId, email: input.email, name: input.name, role: input.role },
        update: { inviteId, name: input.name },
      });
    }
    const recipientZone = (await tx.user.findUnique({ where: { email: input.email }, select: { timeZone: true } }))?.timeZone ?? null;
    const recipient: Recipient = {
      email: input.email,
      name: input.name ?? existing?.name ?? null,
      role: input.role,
      inviteId: inviteId!,
      timeZone: recipientZone,
    };
    await tx.outboxEmail.updateMany({
      where: { sessionId: session.id, to: input.email, kind: "interviewReminder", sentAt: null, failedAt: null, cancelledAt: null },
      data: { cancelledAt: now },
    });
    await queueEmails(
      tx,
      [
        { kind: "interviewInvitation", to: input.email, sessionId: session.id, payload: factsFor(session, schedule, recipient, session.sequence) },
        ...remindersFor(session, schedule, recipient, session.sequence, now),
      ],
      now,
    );
    return { id: invitationId!, resent: existing !== null };
  });
}

/**
 * Withdraws an invitation: its link stops working, its reminders are withdrawn, and the person gets a
 * cancellation for the calendar entry they were sent.
 */
export async function withdrawInvitation(db: Db, user: SessionUser, invitationId: string, now: Date, emailOn: boolean): Promise<void> {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { sessionId: true } });
  if (!invitation) throw new AppError("NOT_FOUND", INVITATION_NOT_FOUND);
  await requireOrganiser(db, invitation.sessionId, user.id, INVITATION_NOT_FOUND);
  await db.$transaction(async (tx) => {
    const session = await lockScheduledSession(tx, invitation.sessionId);
    const row = await tx.invitation.findUnique({ where: { id: invitationId }, include: { invite: { select: { revokedAt: true } } } });
    if (!row) throw new AppError("NOT_FOUND", INVITATION_NOT_FOUND);
    await tx.invitation.delete({ where: { id: invitationId } });
    await tx.invite.update({ where: { id: row.inviteId }, data: { revokedAt: row.invite.revokedAt ?? now } });
    if (!emailOn) return;
    await tx.outboxEmail.updateMany({
      where: { sessionId: session.id, to: row.email, kind: "interviewReminder", sentAt: null, failedAt: null, cancelledAt: null },
      data: { cancelledAt: now },
    });
    if (!session.schedule || session.status !== "PLANNED" || row.invite.revokedAt) return;
    const recipient: Recipient = { email: row.email, name: row.name, role: row.role, inviteId: row.inviteId, timeZone: null };
    // Their calendar holds the entry at the current SEQUENCE; a cancellation must carry a higher one.
    const sequence = session.sequence + 1;
    await tx.interviewSession.update({ where: { id: session.id }, data: { calendarSequence: sequence } });
    await queueEmails(
      tx,
      [{ kind: "interviewCancelled", to: row.email, sessionId: session.id, payload: factsFor(session, session.schedule, recipient, sequence) }],
      now,
    );
  });
}

/** The interview's invitations, each with how its latest email fared, for the plan page. */
export async function listInvitations(db: Db, sessionId: string) {
  const invitations = await db.invitation.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true, invite: { select: { usedAt: true, revokedAt: true } } },
  });
  const latest = await db.outboxEmail.findMany({
    where: { sessionId, to: { in: invitations.map((invitation) => invitation.email) }, kind: { in: ["interviewInvitation", "interviewRescheduled"] } },
    orderBy: { createdAt: "desc" },
    select: { to: true, sentAt: true, failedAt: true, lastError: true },
  });
  return invitations.map((invitation) => {
    const email = latest.find((row) => row.to === invitation.email);
    const delivery = !email ? null : email.sentAt ? "sent" : email.failedAt ? "failed" : "queued";
    return {
      id: invitation.id,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      createdAt: invitation.createdAt,
      joined: invitation.invite.usedAt !== null,
      delivery,
    } as const;
  });
}
