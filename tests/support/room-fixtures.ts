import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { interchangeQuestionInclude, toInterchangeQuestion } from "@/server/services/bank-export";
import { searchTextOf } from "@/server/services/bank-search-text";
import type { SessionUser } from "@/server/auth/session";
import { acceptInvite, createInterview, createInvite } from "@/server/services/interviews";

/**
 * Two bank questions whose every interviewer-only field holds a unique marker string, so a leak test can
 * search everything a candidate received for any of them.
 */
export async function seedMarkedQuestions(db: Db, tag: string) {
  const marker = (field: string) => `MARK-${tag}-${field}`;
  const document = await db.bankDocument.create({
    data: {
      title: `Doc ${tag}`,
      sourceFile: `${tag}.md`,
      contentHash: createHash("sha256").update(tag).digest("hex"),
      byteSize: 1,
      repairs: { encoding: "utf-8", mojibakeFixed: 0, codeLinesRestored: 0 },
    },
  });
  const questionIds: string[] = [];
  for (const n of [1, 2]) {
    const question = await db.bankQuestion.create({
      data: {
        documentId: document.id,
        key: `q${n}`,
        position: n,
        prompt: `Prompt ${n} ${tag}`,
        answer: marker(`answer-${n}`),
        sourceLine: n,
        meta: {
          title: null,
          difficulty: "Hard",
          role: null,
          level: null,
          companies: [],
          tags: [],
          interviewerNotes: [marker(`notes-${n}`)],
          answerFramework: marker(`framework-${n}`),
        },
        followUps: {
          create: [1, 2, 3].map((f) => ({ position: f, prompt: `Follow-up ${n}.${f} ${tag}`, answer: marker(`fu-answer-${n}-${f}`), lookFor: [marker(`fu-look-${n}-${f}`)] })),
        },
        rubric: { create: [{ position: 0, title: marker(`rubric-${n}`), lookFor: [marker(`rubric-look-${n}`)] }] },
        keyPoints: { create: [{ position: 0, text: marker(`keypoint-${n}`) }] },
        redFlags: { create: [{ position: 0, text: marker(`redflag-${n}`) }] },
        exampleScore: { create: { score: 9, outOf: 10, reasons: [marker(`example-${n}`)] } },
      },
      include: interchangeQuestionInclude,
    });
    // As the importer stores it, so that search finds what every field holds.
    await db.bankQuestion.update({ where: { id: question.id }, data: { searchText: searchTextOf(toInterchangeQuestion(question)) } });
    questionIds.push(question.id);
  }
  return { questionIds, marker };
}

export async function createUser(db: Db, name: string, isGuest = false): Promise<SessionUser> {
  const user = await db.user.create({ data: { name, email: isGuest ? null : `${name.toLowerCase()}-${randomUUID()}@example.com`, isGuest } });
  return { id: user.id, name: user.name, email: user.email, isGuest: user.isGuest };
}

/** An interview planned by `interviewer` with the candidate (and an observer) already admitted by invite. */
export async function plannedInterview(db: Db, tag: string) {
  const { questionIds, marker } = await seedMarkedQuestions(db, tag);
  const interviewer = await createUser(db, "Iris");
  const candidate = await createUser(db, "Cody", true);
  const observer = await createUser(db, "Olga");
  const { id: sessionId } = await createInterview(db, interviewer, {
    title: `Interview ${tag}`,
    items: questionIds.map((bankQuestionId) => ({ bankQuestionId, timeBoxSec: 600 })),
  });
  const now = new Date();
  for (const [user, role] of [
    [candidate, "CANDIDATE"],
    [observer, "OBSERVER"],
  ] as const) {
    const { url } = await createInvite(db, interviewer, { sessionId, role }, now);
    await acceptInvite(db, user, url.split("/join/")[1] ?? "", now);
  }
  return { sessionId, interviewer, candidate, observer, marker };
}
