import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { replayFrames } from "@/server/domain/review/replay";
import type { RoomView, StaffView } from "@/server/domain/room";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, plannedInterview, settledDatabaseDigest, signedIn, databaseDigest } from "../support/fixtures";
import { RoomClient } from "../support/room-client";
import { boardText } from "@/server/domain/room/test-fixtures";

/**
 * Reviewing a session through the public surface: a real interview played over Socket.IO, then the
 * review procedures over HTTP as each member would call them.
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

function appCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { appCode?: string } | undefined)?.appCode : undefined;
}

/** A view as a replay frame has it: elapsed times are the client clock's, not part of the room. */
function timeless(view: RoomView): unknown {
  return JSON.parse(JSON.stringify({ ...view, asOf: null }), (key, value: unknown) => (key === "elapsedMs" ? null : value));
}

/**
 * An interview played out: question 1 asked with a follow-up, a note, scratchpad text and a drawing by
 * both (the interviewer's box relabelled by the candidate); question 2 never asked.
 */
async function playedInterview(tag: string) {
  const world = await plannedInterview(db, tag, server.url);
  const iris = new RoomClient(server.url, world.interviewer.session.cookieHeader(), world.sessionId);
  const cody = new RoomClient(server.url, world.candidate.session.cookieHeader(), world.sessionId);
  clients.push(iris, cody);
  await Promise.all([iris.joined(), cody.joined()]);
  /** The owner's live view after each command, with the log position it stands at. */
  const live: Array<{ seq: number; view: RoomView }> = [];
  const step = async (command: Parameters<RoomClient["send"]>[0]) => {
    expect(await iris.send(command)).toMatchObject({ ok: true });
    live.push({ seq: iris.seq!, view: iris.view! });
  };
  await step({ type: "start" });
  const question = ((await iris.until((view) => view.status === "live")) as StaffView).questions[0]!;
  await step({ type: "revealFollowUp", questionId: question.id, followUpId: question.followUps[0]!.id });
  await step({ type: "setKeyPointChecked", questionId: question.id, index: 0, checked: true });
  await step({ type: "addNote", body: `PRIVATE_NOTE_${tag}` });
  await step({ type: "drawOnBoard", questionId: question.id, elements: [{ ...boardText("box", `BOX_${tag}`, 1), index: "a0" }] });
  expect(await cody.send({ type: "drawOnBoard", questionId: question.id, elements: [relabelledOf(tag)] })).toMatchObject({ ok: true });
  await step({ type: "drawOnBoard", questionId: question.id, elements: [{ ...boardText("note", `ARROW_${tag}`, 1), index: "a1", y: 80 }] });
  expect(await cody.type(question.id, `def answer_${tag}(): pass`)).toMatchObject({ ok: true });
  await cody.until((view) => JSON.stringify(view).includes(`answer_${tag}`));
  // Ending checkpoints the scratchpad first: the text is in the log.
  await step({ type: "end" });
  await iris.until((view) => view.status === "ended");
  live.push({ seq: iris.seq!, view: iris.view! });
  return { ...world, question, live, iris, cody };
}

/** The candidate's relabelling of the interviewer's box, as the board keeps it. */
function relabelledOf(tag: string) {
  return { ...boardText("box", `CANDIDATE_DRAWING_${tag}`, 2), index: "a0", x: 40 };
}

