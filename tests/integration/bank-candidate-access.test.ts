import { afterAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { createCallerFactory } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import { acceptInvite, createInterview, createInvite } from "@/server/services/interviews";
import { fileDatabase } from "../support/db";
import { createUser, seedMarkedQuestions } from "../support/room-fixtures";

const { db } = await fileDatabase();
const createCaller = createCallerFactory(appRouter);
const as = (user: SessionUser) => createCaller({ db, user, clientAddress: "test" });
afterAll(() => db.$disconnect());

describe("a candidate with an account and the bank", () => {
  it("cannot open, in the bank, a question of an interview they have not finished", async () => {
    const { questionIds } = await seedMarkedQuestions(db, "access");
    const [asked, other] = questionIds as [string, string];
    const interviewer = await createUser(db, "Ivy");
    const candidate = await createUser(db, "Carl");
    const { id: sessionId } = await createInterview(db, interviewer, { title: "Access", items: [{ bankQuestionId: asked, timeBoxSec: null }] });
    const { url } = await createInvite(db, interviewer, { sessionId, role: "CANDIDATE" }, new Date());
    await acceptInvite(db, candidate, url.split("/join/")[1] ?? "", new Date());

    await expect(as(candidate).bank.question({ id: asked })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(candidate).bank.question({ id: other })).answer).toBe("MARK-access-answer-2");
    expect((await as(interviewer).bank.question({ id: asked })).answer).toBe("MARK-access-answer-1");

    await db.interviewSession.update({ where: { id: sessionId }, data: { status: "ENDED" } });
    expect((await as(candidate).bank.question({ id: asked })).answer).toBe("MARK-access-answer-1");
  });
});
