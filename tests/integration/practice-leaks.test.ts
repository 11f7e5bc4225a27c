// The leak rules of a peer session, on every channel a browser has, for both of its people and both halves.
// Two strangers are matched through the real procedures over a shared topic whose questions carry a marker
// string in every part of the interviewer's material; each half is played through a real app server and
// real Socket.IO clients, with the person answering dropping out and catching up, and everything each
// person can receive (socket frames live and after a reconnect, every query they may call, the pages as
// HTML and RSC) is searched for the markers they must not get, and for those they must.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CandidateView, Command, StaffView } from "@/server/domain/room";
import type { PracticeStatusOutput } from "@/server/api/routers/practice/status.schema";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase, type FileDatabase } from "../support/db";
import { createAccount, seedMarkedQuestions, signedIn } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

const TAG = "peer-leaks";
const TOPIC = `Caches and consistency ${Date.now()}`;
let database: FileDatabase;
let server: AppServer;
let marker: (field: string) => string;
let questionIds: string[];
const clients: RoomClient[] = [];

beforeAll(async () => {
  database = await fileDatabase();
  server = await startAppServer(database.url);
  ({ marker, questionIds } = await seedMarkedQuestions(database.db, TAG, { section: TOPIC }));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.kill();
  await database?.pool.end();
  await database?.db.$disconnect();
});

interface Person {
  id: string;
  name: string;
  http: HttpSession;
  /** Every room client this person opened, in any half: what they received stays theirs. */
  sockets: RoomClient[];
}

async function practitioner(name: string): Promise<Person> {
  const account = await createAccount(database.db, name);
  const http = await signedIn(server.url, account);
  await http.trpc.practice.saveProfile.mutate({ topics: [TOPIC], level: "SENIOR", languages: ["English"], timeZone: "Europe/Paris" });
  return { id: account.id, name, http, sockets: [] };
}

async function statusUntil<S extends PracticeStatusOutput["state"]>(http: HttpSession, state: S) {
  let status: PracticeStatusOutput = { state: "idle" };
  await expect
    .poll(
      async () => {
        status = await http.trpc.practice.status.query();
        return status.state;
      },
      { timeout: 15_000, interval: 100 },
    )
    .toBe(state);
  return status as Extract<PracticeStatusOutput, { state: S }>;
}

async function connect(person: Person, roomId: string): Promise<RoomClient> {
  const client = new RoomClient(server.url, person.http.cookieHeader(), roomId);
  clients.push(client);
  person.sockets.push(client);
  await client.joined();
  return client;
}

/** Question `n`'s interviewer-only material: everything of it but its prompt (asked aloud) and its revealed follow-ups. */
const material = (n: number) => [
  ...["answer", "keypoint", "rubric", "rubric-look", "redflag", "example", "notes", "framework"].map((field) => marker(`${field}-${n}`)),
  ...[1, 2, 3].flatMap((f) => [marker(`fu-answer-${n}-${f}`), marker(`fu-look-${n}-${f}`)]),
];
const followUpPrompt = (n: number, f: number) => `Follow-up ${n}.${f} ${TAG}`;
/** What the asker writes in the room during half `half`: their notes, scorecard, red flags and draft feedback. */
const written = (half: number) => [`NOTE-H${half}-LEAK`, `RATING-H${half}-LEAK`, `FLAG-H${half}-LEAK`, `DRAFT-H${half}-LEAK`];

const failed = (error: unknown) => `refused: ${error instanceof Error ? error.message : String(error)}`;

/**
 * Everything `person` received or can fetch now, by channel: their socket frames, every query they may
 * call about the session, its halves and the bank, and the pages as HTML and RSC. A refusal is kept as
 * its message (an error message is a channel too).
 */
