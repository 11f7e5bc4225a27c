import { padSplice } from "@/tests/support/pad-updates";
import { PROTOCOL_VERSION } from "@/server/realtime/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCRATCHPAD_MAX_LENGTH, SCRATCHPAD_TOO_LONG, type CandidateView, type StaffView } from "@/server/domain/room";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, plannedInterview, signedIn } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

const { db, url: databaseUrl } = await fileDatabase();
let server: AppServer;
const servers: AppServer[] = [];
const clients: RoomClient[] = [];

async function startServer(port?: number): Promise<AppServer> {
  const started = await startAppServer(databaseUrl, { port });
  servers.push(started);
  return started;
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(servers.map((started) => started.kill("SIGKILL")));
  await db.$disconnect();
});

/** A room client with the member's session cookie, as next-auth issued it. */
async function connect(member: { session: HttpSession }, sessionId: string, url = server.url): Promise<RoomClient> {
  const client = new RoomClient(url, member.session.cookieHeader(), sessionId);
  clients.push(client);
  await client.joined();
  return client;
}

const asInterviewer = (client: RoomClient) => client.view as StaffView;
const asCandidate = (client: RoomClient) => client.view as CandidateView;

async function eventLog(sessionId: string) {
  return db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true, type: true, idempotencyKey: true } });
}

function expectGaplessLog(log: Array<{ seq: number; idempotencyKey: string }>) {
  expect(log.map((event) => event.seq)).toEqual(log.map((_, index) => index + 1));
  expect(new Set(log.map((event) => event.idempotencyKey)).size).toBe(log.length);
}

