/**
 * The live room's gateway: what happens for each client-to-server event, with no transport in sight.
 *
 * Contract. `connect(user, channels)` makes a `Member` for one connection, whose user the handshake
 * established. `handle(member, event, payload)` answers one event with the acknowledgement's `Result`;
 * it never throws, and anything that is not an `AppError` is reported and answered INTERNAL. Each payload
 * is checked against its schema in protocol.ts before anything else, and each connection has a rate limit
 * (a token per event). `disconnect(member)` records the member as gone from every room it joined, unless
 * another connection of theirs is still there or the server is shutting down.
 *
 * The gateway tells the transport what to do through `MemberChannels`, one per connection: subscribe it
 * to what is published to the member in a session, unsubscribe it, and answer whether it (or another
 * connection of the same user) is still subscribed. The publisher (publisher.ts) unsubscribes a removed
 * member; that is how the gateway learns of a removal. Everything else (the room engine, the database,
 * metrics, the clock) arrives in the one `GatewayDeps` argument: the gateway reaches no global.
 */
import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import type { z } from "zod";
import { boardPointerForViewer, canDraw, canEditScratchpad, scratchpadEditForViewer, signalRefusal, type Actor, type Role } from "@/server/domain/room";
import { padUpdatesSince, ROOM_NOT_FOUND } from "@/server/services/room/store";
import { AppError, RetryLaterError, toFailure } from "@/server/platform/errors";
import type { EngineMetrics } from "@/server/platform/observability/metrics";
import {
  boardPointerPayloadSchema,
  callSignalPayloadSchema,
  PAD_PULL_LIMIT,
  PAD_PULL_MAX_BYTES,
  padCursorPayloadSchema,
  padPullPayloadSchema,
  PROTOCOL_VERSION,
  roomCommandPayloadSchema,
  roomJoinPayloadSchema,
  roomLeavePayloadSchema,
  timeSyncPayloadSchema,
  type ClientToServerEvents,
  type PadPullResult,
  type Result,
  type ServerToClientEvents,
} from "@/server/realtime/protocol";
import { createRateLimiter } from "@/server/realtime/rate-limit";
import type { RoomEngine } from "@/server/services/room/engine";
import { executeCommand, joinRoom, leaveRoom, memberRole } from "@/server/services/room/actions";

const COMMANDS_BURST = 40;
const COMMANDS_PER_SECOND = 10;
/**
 * Call signals have a budget of their own: a tab joining a five-member call exchanges an offer, an answer
 * and a dozen ICE candidates with each of the four others within a second, far past the commands' burst.
 */
const SIGNALS_BURST = 200;
const SIGNALS_PER_SECOND = 50;
/**
 * Typing and drawing have their own budget too: a tab pushes its pad (or its whiteboard) at most every
 * 50 ms and moves its cursor (or its pointer) as often, which with a few commands beside would run
 * through the commands' ten a second.
 */
const PAD_BURST = 100;
const PAD_PER_SECOND = 40;
/**
 * Each pad event costs a token per this many bytes of payload beyond the first, so that what a tab may
 * send to be stored is bounded in bytes too (about 160 KiB a second sustained), not only in messages:
 * typing sends tens of bytes at a time, and a 50,000-character paste costs 13 tokens.
 */
const PAD_BYTES_PER_TOKEN = 4 * 1024;

export interface GatewayDeps {
  engine: RoomEngine;
  pool: Pool;
  metrics: Pick<EngineMetrics, "commands" | "commandSeconds" | "busy" | "callSignals" | "callSignalBytes">;
  /** Whether other nodes serve rooms too (through the Redis adapter), and so may write to any room. */
  otherNodes: boolean;
  isShuttingDown: () => boolean;
  reportError: (what: string, error: unknown) => void;
  /** The wall clock, in milliseconds since the epoch (Date.now). */
  now: () => number;
  /** Sends a message to every connection of one member of the session, on any node (call signals, pad cursors). */
  relay: <E extends keyof ServerToClientEvents>(sessionId: string, userId: string, event: E, message: Parameters<ServerToClientEvents[E]>[0]) => void;
}