async function everythingFor(person: Person, rooms: string[], peerSessionId: string): Promise<Map<string, string>> {
  const { trpc } = person.http;
  const channels = new Map<string, string>();
  person.sockets.forEach((client, i) => channels.set(`socket ${i} (${client.sessionId})`, JSON.stringify(client.received)));
  const queries: Array<[string, () => Promise<unknown>]> = [
    ["interview.list", () => trpc.interview.list.query()],
    ["dashboard.summary", () => trpc.dashboard.summary.query()],
    ["review.history", () => trpc.review.history.query({})],
    ["review.progress", () => trpc.review.progress.query()],
    ["practice.status", () => trpc.practice.status.query()],
    ["practice.session", () => trpc.practice.session.query({ peerSessionId })],
    ["practice.sessions", () => trpc.practice.sessions.query()],
    ["practice.topics", () => trpc.practice.topics.query()],
    ["practice.profile", () => trpc.practice.profile.query()],
    ["bank.search", () => trpc.bank.search.query({})],
    ["bank.search topic", () => trpc.bank.search.query({ section: TOPIC })],
    ["bank.facets", () => trpc.bank.facets.query({})],
    ["bank.export", () => trpc.bank.export.query({})],
    ...questionIds.map((id): [string, () => Promise<unknown>] => [`bank.question ${id}`, () => trpc.bank.question.query({ id })]),
    ...rooms.flatMap((sessionId): Array<[string, () => Promise<unknown>]> => [
      [`interview.myRole ${sessionId}`, () => trpc.interview.myRole.query({ sessionId })],
      [`interview.plan ${sessionId}`, () => trpc.interview.plan.query({ sessionId })],
      [`review.session ${sessionId}`, () => trpc.review.session.query({ sessionId })],
      [`review.replay own ${sessionId}`, () => trpc.review.replay.query({ sessionId, perspective: "own" })],
      [`review.replay candidate ${sessionId}`, () => trpc.review.replay.query({ sessionId, perspective: "candidate" })],
      [`review.export markdown ${sessionId}`, () => trpc.review.export.query({ sessionId, format: "markdown" })],
      [`review.export json ${sessionId}`, () => trpc.review.export.query({ sessionId, format: "json" })],
    ]),
  ];
  const paths = [
    ...rooms.flatMap((id) => [`/room/${id}`, `/sessions/${id}`, `/interviews/${id}`]),
    "/practice",
    `/practice/sessions/${peerSessionId}`,
    "/history",
    "/dashboard",
    "/progress",
    "/interviews",
    "/bank",
    `/bank?section=${encodeURIComponent(TOPIC)}`,
    ...questionIds.map((id) => `/bank/questions/${id}`),
  ];
  await Promise.all([
    ...queries.map(async ([name, query]) => channels.set(`trpc ${name}`, JSON.stringify(await query().catch(failed)))),
    ...paths.flatMap((path) => [
      person.http.fetch(path).then(async (response) => channels.set(`html ${path}`, `${response.status} ${await response.text()}`)),
      person.http.rsc(path).then(
        (text) => channels.set(`rsc ${path}`, text),
        (error: unknown) => channels.set(`rsc ${path}`, failed(error)),
      ),
    ]),
  ]);
  return channels;
}

/** "channel: text" for each of `texts` found in a channel; what a test expects to be empty. */
function found(channels: Map<string, string>, texts: readonly string[], skip: (channel: string) => boolean = () => false): string[] {
  return [...channels]
    .filter(([channel]) => !skip(channel))
    .flatMap(([channel, body]) => texts.filter((text) => body.includes(text)).map((text) => `${channel}: ${text}`));
}

/** Texts of `texts` that no channel holds; what a test of "this does reach them" expects to be empty. */
function missing(channels: Map<string, string>, texts: readonly string[], only: (channel: string) => boolean = () => true): string[] {
  const bodies = [...channels].filter(([channel]) => only(channel)).map(([, body]) => body);
  return texts.filter((text) => !bodies.some((body) => body.includes(text)));
}

/** Which marked question (1 or 2) a half asks. */
async function questionOf(roomId: string): Promise<number> {
  const row = await database.db.sessionQuestion.findFirstOrThrow({ where: { sessionId: roomId }, select: { snapshot: true } });
  return JSON.stringify(row.snapshot).includes(marker("answer-1")) ? 1 : 2;
}