describe("a live interview over real sockets", () => {
  it("runs from lobby to end, saving every step as it happens", async () => {
    const { sessionId, interviewer, candidate, observer } = await plannedInterview(db, "flow", server.url);
    const iris = await connect(interviewer, sessionId);
    const cody = await connect(candidate, sessionId);
    const olga = await connect(observer, sessionId);

    await iris.until((view) => view.participants.filter((p) => p.presence === "connected").length === 3);
    expect(asCandidate(cody).status).toBe("lobby");
    expect(asCandidate(cody).current).toBeNull();

    expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
    const live = await cody.until((view) => view.status === "live");
    expect((live as CandidateView).current?.prompt).toBe("Prompt 1 flow");

    const question = asInterviewer(iris).questions[0];
    const followUp = question?.followUps[1];
    if (!question || !followUp) throw new Error("planned question missing");
    expect(await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: followUp.id })).toMatchObject({ ok: true });
    const revealed = (await cody.until((view) => (view as CandidateView).current?.followUps.length === 1)) as CandidateView;
    expect(revealed.current?.followUps[0]?.prompt).toBe("Follow-up 1.2 flow");
    expect(revealed.current?.followUps[0]?.revealedAt).toEqual(expect.any(String));

    expect(await cody.type(question.id, "Use a queue")).toMatchObject({ ok: true, revision: 1 });
    await iris.until((view) => (view as StaffView).questions[0]?.scratchpad?.text === "Use a queue");

    expect(await iris.command({ type: "addNote", body: "Strong start" })).toMatchObject({ ok: true });
    expect(await olga.command({ type: "addNote", body: "Observer aside" })).toMatchObject({ ok: true });
    await iris.until((view) => (view as StaffView).notes.length === 1);
    await olga.until((view) => (view as StaffView).notes.some((note) => note.body === "Observer aside"));
    expect(asInterviewer(iris).notes.map((note) => note.body)).toEqual(["Strong start"]);
    expect(asInterviewer(iris).notes[0]?.questionId).toBe(question.id);

    expect(await iris.command({ type: "rateCriterion", questionId: question.id, criterion: 0, rating: 3, comment: "clear", evidence: [] })).toMatchObject({
      ok: true,
    });
    expect(await iris.command({ type: "nextQuestion", fromQuestionId: question.id })).toMatchObject({ ok: true });
    await cody.until((view) => (view as CandidateView).current?.prompt === "Prompt 2 flow");
    expect(await iris.command({ type: "end" })).toMatchObject({ ok: true });
    await cody.until((view) => view.status === "ended");

    const stored = await db.interviewSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { status: true, startedAt: true, endedAt: true, version: true },
    });
    expect(stored).toMatchObject({ status: "ENDED", startedAt: expect.any(Date), endedAt: expect.any(Date) });
    const log = await eventLog(sessionId);
    expectGaplessLog(log);
    expect(stored.version).toBe(log.length);
    const notes = await db.note.findMany({
      where: { sessionId },
      orderBy: { createdAt: "asc" },
      select: { body: true, authorId: true, sessionQuestionId: true },
    });
    expect(notes).toEqual([
      { body: "Strong start", authorId: interviewer.id, sessionQuestionId: question.id },
      { body: "Observer aside", authorId: observer.id, sessionQuestionId: question.id },
    ]);
    // A rating is a room event, saved as it is made.
    expect((await db.sessionEvent.findFirst({ where: { sessionId, type: "scorecardChanged" } }))?.payload).toMatchObject({
      scorerId: interviewer.id,
      change: { kind: "rating", questionId: question.id, rating: { criterion: 0, rating: 3, comment: "clear", evidence: [] } },
      amendment: null,
    });
    expect(log.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        "participantJoined",
        "interviewStarted",
        "followUpRevealed",
        "scratchpadUpdated",
        "noteAdded",
        "scorecardChanged",
        "questionChanged",
        "interviewEnded",
      ]),
    );
  });

  it("applies a retried command once and two simultaneous reveals as one", async () => {
    const { sessionId, interviewer } = await plannedInterview(db, "twice", server.url);
    const tabA = await connect(interviewer, sessionId);
    const tabB = await connect(interviewer, sessionId);
    await tabA.command({ type: "start" });
    const question = (await tabA.until((view) => view.status === "live")) as StaffView;
    const target = question.questions[0]?.followUps[0];
    if (!target || !question.questions[0]) throw new Error("no follow-up");
    const reveal = { type: "revealFollowUp" as const, questionId: question.questions[0].id, followUpId: target.id };

    const [a, b] = await Promise.all([tabA.command(reveal), tabB.command(reveal)]);
    expect(a.ok && b.ok).toBe(true);
    const retried = await tabA.command({ type: "addNote", body: "once" }, "retry-key-0001");
    const again = await tabA.command({ type: "addNote", body: "once" }, "retry-key-0001");
    expect(again).toEqual(retried);
    // A retry that would now be refused (its note is gone) is answered as the first attempt was.
    const noteId = ((await tabA.until((view) => (view as StaffView).notes.length === 1)) as StaffView).notes[0]?.id ?? "";
    const deleted = await tabA.command({ type: "deleteNote", noteId }, "retry-key-0002");
    expect(deleted).toMatchObject({ ok: true });
    expect(await tabA.command({ type: "deleteNote", noteId }, "retry-key-0002")).toEqual(deleted);
    expect(await tabA.command({ type: "deleteNote", noteId }, "retry-key-0003")).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const log = await eventLog(sessionId);
    expect(log.filter((event) => event.type === "followUpRevealed")).toHaveLength(1);
    expect(log.filter((event) => event.type === "noteAdded")).toHaveLength(1);
    expect(log.filter((event) => event.type === "noteDeleted")).toHaveLength(1);
    await tabB.until((view) => (view as StaffView).notes.length === 0);
    expect(tabB.view).toEqual(expect.objectContaining({ questions: asInterviewer(tabA).questions }));
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const { sessionId, candidate, observer, interviewer } = await plannedInterview(db, "bad", server.url);
    const iris = await connect(interviewer, sessionId);
    const cody = await connect(candidate, sessionId);
    const olga = await connect(observer, sessionId);
    await iris.command({ type: "start" });
    await cody.until((view) => view.status === "live");
    const question = asInterviewer(iris).questions[0];
    const followUp = question?.followUps[0];
    if (!question || !followUp) throw new Error("no question");
    // Presence changes are legitimate writes (the oversized message below drops a connection); nothing else may be.
    const roomChanges = async () => (await eventLog(sessionId)).filter((event) => event.type !== "presenceChanged").length;
    const before = await roomChanges();

    expect(await cody.command({ type: "revealFollowUp", questionId: question.id, followUpId: followUp.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await olga.command({ type: "nextQuestion", fromQuestionId: question.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: "forged-follow-up" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await iris.emit("room:command", { sessionId: "forged-session", idempotencyKey: "abcdefgh1", command: { type: "start" } })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await iris.emit("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId: "forged-session", lastSeq: null })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await iris.emit("room:command", { sessionId, idempotencyKey: "x", command: { type: "launchMissiles" } })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    expect(await iris.emit("room:command", "not even an object")).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(
      await cody.command({
        type: "editScratchpad",
        questionId: question.id,
        baseRevision: 0,
        updates: [padSplice(0, 0, 0, "x".repeat(60_000), cody.padClient)],
      }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(
      await cody.command({ type: "editScratchpad", questionId: question.id, baseRevision: 0, updates: [padSplice(999, 5, 999, "x", cody.padClient)] }),
    ).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    expect(
      await cody.emit("room:command", {
        sessionId,
        idempotencyKey: "unknown-language",
        command: { type: "editScratchpad", questionId: question.id, baseRevision: 0, updates: [], language: "cobol" },
      }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(
      await cody.command({ type: "editScratchpad", questionId: question.id, baseRevision: 3, updates: [padSplice(0, 0, 0, "x", cody.padClient)] }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(
      await cody.emit("room:command", {
        sessionId,
        idempotencyKey: "forged-checkpoint",
        command: { type: "checkpointScratchpad", questionId: question.id, text: "forged", revision: 99 },
      }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });

    // Past Socket.IO's message cap the connection itself is dropped; the client reconnects and the server stays up.
    const oversized = { sessionId, idempotencyKey: "big-payload-1", command: { type: "addNote" as const, body: "y".repeat(1_000_000) } };
    iris.socket.emit("room:command", oversized, () => expect.unreachable("an oversized message must not be answered"));
    await iris.joined();
    expect(await roomChanges()).toBe(before);
    const health = await iris.emit<{ serverNow: number }>("time:sync", { clientSentAt: Date.now() });
    expect(health.ok).toBe(true);
  });

  it("answers a scratchpad edit past the limit with a clear refusal on a socket that stays up, and takes a full one in any script", async () => {
    const { sessionId, candidate, interviewer } = await plannedInterview(db, "pad-limit", server.url);
    const iris = await connect(interviewer, sessionId);
    const cody = await connect(candidate, sessionId);
    await iris.command({ type: "start" });
    await cody.until((view) => view.status === "live");
    const questionId = asInterviewer(iris).questions[0]!.id;
    const socketId = cody.socket.id;
    const edit = (baseRevision: number, changes: Array<{ from: number; to: number; insert: string }>, length = 0) =>
      cody.command({
        type: "editScratchpad",
        questionId,
        baseRevision,
        updates: changes.map((change, i) => padSplice(length + i * change.insert.length, change.from, change.to, change.insert, cody.padClient)),
      });

    // A whole scratchpad of CJK text is 150 KB of JSON: it is a legitimate paste, and it arrives.
    const full = "漢".repeat(SCRATCHPAD_MAX_LENGTH);
    expect(await edit(0, [{ from: 0, to: 0, insert: full }])).toMatchObject({ ok: true, revision: 1 });
    await iris.until((view) => (view as StaffView).questions[0]?.scratchpad?.text.length === SCRATCHPAD_MAX_LENGTH);

    // One character more, in one splice or in several, is refused with the limit named; nothing changes.
    for (const changes of [[{ from: 0, to: 0, insert: "x" }], [{ from: 0, to: 0, insert: "x".repeat(SCRATCHPAD_MAX_LENGTH + 1) }]]) {
      const refused = await edit(1, changes, SCRATCHPAD_MAX_LENGTH);
      // Too long for the pad (PAYLOAD_TOO_LARGE), or for a message of the protocol at all (BAD_REQUEST).
      expect(refused).toMatchObject({ ok: false, code: changes[0]!.insert.length === 1 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST" });
      if (!refused.ok) expect(refused.message).toContain(SCRATCHPAD_TOO_LONG);
    }
    // The same connection answers the next edit: the refusal dropped nothing.
    expect(cody.socket.connected).toBe(true);
    expect(cody.socket.id).toBe(socketId);
    expect(await edit(1, [{ from: 0, to: SCRATCHPAD_MAX_LENGTH, insert: "typed after" }], SCRATCHPAD_MAX_LENGTH)).toMatchObject({ ok: true, revision: 2 });
    await iris.until((view) => (view as StaffView).questions[0]?.scratchpad?.text === "typed after");
  });

  it("refuses a user who is not in the session", async () => {
    const { sessionId } = await plannedInterview(db, "stranger", server.url);
    const stranger = await createAccount(db, "Stan");
    const client = new RoomClient(server.url, (await signedIn(server.url, stranger)).cookieHeader(), sessionId);
    clients.push(client);
    await new Promise<void>((resolve) => client.socket.once("connect", () => resolve()));
    expect(await client.emit("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId, lastSeq: null })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await client.command({ type: "start" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.sessionEvent.count({ where: { sessionId, actorId: stranger.id } })).toBe(0);
  });

  it("rate-limits a socket that floods commands", async () => {
    const { sessionId, interviewer } = await plannedInterview(db, "flood", server.url);
    const iris = await connect(interviewer, sessionId);
    const results = await Promise.all(Array.from({ length: 80 }, () => iris.emit("time:sync", { clientSentAt: 0 })));
    expect(results.filter((result) => !result.ok).map((result) => (result.ok ? null : result.code))).toContain("RATE_LIMITED");
  });
});

describe("nothing is lost on reconnect or restart", () => {
  it("catches up a client that dropped while the room moved on", async () => {
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "drop", server.url);
    const iris = await connect(interviewer, sessionId);
    const cody = await connect(candidate, sessionId);
    await iris.command({ type: "start" });
    await cody.until((view) => view.status === "live");
    const question = asInterviewer(iris).questions[0];
    if (!question) throw new Error("no question");

    cody.socket.disconnect();
    for (const followUp of question.followUps.slice(0, 2)) {
      await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: followUp.id });
    }
    const rejoined = cody.joined();
    cody.socket.connect();
    await rejoined;
    expect(asCandidate(cody).current?.followUps.map((f) => f.prompt)).toEqual(["Follow-up 1.1 drop", "Follow-up 1.2 drop"]);
    const lastJoin = cody.received.filter((frame) => typeof frame === "object" && frame !== null && "mode" in frame).at(-1);
    expect(lastJoin).toMatchObject({ ok: true, mode: "events" });
  });

  it("survives SIGKILL of the server mid-interview: clients reconnect and agree, the log has no gap", async () => {
    const killable = await startServer();
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "kill", server.url);
    const iris = await connect(interviewer, sessionId, killable.url);
    const cody = await connect(candidate, sessionId, killable.url);
    await iris.command({ type: "start" });
    const question = ((await iris.until((view) => view.status === "live")) as StaffView).questions[0];
    if (!question) throw new Error("no question");
    const [first, second, third] = question.followUps;
    if (!first || !second || !third) throw new Error("follow-ups missing");
    await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: first.id });

    await killable.kill("SIGKILL");
    await startServer(killable.port);
    await Promise.all([iris.joined(), cody.joined()]);

    // A command whose acknowledgement was lost is retried with its key: applied once.
    await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: second.id }, "reveal-second-key");
    await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: second.id }, "reveal-second-key");
    await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: third.id });
    await cody.until((view) => (view as CandidateView).current?.followUps.length === 3);
    await iris.until((view) => view.participants.every((p) => p.presence === "connected"));

    const log = await eventLog(sessionId);
    expectGaplessLog(log);
    expect(log.filter((event) => event.type === "followUpRevealed")).toHaveLength(3);
    expect(iris.seq).toBe(log.length);
    expect(cody.seq).toBe(log.length);
    const revealedForStaff = asInterviewer(iris)
      .questions[0]?.followUps.filter((f) => f.revealedAt)
      .map((f) => [f.prompt, f.revealedAt]);
    const revealedForCandidate = asCandidate(cody).current?.followUps.map((f) => [f.prompt, f.revealedAt]);
    expect(revealedForCandidate).toEqual(revealedForStaff);
  });
});

/** A view without the server's clock readings (`asOf`, elapsed times), which a folded view leaves to the client. */
function withoutClock(view: unknown): unknown {
  return JSON.parse(JSON.stringify(view, (key, value: unknown) => (key === "asOf" || key === "elapsedMs" ? undefined : value)));
}

/** The answer to the client's last room:join. */
function lastJoinAnswer(client: RoomClient): Record<string, unknown> {
  const answers = client.received.filter((payload): payload is Record<string, unknown> => typeof payload === "object" && payload !== null && "mode" in payload);
  return answers.at(-1) ?? {};
}

describe("rejoining", () => {
  it("brings a reconnecting client up to date with only what it missed, to the view a fresh client gets", async () => {
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "catch-up", server.url);
    const iris = await connect(interviewer, sessionId);
    const irisOtherTab = await connect(interviewer, sessionId);
    const cody = await connect(candidate, sessionId);
    expect(lastJoinAnswer(iris)).toMatchObject({ mode: "snapshot" });
    await iris.command({ type: "start" });
    const [q1, q2] = ((await iris.until((view) => view.status === "live")) as StaffView).questions;
    if (!q1?.followUps[0] || !q2?.followUps[0]) throw new Error("planned questions missing");
    await cody.until((view) => view.status === "live");

    // The interviewer's tab drops; the room goes on without it, the candidate typing (live edits, not logged).
    iris.socket.disconnect();
    await irisOtherTab.send({ type: "revealFollowUp", questionId: q1.id, followUpId: q1.followUps[0].id });
    await irisOtherTab.send({ type: "setKeyPointChecked", questionId: q1.id, index: 0, checked: true });
    await irisOtherTab.send({ type: "addNote", body: "Missed by the first tab" });
    expect(await cody.type(q1.id, "Use a heap")).toMatchObject({ ok: true });
    const seqBefore = iris.seq;
    const rejoined = iris.joined();
    iris.socket.connect();
    await rejoined;
    const answer = lastJoinAnswer(iris);
    expect(answer).toMatchObject({ mode: "events", scratchpads: { [q1.id]: { text: "Use a heap", revision: 1 } } });
    expect(answer).not.toHaveProperty("view");
    expect((answer.events as Array<{ seq: number }>).map((event) => event.seq)).toEqual([1, 2, 3].map((n) => (seqBefore ?? 0) + n));
    const freshIris = await connect(interviewer, sessionId);
    expect(withoutClock(iris.view)).toEqual(withoutClock(freshIris.view));

    // The candidate drops; the interviewer moves on and reveals more: the candidate catches up to what a fresh candidate sees.
    cody.socket.disconnect();
    await iris.send({ type: "goToQuestion", questionId: q2.id });
    await iris.send({ type: "revealFollowUp", questionId: q2.id, followUpId: q2.followUps[0].id });
    await iris.send({ type: "addNote", body: "Not for the candidate" });
    const codyRejoined = cody.joined();
    cody.socket.connect();
    await codyRejoined;
    expect(lastJoinAnswer(cody)).toMatchObject({ mode: "events" });
    const candidateView = asCandidate(cody);
    expect(candidateView.current?.followUps.map((followUp) => followUp.prompt)).toEqual([q2.followUps[0].prompt]);
    expect(candidateView.earlier[0]?.scratchpad?.text).toBe("Use a heap");
    const freshCody = await connect(candidate, sessionId);
    expect(withoutClock(cody.view)).toEqual(withoutClock(freshCody.view));
    expect(JSON.stringify(cody.received)).not.toContain("Not for the candidate");
  });
});