/** What the gateway asks of the transport for one connection. */
export interface MemberChannels {
  /** Subscribes this connection to everything published to the member in the session. */
  subscribe(sessionId: string): Promise<void>;
  unsubscribe(sessionId: string): Promise<void>;
  /** False once unsubscribed, by the gateway or by the publisher removing the member. */
  isSubscribed(sessionId: string): boolean;
  /** Whether another connection of the same user, on any node, is subscribed to the session. */
  othersSubscribed(sessionId: string): Promise<boolean>;
}

/** One connection of a signed-in user. */
export interface Member {
  readonly user: { id: string; name: string | null };
  readonly channels: MemberChannels;
  /**
   * The user's role per joined session, looked up in the database at join, never trusted from the client.
   * Valid while the connection is subscribed; removal from the session unsubscribes it.
   */
  readonly roles: Map<string, Role>;
  /**
   * The call tab this connection joined the call as, per session: only it may signal for that tab, and
   * its going (a closed tab, a dropped socket) takes the tab out of the call.
   */
  readonly callTabs: Map<string, string>;
  /** Takes a token from this connection's rate limit for room events; false when none is left. */
  readonly allow: () => boolean;
  /** The same, for call signals. */
  readonly allowSignal: () => boolean;
  /** The same, for typing and drawing: pad and whiteboard pushes, pulls, cursors and pointers, at a cost that grows with the payload. */
  readonly allowPad: (cost: number) => boolean;
  /** The pads (session and question) this connection has a pull in flight for: one at a time each. */
  readonly pulling: Set<string>;
}

export type ClientEvent = keyof ClientToServerEvents;

export interface Gateway {
  connect(user: Member["user"], channels: MemberChannels): Member;
  handle(member: Member, event: string, payload: unknown): Promise<Result>;
  /** Never rejects: failures are reported. */
  disconnect(member: Member): Promise<void>;
}

/**
 * The payload, or BAD_REQUEST. With `detail`, the message names the first field that is wrong and what
 * was expected (zod's messages name types and bounds, never the value sent), so that a client sending a
 * level of 7 learns which field to fix.
 */
function parse<T>(schema: z.ZodType<T>, payload: unknown, options: { detail?: boolean } = {}): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.filter((part) => typeof part === "string" || typeof part === "number").join(".");
  throw new AppError(
    "BAD_REQUEST",
    options.detail && issue && field ? `That message was malformed: ${field}: ${issue.message}.` : "That message was malformed.",
  );
}

/** Counts a room command by type and result, and times it from arrival to answer. */
async function measured<T>(metrics: GatewayDeps["metrics"], type: string, run: () => Promise<T>): Promise<T> {
  const { commands, commandSeconds, busy } = metrics;
  const stop = commandSeconds.startTimer({ type });
  try {
    const result = await run();
    commands.inc({ type, result: "ok" });
    return result;
  } catch (error) {
    const code = error instanceof AppError ? error.code : "INTERNAL";
    commands.inc({ type, result: code });
    if (code === "BUSY") busy.inc();
    throw error;
  } finally {
    stop();
  }
}

/**
 * The member's role cached at join, while the connection is still subscribed. A connection that joined
 * and has been unsubscribed was removed from the session: to it, like to anyone who is not a member, the
 * session does not exist.
 */
function actorIn(member: Member, sessionId: string): Actor {
  const role = member.roles.get(sessionId);
  if (!role) throw new AppError("FORBIDDEN", "Join the room first.");
  if (!member.channels.isSubscribed(sessionId)) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  return { userId: member.user.id, role };
}