/**
 * One half as it is played: the asker starts, the person answering drops out while the asker reveals the
 * first follow-up and writes notes, ratings, red flags and draft feedback, then comes back by catch-up and
 * opens the room afresh too (a full view).
 */
async function playHalf(asker: Person, answerer: Person, roomId: string, n: number, half: number) {
  const asking = await connect(asker, roomId);
  const answering = await connect(answerer, roomId);
  expect(asking.view?.role).toBe("INTERVIEWER");
  expect(answering.view?.role).toBe("CANDIDATE");
  expect(await asking.send({ type: "start" })).toMatchObject({ ok: true });
  const question = ((await asking.until((view) => view.status === "live")) as StaffView).questions[0]!;
  await answering.until((view) => (view as CandidateView).current?.prompt === `Prompt ${n} ${TAG}`);
  // Asked aloud: the prompt; not yet revealed: every follow-up.
  for (const f of [1, 2, 3]) expect(JSON.stringify(answering.received)).not.toContain(followUpPrompt(n, f));

  answering.socket.disconnect();
  const [first] = question.followUps;
  const [note, rating, flag, draft] = written(half);
  const commands: Command[] = [
    { type: "revealFollowUp", questionId: question.id, followUpId: first!.id },
    { type: "setKeyPointChecked", questionId: question.id, index: 0, checked: true },
    { type: "addNote", body: note! },
    { type: "rateCriterion", questionId: question.id, criterion: 0, rating: 3, comment: rating },
    { type: "setRedFlags", questionId: question.id, redFlags: [0], customRedFlags: [flag!] },
    { type: "draftFeedback", text: draft! },
  ];
  for (const command of commands) {
    expect(await asking.send(command)).toMatchObject({ ok: true });
  }
  const back = answering.joined();
  answering.socket.connect();
  await back;
  await answering.until((view) => (view as CandidateView).current?.followUps.length === 1);
  expect(JSON.stringify(answering.received)).toContain('"mode":"events"');
  const fresh = await connect(answerer, roomId);
  expect((fresh.view as CandidateView).current?.followUps.map((followUp) => followUp.prompt)).toEqual([followUpPrompt(n, 1)]);
  return { asking, answering };
}