describe("the scratchpad and bursts under faults", () => {
  const checkpoints = async (sessionId: string) =>
    (await db.sessionEvent.findMany({ where: { sessionId, type: "scratchpadUpdated" }, orderBy: { seq: "asc" }, select: { payload: true } })).map(
      (event) => (event.payload as { text: string }).text,
    );

  it("checkpoints the pad before the question changes and at the end; after a SIGKILL the server still has every acknowledged update", async () => {
    const killable = await startServer();
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "scratch-kill", server.url);
    const iris = await connect(interviewer, sessionId, killable.url);
    const cody = await connect(candidate, sessionId, killable.url);
    await iris.command({ type: "start" });
    const [q1, q2] = ((await iris.until((view) => view.status === "live")) as StaffView).questions;
    if (!q1 || !q2) throw new Error("questions missing");
    await cody.until((view) => view.status === "live");

    for (const text of ["d", "def", "def solve():"]) expect(await cody.type(q1.id, text)).toMatchObject({ ok: true });
    await iris.until((view) => (view as StaffView).questions[0]?.scratchpad?.text === "def solve():");
    expect(await checkpoints(sessionId)).toEqual([]);
    expect(await iris.command({ type: "goToQuestion", questionId: q2.id })).toMatchObject({ ok: true });
    expect(await checkpoints(sessionId)).toEqual(["def solve():"]);

    // Acknowledged and relayed, but not yet checkpointed when the server dies.
    const full = "def solve():\n    return 42";
    expect(await cody.type(q1.id, full)).toMatchObject({ ok: true });
    await iris.until((view) => (view as StaffView).questions[0]?.scratchpad?.text === full);
    await killable.kill("SIGKILL");
    await startServer(killable.port);
    await Promise.all([iris.joined(), cody.joined()]);

    await iris.until((view) => (view as StaffView).questions[0]?.scratchpad?.text === full);
    expect(await iris.command({ type: "end" })).toMatchObject({ ok: true });
    expect((await checkpoints(sessionId)).at(-1)).toBe(full);
    expectGaplessLog(await eventLog(sessionId));
  });

  it("takes two tabs sending 100 notes at once: 100 events, no INTERNAL", async () => {
    const { sessionId, interviewer } = await plannedInterview(db, "burst", server.url);
    const tabs = [await connect(interviewer, sessionId), await connect(interviewer, sessionId)];
    await tabs[0]!.command({ type: "start" });
    const results = await Promise.all(
      tabs.flatMap((tab, t) => Array.from({ length: 50 }, (_, i) => tab.send({ type: "addNote", body: `tab ${t} note ${i}` }))),
    );
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const answers = tabs
      .flatMap((tab) => tab.received)
      .filter((frame): frame is { ok: false; code: string } => typeof frame === "object" && frame !== null && (frame as { ok?: unknown }).ok === false);
    expect(answers.filter((answer) => answer.code === "INTERNAL")).toEqual([]);
    const notes = (await eventLog(sessionId)).filter((event) => event.type === "noteAdded");
    expect(notes).toHaveLength(100);
    expect(await db.note.count({ where: { sessionId } })).toBe(100);
    for (const tab of tabs) await tab.until((view) => (view as StaffView).notes.length === 100);
  });
});

