// What peers can practise: the sections of the shared bank, each a topic with the questions under it.
import { Prisma } from "@/server/platform/db/generated/client";
import type { Db } from "@/server/platform/db/client";
import type { QuestionOption } from "@/server/domain/practice/choose-question";
import { AppError } from "@/server/platform/errors";

/** A topic needs a question for each half. */
const MIN_QUESTIONS = 2;

// A question's topic: the first heading of its path that is not the document's own title. Only the shared
// documents count: a peer may not be asked from the other's private bank.
const QUESTION_TOPICS = Prisma.sql`
  SELECT q."id", (SELECT p FROM unnest(s."path") WITH ORDINALITY AS x(p, i) WHERE p <> d."title" ORDER BY i LIMIT 1) AS "topic"
  FROM "BankQuestion" q JOIN "BankDocument" d ON d."id" = q."documentId" JOIN "BankSection" s ON s."id" = q."sectionId"
  WHERE d."ownerId" IS NULL AND q."retiredAt" IS NULL`;

export interface PracticeTopic {
  topic: string;
  questions: number;
}

export async function practiceTopics(db: Db): Promise<PracticeTopic[]> {
  return db.$queryRaw<PracticeTopic[]>`
    SELECT "topic", count(*)::int AS "questions" FROM (${QUESTION_TOPICS}) t
    WHERE "topic" IS NOT NULL GROUP BY "topic" HAVING count(*) >= ${MIN_QUESTIONS} ORDER BY "topic"`;
}

/** Refuses topics that are not (or no longer) in the bank, naming the first; `field` is the form field to mark. */
export async function requireTopics(db: Db, topics: readonly string[], field: "topic" | "topics" = "topic"): Promise<void> {
  if (topics.length === 0) return;
  const known = new Set((await practiceTopics(db)).map((entry) => entry.topic));
  const unknown = topics.find((topic) => !known.has(topic));
  if (unknown !== undefined) throw new AppError("BAD_REQUEST", `There is no practice topic "${unknown}".`, { [field]: ["Choose a topic from the list."] });
}

/** The topic's questions, each with whether `answererId` was asked it and whether `askerId` answered it, in any interview. */
export async function topicQuestions(db: Db | Prisma.TransactionClient, topic: string, askerId: string, answererId: string): Promise<QuestionOption[]> {
  return db.$queryRaw<QuestionOption[]>`
    SELECT t."id",
      EXISTS (SELECT 1 FROM "SessionQuestion" sq JOIN "Participant" pa ON pa."sessionId" = sq."sessionId"
              WHERE sq."bankQuestionId" = t."id" AND pa."userId" = ${answererId} AND pa."role" = 'CANDIDATE') AS "askedToAnswerer",
      EXISTS (SELECT 1 FROM "SessionQuestion" sq JOIN "Participant" pa ON pa."sessionId" = sq."sessionId"
              WHERE sq."bankQuestionId" = t."id" AND pa."userId" = ${askerId} AND pa."role" = 'CANDIDATE') AS "answeredByAsker"
    FROM (${QUESTION_TOPICS}) t WHERE t."topic" = ${topic} ORDER BY t."id"`;
}
