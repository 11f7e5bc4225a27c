import { processRuntime } from "@/server/platform/process-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CandidateView, Command, StaffView } from "@/server/domain/room";
import { acceptInvite, createInvite } from "@/server/services/invites/links";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, plannedInterview, signedIn, tokenOf } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

/**
 * The blind rule and the release rule on every channel a browser has: marker strings in each scorer's card,
 * the feedback draft and an amendment's reason are played through a real server, and every socket frame
 * (live and catch-up after a reconnect), tRPC answer and server-rendered page (HTML and RSC) a member
 * receives is searched for the markers they must not get.
 */

const { db, url: databaseUrl } = await fileDatabase();
let server: AppServer;
const clients: RoomClient[] = [];

beforeAll(async () => {
  server = await startAppServer(databaseUrl);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.kill("SIGKILL");
  await db.$disconnect();
});

async function connect(member: { session: HttpSession }, sessionId: string): Promise<RoomClient> {
  const client = new RoomClient(server.url, member.session.cookieHeader(), sessionId);
  clients.push(client);
  await client.joined();
  return client;
}

/**
 * Everything a member received or can fetch: socket frames, their tRPC answers (the review's too: session,
 * replay in each perspective, both exports, history), and the room, session and history pages as HTML and RSC.
 */
async function everythingFor(client: RoomClient, session: HttpSession, sessionId: string): Promise<string> {
  const pages = await Promise.all(
    [`/room/${sessionId}`, `/sessions/${sessionId}`, "/history", "/dashboard"].flatMap((path) => [
      session.fetch(path).then((response) => response.text()),
      session.rsc(path),
    ]),
  );
  const procedures = await Promise.all([
    session.trpc.interview.myRole.query({ sessionId }).catch((error: unknown) => String(error)),
    session.trpc.interview.list.query().catch((error: unknown) => String(error)),
    session.trpc.dashboard.summary.query().catch((error: unknown) => String(error)),
    session.trpc.review.session.query({ sessionId }),
    session.trpc.review.replay.query({ sessionId, perspective: "own" }),
    session.trpc.review.replay.query({ sessionId, perspective: "candidate" }),
    session.trpc.review.export.query({ sessionId, format: "markdown" }),
    session.trpc.review.export.query({ sessionId, format: "json" }),
    session.trpc.review.history.query({}),
  ]);
  return [JSON.stringify(client.received), JSON.stringify(procedures), ...pages].join("\n");
}

