import { processRuntime, closeProcessRuntime } from "@/server/platform/process-runtime";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { clientErrorOf, createCallerFactory, createContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import { replayFrames } from "@/server/domain/review/replay";
import type { Command, StaffView } from "@/server/domain/room";
import { acceptInvite } from "@/server/services/invites/links";
import { fileDatabase, roomCommand } from "../support/db";
import { createAccount, interviewOf, type Account } from "../support/fixtures";

// The review procedures called in process, for mutation testing only (npm run test:mutation): StrykerJS
// sees which code a test runs only in the test's own process. npm test covers the same over HTTP and
// Socket.IO (tests/integration/review.test.ts) and in the browser (tests/e2e/scoring.spec.ts).

const database = await fileDatabase();
process.env.DATABASE_URL = database.url;
const caller = createCallerFactory(appRouter);
const as = (user: SessionUser) => caller(createContext(processRuntime(), user, "in-process"));
const codeOf = (error: unknown) => (error instanceof TRPCError ? clientErrorOf(error).code : String(error));

let owner: Account;
let observer: Account;
let candidate: Account;
let stranger: Account;
/** Played in this order: `first` a day before `second`, which ran longer; `live` is still running. */
const sessions = { first: "", second: "", live: "" };

async function played(tag: string, options: { daysAgo: number; extraSeconds: number; recommendation: "yes" | "no"; release: boolean; end: boolean }) {
  const world = await interviewOf(database.db, owner, observer, tag);
  await acceptInvite(database.db, processRuntime().engine, candidate, world.candidateToken, new Date());
  const run = (account: Account, command: Command) => roomCommand(database, world.sessionId, account.id, command);
  for (const account of [owner, observer, candidate]) await run(account, { type: "join", name: account.name ?? "Someone" });
  await run(owner, { type: "start" });
  const [q1] = await database.db.sessionQuestion.findMany({ where: { sessionId: world.sessionId }, orderBy: { position: "asc" } });
  const firstFollowUp = (q1!.snapshot as { followUps: Array<{ id: string }> }).followUps[0]!.id;
  await run(owner, { type: "revealFollowUp", questionId: q1!.id, followUpId: firstFollowUp });
  await run(owner, { type: "setKeyPointChecked", questionId: q1!.id, index: 0, checked: true });
  await run(owner, { type: "addNote", body: `PRIVATE ${tag}` });
  await run(observer, { type: "addNote", body: `OBSERVER ${tag}` });
  await run(candidate, { type: "checkpointScratchpad", questionId: q1!.id, text: `answer ${tag}`, revision: 1 });
  if (!options.end) return world;
  await run(owner, { type: "end" });
  for (const [scorer, rating] of [
    [owner, 3],
    [observer, 1],
  ] as const) {
    await run(scorer, { type: "rateCriterion", questionId: q1!.id, criterion: 0, rating, comment: "", evidence: [] });
    await run(scorer, { type: "setSummary", recommendation: options.recommendation, takeaways: "", strengths: "", improvements: "" });
    await run(scorer, { type: "submitScorecard" });
  }
  if (options.release) {
    await run(owner, { type: "releaseFeedback", text: `FEEDBACK ${tag}`, includeScores: true });
    await run(candidate, { type: "finishSelfAssessment", ratings: [{ questionId: q1!.id, criterion: 0, level: 2 }] });
  }
  // Dates as the history reads them: the start, and the end for the duration.
  const startedAt = new Date(Date.now() - options.daysAgo * 86_400_000);
  await database.db.interviewSession.update({
    where: { id: world.sessionId },
    data: { startedAt, endedAt: new Date(startedAt.getTime() + 60_000 + options.extraSeconds * 1000), title: `Review ${tag}` },
  });
  return world;
}

beforeAll(async () => {
  owner = await createAccount(database.db, "Owen");
  observer = await createAccount(database.db, "Olga");
  candidate = await createAccount(database.db, "Cara");
  stranger = await createAccount(database.db, "Stan");
  sessions.first = (await played("alpha", { daysAgo: 3, extraSeconds: 0, recommendation: "no", release: false, end: true })).sessionId;
  sessions.second = (await played("bravo", { daysAgo: 1, extraSeconds: 600, recommendation: "yes", release: true, end: true })).sessionId;
  sessions.live = (await played("live", { daysAgo: 0, extraSeconds: 0, recommendation: "yes", release: false, end: false })).sessionId;
}, 120_000);

afterAll(async () => {
  await closeProcessRuntime();
  await database.db.$disconnect();
  await database.pool.end();
});

describe("review.history in process", () => {
  it("sorts, filters and pages the owner's sessions", async () => {
    const history = as(owner).review.history;
    expect((await history({})).rows.map((row) => row.id)).toEqual([sessions.live, sessions.second, sessions.first]);
    expect((await history({ sort: "oldest" })).rows.map((row) => row.id)).toEqual([sessions.first, sessions.second, sessions.live]);
    expect((await history({ sort: "longest" })).rows.map((row) => row.id)).toEqual([sessions.second, sessions.first, sessions.live]);
    expect((await history({ sort: "title" })).rows.map((row) => row.title)).toEqual(["Interview live", "Review alpha", "Review bravo"]);
    expect((await history({ status: "ENDED" })).total).toBe(2);
    expect((await history({ status: "LIVE" })).rows.map((row) => row.id)).toEqual([sessions.live]);
    expect((await history({ recommendation: "yes" })).rows.map((row) => row.id)).toEqual([sessions.second]);
    expect((await history({ search: "bravo" })).rows.map((row) => row.id)).toEqual([sessions.second]);
    expect((await history({ search: "Prompt 2 alpha" })).rows.map((row) => row.id)).toEqual([sessions.first]);
    expect((await history({ search: "Cara" })).total).toBe(3);
    expect((await history({ candidate: "cara" })).total).toBe(3);
    expect((await history({ candidate: "nobody" })).total).toBe(0);
    expect((await history({ question: "Prompt 1 bravo" })).rows.map((row) => row.id)).toEqual([sessions.second]);
    expect((await history({ document: "Doc alpha" })).rows.map((row) => row.id)).toEqual([sessions.first]);
    expect((await history({ search: "100%_" })).total).toBe(0);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await history({ from: twoDaysAgo })).rows.map((row) => row.id)).toEqual([sessions.live, sessions.second]);
    expect((await history({ to: twoDaysAgo })).rows.map((row) => row.id)).toEqual([sessions.first]);
    expect((await history({ role: "ran" })).total).toBe(3);
    expect((await history({ role: "took" })).total).toBe(0);

    const paged = await history({ pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.rows.map((row) => row.id)).toEqual([sessions.first]);
    expect(await history({ pageSize: 2, page: 5 })).toMatchObject({ rows: [], total: 3 });

    const { rows, documents } = await history({});
    expect(documents).toEqual(["Doc alpha", "Doc bravo", "Doc live"]);
    expect(rows.find((row) => row.id === sessions.second)).toMatchObject({
      title: "Review bravo",
      status: "ENDED",
      myRole: "INTERVIEWER",
      ownerName: "Owen",
      candidateName: "Cara",
      questionCount: 2,
      durationMs: 660_000,
      recommendation: "yes",
      feedbackReleased: false,
    });
    expect(rows.find((row) => row.id === sessions.live)).toMatchObject({ durationMs: null, recommendation: null, endedAt: null });
  });

  it("shows the candidate their sessions through the questions they were asked, once ended", async () => {
    const history = as(candidate).review.history;
    expect((await history({ role: "took" })).total).toBe(3);
    expect((await history({ search: "Prompt 2 bravo" })).total).toBe(0);
    expect((await history({ search: "Prompt 1 bravo" })).rows.map((row) => row.id)).toEqual([sessions.second]);
    expect((await history({ search: "Prompt 1 live" })).total).toBe(0);
    expect((await history({})).documents).toEqual(["Doc alpha", "Doc bravo"]);
    const rows = (await history({})).rows;
    expect(rows.find((row) => row.id === sessions.second)).toMatchObject({ feedbackReleased: true, recommendation: null, myRole: "CANDIDATE" });
    expect(rows.find((row) => row.id === sessions.first)).toMatchObject({ feedbackReleased: false });
    expect((await as(stranger).review.history({})).total).toBe(0);
  });

  it("refuses nonsense filters", async () => {
    for (const nonsense of [
      { from: "2026-02-01", to: "2026-01-01" },
      { page: 0 },
      { pageSize: 101 },
      { sort: "random" },
      { extra: 1 },
      { search: "x".repeat(201) },
    ]) {
      expect(
        await as(owner)
          .review.history(nonsense as never)
          .catch(codeOf),
      ).toBe("BAD_REQUEST");
    }
  });
});