/** Subscribes, reads the role, enters the room, and answers with what the member missed (RoomJoinResult). */
async function join(deps: GatewayDeps, member: Member, payload: unknown) {
  if (typeof payload === "object" && payload !== null && (payload as { protocolVersion?: unknown }).protocolVersion !== PROTOCOL_VERSION) {
    throw new AppError("OUTDATED_CLIENT");
  }
  const input = parse(roomJoinPayloadSchema, payload);
  const { id: userId, name } = member.user;
  // Subscribe before reading anything, so nothing committed in between is missed (a duplicate is
  // harmless: clients drop events at or below the sequence number they have). A removal committed
  // after the membership read below unsubscribes the connection again, which is checked last.
  // Until then the subscription carries nothing to a non-member: events go to participants only.
  await member.channels.subscribe(input.sessionId);
  const subscribedAt = performance.now();
  try {
    const actor = { userId, role: await memberRole(deps.pool, input.sessionId, userId) };
    member.roles.set(input.sessionId, actor.role);
    // On one node every write to a room goes through this node's engine, so its copy is complete;
    // with other nodes, the room is read again unless it was read after this connection subscribed.
    const joined = await joinRoom(deps.engine, deps.pool, {
      sessionId: input.sessionId,
      actor,
      name,
      lastSeq: input.lastSeq,
      now: new Date(deps.now()),
      subscribedAt: deps.otherNodes ? subscribedAt : null,
    });
    if (!member.channels.isSubscribed(input.sessionId)) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
    return joined;
  } catch (error) {
    member.roles.delete(input.sessionId);
    await member.channels.unsubscribe(input.sessionId);
    throw error;
  }
}

/**
 * What a connection leaves behind in a session: the member's presence when it was their last connection
 * (which also takes them out of the call), else only the call, when this connection was their call's tab.
 */
async function markGoneIfLastConnection(deps: GatewayDeps, member: Member, sessionId: string, role: Role): Promise<void> {
  const callTab = member.callTabs.get(sessionId);
  member.callTabs.delete(sessionId);
  const actor = { userId: member.user.id, role };
  if (!(await member.channels.othersSubscribed(sessionId))) return leaveRoom(deps.engine, { sessionId, actor, now: new Date(deps.now()) });
  // A call that moved to another tab meanwhile is not left: leaveCall names this tab.
  if (callTab) await leaveCallFrom(deps, sessionId, actor, callTab);
}

/** Never refused for a reason worth telling: someone removed meanwhile, or a session deleted, is out of the call already. */
async function leaveCallFrom(deps: GatewayDeps, sessionId: string, actor: Actor, connectionId: string): Promise<void> {
  const command = { type: "leaveCall" as const, connectionId };
  await executeCommand(deps.engine, { sessionId, actor, idempotencyKey: randomUUID(), command, now: new Date(deps.now()) }).catch((error: unknown) => {
    if (!(error instanceof AppError) || error instanceof RetryLaterError) throw error;
  });
}

async function leave(deps: GatewayDeps, member: Member, payload: unknown) {
  const { sessionId } = parse(roomLeavePayloadSchema, payload);
  const role = member.roles.get(sessionId);
  if (!member.roles.delete(sessionId) || !role) return {};
  await member.channels.unsubscribe(sessionId);
  await markGoneIfLastConnection(deps, member, sessionId, role);
  return {};
}

async function command(deps: GatewayDeps, member: Member, payload: unknown) {
  const input = parse(roomCommandPayloadSchema, payload, { detail: true });
  return measured(deps.metrics, input.command.type, async () => {
    const outcome = await executeCommand(deps.engine, {
      sessionId: input.sessionId,
      actor: actorIn(member, input.sessionId),
      idempotencyKey: input.idempotencyKey,
      command: input.command,
      now: new Date(deps.now()),
    });
    // The connection that joined the call (or joined it again, after a reconnect) is its tab's.
    if (input.command.type === "joinCall") member.callTabs.set(input.sessionId, input.command.connectionId);
    return outcome.revision === undefined ? { seq: outcome.seq } : { seq: outcome.seq, revision: outcome.revision };
  });
}

/**
 * Relays one WebRTC signal to another member's tab in the same call, as checked against the room as it
 * stands (`signalRefusal`); nothing is written. The server reads the SDP only to bound its size: media
 * never pass through it.
 */
