// Planning an interview: its details and questions, frozen into the session as asked.
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import type { Prisma } from "@/server/platform/db/generated/client";
import type { SessionUser } from "@/server/auth/session";
import { canEditPlan, canPlanInterviews, planItemsProblem } from "@/server/domain/interview/policy";
import { bankReadScope } from "@/server/domain/bank/policy";
import type { QuestionSnapshot } from "@/server/domain/room";
import type { CompetencyRef, CompetencySet } from "@/server/domain/scoring/competency-set";
import { AppError } from "@/server/platform/errors";
import { loadBankQuestionsForSnapshot, type BankQuestionSnapshot } from "@/server/services/bank/snapshot";
import type { RoomEngine } from "@/server/services/room/engine";
import { requireInterviewer, requireOrganiser } from "@/server/services/interviews/membership";
import { listInvitations } from "@/server/services/interviews/invitations";
import type { Reminder } from "@/server/domain/schedule/schedule";

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

/** The interview keeps the competency's name as it is now: a later rename in the bank leaves past sessions as they were. */
function competencyRef(set: CompetencySet, key: string | undefined): CompetencyRef | undefined {
  const competency = set.find((entry) => entry.key === key);
  return competency ? { key: competency.key, name: competency.name } : undefined;
}

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
    rubric: question.rubric.map(({ competency, ...criterion }) => ({ ...criterion, competency: competencyRef(question.competencies, competency) })),
    followUps: question.followUps.map((followUp) => ({ id: randomUUID(), ...followUp })),
    board: question.board ?? null,
    redFlags: question.redFlags,
    exampleScore: question.exampleScore,
    code: question.code,
    meta: { ...question.meta, documentTitle: question.documentTitle, sourceFile: question.sourceFile, bankQuestionId: question.bankQuestionId },
    provenance: question.partSources ? { sources: question.partSources, passages: question.passages } : null,
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
  return snapshots.map((snapshot, position) => sessionQuestionRow(snapshot, position, items[position]?.timeBoxSec ?? null));
}

/** A planned question's row: the bank question frozen as this interview asks it. */
export function sessionQuestionRow(
  snapshot: BankQuestionSnapshot,
  position: number,
  timeBoxSec: number | null,
): Omit<Prisma.SessionQuestionCreateManyInput, "sessionId"> {
  return { id: randomUUID(), position, bankQuestionId: snapshot.bankQuestionId, timeBoxSec, snapshot: asAsked(snapshot) as unknown as Prisma.InputJsonValue };
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

export async function updatePlan(
  db: Db,
  engine: RoomEngine,
  user: SessionUser,
  sessionId: string,
  input: InterviewDetails & { items: PlanItem[] },
): Promise<void> {
  await requireOrganiser(db, sessionId, user.id);
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
  engine.forget(sessionId);
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
          scheduledAt: true,
          durationMin: true,
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
    scheduledAt: session.scheduledAt,
    durationMin: session.durationMin,
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
      scheduledAt: true,
      durationMin: true,
      timeZone: true,
      reminders: true,
      questions: { orderBy: { position: "asc" } },
      invites: {
        orderBy: { createdAt: "desc" },
        select: { id: true, role: true, expiresAt: true, revokedAt: true, usedAt: true, createdAt: true, invitations: { select: { email: true } } },
      },
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
    schedule:
      session.scheduledAt && session.durationMin && session.timeZone
        ? { startsAt: session.scheduledAt, durationMin: session.durationMin, timeZone: session.timeZone, reminders: session.reminders as Reminder[] }
        : null,
    invitations: await listInvitations(db, sessionId),
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
    invites: session.invites.map(({ invitations, ...invite }) => ({ ...invite, emailedTo: invitations[0]?.email ?? null })),
    participants: session.participants.map((participant) => ({
      userId: participant.userId,
      name: participant.user.name,
      isGuest: participant.user.isGuest,
      role: participant.role,
      joinedAt: participant.joinedAt,
    })),
  };
}