describe("plans and removals around a room held in memory", () => {
  it("lets people join after the plan was edited while the room was already loaded, and shows the new plan", async () => {
    const { sessionId, interviewer, observer } = await plannedInterview(db, "replan", server.url);
    // Removing someone who never entered changes nothing in the room, but loads it on the server.
    await interviewer.session.trpc.interview.removeParticipant.mutate({ sessionId, userId: observer.id });
    const plan = await db.sessionQuestion.findMany({ where: { sessionId }, orderBy: { position: "asc" }, select: { bankQuestionId: true } });
    const reversed = plan.reverse().map((question) => ({ bankQuestionId: question.bankQuestionId ?? "", timeBoxSec: 300 }));
    await interviewer.session.trpc.interview.updatePlan.mutate({ sessionId, title: "Replanned", items: reversed });
    const iris = await connect(interviewer, sessionId);
    const asked = await db.sessionQuestion.findMany({ where: { sessionId }, orderBy: { position: "asc" }, select: { id: true } });
    expect(asInterviewer(iris).questions.map((question) => question.id)).toEqual(asked.map((question) => question.id));
    expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
  });
});

describe("the candidate never receives hidden material", () => {
  it("finds no marker of anything unrevealed in any frame the candidate received, across reconnects", async () => {
    const { sessionId, interviewer, candidate, observer, marker } = await plannedInterview(db, "leak", server.url);
    const iris = await connect(interviewer, sessionId);
    const olga = await connect(observer, sessionId);
    const cody = await connect(candidate, sessionId);
    await iris.command({ type: "start" });
    await cody.until((view) => view.status === "live");
    const [q1, q2] = asInterviewer(iris).questions;
    if (!q1 || !q2) throw new Error("questions missing");

    await iris.command({ type: "revealFollowUp", questionId: q1.id, followUpId: q1.followUps[0]?.id ?? "" });
    await iris.command({ type: "setKeyPointChecked", questionId: q1.id, index: 0, checked: true });
    await iris.command({ type: "addNote", body: marker("note-interviewer") });
    await olga.command({ type: "addNote", body: marker("note-observer") });
    await iris.command({ type: "editNote", noteId: asInterviewer(iris).notes[0]?.id ?? "", body: marker("note-edited") });
    await iris.command({ type: "rateCriterion", questionId: q1.id, criterion: 0, rating: 3, comment: marker("score-comment"), evidence: [] });
    await iris.command({ type: "setQuestionOverall", questionId: q1.id, overall: 7, comment: marker("score-overall") });
    cody.socket.disconnect();
    await iris.command({ type: "deleteNote", noteId: asInterviewer(iris).notes[0]?.id ?? "" });
    await iris.command({ type: "nextQuestion", fromQuestionId: q1.id });
    const rejoined = cody.joined();
    cody.socket.connect();
    await rejoined;
    await cody.command({ type: "revealFollowUp", questionId: q2.id, followUpId: q2.followUps[2]?.id ?? "" });
    await cody.command({ type: "editNote", noteId: "anything", body: "x" });
    await iris.command({ type: "end" });
    await cody.until((view) => view.status === "ended");

    const everything = JSON.stringify(cody.received);
    expect(everything).toContain("Follow-up 1.1 leak");
    expect(everything).not.toMatch(/MARK-leak-/);
    for (const hidden of ["Follow-up 1.2 leak", "Follow-up 1.3 leak", "Follow-up 2.1 leak", "Follow-up 2.2 leak", "Follow-up 2.3 leak"]) {
      expect(everything).not.toContain(hidden);
    }
  });
});
