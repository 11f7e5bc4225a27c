import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { SessionUser } from "@/server/auth/session";
import { canEditPlan, canManageInterview, canPlanInterviews, planItemsProblem } from "@/server/domain/interview/policy";
import { bankReadScope } from "@/server/domain/bank/policy";
import { canBeRemoved, type QuestionSnapshot, type Role } from "@/server/domain/room";
import { env } from "@/server/env";
import { AppError, RetryLaterError } from "@/server/errors";
import { loadBankQuestionsForSnapshot, type BankQuestionSnapshot } from "@/server/services/bank-snapshot";
import { admitWithInvite, hashInviteToken, lockValidInvite, newInviteToken } from "@/server/services/invites";
import { executeCommand, roomEngine } from "@/server/services/room-service";
import { ROOM_NOT_FOUND } from "@/server/services/room-store";
import { pool } from "@/server/db/client";

export interface PlanItem {
  bankQuestionId: string;
  timeBoxSec: number | null;
}

export interface InterviewDetails {
  title: string;
  candidateName?: string | null;
  candidateEmail?: string | null;
}

type StoredQuestion = Omit<QuestionSnapshot, "id" | "position" | "timeBoxSec">;

/**
 * The question exactly as this interview will ask it. Follow-ups get ids of their own, so a reveal names
 * one unambiguously; the scenario that goes with a prompt is read out with it, so it joins the prompt.
 */
function asAsked(question: BankQuestionSnapshot): StoredQuestion {
  return {
    prompt: question.context ? `${question.prompt}\n\n${question.context}` : question.prompt,
    section: question.section,
    answer: question.answer,
    keyPoints: question.keyPoints,
    rubric: question.rubric,
    followUps: question.followUps.map((followUp) => ({ id: randomUUID(), ...followUp })),
    redFlags: question.redFlags,
    exampleScore: question.exampleScore,
    meta: { ...question.meta, documentTitle: question.documentTitle, sourceFile: question.sourceFile, bankQuestionId: question.bankQuestionId },
  };
}

async function plannedQuestions(db: Db, planner: SessionUser, items: PlanItem[]): Promise<Array<Omit<Prisma.SessionQuestionCreateManyInput, "sessionId">>> {
  const scope = bankReadScope(planner);
  if (!scope) throw new AppError("FORBIDDEN", "Create an account to plan interviews.");
  const snapshots = await loadBankQuestionsForSnapshot(
    db,
    scope,
    items.map((item) => item.bankQuestionId),
  );
  return snapshots.map((snapshot, position) => ({
    id: randomUUID(),
    position,
    bankQuestionId: snapshot.bankQuestionId,
    timeBoxSec: items[position]?.timeBoxSec ?? null,
    snapshot: asAsked(snapshot) as unknown as Prisma.InputJsonValue,
  }));
}

/**
 * The user's role in the session and the session's title, or null when they are not in it: the one
 * membership lookup of the pages and procedures (the live room has its batched twin, `participantRole`).
 */
async function membership(db: Db, sessionId: string, userId: string): Promise<{ role: Role; title: string } | null> {
  const participant = await db.participant.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { role: true, session: { select: { title: true } } },
  });
  return participant ? { role: participant.role, title: participant.session.title } : null;
}

async function roleIn(db: Db, sessionId: string, userId: string): Promise<Role | null> {
  return (await membership(db, sessionId, userId))?.role ?? null;
}

async function requireInterviewer(db: Db, sessionId: string, userId: string): Promise<void> {
  const role = await roleIn(db, sessionId, userId);
  if (role === null) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  if (!canManageInterview(role)) throw new AppError("FORBIDDEN", "Only the interviewer can change this interview.");
}

function requirePlanItems(items: PlanItem[]): void {
  const problem = planItemsProblem(items);
  if (problem) throw new AppError("BAD_REQUEST", problem, { items: [problem] });
}

export async function createInterview(
  db: Db,
  user: SessionUser,
  input: InterviewDetails & { items: PlanItem[]; templateId?: string },
): Promise<{ id: string }> {
  if (!canPlanInterviews(user)) throw new AppError("FORBIDDEN", "Create an account to plan interviews.");
  let items = input.items;
  if (input.templateId) {
    const template = await db.interviewTemplate.findFirst({
      where: { id: input.templateId, ownerId: user.id },
      include: { items: { orderBy: { position: "asc" } } },
    });
    if (!template) throw new AppError("NOT_FOUND", "That template was not found.");
    items = [...template.items.map((item) => ({ bankQuestionId: item.bankQuestionId, timeBoxSec: item.timeBoxSec })), ...items];
  }
  requirePlanItems(items);
  const questions = await plannedQuestions(db, user, items);

  return db.$transaction(async (tx) => {
    const session = await tx.interviewSession.create({
      data: { title: input.title, candidateName: input.candidateName ?? null, candidateEmail: input.candidateEmail ?? null, createdById: user.id },
      select: { id: true },
    });
    await tx.sessionQuestion.createMany({ data: questions.map((question) => ({ ...question, sessionId: session.id })) });
    await tx.participant.create({ data: { sessionId: session.id, userId: user.id, role: "INTERVIEWER" } });
    return session;
  });
}