async function signal(deps: GatewayDeps, member: Member, payload: unknown) {
  const input = parse(callSignalPayloadSchema, payload, { detail: true });
  try {
    const actor = actorIn(member, input.sessionId);
    // Only the connection that joined the call as `fromConnection` speaks for that tab.
    if (member.callTabs.get(input.sessionId) !== input.fromConnection) throw new AppError("CONFLICT", "Join the call from this tab first.");
    const refusal = signalRefusal(await deps.engine.read(input.sessionId), actor, input);
    if (refusal) throw new AppError(refusal.error.code, refusal.error.message);
    // Checked again after the read: a removal committed meanwhile unsubscribed this connection.
    actorIn(member, input.sessionId);
    const { sessionId, to, fromConnection, toConnection } = input;
    const message = { sessionId, from: actor.userId, fromConnection, toConnection, signal: input.signal };
    deps.relay(sessionId, to, "call:signal", message);
    deps.metrics.callSignals.inc({ kind: input.signal.kind, result: "ok" });
    deps.metrics.callSignalBytes.inc(JSON.stringify(message).length);
    return {};
  } catch (error) {
    deps.metrics.callSignals.inc({ kind: input.signal.kind, result: error instanceof AppError ? error.code : "INTERNAL" });
    throw error;
  }
}

/**
 * The pad's updates after the version the client has, read from the database (another node may have
 * written them), a page at a time: one pull per pad in flight on a connection.
 */
async function padPull(deps: GatewayDeps, member: Member, payload: unknown): Promise<PadPullResult> {
  const input = parse(padPullPayloadSchema, payload);
  const actor = actorIn(member, input.sessionId);
  const pad = `${input.sessionId}/${input.questionId}`;
  if (member.pulling.has(pad)) throw new RetryLaterError("RATE_LIMITED", 250);
  member.pulling.add(pad);
  try {
    const { state, scratchpad } = await deps.engine.readPad(input.sessionId, input.questionId);
    if (!scratchpadEditForViewer(input, state, actor)) throw new AppError("NOT_FOUND", "That question has not been asked in this interview.");
    const page = await padUpdatesSince(deps.pool, input.sessionId, input.questionId, input.since, { limit: PAD_PULL_LIMIT, maxBytes: PAD_PULL_MAX_BYTES });
    // Versions kept only as a checkpoint (a pad written before updates were stored) cannot be replayed.
    const first = page.updates[0]?.version ?? (scratchpad?.revision ?? 0) + 1;
    if (first !== input.since + 1 && (scratchpad?.revision ?? 0) > input.since) return { mode: "reset", scratchpad };
    return { mode: "updates", ...page };
  } finally {
    member.pulling.delete(pad);
  }
}

/** Relays a member's cursor in a pad to the others who see it; written nowhere. */
async function padCursor(deps: GatewayDeps, member: Member, payload: unknown) {
  const input = parse(padCursorPayloadSchema, payload);
  const actor = actorIn(member, input.sessionId);
  if (!canEditScratchpad(actor.role)) throw new AppError("FORBIDDEN", "Observers read the scratchpad; they do not point in it.");
  const state = await deps.engine.read(input.sessionId);
  if (state.status !== "live" || !scratchpadEditForViewer(input, state, actor)) throw new AppError("CONFLICT", "That pad is not open.");
  // Checked again after the read: a removal committed meanwhile unsubscribed this connection.
  actorIn(member, input.sessionId);
  const message = { ...input, userId: actor.userId };
  for (const participant of state.participants) {
    if (participant.userId !== actor.userId && scratchpadEditForViewer(input, state, participant))
      deps.relay(input.sessionId, participant.userId, "pad:cursor", message);
  }
  return {};
}

