import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallSignalMessage } from "@/server/realtime/protocol";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, plannedInterview, signedIn } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

// The call's signalling over real Socket.IO against the real server: a signal reaches exactly the tab it
// names in the same call, and anything else is refused, relayed to nobody and written nowhere.

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

async function connect(session: HttpSession, sessionId: string): Promise<RoomClient> {
  const client = new RoomClient(server.url, session.cookieHeader(), sessionId);
  clients.push(client);
  await client.joined();
  return client;
}

/** Every call signal a client's socket is sent. */
function signalsTo(client: RoomClient): CallSignalMessage[] {
  const received: CallSignalMessage[] = [];
  client.socket.on("call:signal", (message) => received.push(message));
  return received;
}

const candidateSignal = { kind: "candidate", candidate: { candidate: "candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host", sdpMid: "0", sdpMLineIndex: 0 } };
const offer = {
  kind: "description",
  description: { type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" },
  streams: { camera: "camera-stream", screen: null },
};

function signal(
  client: RoomClient,
  route: { to: string; toConnection: string; fromConnection: string },
  body: object = candidateSignal,
  sessionId = client.sessionId,
) {
  return client.emit("call:signal", { sessionId, ...route, signal: body });
}

const joinCall = (client: RoomClient, connectionId: string, media = { audio: true, video: true }) => client.command({ type: "joinCall", connectionId, media });

async function eventCount(sessionId: string): Promise<number> {
  return db.sessionEvent.count({ where: { sessionId } });
}

/** Lets anything relayed arrive before asserting that it did not. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("call signalling", () => {
  it("relays a signal to the named tab of a member in the same call, and to nobody else", async () => {
    const { sessionId, interviewer, candidate, observer } = await plannedInterview(db, "signal-relay", server.url);
    const iris = await connect(interviewer.session, sessionId);
    const cody = await connect(candidate.session, sessionId);
    const olga = await connect(observer.session, sessionId);
    const [toCody, toOlga, toIris] = [signalsTo(cody), signalsTo(olga), signalsTo(iris)];
    expect(await joinCall(iris, "iris-tab-1")).toMatchObject({ ok: true });
    expect(await joinCall(cody, "cody-tab-1", { audio: true, video: false })).toMatchObject({ ok: true });
    await olga.until((view) => Object.keys(view.call.members).length === 2);
    expect(olga.view?.call.members[candidate.id]?.media).toEqual({ audio: true, video: false, screen: false });

    const before = await eventCount(sessionId);
    expect(await signal(iris, { to: candidate.id, toConnection: "cody-tab-1", fromConnection: "iris-tab-1" }, offer)).toEqual({ ok: true });
    await settle();
    expect(toCody).toEqual([{ sessionId, from: interviewer.id, fromConnection: "iris-tab-1", toConnection: "cody-tab-1", signal: offer }]);
    expect(toOlga).toEqual([]);
    expect(toIris).toEqual([]);
    expect(await eventCount(sessionId)).toBe(before);
  });

  it("refuses a signal from outside the call, to someone outside it, or between the wrong tabs: relayed to nobody, written nowhere", async () => {
    const { sessionId, interviewer, candidate, observer } = await plannedInterview(db, "signal-refused", server.url);
    const iris = await connect(interviewer.session, sessionId);
    const cody = await connect(candidate.session, sessionId);
    const olga = await connect(observer.session, sessionId);
    const received = [signalsTo(iris), signalsTo(cody), signalsTo(olga)];
    await joinCall(iris, "iris-tab-1");
    await joinCall(cody, "cody-tab-1");
    const before = await eventCount(sessionId);

    // Olga is in the room but not in the call.
    expect(await signal(olga, { to: candidate.id, toConnection: "cody-tab-1", fromConnection: "olga-tab-1" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "Join the call from this tab first.",
    });
    // To a member who is not in the call, to a tab that is not the one in the call, to oneself.
    expect(await signal(iris, { to: observer.id, toConnection: "olga-tab-1", fromConnection: "iris-tab-1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await signal(iris, { to: candidate.id, toConnection: "cody-tab-2", fromConnection: "iris-tab-1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await signal(iris, { to: interviewer.id, toConnection: "iris-tab-1", fromConnection: "iris-tab-1" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    // From a tab the call has moved away from.
    expect(await signal(iris, { to: candidate.id, toConnection: "cody-tab-1", fromConnection: "iris-tab-0" })).toMatchObject({ ok: false, code: "CONFLICT" });
    // Malformed, and a description past the size limit.
    expect(await signal(iris, { to: candidate.id, toConnection: "cody-tab-1", fromConnection: "iris-tab-1" }, { kind: "video", frame: "..." })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    const huge = { ...offer, description: { type: "offer", sdp: "a".repeat(70_000) } };
    expect(await signal(iris, { to: candidate.id, toConnection: "cody-tab-1", fromConnection: "iris-tab-1" }, huge)).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });

    await settle();
    expect(received.flat()).toEqual([]);
    expect(await eventCount(sessionId)).toBe(before);
  });

  it("refuses a stranger, a member of another room and a removed member", async () => {
    const { sessionId, interviewer, candidate, observer } = await plannedInterview(db, "signal-outsiders", server.url);
    const iris = await connect(interviewer.session, sessionId);
    const cody = await connect(candidate.session, sessionId);
    const toCody = signalsTo(cody);
    await joinCall(iris, "iris-tab-1");
    await joinCall(cody, "cody-tab-1");
    const toCodyRoute = { to: candidate.id, toConnection: "cody-tab-1" };

    // A stranger cannot enter the room, so has no role in it to signal with.
    const stranger = new RoomClient(server.url, (await signedIn(server.url, await createAccount(db, "Sam"))).cookieHeader(), sessionId);
    clients.push(stranger);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await signal(stranger, { ...toCodyRoute, fromConnection: "sam-tab-001" })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // The interviewer of another room, in that room's call, naming this room's candidate.
    const other = await plannedInterview(db, "signal-other-room", server.url);
    const otto = await connect(other.interviewer.session, other.sessionId);
    await joinCall(otto, "otto-tab-1");
    expect(await signal(otto, { ...toCodyRoute, fromConnection: "otto-tab-1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await signal(otto, { ...toCodyRoute, fromConnection: "otto-tab-1" }, candidateSignal, sessionId)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // An observer in the call, then removed by the owner: out of the call, and refused.
    const olga = await connect(observer.session, sessionId);
    await joinCall(olga, "olga-tab-1", { audio: false, video: false });
    expect(await signal(olga, { ...toCodyRoute, fromConnection: "olga-tab-1" })).toEqual({ ok: true });
    await interviewer.session.trpc.interview.removeParticipant.mutate({ sessionId, userId: observer.id });
    await iris.until((view) => !view.call.members[observer.id]);
    expect(await signal(olga, { ...toCodyRoute, fromConnection: "olga-tab-1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    await settle();
    expect(toCody.map((message) => message.from)).toEqual([observer.id]);
  });

  it("takes signals for a tab only from the connection that joined the call as it, and a closed call tab leaves the call", async () => {
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "signal-bound", server.url);
    const iris = await connect(interviewer.session, sessionId);
    const callTab = await connect(candidate.session, sessionId);
    const otherTab = await connect(candidate.session, sessionId);
    await joinCall(iris, "iris-tab-1");
    await joinCall(callTab, "cody-tab-1");
    const route = { to: interviewer.id, toConnection: "iris-tab-1", fromConnection: "cody-tab-1" };
    expect(await signal(otherTab, route)).toMatchObject({ ok: false, code: "CONFLICT", message: "Join the call from this tab first." });
    expect(await signal(callTab, route)).toEqual({ ok: true });

    // The call's tab goes; the member's other tab stays in the room, out of the call.
    callTab.close();
    const view = await iris.until((current) => !current.call.members[candidate.id]);
    expect(view.participants.find((participant) => participant.userId === candidate.id)?.presence).toBe("connected");
  });

  it("ends a flood of offers with RATE_LIMITED, and the room keeps working for the others", async () => {
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "signal-flood", server.url);
    const iris = await connect(interviewer.session, sessionId);
    const cody = await connect(candidate.session, sessionId);
    await joinCall(iris, "iris-tab-1");
    await joinCall(cody, "cody-tab-1");
    const route = { to: candidate.id, toConnection: "cody-tab-1", fromConnection: "iris-tab-1" };
    const answers = await Promise.all(Array.from({ length: 300 }, () => signal(iris, route, offer)));
    const limited = answers.filter((answer) => !answer.ok && answer.code === "RATE_LIMITED").length;
    expect(limited).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.ok).length).toBeLessThanOrEqual(200 + 50);
    // Commands have their own budget, and the candidate's side is untouched.
    expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
    expect(await cody.command({ type: "setCallMedia", connectionId: "cody-tab-1", video: true })).toMatchObject({ ok: true });
  });

  it("leaving the room leaves the call, and a reload joins it again from its new tab", async () => {
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "signal-reload", server.url);
    const iris = await connect(interviewer.session, sessionId);
    const cody = await connect(candidate.session, sessionId);
    await joinCall(cody, "cody-tab-1");
    await iris.until((view) => Boolean(view.call.members[candidate.id]));
    cody.close();
    await iris.until((view) => !view.call.members[candidate.id]);
    const reloaded = await connect(candidate.session, sessionId);
    await joinCall(reloaded, "cody-tab-2");
    const view = await iris.until((current) => current.call.members[candidate.id]?.connectionId === "cody-tab-2");
    expect(view.call.members[candidate.id]?.media).toEqual({ audio: true, video: true, screen: false });
  });
});