describe("scoring leaks, on every channel", () => {
  it("keeps cards blind until their reader submits, and gives the candidate only what was released", async () => {
    const { sessionId, interviewer, candidate, observer } = await plannedInterview(db, "scoring-leaks", server.url);
    const cora = await createAccount(db, "Cora");
    const link = await createInvite(
      db,
      processRuntime().appUrl,
      { id: interviewer.id, name: "Iris", email: null, isGuest: false },
      { sessionId, role: "CO_INTERVIEWER" },
      new Date(),
    );
    await acceptInvite(db, processRuntime().engine, cora, tokenOf(link.url), new Date());
    const coInterviewer = { id: cora.id, session: await signedIn(server.url, cora) };

    const iris = await connect(interviewer, sessionId);
    const olga = await connect(observer, sessionId);
    const co = await connect(coInterviewer, sessionId);
    const cody = await connect(candidate, sessionId);

    expect(await iris.send({ type: "start" })).toMatchObject({ ok: true });
    const question = ((await iris.until((view) => view.status === "live")) as StaffView).questions[0];
    if (!question) throw new Error("no question");
    const rateAll = async (client: RoomClient, comment: string) => {
      for (const criterion of question.rubric.keys()) {
        const command: Command = { type: "rateCriterion", questionId: question.id, criterion, rating: 3, comment, evidence: [] };
        expect(await client.send(command)).toMatchObject({ ok: true });
      }
    };

    // Drafts while live: each scorer's card is theirs alone.
    await rateAll(iris, "LEAK_OWNER_RATING");
    await rateAll(co, "LEAK_CO_RATING");
    expect(await iris.send({ type: "draftFeedback", text: "LEAK_FEEDBACK_DRAFT" })).toMatchObject({ ok: true });
    expect(await iris.send({ type: "end" })).toMatchObject({ ok: true });

    // The co-interviewer and the candidate drop; the owner and the observer submit meanwhile.
    co.socket.disconnect();
    cody.socket.disconnect();
    expect(await iris.send({ type: "setSummary", recommendation: "yes", takeaways: "LEAK_OWNER_TAKEAWAY", strengths: "", improvements: "" })).toMatchObject({
      ok: true,
    });
    expect(await iris.send({ type: "submitScorecard" })).toMatchObject({ ok: true });
    await rateAll(olga, "LEAK_OBSERVER_RATING");
    expect(await olga.send({ type: "submitScorecard" })).toMatchObject({ ok: true });
    const amend: Command = { type: "setQuestionOverall", questionId: question.id, overall: 8, comment: "", amendmentReason: "LEAK_AMEND_REASON" };
    expect(await iris.send(amend)).toMatchObject({ ok: true });
    expect(await iris.send({ type: "releaseFeedback", text: "RELEASED_FEEDBACK", includeScores: true })).toMatchObject({ ok: true });

    // Back, by catch-up from the views they hold.
    const coBack = co.joined();
    const codyBack = cody.joined();
    co.socket.connect();
    cody.socket.connect();
    await Promise.all([coBack, codyBack]);
    await cody.until((view) => (view as CandidateView).feedback?.text === "RELEASED_FEEDBACK");
    await co.until((view) => (view as StaffView).scoring.submitted.length === 2);
    expect(JSON.stringify(co.received)).toContain('"mode":"events"');

    // The co-interviewer, not submitted: their own card, who submitted, and nothing of anyone else's card.
    const coSees = await everythingFor(co, coInterviewer.session, sessionId);
    for (const marker of [
      "LEAK_OWNER_RATING",
      "LEAK_OBSERVER_RATING",
      "LEAK_OWNER_TAKEAWAY",
      "LEAK_AMEND_REASON",
      "LEAK_FEEDBACK_DRAFT",
      "RELEASED_FEEDBACK",
    ]) {
      expect(coSees).not.toContain(marker);
    }
    expect(coSees).toContain("LEAK_CO_RATING");
    expect((co.view as StaffView).scoring.others).toBeNull();
    expect((co.view as StaffView).scoring.feedback).toEqual({ draft: "", released: null });

    // The candidate: the released text, and neither scores (not yet rated themselves) nor anything private.
    const before = await everythingFor(cody, candidate.session, sessionId);
    expect(before).toContain("RELEASED_FEEDBACK");
    for (const marker of ["LEAK_", '"rating":']) expect(before).not.toContain(marker);
    expect(await cody.send({ type: "finishSelfAssessment", ratings: [] })).toMatchObject({ ok: true });
    await cody.until((view) => (view as CandidateView).feedback?.scores != null);
    const after = await everythingFor(cody, candidate.session, sessionId);
    expect(after).toContain('"rating":3');
    expect(after).not.toContain("LEAK_");

    // The observer, submitted: the owner's card with its amendment; the co-interviewer's draft, never.
    const olgaSees = await everythingFor(olga, observer.session, sessionId);
    for (const marker of ["LEAK_OWNER_RATING", "LEAK_OWNER_TAKEAWAY", "LEAK_AMEND_REASON"]) expect(olgaSees).toContain(marker);
    expect(olgaSees).not.toContain("LEAK_CO_RATING");
    expect(olgaSees).not.toContain("LEAK_FEEDBACK_DRAFT");
    expect(olgaSees).toContain("RELEASED_FEEDBACK");
  });

  it("never shows the candidate the criterion of a follow-up that was not revealed, in the released scores or anywhere else", async () => {
    const tag = "fu-criteria";
    const { sessionId, interviewer, candidate } = await plannedInterview(db, tag, server.url, { criterionPerFollowUp: true });
    const iris = await connect(interviewer, sessionId);
    const cody = await connect(candidate, sessionId);
    expect(await iris.send({ type: "start" })).toMatchObject({ ok: true });
    const question = ((await iris.until((view) => view.status === "live")) as StaffView).questions[0];
    const revealed = question?.followUps[0];
    if (!question || !revealed) throw new Error("no question");
    expect(question.rubric.map((criterion) => criterion.title)).toContain(`Follow-up 1.2 ${tag}`);
    expect(await iris.send({ type: "revealFollowUp", questionId: question.id, followUpId: revealed.id })).toMatchObject({ ok: true });
    for (const criterion of question.rubric.keys()) {
      expect(await iris.send({ type: "rateCriterion", questionId: question.id, criterion, rating: 3, comment: "", evidence: [] })).toMatchObject({ ok: true });
    }
    expect(await iris.send({ type: "end" })).toMatchObject({ ok: true });
    expect(await iris.send({ type: "setSummary", recommendation: "yes", takeaways: "", strengths: "", improvements: "" })).toMatchObject({ ok: true });
    expect(await iris.send({ type: "submitScorecard" })).toMatchObject({ ok: true });
    expect(await iris.send({ type: "releaseFeedback", text: "RELEASED_FEEDBACK", includeScores: true })).toMatchObject({ ok: true });
    await cody.until((view) => (view as CandidateView).feedback?.text === "RELEASED_FEEDBACK");

    const unrevealed = [`Follow-up 1.2 ${tag}`, `Follow-up 1.3 ${tag}`];
    // The self-assessment form offers the revealed follow-up's criterion and the question's own, not the others.
    const offered = (cody.view as CandidateView).feedback?.criteria?.[0]?.criteria.map((criterion) => criterion.title);
    expect(offered).toEqual([`MARK-${tag}-rubric-1`, `Follow-up 1.1 ${tag}`]);
    const before = await everythingFor(cody, candidate.session, sessionId);
    for (const text of unrevealed) expect(before).not.toContain(text);

    // A hidden criterion cannot be rated by its index either.
    const hidden = question.rubric.findIndex((criterion) => criterion.title === unrevealed[0]);
    expect(await cody.send({ type: "finishSelfAssessment", ratings: [{ questionId: question.id, criterion: hidden, level: 2 }] })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    expect(await cody.send({ type: "finishSelfAssessment", ratings: [{ questionId: question.id, criterion: 0, level: 2 }] })).toMatchObject({ ok: true });
    await cody.until((view) => (view as CandidateView).feedback?.scores != null);
    const after = await everythingFor(cody, candidate.session, sessionId);
    expect(after).toContain(`Follow-up 1.1 ${tag}`);
    expect(after).toContain('"rating":3');
    for (const text of unrevealed) expect(after).not.toContain(text);

    // Staff keep the whole card.
    const irisSees = await everythingFor(iris, interviewer.session, sessionId);
    for (const text of unrevealed) expect(irisSees).toContain(text);
  });
});