/** Relays a member's pointer on a whiteboard to the others who see it; written nowhere. */
async function boardPointer(deps: GatewayDeps, member: Member, payload: unknown) {
  const input = parse(boardPointerPayloadSchema, payload);
  const actor = actorIn(member, input.sessionId);
  if (!canDraw(actor.role)) throw new AppError("FORBIDDEN", "Observers watch the whiteboard; they do not point on it.");
  const state = await deps.engine.read(input.sessionId);
  if (state.status !== "live" || !boardPointerForViewer(input, state)) throw new AppError("CONFLICT", "That whiteboard is not open.");
  // Checked again after the read: a removal committed meanwhile unsubscribed this connection.
  actorIn(member, input.sessionId);
  const message = { ...input, userId: actor.userId };
  for (const participant of state.participants) {
    if (participant.userId !== actor.userId) deps.relay(input.sessionId, participant.userId, "board:pointer", message);
  }
  return {};
}

async function timeSync(deps: GatewayDeps, _member: Member, payload: unknown) {
  return { serverNow: deps.now(), clientSentAt: parse(timeSyncPayloadSchema, payload).clientSentAt };
}

/** One handler per client-to-server event; a new event that has none does not compile. */
const HANDLERS: Record<ClientEvent, (deps: GatewayDeps, member: Member, payload: unknown) => Promise<object>> = {
  "time:sync": timeSync,
  "room:join": join,
  "room:leave": leave,
  "room:command": command,
  "call:signal": signal,
  "pad:pull": padPull,
  "pad:cursor": padCursor,
  "board:pointer": boardPointer,
};

/**
 * Which rate limit an event draws on. A command says its type before it is parsed; one that claims to
 * be a pad or whiteboard push but is not is refused by the parse, so the claim buys nothing.
 */
function budgetOf(event: string, payload: unknown): { allow: "allow" | "allowSignal" | "allowPad"; perSecond: number; cost: number } {
  if (event === "call:signal") return { allow: "allowSignal", perSecond: SIGNALS_PER_SECOND, cost: 1 };
  const type = event === "room:command" ? (payload as { command?: { type?: unknown } } | null)?.command?.type : undefined;
  const isPush = type === "editScratchpad" || type === "drawOnBoard";
  if (isPush || event === "pad:pull" || event === "pad:cursor" || event === "board:pointer") {
    return { allow: "allowPad", perSecond: PAD_PER_SECOND, cost: 1 + Math.floor(byteSize(payload) / PAD_BYTES_PER_TOKEN) };
  }
  return { allow: "allow", perSecond: COMMANDS_PER_SECOND, cost: 1 };
}

/** A payload's size as JSON, which is near what it took on the wire. */
function byteSize(payload: unknown): number {
  return Buffer.byteLength(JSON.stringify(payload) ?? "");
}

function isClientEvent(event: string): event is ClientEvent {
  return Object.hasOwn(HANDLERS, event);
}

export function createGateway(deps: GatewayDeps): Gateway {
  return {
    connect: (user, channels) => ({
      user,
      channels,
      roles: new Map(),
      callTabs: new Map(),
      allow: createRateLimiter(COMMANDS_BURST, COMMANDS_PER_SECOND, deps.now),
      allowSignal: createRateLimiter(SIGNALS_BURST, SIGNALS_PER_SECOND, deps.now),
      allowPad: createRateLimiter(PAD_BURST, PAD_PER_SECOND, deps.now),
      pulling: new Set(),
    }),

    async handle(member, event, payload) {
      const budget = budgetOf(event, payload);
      if (!member[budget.allow](budget.cost)) return toFailure(new RetryLaterError("RATE_LIMITED", 1000 / budget.perSecond));
      try {
        if (!isClientEvent(event)) throw new AppError("BAD_REQUEST", "That message was malformed.");
        return { ok: true, ...(await HANDLERS[event](deps, member, payload)) };
      } catch (error) {
        if (!(error instanceof AppError)) deps.reportError("room handler", error);
        return toFailure(error);
      }
    },

    async disconnect(member) {
      // During a shutdown everyone reconnects to the next server in moments; do not record them as gone.
      if (deps.isShuttingDown()) return;
      await Promise.all(
        [...member.roles].map(([sessionId, role]) =>
          markGoneIfLastConnection(deps, member, sessionId, role).catch((error: unknown) => {
            if (!(error instanceof AppError)) deps.reportError("presence update", error);
          }),
        ),
      );
    },
  };
}
