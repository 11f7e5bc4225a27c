import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eventForViewer, viewFor, type RoomState, type RoomView } from "@/server/domain/room";
import { at, interviewer, joinedRoom, run } from "@/server/domain/room/test-fixtures";
import type { Result, RoomEventMessage, RoomJoinResult, ServerToClientEvents } from "@/server/realtime/protocol";
import { RoomConnection, type PageVisibility, type RoomTransport } from "./room-connection";

type Emitted = ReturnType<RoomTransport["timeout"]>["emitWithAck"];
/** What the fake server does with a request: answer it now, later (a promise), or never ("silent"). */
type Answer = Result<Record<string, unknown>> | Promise<Result<RoomJoinResult>> | "silent";
type Listener = (...args: never[]) => void;

/**
 * An in-memory Socket.IO client socket: it records what is sent, answers requests with `server[event]`,
 * and the test plays the network with `accept`, `drop` and `push`.
 */
class FakeSocket implements RoomTransport {
  connected = false;
  active = false;
  connectCalls = 0;
  readonly sent: Array<{ event: string; payload: unknown }> = [];
  readonly server: Record<string, (payload: never) => Answer> = {
    "time:sync": () => ({ ok: true, serverNow: Date.now() + 5_000 }),
    "room:command": () => ({ ok: true, seq: 0 }),
  };
  private listeners = new Map<string, Set<Listener>>();

  connect() {
    this.connectCalls++;
    this.active = true;
  }

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
  }

  once(event: "connect", listener: () => void) {
    const once = () => {
      this.off(event, once);
      listener();
    };
    this.on(event, once);
  }

  timeout(ms: number) {
    const emitWithAck = (event: string, payload: never) => {
      this.sent.push({ event, payload });
      const answer = this.server[event]?.(payload) ?? "silent";
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("operation has timed out")), ms);
        if (answer !== "silent") void Promise.resolve(answer).then((result) => (clearTimeout(timer), resolve(result)));
      });
    };
    return { emitWithAck: emitWithAck as Emitted };
  }

  emit(event: "room:leave", payload: unknown) {
    this.sent.push({ event, payload });
  }

  accept() {
    this.connected = true;
    this.active = true;
    this.fire("connect");
  }

  drop(reason = "transport close", giveUp = false) {
    this.connected = false;
    this.active = !giveUp;
    this.fire("disconnect", reason);
  }

  push<E extends keyof ServerToClientEvents>(event: E, message: Parameters<ServerToClientEvents[E]>[0]) {
    this.fire(event, message);
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }

  sentOf(event: string) {
    return this.sent.filter((item) => item.event === event).map((item) => item.payload as Record<string, unknown>);
  }

  private fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...args: unknown[]) => void)(...args);
  }
}