export async function updatePlan(db: Db, user: SessionUser, sessionId: string, input: InterviewDetails & { items: PlanItem[] }): Promise<void> {
  await requireInterviewer(db, sessionId, user.id);
  requirePlanItems(input.items);
  const questions = await plannedQuestions(db, user, input.items);
  await db.$transaction(async (tx) => {
    // The room's first event freezes the plan under this same row lock (room-store appendFirst).
    await tx.$queryRaw`SELECT 1 FROM "InterviewSession" WHERE "id" = ${sessionId} FOR UPDATE`;
    const session = await tx.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true, _count: { select: { events: true } } } });
    if (!canEditPlan({ status: session.status, eventCount: session._count.events })) {
      throw new AppError("CONFLICT", "The interview has begun; its plan can no longer change.");
    }
    await tx.interviewSession.update({
      where: { id: sessionId },
      data: { title: input.title, candidateName: input.candidateName ?? null, candidateEmail: input.candidateEmail ?? null },
    });
    await tx.sessionQuestion.deleteMany({ where: { sessionId } });
    await tx.sessionQuestion.createMany({ data: questions.map((question) => ({ ...question, sessionId })) });
  });
  roomEngine(pool).forget(sessionId);
}

export async function listInterviews(db: Db, userId: string) {
  const participations = await db.participant.findMany({
    where: { userId },
    orderBy: { session: { createdAt: "desc" } },
    select: {
      role: true,
      session: {
        select: {
          id: true,
          title: true,
          status: true,
          candidateName: true,
          createdAt: true,
          startedAt: true,
          endedAt: true,
          _count: { select: { questions: true } },
        },
      },
    },
  });
  return participations.map(({ role, session }) => ({
    id: session.id,
    title: session.title,
    status: session.status,
    myRole: role,
    candidateName: session.candidateName,
    createdAt: session.createdAt,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    questionCount: session._count.questions,
  }));
}

export async function getPlan(db: Db, userId: string, sessionId: string) {
  await requireInterviewer(db, sessionId, userId);
  const session = await db.interviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      status: true,
      _count: { select: { events: true } },
      candidateName: true,
      candidateEmail: true,
      questions: { orderBy: { position: "asc" } },
      invites: { orderBy: { createdAt: "desc" }, select: { id: true, role: true, expiresAt: true, revokedAt: true, usedAt: true, createdAt: true } },
      participants: { orderBy: { joinedAt: "asc" }, select: { userId: true, role: true, joinedAt: true, user: { select: { name: true, isGuest: true } } } },
    },
  });
  return {
    id: session.id,
    title: session.title,
    status: session.status,
    editable: canEditPlan({ status: session.status, eventCount: session._count.events }),
    candidateName: session.candidateName,
    candidateEmail: session.candidateEmail,
    items: session.questions.map((question) => {
      const snapshot = question.snapshot as unknown as StoredQuestion;
      return {
        id: question.id,
        position: question.position,
        bankQuestionId: question.bankQuestionId,
        prompt: snapshot.prompt,
        section: snapshot.section,
        timeBoxSec: question.timeBoxSec,
        followUpCount: snapshot.followUps.length,
      };
    }),
    invites: session.invites,
    participants: session.participants.map((participant) => ({
      userId: participant.userId,
      name: participant.user.name,
      isGuest: participant.user.isGuest,
      role: participant.role,
      joinedAt: participant.joinedAt,
    })),
  };
}

const DEFAULT_INVITE_HOURS = 72;

export async function createInvite(
  db: Db,
  user: SessionUser,
  input: { sessionId: string; role: "CANDIDATE" | "OBSERVER"; expiresInHours?: number },
  now: Date,
): Promise<{ id: string; url: string; expiresAt: Date }> {
  await requireInterviewer(db, input.sessionId, user.id);
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + (input.expiresInHours ?? DEFAULT_INVITE_HOURS) * 3_600_000);
  const invite = await db.invite.create({
    data: { sessionId: input.sessionId, role: input.role, tokenHash, expiresAt, createdById: user.id },
    select: { id: true },
  });
  return { id: invite.id, url: `${env().APP_URL}/join/${token}`, expiresAt };
}