describe("review.session, replay and export in process", () => {
  it("gives each member their own view and rights, and outsiders not found", async () => {
    const mine = await as(owner).review.session({ sessionId: sessions.second });
    expect(mine.session).toMatchObject({
      myRole: "INTERVIEWER",
      canDelete: true,
      canHide: false,
      hidden: false,
      perspectives: ["own", "candidate"],
      ownerName: "Owen",
    });
    expect((mine.view as StaffView).notes.map((note) => note.body)).toEqual(["PRIVATE bravo"]);
    const theirs = await as(candidate).review.session({ sessionId: sessions.second });
    expect(theirs.session).toMatchObject({ myRole: "CANDIDATE", canDelete: false, canHide: true, perspectives: ["own"] });
    expect(theirs.view.role).toBe("CANDIDATE");
    expect((await as(observer).review.session({ sessionId: sessions.live })).session).toMatchObject({ canDelete: false, canHide: true });
    expect((await as(owner).review.session({ sessionId: sessions.live })).session.canDelete).toBe(false);
    for (const call of [
      () => as(stranger).review.session({ sessionId: sessions.second }),
      () => as(stranger).review.replay({ sessionId: sessions.second }),
      () => as(stranger).review.export({ sessionId: sessions.second, format: "json" }),
      () => as(owner).review.session({ sessionId: "no-such-session" }),
    ]) {
      expect(await call().catch(codeOf)).toBe("NOT_FOUND");
    }
  });

  it("replays the log into the view the session page shows, in each perspective", async () => {
    const own = await as(owner).review.replay({ sessionId: sessions.second, perspective: "own" });
    const frames = replayFrames(own);
    const view = (await as(owner).review.session({ sessionId: sessions.second })).view;
    expect({ ...frames.at(-1)!, asOf: null, clock: { ...frames.at(-1)!.clock, elapsedMs: null } }).toMatchObject({
      status: "ended",
      notes: (view as StaffView).notes,
    });
    expect(own.steps[0]!.offsetMs).toBeLessThan(0);
    expect(own.steps.find((step) => step.type === "interviewStarted")!.offsetMs).toBe(0);
    expect(own.steps.map((step) => step.seq)).toEqual([...own.steps.map((step) => step.seq)].sort((a, b) => a - b));
    const asCandidate = await as(owner).review.replay({ sessionId: sessions.second, perspective: "candidate" });
    expect(asCandidate.perspective).toBe("candidate");
    expect(asCandidate.initial.role).toBe("CANDIDATE");
    expect(JSON.stringify(asCandidate)).not.toContain("PRIVATE bravo");
    expect(JSON.stringify(asCandidate)).toContain("FEEDBACK bravo");
    expect(asCandidate.steps.length).toBeLessThan(own.steps.length);
    const candidateOwn = await as(candidate).review.replay({ sessionId: sessions.second, perspective: "candidate" });
    expect(candidateOwn.initial.viewer.userId).toBe(candidate.id);
  });

  it("exports each member's own report", async () => {
    const markdown = await as(owner).review.export({ sessionId: sessions.second, format: "markdown" });
    expect(markdown.filename).toBe(`review-bravo-${sessions.second.slice(0, 8)}.md`);
    expect(markdown.mimeType).toBe("text/markdown; charset=utf-8");
    expect(markdown.content).toMatch(/^# Review bravo\n/);
    expect(markdown.content).toContain("PRIVATE bravo");
    expect(markdown.content).toContain("Recommendation: Yes");
    const json = await as(candidate).review.export({ sessionId: sessions.second, format: "json" });
    expect(json.filename).toMatch(/\.json$/);
    expect(json.mimeType).toBe("application/json");
    const document = JSON.parse(json.content) as Record<string, unknown>;
    expect(document).toMatchObject({ format: "mockroom.session", version: 1, session: { id: sessions.second, myRole: "CANDIDATE" } });
    expect(Object.keys(document.session as object)).not.toContain("canDelete");
    expect(json.content).not.toContain("PRIVATE bravo");
    expect(json.content).not.toContain("OBSERVER bravo");
    expect(json.content).toContain("FEEDBACK bravo");
  });
});

describe("review.progress in process", () => {
  it("charts the candidate's released scores and coverage, and the owner's calibration", async () => {
    const mine = await as(candidate).review.progress();
    expect(mine.calibration).toBeNull();
    expect(mine.candidate!.sessions.map((session) => session.sessionId)).toEqual([sessions.second]);
    expect(mine.candidate!.withoutScores).toBe(1);
    expect(mine.candidate!.coverage.documents.map((document) => document.title).sort()).toEqual(["Doc alpha", "Doc bravo"]);
    const owners = await as(owner).review.progress();
    expect(owners.candidate).toBeNull();
    expect(owners.calibration!.overall).toMatchObject({ pairs: 2, meanDifference: 2, exact: 0, adjacent: 0 });
    expect(await as(stranger).review.progress()).toEqual({ candidate: null, calibration: null });
  });
});

describe("hide and delete in process", () => {
  it("hides for the member alone, and deletes for the owner alone, not while live", async () => {
    expect(await as(owner).review.setHidden({ sessionId: sessions.first, hidden: true }).catch(codeOf)).toBe("FORBIDDEN");
    expect(await as(candidate).review.setHidden({ sessionId: sessions.first, hidden: true })).toEqual({ hidden: true });
    expect((await as(candidate).review.history({})).rows.map((row) => row.id)).not.toContain(sessions.first);
    expect((await as(candidate).review.session({ sessionId: sessions.first })).session.hidden).toBe(true);
    expect(await as(candidate).review.setHidden({ sessionId: sessions.first, hidden: false })).toEqual({ hidden: false });
    expect((await as(candidate).review.history({})).rows.map((row) => row.id)).toContain(sessions.first);

    expect(await as(candidate).interview.delete({ sessionId: sessions.first }).catch(codeOf)).toBe("FORBIDDEN");
    expect(await as(stranger).interview.delete({ sessionId: sessions.first }).catch(codeOf)).toBe("NOT_FOUND");
    expect(await as(owner).interview.delete({ sessionId: sessions.live }).catch(codeOf)).toBe("CONFLICT");
    expect(await database.db.interviewSession.count({ where: { id: { in: [sessions.first, sessions.live] } } })).toBe(2);
    expect(await as(owner).interview.delete({ sessionId: sessions.first })).toEqual({ deleted: true });
    expect(await database.db.interviewSession.count({ where: { id: sessions.first } })).toBe(0);
    expect(await database.db.sessionEvent.count({ where: { sessionId: sessions.first } })).toBe(0);
    expect(await as(owner).review.session({ sessionId: sessions.first }).catch(codeOf)).toBe("NOT_FOUND");
  });
});
