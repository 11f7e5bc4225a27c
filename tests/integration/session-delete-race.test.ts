import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "@/server/realtime/protocol";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { plannedInterview } from "../support/fixtures";
import { appCodeOf, type HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

/**
 * Deleting a session while its members are still reviewing it and typing in its room: every answer is
 * the call's success or NOT_FOUND, never INTERNAL or a 500, and the server keeps nothing of the room.
 * Real tRPC over HTTP and real sockets against the real app.
 */

const METRICS_TOKEN = "metrics-token-for-the-delete-race";
const { db, url: databaseUrl } = await fileDatabase();
let server: AppServer;
const clients: RoomClient[] = [];

beforeAll(async () => {
  server = await startAppServer(databaseUrl, { env: { METRICS_TOKEN } });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.kill("SIGKILL");
  await db.$disconnect();
});

function roomClient(session: HttpSession, sessionId: string): RoomClient {
  const client = new RoomClient(server.url, session.cookieHeader(), sessionId);
  clients.push(client);
  return client;
}

async function metrics(): Promise<string> {
  return (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
}

/** A socket sends at most this many messages per round: under its rate limit's burst, so none is refused for it. */
const PER_SOCKET = 30;

/** Runs `call` again and again until `stop` says so (or `max` times), recording each outcome. */
async function repeat(outcomes: string[], stop: () => boolean, call: () => Promise<string>, max = Infinity): Promise<void> {
  for (let n = 0; n < max && !stop(); n++) outcomes.push(await call());
}

const reviewOutcome = (call: Promise<unknown>): Promise<string> => call.then(() => "ok", appCodeOf);
const ackOutcome = (ack: Promise<{ ok: boolean; code?: string }>): Promise<string> => ack.then((result) => (result.ok ? "ok" : (result.code ?? "?")));

/** An ended interview with all three members in its room, deleted while every member keeps calling. */
async function deleteUnderLoad(tag: string): Promise<string[]> {
  const world = await plannedInterview(db, tag, server.url);
  const { interviewer, observer, candidate, sessionId } = world;
  const owners = [0, 1, 2].map(() => roomClient(interviewer.session, sessionId));
  const observers = [0, 1, 2].map(() => roomClient(observer.session, sessionId));
  const candidates = [0, 1].map(() => roomClient(candidate.session, sessionId));
  await Promise.all([...owners, ...observers, ...candidates].map((client) => client.joined()));
  expect(await owners[0]!.send({ type: "start" })).toMatchObject({ ok: true });
  expect(await owners[0]!.send({ type: "end" })).toMatchObject({ ok: true });

  let deletedAt = Infinity;
  const stop = () => Date.now() > deletedAt + 150;
  const outcomes: string[] = [];
  const members = [interviewer.session, observer.session, candidate.session];
  const load = [
    ...[...owners, ...observers].map((client) =>
      repeat(outcomes, stop, () => ackOutcome(client.command({ type: "addNote", body: `note ${tag}` })), PER_SOCKET),
    ),
    ...candidates.map((client) =>
      repeat(outcomes, stop, () => ackOutcome(client.emit("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId, lastSeq: null })), PER_SOCKET),
    ),
    ...members.flatMap((member) => [
      repeat(outcomes, stop, () => reviewOutcome(member.trpc.review.session.query({ sessionId }))),
      repeat(outcomes, stop, () => reviewOutcome(member.trpc.review.replay.query({ sessionId, perspective: "own" }))),
      repeat(outcomes, stop, () => reviewOutcome(member.trpc.review.export.query({ sessionId, format: "json" }))),
    ]),
  ];
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await interviewer.session.trpc.interview.delete.mutate({ sessionId })).toEqual({ deleted: true });
  deletedAt = Date.now();
  await Promise.all(load);
  // A command sent after the delete, and a leave, from a socket that was in the room.
  outcomes.push(await ackOutcome(owners[0]!.command({ type: "addNote", body: "after" })));
  outcomes.push(await ackOutcome(observers[0]!.emit("room:leave", { sessionId })));
  for (const client of [...owners, ...observers, ...candidates]) client.close();
  return outcomes;
}

describe("deleting a session while its members use it", () => {
  it("answers every review call and room message with its result or NOT_FOUND, never INTERNAL, and forgets the room", async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) outcomes.push(...(await deleteUnderLoad(`race${round}`)));

    const counts = outcomes.reduce<Record<string, number>>((tally, outcome) => ({ ...tally, [outcome]: (tally[outcome] ?? 0) + 1 }), {});
    expect(Object.keys(counts).sort(), JSON.stringify(counts)).toEqual(["NOT_FOUND", "ok"]);
    // Both kinds of answer came from every surface: the race was run, not missed.
    expect(counts.NOT_FOUND).toBeGreaterThan(20);

    const figures = await metrics();
    expect(figures).not.toMatch(/result="INTERNAL"/);
    // Every room was deleted: none stays in the engine's memory.
    await expect.poll(metrics).toMatch(/^mockroom_live_rooms 0$/m);
    expect(server.stderr()).not.toMatch(/TypeError|violates foreign key/);
  });

  it("answers room commands that race the delete with NOT_FOUND even when they reach the database", async () => {
    const world = await plannedInterview(db, "late-append", server.url);
    const iris = roomClient(world.interviewer.session, world.sessionId);
    await iris.joined();
    expect(await iris.send({ type: "start" })).toMatchObject({ ok: true });
    expect(await iris.send({ type: "end" })).toMatchObject({ ok: true });
    const burst = Promise.all(
      Array.from({ length: PER_SOCKET }, (_, n) =>
        ackOutcome(iris.emit("room:command", { sessionId: world.sessionId, idempotencyKey: randomUUID(), command: { type: "addNote", body: `n${n}` } })),
      ),
    );
    const deleted = world.interviewer.session.trpc.interview.delete.mutate({ sessionId: world.sessionId });
    const [outcomes] = await Promise.all([burst, deleted]);
    expect(new Set(outcomes).size <= 2 && outcomes.every((outcome) => outcome === "ok" || outcome === "NOT_FOUND"), outcomes.join()).toBe(true);
    await expect.poll(metrics).toMatch(/^mockroom_live_rooms 0$/m);
  });
});
