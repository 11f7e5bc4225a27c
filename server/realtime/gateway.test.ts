import type { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "@/server/realtime/protocol";
import type { RoomEngine } from "@/server/services/room/engine";
import { createGateway, type GatewayDeps, type MemberChannels } from "./gateway";

// The gateway's own rules, with fakes for everything it is given: what it answers before any room is
// read, and what it leaves behind when a join fails. The paths through a real room are covered by the
// authorisation table (tests/mutation/authorization-in-process.test.ts drives this gateway in process).

const user = { id: "user-1", name: "Ada" };
const sessionId = "session-1";

function fakes(options: { roles?: () => Promise<{ rows: object[] }>; shuttingDown?: boolean; otherConnection?: boolean } = {}) {
  const calls: string[] = [];
  const reported: unknown[] = [];
  let now = 1_000_000;
  const subscribed = new Set<string>();
  const channels: MemberChannels = {
    subscribe: async (id) => void (calls.push(`subscribe ${id}`), subscribed.add(id)),
    unsubscribe: async (id) => void (calls.push(`unsubscribe ${id}`), subscribed.delete(id)),
    isSubscribed: (id) => subscribed.has(id),
    othersSubscribed: async () => options.otherConnection ?? false,
  };
  const pool = {
    query: async () => {
      calls.push("read role");
      return (options.roles ?? (async () => ({ rows: [] })))();
    },
  } as unknown as Pool;
  const engine = {
    submit: async (input: { command: { type: string } }) => void calls.push(`submit ${input.command.type}`),
  } as unknown as RoomEngine;
  const metric = { inc: () => undefined, startTimer: () => () => 0 };
  const deps: GatewayDeps = {
    engine,
    pool,
    metrics: { commands: metric, commandSeconds: metric, busy: metric, callSignals: metric, callSignalBytes: metric } as unknown as GatewayDeps["metrics"],
    otherNodes: false,
    isShuttingDown: () => options.shuttingDown ?? false,
    reportError: (_what, error) => void reported.push(error),
    now: () => now,
    relay: () => calls.push("relay"),
  };
  const gateway = createGateway(deps);
  const member = gateway.connect(user, channels);
  return { gateway, member, calls, reported, subscribed, advance: (ms: number) => (now += ms) };
}

const command = { sessionId, idempotencyKey: "key-00000001", command: { type: "start" } };

describe("the realtime gateway, before any room is read", () => {
  it("answers time:sync with its clock and the client's own time", async () => {
    const { gateway, member } = fakes();
    expect(await gateway.handle(member, "time:sync", { clientSentAt: 42 })).toEqual({ ok: true, serverNow: 1_000_000, clientSentAt: 42 });
  });

  it("gives call signals a budget of their own, so that a call's burst of ICE candidates leaves commands theirs", async () => {
    const { gateway, member, calls } = fakes();
    const signal = { sessionId, to: "user-2", toConnection: "tab-00000002", fromConnection: "tab-00000001", signal: { kind: "candidate", candidate: null } };
    const answers = await Promise.all(Array.from({ length: 201 }, () => gateway.handle(member, "call:signal", signal)));
    // Not joined: each is refused, but only after its token was taken; the 201st finds none left.
    expect(answers.slice(0, 200).every((answer) => !answer.ok && answer.code === "FORBIDDEN")).toBe(true);
    expect(answers[200]).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await gateway.handle(member, "time:sync", { clientSentAt: 1 })).toMatchObject({ ok: true });
    expect(calls).not.toContain("relay");
  });

  it("refuses an oversized session description before anything is read", async () => {
    const { gateway, member, calls } = fakes();
    const description = { type: "offer", sdp: "v=0\r\n".repeat(20_000) };
    const signal = {
      sessionId,
      to: "user-2",
      toConnection: "tab-00000002",
      fromConnection: "tab-00000001",
      signal: { kind: "description", description, streams: { camera: null, screen: null } },
    };
    const answer = await gateway.handle(member, "call:signal", signal);
    expect(answer).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(answer.ok ? "" : answer.message).toMatch(/signal\.description\.sdp/);
    expect(calls).toEqual([]);
  });

  it("refuses a payload its schema refuses, and an event the protocol does not have, as BAD_REQUEST", async () => {
    const { gateway, member, calls } = fakes();
    expect(await gateway.handle(member, "time:sync", { clientSentAt: "soon" })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await gateway.handle(member, "room:leave", {})).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await gateway.handle(member, "room:delete", { sessionId })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await gateway.handle(member, "toString", {})).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(calls).toEqual([]);
  });

  it("names the field a malformed command got wrong", async () => {
    const { gateway, member } = fakes();
    const answer = await gateway.handle(member, "room:command", { ...command, idempotencyKey: "short" });
    expect(answer).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect((answer as { message: string }).message).toMatch(/^That message was malformed: idempotencyKey: /);
  });

  it("tells a client of another protocol version to reload, before reading anything", async () => {
    const { gateway, member, calls } = fakes();
    const answer = await gateway.handle(member, "room:join", { protocolVersion: PROTOCOL_VERSION - 1, sessionId, lastSeq: null });
    expect(answer).toMatchObject({ ok: false, code: "OUTDATED_CLIENT" });
    expect(calls).toEqual([]);
  });
});