class FakePage implements PageVisibility {
  private listeners = new Set<() => void>();
  constructor(public hidden = false) {}
  isHidden = () => this.hidden;
  onChange(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  show(hidden: boolean) {
    this.hidden = hidden;
    for (const listener of this.listeners) listener();
  }
}

/** A joined room at seq 2, the events of three more commands as the interviewer is sent them (seq 3, 4, 5), and the views after each. */
function scenario() {
  const joined = joinedRoom();
  const states: RoomState[] = [joined];
  const messages: RoomEventMessage[] = [];
  const question = joined.questions[0]!;
  const commands = [
    { type: "start" } as const,
    { type: "revealFollowUp", questionId: question.id, followUpId: question.followUps[0]!.id } as const,
    { type: "addNote", body: "noted" } as const,
  ];
  commands.forEach((command, i) => {
    const state = states[i]!;
    const { state: next, events } = run(state, interviewer, command, at(i + 1));
    for (const event of events) messages.push({ sessionId: state.sessionId, seq: 3 + messages.length, event: eventForViewer(event, state, interviewer)! });
    states.push(next);
  });
  return { joined, messages, views: states.map((state) => viewFor(state, interviewer)) };
}

const { joined, messages, views } = scenario();
const [joinedView, , viewAtSeq4, finalView] = views as [RoomView, RoomView, RoomView, RoomView];
const sessionId = joined.sessionId;
const snapshotAnswer: Result<RoomJoinResult> = { ok: true, mode: "snapshot", view: joinedView, seq: 2 };

/** Lets the promise chains started by a message run to their end (no timers move). */
async function settle() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

function answerJoinsWith(socket: FakeSocket, ...answers: Answer[]) {
  socket.server["room:join"] = () => answers.shift() ?? "silent";
}

/** A started connection over a fake socket that has connected and been answered `snapshotAnswer`. */
async function joinedConnection(page = new FakePage()) {
  const socket = new FakeSocket();
  const room = new RoomConnection({ sessionId, getSocket: () => socket, page });
  answerJoinsWith(socket, snapshotAnswer);
  const stop = room.start();
  socket.accept();
  await settle();
  expect(room.getSnapshot()).toMatchObject({ connection: "connected", seq: 2 });
  return { socket, room, page, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("RoomConnection: joining", () => {
  it("connects an idle socket, joins once it is up, shows the snapshot and measures the server's clock", async () => {
    const socket = new FakeSocket();
    const room = new RoomConnection({ sessionId, getSocket: () => socket, page: new FakePage() });
    const notified = vi.fn();
    room.subscribe(notified);
    answerJoinsWith(socket, snapshotAnswer);
    room.start();
    expect(socket.connectCalls).toBe(1);
    expect(room.getSnapshot()).toMatchObject({ connection: "connecting", view: null, seq: null, error: null });

    socket.accept();
    await settle();
    expect(socket.sentOf("room:join")).toEqual([{ protocolVersion: expect.any(Number), sessionId, lastSeq: null }]);
    expect(room.getSnapshot()).toMatchObject({ connection: "connected", view: joinedView, seq: 2, serverRestarting: false });
    expect(notified).toHaveBeenCalled();
    expect(room.serverNow() - Date.now()).toBe(5_000);
  });

  it("folds live events, and rejoins for a fresh view when one arrives out of order", async () => {
    const { socket, room } = await joinedConnection();
    socket.push("room:event", { ...messages[0]!, sessionId: "another-room" });
    expect(room.getSnapshot()).toMatchObject({ seq: 2, lastEventAt: null });
    socket.push("room:event", messages[1]!);
    expect(room.getSnapshot()).toMatchObject({ seq: 4, lastEventAt: Date.now() });
    answerJoinsWith(socket, { ok: true, mode: "snapshot", view: finalView, seq: 5 });
    socket.push("room:event", messages[0]!);
    await settle();
    expect(socket.sentOf("room:join").at(-1)).toMatchObject({ lastSeq: null });
    expect(room.getSnapshot()).toMatchObject({ seq: 5, view: finalView });
  });
});

describe("RoomConnection: after a drop", () => {
  it("after a drop, rejoins from the seq it holds, backing off while the server is busy, and catches up", async () => {
    const { socket, room } = await joinedConnection();
    socket.drop();
    expect(room.getSnapshot().connection).toBe("reconnecting");

    answerJoinsWith(
      socket,
      { ok: false, code: "BUSY", message: "Busy", retryAfterMs: 500 },
      { ok: false, code: "BUSY", message: "Busy" },
      { ok: true, mode: "events", events: messages.slice(0, 2), scratchpads: {}, seq: 4 },
    );
    socket.accept();
    await settle();
    expect(socket.sentOf("room:join")).toHaveLength(2);
    // Back on the socket, not yet back in the room: still reconnecting, never "connecting" again.
    expect(room.getSnapshot().connection).toBe("reconnecting");
    // As soon as the server asked, not sooner; then exponentially longer (250 to 500 ms at the second try).
    await vi.advanceTimersByTimeAsync(499);
    expect(socket.sentOf("room:join")).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.sentOf("room:join")).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(249);
    expect(socket.sentOf("room:join")).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(251);
    expect(socket.sentOf("room:join").map((join) => join.lastSeq)).toEqual([null, 2, 2, 2]);
    expect(room.getSnapshot()).toMatchObject({ connection: "connected", seq: 4, view: viewAtSeq4, error: null });
  });

  it("asks again a second later when a join gets no answer and the socket is still up", async () => {
    const socket = new FakeSocket();
    const room = new RoomConnection({ sessionId, getSocket: () => socket, page: new FakePage() });
    answerJoinsWith(socket, "silent", snapshotAnswer);
    room.start();
    socket.accept();
    await vi.advanceTimersByTimeAsync(8_000 + 999);
    expect(socket.sentOf("room:join")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(room.getSnapshot()).toMatchObject({ connection: "connected", seq: 2 });
  });

  it("holds the live events that arrive while a join is on its way and replays them over its answer", async () => {
    const { socket, room } = await joinedConnection();
    socket.drop();
    let answer: (result: Result<RoomJoinResult>) => void = () => undefined;
    answerJoinsWith(socket, new Promise((resolve) => (answer = resolve)));
    socket.accept();
    await settle();
    // Published after the server read the room at seq 4: not in the answer.
    socket.push("room:event", messages[2]!);
    expect(room.getSnapshot().seq).toBe(2);
    answer({ ok: true, mode: "events", events: messages.slice(0, 2), scratchpads: {}, seq: 4 });
    await settle();
    expect(room.getSnapshot()).toMatchObject({ seq: 5, view: finalView });
  });
});

describe("RoomConnection: commands and presence", () => {
  it("holds a command sent while the socket is down and sends it after the reconnect, with one key for every attempt", async () => {
    const { socket, room } = await joinedConnection();
    socket.drop();
    const answers: Answer[] = ["silent", { ok: true, seq: 6 }];
    socket.server["room:command"] = () => answers.shift() ?? "silent";
    const result = room.send({ type: "addNote", body: "while offline" });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(socket.sentOf("room:command")).toEqual([]);

    answerJoinsWith(socket, { ok: true, mode: "events", events: [], scratchpads: {}, seq: 2 });
    socket.accept();
    await settle();
    expect(socket.sentOf("room:command")).toHaveLength(1);
    // Unanswered in time: sent again, with the same key, so the server applies it once.
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(result).resolves.toEqual({ ok: true, seq: 6 });
    const [first, second] = socket.sentOf("room:command");
    expect(first).toMatchObject({ sessionId, command: { type: "addNote", body: "while offline" } });
    expect(second).toEqual(first);
  });

  it("says the tab is away when the page is hidden, and back when it shows, only while joined", async () => {
    const page = new FakePage(true);
    const { socket } = await joinedConnection(page);
    const presence = () => socket.sentOf("room:command").map((sent) => (sent.command as { status: string }).status);
    await settle();
    expect(presence()).toEqual(["away"]);
    page.show(false);
    expect(presence()).toEqual(["away", "connected"]);
    socket.drop();
    page.show(true);
    expect(presence()).toEqual(["away", "connected"]);
  });
});

describe("RoomConnection: refused, removed, or the server goes away", () => {
  it("shows a refusal and does not ask again; a removal takes the view away", async () => {
    const socket = new FakeSocket();
    const room = new RoomConnection({ sessionId, getSocket: () => socket, page: new FakePage() });
    answerJoinsWith(socket, { ok: false, code: "FORBIDDEN", message: "You are not in this interview." });
    room.start();
    socket.accept();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.sentOf("room:join")).toHaveLength(1);
    expect(room.getSnapshot()).toMatchObject({ connection: "connected", view: null, error: { code: "FORBIDDEN", message: "You are not in this interview." } });

    const { socket: member, room: removed } = await joinedConnection();
    member.push("room:removed", { sessionId, message: "The interviewer removed you." });
    expect(removed.getSnapshot()).toMatchObject({ view: null, error: { code: "FORBIDDEN", message: "The interviewer removed you." } });
  });

  it("on a server going down, says it is restarting and asks for a connection again, until the next join", async () => {
    const { socket, room } = await joinedConnection();
    socket.push("server:shutdown", { reason: "restart" });
    expect(room.getSnapshot()).toMatchObject({ serverRestarting: true, connection: "reconnecting" });
    socket.drop("io server disconnect", true);
    expect(socket.connectCalls).toBe(2);
    expect(room.getSnapshot().connection).toBe("reconnecting");
    answerJoinsWith(socket, snapshotAnswer);
    socket.accept();
    await settle();
    expect(room.getSnapshot()).toMatchObject({ serverRestarting: false, connection: "connected" });

    socket.drop("io client disconnect", true);
    expect(room.getSnapshot().connection).toBe("offline");
  });
});

describe("RoomConnection: stopping", () => {
  it("leaves the room on stop and asks nothing more, and nothing from a stopped run changes the next one", async () => {
    const { socket, room, stop } = await joinedConnection();
    answerJoinsWith(socket, { ok: false, code: "BUSY", message: "Busy", retryAfterMs: 500 }, snapshotAnswer);
    // Out of order: a rejoin, answered "not now".
    socket.push("room:event", messages[1]!);
    socket.push("room:event", messages[0]!);
    await settle();
    expect(socket.sentOf("room:join")).toHaveLength(2);
    stop();
    expect(socket.sentOf("room:leave")).toEqual([{ sessionId }]);
    expect(socket.listenerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.sentOf("room:join")).toHaveLength(2);

    // React's development double run: a join from the first run answered after the second started.
    let late: (result: Result<RoomJoinResult>) => void = () => undefined;
    answerJoinsWith(socket, new Promise((resolve) => (late = resolve)), snapshotAnswer);
    const stopFirst = room.start();
    stopFirst();
    room.start();
    await settle();
    late({ ok: true, mode: "snapshot", view: finalView, seq: 5 });
    await settle();
    expect(room.getSnapshot()).toMatchObject({ seq: 2, view: joinedView });
  });
});