/** Revokes a link; the observers an observer link admitted leave with it (a candidate link admitted its candidate for good). */
export async function revokeInvite(db: Db, user: SessionUser, inviteId: string, now: Date): Promise<void> {
  const invite = await db.invite.findUnique({ where: { id: inviteId }, select: { sessionId: true, role: true } });
  if (!invite) throw new AppError("NOT_FOUND", "That invite was not found.");
  await requireInterviewer(db, invite.sessionId, user.id);
  const removed = await db.$transaction(async (tx) => {
    await tx.invite.update({ where: { id: inviteId }, data: { revokedAt: now } });
    if (invite.role !== "OBSERVER") return [];
    const admitted = await tx.participant.findMany({ where: { inviteId, role: "OBSERVER" }, select: { userId: true } });
    await tx.participant.deleteMany({ where: { inviteId, role: "OBSERVER" } });
    return admitted.map((participant) => participant.userId);
  });
  for (const userId of removed) await recordRemoval(user, invite.sessionId, userId, now);
}

/**
 * The owner removes a candidate or an observer: their membership goes first (from then on they cannot
 * join), then the room records it, which takes their open tabs out and updates everyone's view. Calling
 * it again finishes a removal whose second step failed: someone still in the room is removed from it.
 */
export async function removeParticipant(db: Db, user: SessionUser, input: { sessionId: string; userId: string }, now: Date): Promise<void> {
  await requireInterviewer(db, input.sessionId, user.id);
  const target = await roleIn(db, input.sessionId, input.userId);
  if (target !== null && !canBeRemoved(target)) throw new AppError("FORBIDDEN", "Interviewers cannot be removed from the interview.");
  if (target !== null) await db.participant.delete({ where: { sessionId_userId: { sessionId: input.sessionId, userId: input.userId } } });
  const recorded = await recordRemoval(user, input.sessionId, input.userId, now);
  if (target === null && !recorded) throw new AppError("NOT_FOUND", "That person is not in this interview.");
}

const REMOVAL_ATTEMPTS = 10;

/** Records a removal in the room, waiting out a busy room; whether it removed someone who was in it. */
async function recordRemoval(owner: SessionUser, sessionId: string, userId: string, now: Date): Promise<boolean> {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await executeCommand(roomEngine(pool), {
        sessionId,
        actor: { userId: owner.id, role: "INTERVIEWER" },
        idempotencyKey,
        command: { type: "removeParticipant", userId },
        now,
      });
      return outcome.events.length > 0;
    } catch (error) {
      if (!(error instanceof RetryLaterError) || attempt === REMOVAL_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
    }
  }
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

export async function acceptInvite(db: Db, user: SessionUser, token: string, now: Date): Promise<{ sessionId: string; role: Role }> {
  return db.$transaction(async (tx) => {
    const invite = await lockValidInvite(tx, token, now);
    if (!invite) throw new AppError("NOT_FOUND", "This invite link is not valid any more. Ask the interviewer for a new one.");
    return { sessionId: invite.sessionId, role: await admitWithInvite(tx, invite, user.id, now) };
  });
}

export async function myRole(db: Db, userId: string, sessionId: string): Promise<{ role: Role; title: string }> {
  const found = await membership(db, sessionId, userId);
  if (!found) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  return found;
}

export async function saveTemplate(db: Db, user: SessionUser, input: { sessionId: string; title: string }): Promise<{ id: string }> {
  await requireInterviewer(db, input.sessionId, user.id);
  const questions = await db.sessionQuestion.findMany({
    where: { sessionId: input.sessionId, bankQuestionId: { not: null } },
    orderBy: { position: "asc" },
    select: { bankQuestionId: true, timeBoxSec: true },
  });
  return db.interviewTemplate.create({
    data: {
      ownerId: user.id,
      title: input.title,
      items: {
        create: questions.map((question, position) => ({ bankQuestionId: question.bankQuestionId as string, position, timeBoxSec: question.timeBoxSec })),
      },
    },
    select: { id: true },
  });
}

export async function listTemplates(db: Db, userId: string) {
  const templates = await db.interviewTemplate.findMany({
    where: { ownerId: userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, createdAt: true, _count: { select: { items: true } } },
  });
  return templates.map((template) => ({ id: template.id, title: template.title, createdAt: template.createdAt, itemCount: template._count.items }));
}
