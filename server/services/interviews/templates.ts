// Templates: a plan saved to start the next interview from.
import type { Db } from "@/server/platform/db/client";
import type { SessionUser } from "@/server/auth/session";
import { requireInterviewer } from "@/server/services/interviews/membership";

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