describe("a peer session's two halves, on every channel", () => {
  it("gives the person answering none of their half's material, and each asker only their own half's", async () => {
    const ann = await practitioner("Ann");
    const bob = await practitioner("Bob");
    await ann.http.trpc.practice.join.mutate({ topic: TOPIC });
    await bob.http.trpc.practice.join.mutate({ topic: TOPIC });
    const offer = await statusUntil(ann.http, "proposed");
    await ann.http.trpc.practice.accept.mutate({ proposalId: offer.proposalId });
    await bob.http.trpc.practice.accept.mutate({ proposalId: offer.proposalId });
    // Ann waited longer, so she asks first.
    const annFirst = await statusUntil(ann.http, "active");
    expect(annFirst).toMatchObject({ half: 1, asking: true });
    const { peerSessionId, roomId: firstRoom } = annFirst;
    const secondRoom = (await database.db.peerSession.findUniqueOrThrow({ where: { id: peerSessionId }, select: { secondHalfId: true } })).secondHalfId!;
    const rooms = [firstRoom, secondRoom];
    const n = await questionOf(firstRoom);
    const m = await questionOf(secondRoom);
    expect(m).not.toBe(n);
    const hiddenOf = (q: number, half: number) => [...material(q), followUpPrompt(q, 2), followUpPrompt(q, 3), ...written(half)];

    // Ann opens the second half's room, where she answers, before it starts: its lobby, then its live frames.
    expect((await connect(ann, secondRoom)).view).toMatchObject({ role: "CANDIDATE", status: "lobby", current: null });

    // Half 1: Ann asks question n, Bob answers it.
    const first = await playHalf(ann, bob, firstRoom, n, 1);
    const bobInFirst = await everythingFor(bob, rooms, peerSessionId);
    expect(found(bobInFirst, hiddenOf(n, 1))).toEqual([]);
    // The markers are live: the prompt and the revealed follow-up reach Bob on the socket and in the review.
    expect(missing(bobInFirst, [`Prompt ${n} ${TAG}`, followUpPrompt(n, 1)], (channel) => channel.startsWith("socket"))).toEqual([]);
    expect(missing(bobInFirst, [followUpPrompt(n, 1)], (channel) => channel === `trpc review.session ${firstRoom}`)).toEqual([]);
    // Ann has all of it, on the socket and in the review, the export, and the bank.
    const annInFirst = await everythingFor(ann, rooms, peerSessionId);
    expect(missing(annInFirst, hiddenOf(n, 1), (channel) => channel.startsWith("socket"))).toEqual([]);
    for (const channel of [`trpc review.session ${firstRoom}`, `trpc review.export json ${firstRoom}`]) {
      expect(
        missing(annInFirst, [marker(`answer-${n}`), marker(`fu-answer-${n}-2`), written(1)[0]!], (name) => name === channel),
        channel,
      ).toEqual([]);
    }
    // The pages too: the review page (which shows staff the notes) and the bank's page of the question.
    expect(missing(annInFirst, [written(1)[0]!], (channel) => channel === `html /sessions/${firstRoom}`)).toEqual([]);
    expect(missing(annInFirst, [marker(`answer-${n}`)], (channel) => channel === `html /bank/questions/${questionIds[n - 1]}`)).toEqual([]);
    expect(missing(annInFirst, material(n), (channel) => channel === `trpc bank.question ${questionIds[n - 1]}`)).toEqual([]);
    // Ann answers the second half: none of its question reaches her before it starts, the bank included.
    expect(found(annInFirst, material(m))).toEqual([]);
    expect(found(annInFirst, [`Prompt ${m} ${TAG}`])).toEqual([]);

    // The swap: both ask; the first half's room ends for both.
    expect(await ann.http.trpc.practice.swap.mutate({ peerSessionId })).toEqual({ swapped: false });
    expect(await bob.http.trpc.practice.swap.mutate({ peerSessionId })).toEqual({ swapped: true });
    await first.answering.until((view) => view.status === "ended");
    await first.asking.until((view) => view.status === "ended");
    expect(await statusUntil(bob.http, "active")).toMatchObject({ half: 2, asking: true, roomId: secondRoom });

    // Half 2: Bob asks question m, Ann answers it.
    await playHalf(bob, ann, secondRoom, m, 2);
    const annInSecond = await everythingFor(ann, rooms, peerSessionId);
    expect(found(annInSecond, hiddenOf(m, 2))).toEqual([]);
    expect(missing(annInSecond, [`Prompt ${m} ${TAG}`, followUpPrompt(m, 1)], (channel) => channel.startsWith("socket"))).toEqual([]);

    const bobInSecond = await everythingFor(bob, rooms, peerSessionId);
    // The new interviewer has their own half's material.
    expect(missing(bobInSecond, hiddenOf(m, 2), (channel) => channel.startsWith("socket"))).toEqual([]);
    expect(missing(bobInSecond, material(m), (channel) => channel === `trpc review.session ${secondRoom}`)).toEqual([]);
    // Of the first half, which Bob answered and which has ended, the review gives him what a candidate of an
    // ended interview gets (the prompt, the follow-up revealed to him) and nothing of Ann's notes or card.
    expect(missing(bobInSecond, [`Prompt ${n} ${TAG}`, followUpPrompt(n, 1)], (channel) => channel === `trpc review.session ${firstRoom}`)).toEqual([]);
    expect(found(bobInSecond, written(1))).toEqual([]);
    // The bank hides a question from its candidate only while the interview that asks it is unfinished:
    // the first half's question is now the shared bank's like any other, and nothing but the bank shows it.
    const bank = (channel: string) => channel.includes("bank");
    expect(found(bobInSecond, hiddenOf(n, 1), bank)).toEqual([]);
    expect(missing(bobInSecond, material(n), (channel) => channel === `trpc bank.question ${questionIds[n - 1]}`)).toEqual([]);
  });
});