describe("the realtime gateway, in and out of rooms", () => {
  it("refuses a command before the join, and from a member the publisher unsubscribed as if the room did not exist", async () => {
    const { gateway, member, calls } = fakes();
    expect(await gateway.handle(member, "room:command", command)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    member.roles.set(sessionId, "INTERVIEWER");
    expect(await gateway.handle(member, "room:command", command)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(calls).toEqual([]);
  });

  it("subscribes before reading the role, and unsubscribes a join that fails", async () => {
    const { gateway, member, calls, subscribed } = fakes();
    expect(await gateway.handle(member, "room:join", { protocolVersion: PROTOCOL_VERSION, sessionId, lastSeq: null })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(calls).toEqual([`subscribe ${sessionId}`, "read role", `unsubscribe ${sessionId}`]);
    expect(subscribed.size).toBe(0);
    expect(member.roles.size).toBe(0);
  });

  it("answers a failure that is not the app's as INTERNAL, and reports it", async () => {
    const failure = new Error("connection reset");
    const { gateway, member, reported, subscribed } = fakes({ roles: () => Promise.reject(failure) });
    const answer = await gateway.handle(member, "room:join", { protocolVersion: PROTOCOL_VERSION, sessionId, lastSeq: null });
    expect(answer).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(JSON.stringify(answer)).not.toContain("connection reset");
    expect(reported).toEqual([failure]);
    expect(subscribed.size).toBe(0);
  });

  it("limits each connection to bursts of 40 events, then 10 a second", async () => {
    const { gateway, member, advance } = fakes();
    for (let i = 0; i < 40; i++) expect(await gateway.handle(member, "time:sync", { clientSentAt: i })).toMatchObject({ ok: true });
    expect(await gateway.handle(member, "time:sync", { clientSentAt: 40 })).toEqual(
      expect.objectContaining({ ok: false, code: "RATE_LIMITED", retryAfterMs: 100 }),
    );
    advance(100);
    expect(await gateway.handle(member, "time:sync", { clientSentAt: 41 })).toMatchObject({ ok: true });
    expect(await gateway.handle(member, "time:sync", { clientSentAt: 42 })).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("marks a member gone from each room it joined when it disconnects, but not while another connection of theirs is in it, nor during a shutdown", async () => {
    const connected = fakes();
    connected.member.roles.set(sessionId, "CANDIDATE");
    await connected.gateway.disconnect(connected.member);
    expect(connected.calls).toEqual(["submit setPresence"]);

    const stopping = fakes({ shuttingDown: true });
    stopping.member.roles.set(sessionId, "CANDIDATE");
    await stopping.gateway.disconnect(stopping.member);
    expect(stopping.calls).toEqual([]);

    const elsewhere = fakes({ otherConnection: true });
    elsewhere.member.roles.set(sessionId, "CANDIDATE");
    await elsewhere.gateway.disconnect(elsewhere.member);
    expect(elsewhere.calls).toEqual([]);
  });
});