describe("session review", () => {
  it("replays the room exactly as the live room showed it after each event, and the last frame is the session page's view", async () => {
    const { sessionId, interviewer, live } = await playedInterview("replay");
    const replay = await interviewer.session.trpc.review.replay.query({ sessionId, perspective: "own" });
    const frames = replayFrames(replay);
    for (const { seq, view } of live) {
      const shown = replay.steps.filter((step) => step.seq <= seq).length;
      expect(timeless(frames[shown]!)).toEqual(timeless(view));
    }
    const review = await interviewer.session.trpc.review.session.query({ sessionId });
    expect(timeless(frames.at(-1)!)).toEqual(timeless(review.view));
    expect(replay.steps.map((step) => step.type)).toEqual(
      expect.arrayContaining(["interviewStarted", "followUpRevealed", "noteAdded", "scratchpadUpdated", "boardChanged", "interviewEnded"]),
    );
    expect(replay.steps.every((step, i) => i === 0 || step.seq > replay.steps[i - 1]!.seq)).toBe(true);
  });

  it("shows the candidate their own replay and exports, with the scratchpad, and nothing private", async () => {
    const { sessionId, candidate, interviewer, marker } = await playedInterview("candidate");
    const replay = await candidate.session.trpc.review.replay.query({ sessionId, perspective: "candidate" });
    const markdown = await candidate.session.trpc.review.export.query({ sessionId, format: "markdown" });
    const json = await candidate.session.trpc.review.export.query({ sessionId, format: "json" });
    const page = await candidate.session.fetch(`/sessions/${sessionId}`).then((response) => response.text());
    const rsc = await candidate.session.rsc(`/sessions/${sessionId}`);
    for (const text of [JSON.stringify(replay), markdown.content, json.content, page, rsc]) {
      expect(text).toContain("answer_candidate");
      expect(text).toContain("CANDIDATE_DRAWING_candidate");
      expect(text).not.toContain("PRIVATE_NOTE_candidate");
      expect(text).not.toContain("MARK-candidate");
      expect(text).not.toContain("Prompt 2 candidate");
    }
    expect(markdown.filename).toMatch(/\.md$/);
    // The drawing: an image in the Markdown, SVG and elements in the JSON, an <img> of a data: URI on the page.
    const image = /!\[(Whiteboard of question 1\. [^\]]*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/]+=*)\)/.exec(markdown.content);
    expect(image?.[1]).toBe("Whiteboard of question 1. A drawing of text only, with the words: CANDIDATE_DRAWING_candidate; ARROW_candidate.");
    const svg = Buffer.from(image![2]!, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg".*CANDIDATE_DRAWING_candidate.*ARROW_candidate.*<\/svg>$/);
    expect(JSON.parse(json.content).boards).toEqual([
      {
        questionId: expect.any(String),
        number: 1,
        description: image![1]!.slice("Whiteboard of question 1. ".length),
        svg,
        elements: [relabelledOf("candidate"), expect.objectContaining({ id: "note" })],
      },
    ]);
    expect(page).toMatch(
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="A drawing of text only, with the words: CANDIDATE_DRAWING_candidate; ARROW_candidate\."/,
    );
    expect(page).toContain('download="question-1-whiteboard.svg"');
    expect(JSON.parse(json.content)).toMatchObject({ format: "mockroom.session", version: 1, session: { id: sessionId, myRole: "CANDIDATE" } });
    // The interviewer's export of the same session holds what theirs may.
    const theirs = await interviewer.session.trpc.review.export.query({ sessionId, format: "markdown" });
    expect(theirs.content).toContain("PRIVATE_NOTE_candidate");
    expect(theirs.content).toContain(marker("keypoint-1"));
    expect(theirs.content).toContain("_Not asked._");
  });

  it("names the candidate alike in the session and in the history: the one who joined, when the plan named nobody", async () => {
    const { sessionId, interviewer, candidate } = await playedInterview("named");
    const plan = await db.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { candidateName: true } });
    expect(plan.candidateName).toBeNull();
    for (const member of [interviewer, candidate]) {
      const review = await member.session.trpc.review.session.query({ sessionId });
      const history = await member.session.trpc.review.history.query({ search: "Prompt 1 named" });
      expect(history.rows.map((row) => row.id)).toEqual([sessionId]);
      expect(review.session.candidateName).toBe("Cody");
      expect(review.session.candidateName).toBe(history.rows[0]!.candidateName);
    }
  });

  it("answers a stranger, and an id that does not exist, with the same not found", async () => {
    const { sessionId } = await playedInterview("stranger");
    const stranger = await signedIn(server.url, await createAccount(db, "Stan"));
    const codes = await Promise.all(
      [sessionId, "no-such-session"].flatMap((id) => [
        stranger.trpc.review.session.query({ sessionId: id }).catch(appCodeOf),
        stranger.trpc.review.replay.query({ sessionId: id }).catch(appCodeOf),
        stranger.trpc.review.export.query({ sessionId: id, format: "json" }).catch(appCodeOf),
      ]),
    );
    expect(codes).toEqual(Array(6).fill("NOT_FOUND"));
    const pages = await Promise.all([sessionId, "no-such-session"].map((id) => stranger.fetch(`/sessions/${id}`).then((response) => response.status)));
    expect(pages).toEqual([404, 404]);
  });

  it("filters the history, refuses nonsense filters, and never lets a candidate find a question they were not asked", async () => {
    const { sessionId, interviewer, candidate } = await playedInterview("history");
    const mine = await interviewer.session.trpc.review.history.query({ search: "Prompt 2 history" });
    expect(mine.rows.map((row) => row.id)).toEqual([sessionId]);
    expect(mine.rows[0]).toMatchObject({ myRole: "INTERVIEWER", status: "ENDED", questionCount: 2 });
    expect(mine.rows[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(mine.documents).toContain("Doc history");

    const asCandidate = await candidate.session.trpc.review.history.query({ search: "Prompt 2 history" });
    expect(asCandidate.total).toBe(0);
    expect((await candidate.session.trpc.review.history.query({ question: "Prompt 1 history" })).rows.map((row) => row.id)).toEqual([sessionId]);
    expect((await candidate.session.trpc.review.history.query({ role: "ran" })).total).toBe(0);

    const today = new Date().toISOString().slice(0, 10);
    expect((await interviewer.session.trpc.review.history.query({ from: today, to: today, status: "ENDED" })).rows.map((row) => row.id)).toContain(sessionId);
    expect((await interviewer.session.trpc.review.history.query({ to: "2000-01-01" })).total).toBe(0);
    expect((await interviewer.session.trpc.review.history.query({ page: 99 })).rows).toEqual([]);

    for (const nonsense of [
      { from: "yesterday" },
      { from: "2026-02-01", to: "2026-01-01" },
      { status: "DONE" },
      { sort: "random" },
      { page: 0 },
      { color: "red" },
    ]) {
      expect(await interviewer.session.trpc.review.history.query(nonsense as never).catch(appCodeOf)).toBe("BAD_REQUEST");
    }
    const page = await interviewer.session.fetch("/history?from=yesterday").then((response) => response.text());
    expect(page).toContain("These filters cannot be applied.");
  });

  it("lets the candidate hide a session from their own list only, and the owner delete it with everything of it", async () => {
    const { sessionId, interviewer, candidate, observer, cody } = await playedInterview("delete");
    expect(await candidate.session.trpc.review.setHidden.mutate({ sessionId, hidden: true })).toEqual({ hidden: true });
    expect((await candidate.session.trpc.review.history.query({})).rows.map((row) => row.id)).not.toContain(sessionId);
    expect((await interviewer.session.trpc.review.history.query({})).rows.map((row) => row.id)).toContain(sessionId);
    expect(await interviewer.session.trpc.review.setHidden.mutate({ sessionId, hidden: true }).catch(appCodeOf)).toBe("FORBIDDEN");

    const before = await settledDatabaseDigest(db);
    expect(await observer.session.trpc.interview.delete.mutate({ sessionId }).catch(appCodeOf)).toBe("FORBIDDEN");
    expect(await candidate.session.trpc.interview.delete.mutate({ sessionId }).catch(appCodeOf)).toBe("FORBIDDEN");
    expect(await databaseDigest(db)).toBe(before);

    expect(await interviewer.session.trpc.interview.delete.mutate({ sessionId })).toEqual({ deleted: true });
    const left = await Promise.all([
      db.interviewSession.count({ where: { id: sessionId } }),
      db.sessionEvent.count({ where: { sessionId } }),
      db.sessionQuestion.count({ where: { sessionId } }),
      db.participant.count({ where: { sessionId } }),
      db.invite.count({ where: { sessionId } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
    // The candidate, still in the ended room, is told; the room sends nothing more.
    await expect.poll(() => JSON.stringify(cody.received)).toContain("The interviewer deleted this interview.");
    expect(await interviewer.session.trpc.review.session.query({ sessionId }).catch(appCodeOf)).toBe("NOT_FOUND");
  });

  it("refuses to delete a live interview", async () => {
    const world = await plannedInterview(db, "live-delete", server.url);
    const iris = new RoomClient(server.url, world.interviewer.session.cookieHeader(), world.sessionId);
    clients.push(iris);
    await iris.joined();
    expect(await iris.send({ type: "start" })).toMatchObject({ ok: true });
    expect(await world.interviewer.session.trpc.interview.delete.mutate({ sessionId: world.sessionId }).catch(appCodeOf)).toBe("CONFLICT");
    expect(await db.interviewSession.count({ where: { id: world.sessionId } })).toBe(1);
  });
});
