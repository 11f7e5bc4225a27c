// Peer practice through the real app on two nodes sharing one database: profiles, the queue, the matcher
// on both nodes, accepting, the two halves with their roles swapped, and the refusals, each of which must
// change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffView } from "@/server/domain/room";
import type { PracticeStatusOutput } from "@/server/api/routers/practice/status.schema";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase, type FileDatabase } from "../support/db";
import { createAccount, refusedWithNoChange as refusedWithNoChangeIn, seedMarkedQuestions, signedIn } from "../support/fixtures";
import { appCodeOf, type HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

let database: FileDatabase;
let nodes: AppServer[];
const clients: RoomClient[] = [];
const TOPIC = `Queues and streams ${Date.now()}`;
let marker: (field: string) => string;

beforeAll(async () => {
  database = await fileDatabase();
  nodes = await Promise.all([startAppServer(database.url), startAppServer(database.url)]);
  ({ marker } = await seedMarkedQuestions(database.db, "practice", { section: TOPIC }));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all((nodes ?? []).map((node) => node.kill()));
  await database?.pool.end();
  await database?.db.$disconnect();
});

/** A new account signed in on node `node`, with a practice profile for the topic. */
async function practitioner(name: string, node = 0, level: "JUNIOR" | "MID" | "SENIOR" | "STAFF" = "SENIOR") {
  const account = await createAccount(database.db, name);
  const http = await signedIn(nodes[node]!.url, account);
  await http.trpc.practice.saveProfile.mutate({ topics: [TOPIC], level, languages: ["English"], timeZone: "Europe/Paris" });
  return { id: account.id, account, http };
}

async function statusUntil<S extends PracticeStatusOutput["state"]>(http: HttpSession, state: S, timeoutMs = 15_000) {
  let status: PracticeStatusOutput = { state: "idle" };
  await expect
    .poll(
      async () => {
        status = await http.trpc.practice.status.query();
        return status.state;
      },
      { timeout: timeoutMs, interval: 100 },
    )
    .toBe(state);
  return status as Extract<PracticeStatusOutput, { state: S }>;
}

/** Makes a call that must be refused; its code, having checked it changed nothing. */
const refusedWithNoChange = (call: () => Promise<unknown>) => refusedWithNoChangeIn(database.db, call);

/** The rooms on one node: without Redis (not needed here) a room's events stay on the node that wrote them. */
function roomOf(member: { http: HttpSession }, sessionId: string): Promise<RoomClient> {
  const client = new RoomClient(nodes[0]!.url, member.http.cookieHeader(), sessionId);
  clients.push(client);
  return client.joined().then(() => client);
}

/** The markers of the interviewer-only fields of marked question `n`. */
const secretsOf = (n: number) => [marker(`answer-${n}`), marker(`keypoint-${n}`), marker(`redflag-${n}`), marker(`rubric-${n}`), marker(`fu-answer-${n}-1`)];
const received = (client: RoomClient) => JSON.stringify(client.received);

describe("the practice profile and the queue refuse what does not exist", () => {
  it("refuses an unknown topic or level, joining without a profile, and joining twice from two nodes", async () => {
    const account = await createAccount(database.db, "Nora");
    const http = await signedIn(nodes[0]!.url, account);
    expect(await refusedWithNoChange(() => http.trpc.practice.join.mutate({ topic: TOPIC }))).toBe("BAD_REQUEST");
    expect(
      await refusedWithNoChange(() => http.trpc.practice.saveProfile.mutate({ topics: ["No such topic"], level: "SENIOR", languages: [], timeZone: null })),
    ).toBe("BAD_REQUEST");
    expect(
      await refusedWithNoChange(() => http.trpc.practice.saveProfile.mutate({ topics: [TOPIC], level: "PRINCIPAL" as "STAFF", languages: [], timeZone: null })),
    ).toBe("BAD_REQUEST");
    await http.trpc.practice.saveProfile.mutate({ topics: [TOPIC], level: "MID", languages: [], timeZone: null });
    expect(await refusedWithNoChange(() => http.trpc.practice.join.mutate({ topic: "No such topic" }))).toBe("BAD_REQUEST");

    const onOtherNode = await signedIn(nodes[1]!.url, account);
    const joins = await Promise.allSettled([http.trpc.practice.join.mutate({ topic: TOPIC }), onOtherNode.trpc.practice.join.mutate({ topic: TOPIC })]);
    expect(joins.map((join) => (join.status === "fulfilled" ? "allowed" : appCodeOf(join.reason))).sort()).toEqual(["CONFLICT", "allowed"]);
    expect(await database.db.practiceTicket.count({ where: { userId: account.id } })).toBe(1);
    await http.trpc.practice.leave.mutate();
    expect(await http.trpc.practice.status.query()).toEqual({ state: "idle" });
  });
});

describe("two strangers practise together", () => {
  it("are matched across nodes, accept, interview each other with a swap, and never see their own half's material", async () => {
    const ann = await practitioner("Ann", 0);
    const bob = await practitioner("Bob", 1, "MID");
    await ann.http.trpc.practice.join.mutate({ topic: TOPIC });
    await bob.http.trpc.practice.join.mutate({ topic: TOPIC });

    const offerToAnn = await statusUntil(ann.http, "proposed");
    const offerToBob = await statusUntil(bob.http, "proposed");
    expect(offerToAnn).toMatchObject({ topic: TOPIC, partner: { name: "Bob", level: "MID" }, accepted: false, partnerAccepted: false });
    expect(offerToBob.proposalId).toBe(offerToAnn.proposalId);
    // Nobody's email reaches the other: only the name and level.
    expect(JSON.stringify(offerToAnn)).not.toContain("@");

    // A stranger can neither accept nor swap nor block in it.
    const eve = await practitioner("Eve", 0);
    expect(await refusedWithNoChange(() => eve.http.trpc.practice.accept.mutate({ proposalId: offerToAnn.proposalId }))).toBe("NOT_FOUND");
    expect(await refusedWithNoChange(() => eve.http.trpc.practice.block.mutate({ peerSessionId: offerToAnn.proposalId }))).toBe("NOT_FOUND");

    expect(await ann.http.trpc.practice.accept.mutate({ proposalId: offerToAnn.proposalId })).toEqual({ started: false });
    expect(await bob.http.trpc.practice.status.query()).toMatchObject({ state: "proposed", partnerAccepted: true });
    expect(await bob.http.trpc.practice.accept.mutate({ proposalId: offerToBob.proposalId })).toEqual({ started: true });

    // Ann waited longer, so she asks first.
    const annFirst = await statusUntil(ann.http, "active");
    const bobFirst = await statusUntil(bob.http, "active");
    expect(annFirst).toMatchObject({ half: 1, asking: true, partnerName: "Bob" });
    expect(bobFirst).toMatchObject({ half: 1, asking: false, roomId: annFirst.roomId });
    expect(await refusedWithNoChange(() => eve.http.trpc.practice.swap.mutate({ peerSessionId: annFirst.peerSessionId }))).toBe("NOT_FOUND");
    expect(await refusedWithNoChange(() => ann.http.trpc.practice.join.mutate({ topic: TOPIC }))).toBe("CONFLICT");

    const firstHalf = await database.db.sessionQuestion.findFirstOrThrow({ where: { sessionId: annFirst.roomId }, select: { snapshot: true } });
    const firstN = JSON.stringify(firstHalf.snapshot).includes(marker("answer-1")) ? 1 : 2;
    const secondN = firstN === 1 ? 2 : 1;

    const annAsks = await roomOf(ann, annFirst.roomId);
    const bobAnswers = await roomOf(bob, annFirst.roomId);
    expect(annAsks.view?.role).toBe("INTERVIEWER");
    expect(bobAnswers.view?.role).toBe("CANDIDATE");
    await annAsks.send({ type: "start" });
    const asked = (annAsks.view as StaffView).questions[0]!;
    await annAsks.send({ type: "revealFollowUp", questionId: asked.id, followUpId: asked.followUps[0]!.id });
    await bobAnswers.until((view) => view.status === "live");
    expect(received(annAsks)).toContain(marker(`answer-${firstN}`));
    for (const secret of [...secretsOf(firstN), ...secretsOf(secondN)]) expect(received(bobAnswers)).not.toContain(secret);

    // The swap: one asking waits for the other; both asking swaps. Bob asks on the node that serves the
    // room, whose sockets see the half end (across nodes, that takes the Redis adapter).
    const bobOnRoomNode = { ...bob, http: await signedIn(nodes[0]!.url, bob.account) };
    expect(await ann.http.trpc.practice.swap.mutate({ peerSessionId: annFirst.peerSessionId })).toEqual({ swapped: false });
    expect(await bob.http.trpc.practice.status.query()).toMatchObject({ half: 1, partnerAskedSwap: true });
    expect(await bobOnRoomNode.http.trpc.practice.swap.mutate({ peerSessionId: annFirst.peerSessionId })).toEqual({ swapped: true });
    await bobAnswers.until((view) => view.status === "ended");
    expect(await refusedWithNoChange(() => bob.http.trpc.practice.swap.mutate({ peerSessionId: annFirst.peerSessionId }))).toBe("CONFLICT");

    const bobSecond = await statusUntil(bob.http, "active");
    expect(bobSecond).toMatchObject({ half: 2, asking: true });
    expect(await ann.http.trpc.practice.status.query()).toMatchObject({ half: 2, asking: false, roomId: bobSecond.roomId });
    const bobAsks = await roomOf(bob, bobSecond.roomId);
    const annAnswers = await roomOf(ann, bobSecond.roomId);
    expect(annAnswers.view?.role).toBe("CANDIDATE");
    await bobAsks.send({ type: "start" });
    await annAnswers.until((view) => view.status === "live");
    // The new interviewer has only their own half's material; the new candidate none of theirs.
    expect(received(bobAsks)).toContain(marker(`answer-${secondN}`));
    for (const secret of secretsOf(firstN)) expect(received(bobAsks)).not.toContain(secret);
    for (const secret of secretsOf(secondN)) expect(received(annAnswers)).not.toContain(secret);
    // Nor can the person answering look their question up in the bank while the half runs.
    const secondQuestion = await database.db.sessionQuestion.findFirstOrThrow({ where: { sessionId: bobSecond.roomId }, select: { bankQuestionId: true } });
    expect(await ann.http.trpc.bank.question.query({ id: secondQuestion.bankQuestionId! }).catch(appCodeOf)).toBe("NOT_FOUND");

    await bobAsks.send({ type: "end" });
    await statusUntil(ann.http, "idle");
    await statusUntil(bob.http, "idle");

    // Each half is both people's record, set by Mockroom: its asker cannot bring anyone in, take the other
    // out, change its question or time, or delete it; either may hide it from their own history.
    const firstRoom = annFirst.roomId;
    const fixed = [
      () => ann.http.trpc.interview.createInvite.mutate({ sessionId: firstRoom, role: "OBSERVER" }),
      () => ann.http.trpc.interview.removeParticipant.mutate({ sessionId: firstRoom, userId: bob.id }),
      () =>
        ann.http.trpc.interview.updatePlan.mutate({
          sessionId: firstRoom,
          title: "Mine now",
          items: [{ bankQuestionId: secondQuestion.bankQuestionId!, timeBoxSec: null }],
        }),
      () =>
        ann.http.trpc.interview.schedule.mutate({ sessionId: firstRoom, startsAtLocal: "2031-01-07T14:00", timeZone: "UTC", durationMin: 30, reminders: [] }),
      () => ann.http.trpc.interview.delete.mutate({ sessionId: firstRoom }),
    ];
    for (const attempt of fixed) expect(await refusedWithNoChange(attempt)).toBe("FORBIDDEN");
    await ann.http.trpc.review.setHidden.mutate({ sessionId: firstRoom, hidden: true });
    await bob.http.trpc.review.setHidden.mutate({ sessionId: firstRoom, hidden: true });

    // Mutual feedback: each rates the other's answers to the question they asked, and reads the other's
    // only once both have written.
    const peerSessionId = annFirst.peerSessionId;
    const annView = await ann.http.trpc.practice.session.query({ peerSessionId });
    expect(annView).toMatchObject({ partnerName: "Bob", askedRoomId: firstRoom, ended: true, canGiveFeedback: true, criteria: [marker(`rubric-${firstN}`)] });
    const feedback = {
      ratings: [3 as const],
      communication: 4,
      problemSolving: 3,
      strengths: "ANN-STRENGTHS clear trade-offs",
      improve: "ANN-IMPROVE numbers",
    };
    expect(await refusedWithNoChange(() => eve.http.trpc.practice.session.query({ peerSessionId }))).toBe("NOT_FOUND");
    expect(await refusedWithNoChange(() => eve.http.trpc.practice.submitFeedback.mutate({ peerSessionId, ...feedback }))).toBe("NOT_FOUND");
    expect(await refusedWithNoChange(() => ann.http.trpc.practice.submitFeedback.mutate({ peerSessionId, ...feedback, ratings: [] }))).toBe("BAD_REQUEST");
    await ann.http.trpc.practice.submitFeedback.mutate({ peerSessionId, ...feedback });
    expect(await refusedWithNoChange(() => ann.http.trpc.practice.submitFeedback.mutate({ peerSessionId, ...feedback }))).toBe("CONFLICT");
    const bobBefore = await bob.http.trpc.practice.session.query({ peerSessionId });
    expect(bobBefore).toMatchObject({ received: null, receivedPending: true, canGiveFeedback: true });
    expect(JSON.stringify(bobBefore)).not.toContain("ANN-");
    const bobsList = await bob.http.trpc.practice.sessions.query();
    expect(bobsList[0]).toMatchObject({ id: peerSessionId, received: null, receivedPending: true, feedbackGiven: false });
    await bob.http.trpc.practice.submitFeedback.mutate({
      peerSessionId,
      ratings: [4],
      communication: 5,
      problemSolving: 4,
      strengths: "BOB-STRENGTHS",
      improve: "BOB-IMPROVE",
    });
    expect((await bob.http.trpc.practice.session.query({ peerSessionId })).received).toMatchObject({
      criteria: [{ title: marker(`rubric-${firstN}`), rating: 3 }],
      strengths: feedback.strengths,
      improve: feedback.improve,
    });
    expect((await ann.http.trpc.practice.session.query({ peerSessionId })).received).toMatchObject({ strengths: "BOB-STRENGTHS", communication: 5 });
    // Each one's list of peer sessions (the practice page and /progress) carries the received ratings.
    expect((await ann.http.trpc.practice.sessions.query())[0]).toMatchObject({
      id: peerSessionId,
      partnerName: "Bob",
      ended: true,
      feedbackGiven: true,
      received: { communication: 5, problemSolving: 4 },
    });
  });
});

describe("the matcher under concurrency", () => {
  it("matches forty people joining at once on two nodes into twenty pairs, nobody twice", async () => {
    const people = await Promise.all(Array.from({ length: 40 }, (_, i) => practitioner(`Peer${i}`, i % 2)));
    await Promise.all(people.map((person) => person.http.trpc.practice.join.mutate({ topic: TOPIC })));
    await expect
      .poll(() => database.db.practiceTicket.count({ where: { userId: { in: people.map((p) => p.id) }, proposalId: null } }), { timeout: 20_000 })
      .toBe(0);
    const proposals = await database.db.peerSession.findMany({
      where: { status: "PROPOSED", OR: [{ firstId: { in: people.map((p) => p.id) } }, { secondId: { in: people.map((p) => p.id) } }] },
    });
    const matched = proposals.flatMap((proposal) => [proposal.firstId, proposal.secondId]);
    expect(proposals).toHaveLength(20);
    expect(new Set(matched).size).toBe(40);
    const tickets = await database.db.practiceTicket.findMany({ where: { userId: { in: people.map((p) => p.id) } } });
    for (const ticket of tickets) expect(proposals.find((proposal) => proposal.id === ticket.proposalId)).toBeDefined();
    await Promise.all(people.map((person) => person.http.trpc.practice.leave.mutate()));
  });
});

describe("matches nobody answers, and blocked partners", () => {
  it("withdraws a lapsed match: who accepted waits again, who did not leaves the queue as a no-show", async () => {
    const kim = await practitioner("Kim", 0);
    const lee = await practitioner("Lee", 1);
    await kim.http.trpc.practice.join.mutate({ topic: TOPIC });
    await lee.http.trpc.practice.join.mutate({ topic: TOPIC });
    const offer = await statusUntil(kim.http, "proposed");
    await kim.http.trpc.practice.accept.mutate({ proposalId: offer.proposalId });
    // The minute to answer is up (moved, rather than waited for).
    await database.db.peerSession.update({ where: { id: offer.proposalId }, data: { answerBy: new Date(Date.now() - 1_000) } });
    await statusUntil(kim.http, "waiting");
    await statusUntil(lee.http, "idle");
    expect(await database.db.practiceProfile.findUniqueOrThrow({ where: { userId: lee.id } })).toMatchObject({ noShows: 1 });
    expect(await database.db.practiceProfile.findUniqueOrThrow({ where: { userId: kim.id } })).toMatchObject({ noShows: 0 });
    expect(await refusedWithNoChange(() => lee.http.trpc.practice.accept.mutate({ proposalId: offer.proposalId }))).toBe("CONFLICT");
    await kim.http.trpc.practice.leave.mutate();
  });

  it("frees someone whose partner never came into the room, and lets them report that partner", async () => {
    const ivy = await practitioner("Ivy", 0);
    const jon = await practitioner("Jon", 1);
    await ivy.http.trpc.practice.join.mutate({ topic: TOPIC });
    await jon.http.trpc.practice.join.mutate({ topic: TOPIC });
    const offer = await statusUntil(ivy.http, "proposed");
    await ivy.http.trpc.practice.accept.mutate({ proposalId: offer.proposalId });
    await jon.http.trpc.practice.accept.mutate({ proposalId: offer.proposalId });
    const running = await statusUntil(ivy.http, "active");
    await roomOf(ivy, running.roomId);
    expect(running.partnerCame).toBe(false);
    expect(await refusedWithNoChange(() => ivy.http.trpc.practice.leaveNoShow.mutate({ peerSessionId: running.peerSessionId }))).toBe("CONFLICT");
    // Five minutes pass (moved, rather than waited for) and Jon has still not come in.
    await database.db.interviewSession.updateMany({ where: { peerSessionId: running.peerSessionId }, data: { createdAt: new Date(Date.now() - 6 * 60_000) } });
    await ivy.http.trpc.practice.leaveNoShow.mutate({ peerSessionId: running.peerSessionId });
    expect(await ivy.http.trpc.practice.status.query()).toEqual({ state: "idle" });
    expect(await jon.http.trpc.practice.status.query()).toEqual({ state: "idle" });
    expect(await database.db.practiceProfile.findUniqueOrThrow({ where: { userId: jon.id } })).toMatchObject({ noShows: 1 });
    // Ivy's room (she asks first) ends; Jon's, which he never opened, is cancelled.
    const halves = await database.db.interviewSession.findMany({ where: { peerSessionId: running.peerSessionId }, select: { id: true, status: true } });
    expect(halves.map((half) => (half.id === running.roomId ? ["Ivy's", half.status] : ["Jon's", half.status])).sort()).toEqual([
      ["Ivy's", "ENDED"],
      ["Jon's", "CANCELLED"],
    ]);
    // Free at once.
    await ivy.http.trpc.practice.join.mutate({ topic: TOPIC });
    await ivy.http.trpc.practice.leave.mutate();

    const stranger = await practitioner("Zed", 0);
    expect(await refusedWithNoChange(() => stranger.http.trpc.practice.report.mutate({ peerSessionId: running.peerSessionId, reason: "?" }))).toBe("NOT_FOUND");
    await ivy.http.trpc.practice.report.mutate({ peerSessionId: running.peerSessionId, reason: "Accepted and never came." });
    expect(await refusedWithNoChange(() => ivy.http.trpc.practice.report.mutate({ peerSessionId: running.peerSessionId, reason: "Again" }))).toBe("CONFLICT");
    expect(await database.db.peerBlock.count({ where: { blockerId: ivy.id, blockedId: jon.id } })).toBe(1);
  });

  it("never matches two people again once one has blocked the other", async () => {
    const max = await practitioner("Max", 0);
    const mia = await practitioner("Mia", 1);
    await max.http.trpc.practice.join.mutate({ topic: TOPIC });
    await mia.http.trpc.practice.join.mutate({ topic: TOPIC });
    const offer = await statusUntil(max.http, "proposed");
    await mia.http.trpc.practice.block.mutate({ peerSessionId: offer.proposalId });
    await max.http.trpc.practice.decline.mutate({ proposalId: offer.proposalId });
    await statusUntil(mia.http, "waiting");
    await max.http.trpc.practice.join.mutate({ topic: TOPIC });
    // Several rounds run each second on each node; none pairs them.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await max.http.trpc.practice.status.query()).toMatchObject({ state: "waiting" });
    expect(await mia.http.trpc.practice.status.query()).toMatchObject({ state: "waiting" });
    await Promise.all([max.http.trpc.practice.leave.mutate(), mia.http.trpc.practice.leave.mutate()]);
  });
});
