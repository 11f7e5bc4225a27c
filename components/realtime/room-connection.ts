import { clockOffsetMs, measureClockOffset } from "@/components/realtime/clock-offset";
import { RETRY_POLICY, retryDelayMs, sendWithRetries } from "@/components/realtime/command-retry";
import { RoomReplica, type ReplicaChange } from "@/components/realtime/room-replica";
import type { ClientCommand, PresenceStatus, RoomView } from "@/server/domain/room";
import {
  PROTOCOL_VERSION,
  RETRIED_CODES,
  type Result,
  type RoomCommandPayload,
  type RoomCommandResult,
  type RoomEventMessage,
  type RoomJoinPayload,
  type RoomJoinResult,
  type RoomLeavePayload,
  type RoomRemovedMessage,
  type ScratchpadEditMessage,
  type ServerToClientEvents,
  type TimeSyncPayload,
  type TimeSyncResult,
} from "@/server/realtime/protocol";

/** This tab's link to the room: joined (not merely connected), on its way, or given up. */
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

export interface RoomError {
  code: string;
  message: string;
}

/** What the room looks like from this tab; a new object whenever anything in it changes. */
export interface RoomSnapshot {
  view: RoomView | null;
  seq: number | null;
  connection: ConnectionState;
  /** True after the server announced it is going down, until the next successful join. */
  serverRestarting: boolean;
  /** Client time of the last live room event; null before the first one. */
  lastEventAt: number | null;
  /** Why the room could not be joined (not a participant, no such room); null otherwise. */
  error: RoomError | null;
}

/** The events a room connection listens to: Socket.IO's own, then the room's. */
interface Listen {
  (event: "connect", listener: () => void): unknown;
  (event: "disconnect", listener: (reason: string) => void): unknown;
  (event: "connect_error", listener: (error: Error) => void): unknown;
  (event: "room:event", listener: ServerToClientEvents["room:event"]): unknown;
  (event: "room:scratchpad", listener: ServerToClientEvents["room:scratchpad"]): unknown;
  (event: "server:shutdown", listener: ServerToClientEvents["server:shutdown"]): unknown;
  (event: "room:removed", listener: ServerToClientEvents["room:removed"]): unknown;
}

interface EmitWithAck {
  (event: "room:join", payload: RoomJoinPayload): Promise<Result<RoomJoinResult>>;
  (event: "room:command", payload: RoomCommandPayload): Promise<Result<RoomCommandResult>>;
  (event: "time:sync", payload: TimeSyncPayload): Promise<Result<TimeSyncResult>>;
}

/**
 * The part of a Socket.IO client socket a room connection uses (the tab's `getSocket()` is one), so that
 * tests drive it with an in-memory socket. `timeout(ms).emitWithAck` rejects when no answer came in time.
 */
export interface RoomTransport {
  readonly connected: boolean;
  /** False only when the socket gave up or was told to go away; otherwise it is (re)connecting by itself. */
  readonly active: boolean;
  connect(): unknown;
  on: Listen;
  off: Listen;
  once(event: "connect", listener: () => void): unknown;
  timeout(ms: number): { emitWithAck: EmitWithAck };
  emit(event: "room:leave", payload: RoomLeavePayload, ack: () => void): unknown;
}

/** Whether the page is in view; presence says "away" while it is not. */
export interface PageVisibility {
  isHidden(): boolean;
  /** Calls `listener` on every change; returns how to stop. */
  onChange(listener: () => void): () => void;
}

export interface RoomConnectionOptions {
  sessionId: string;
  /** Called when the connection starts and for each command, never before: no socket is opened on the server. */
  getSocket: () => RoomTransport;
  page: PageVisibility;
}

const JOIN_TIMEOUT_MS = 8_000;
const COMMAND_TIMEOUT_MS = 5_000;
/** A join that got no answer in time is asked again this much later, if the socket is still up. */
const UNANSWERED_JOIN_RETRY_MS = 1_000;

const INITIAL: RoomSnapshot = { view: null, seq: null, connection: "connecting", serverRestarting: false, lastEventAt: null, error: null };

/** `crypto.randomUUID` exists only in secure contexts; a plain-http LAN address is not one. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function waitForConnect(socket: RoomTransport, timeoutMs: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off("connect", onConnect);
      resolve(false);
    }, timeoutMs);
    function onConnect() {
      clearTimeout(timer);
      resolve(true);
    }
    socket.once("connect", onConnect);
  });
}

/**
 * The live room for one tab, outside React: joins over the injected socket and keeps its copy of the room
 * with `RoomReplica`, which folds each live event into the view with the shared `foldView`. On every
 * (re)connect it rejoins with the seq of the view it holds and gets only what it missed; when its view goes
 * out of step (an event out of order, a missed scratchpad edit) it rejoins for a fresh view. A join the
 * server answers "not now" (busy, restarting) is asked again with the commands' backoff. Presence follows
 * the page's visibility. Commands sent while the socket is down wait for it to come back (`send`).
 *
 * `start` may be called again after its stop (React runs effects twice in development): each run has its
 * own replica, and an answer that arrives for a stopped run changes nothing.
 */
export class RoomConnection {
  private snapshot: RoomSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  /** Which start the current handlers, answers and timers belong to; bumped by stop, so theirs go stale. */
  private run = 0;
  private socket: RoomTransport | null = null;
  private replica = new RoomReplica();
  private joined = false;
  private joinAttempt = 0;

  constructor(private readonly options: RoomConnectionOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RoomSnapshot => this.snapshot;

  /** The server's clock now, from this tab's measured offset. */
  serverNow = (): number => Date.now() + clockOffsetMs();

  /**
   * Sends one command to the room, with one idempotency key for all its attempts (the server applies a
   * retried command once), retried by the shared rule (`sendWithRetries`); each attempt waits for the
   * socket to be connected.
   */
  send = (command: ClientCommand): Promise<Result<RoomCommandResult>> => {
    const socket = this.options.getSocket();
    const idempotencyKey = newIdempotencyKey();
    const { sessionId } = this.options;
    return sendWithRetries(
      async () => {
        if (!(await waitForConnect(socket, COMMAND_TIMEOUT_MS))) throw new Error("not connected");
        return socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("room:command", { sessionId, idempotencyKey, command });
      },
      (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    );
  };

  /** Listens to the socket and joins the room (connecting the socket if it is idle); returns how to stop. */
  start(): () => void {
    const run = this.run;
    const socket = this.options.getSocket();
    this.socket = socket;
    this.replica = new RoomReplica();
    this.joined = false;
    this.joinAttempt = 0;
    socket.on("connect", this.onConnect);
    socket.on("disconnect", this.onDisconnect);
    socket.on("connect_error", this.onConnectError);
    socket.on("room:event", this.onRoomEvent);
    socket.on("room:scratchpad", this.onScratchpadEdit);
    socket.on("server:shutdown", this.onShutdown);
    socket.on("room:removed", this.onRemoved);
    const stopWatchingPage = this.options.page.onChange(this.onVisibility);
    if (socket.connected) this.onConnect();
    else if (!socket.active) socket.connect();
    return () => this.stop(run, socket, stopWatchingPage);
  }

  private stop(run: number, socket: RoomTransport, stopWatchingPage: () => void): void {
    if (run !== this.run) return;
    this.run++;
    socket.off("connect", this.onConnect);
    socket.off("disconnect", this.onDisconnect);
    socket.off("connect_error", this.onConnectError);
    socket.off("room:event", this.onRoomEvent);
    socket.off("room:scratchpad", this.onScratchpadEdit);
    socket.off("server:shutdown", this.onShutdown);
    socket.off("room:removed", this.onRemoved);
    stopWatchingPage();
    if (socket.connected && this.joined) socket.emit("room:leave", { sessionId: this.options.sessionId }, () => undefined);
    this.joined = false;
  }

  private update(patch: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Shows the replica's view after a change, and joins again when it went out of step. */
  private after(change: ReplicaChange): void {
    if (change === "unchanged") return;
    this.update({ seq: this.replica.seq, view: this.replica.view });
    if (change === "resync") void this.join();
  }

  private async join(): Promise<void> {
    const run = this.run;
    const socket = this.socket;
    if (!socket) return;
    const lastSeq = this.replica.beginJoin();
    let answer: Result<RoomJoinResult>;
    try {
      answer = await socket
        .timeout(JOIN_TIMEOUT_MS)
        .emitWithAck("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId: this.options.sessionId, lastSeq });
    } catch {
      // No answer in time: the socket is probably reconnecting, and "connect" will join again.
      if (run === this.run && socket.connected) this.joinLater(run, UNANSWERED_JOIN_RETRY_MS);
      return;
    }
    if (run !== this.run) return;
    // A busy or restarting server says "not now": ask again shortly instead of giving up on the room.
    if (!answer.ok && RETRIED_CODES.has(answer.code) && this.joinAttempt < RETRY_POLICY.attempts) {
      this.joinLater(run, retryDelayMs(this.joinAttempt++, answer.retryAfterMs));
      return;
    }
    this.joinAttempt = 0;
    if (answer.ok) this.joinedRoom(answer);
    else this.refused(answer, socket);
  }

  private joinLater(run: number, delayMs: number): void {
    setTimeout(() => run === this.run && this.socket?.connected && void this.join(), delayMs);
  }

  private joinedRoom(answer: RoomJoinResult): void {
    this.joined = true;
    this.update({ error: null, serverRestarting: false, connection: "connected" });
    this.after(this.replica.joined(answer));
    if (this.options.page.isHidden()) void this.sendPresence("away");
  }

  private refused(answer: { code: string; message: string }, socket: RoomTransport): void {
    this.joined = false;
    this.update({ error: { code: answer.code, message: answer.message }, connection: socket.connected ? "connected" : "offline" });
  }

  private sendPresence(status: PresenceStatus): Promise<unknown> {
    const socket = this.socket;
    if (!this.joined || !socket?.connected) return Promise.resolve();
    return socket
      .timeout(COMMAND_TIMEOUT_MS)
      .emitWithAck("room:command", { sessionId: this.options.sessionId, idempotencyKey: newIdempotencyKey(), command: { type: "setPresence", status } })
      .catch(() => undefined);
  }

  private onConnect = (): void => {
    // A tab that holds a view is coming back to its room (the drop cleared `joined`); only the first join connects.
    this.update({ connection: this.snapshot.view ? "reconnecting" : "connecting" });
    void this.join();
    if (this.socket) void measureClockOffset(this.socket);
  };

  private onDisconnect = (reason: string): void => {
    this.joined = false;
    // A server going down (restart, deploy) closes sockets itself, and Socket.IO does not retry those on
    // its own; the next server is moments away, so ask for a connection again. A refused handshake ends
    // in connect_error, which is not retried, so this cannot loop against a server that says no.
    if (reason === "io server disconnect") {
      this.update({ connection: "reconnecting" });
      this.socket?.connect();
      return;
    }
    this.update({ connection: this.socket?.active ? "reconnecting" : "offline" });
  };

  private onConnectError = (): void => {
    this.update({ connection: this.socket?.active ? "reconnecting" : "offline" });
  };

  private onRoomEvent = (message: RoomEventMessage): void => {
    if (message.sessionId !== this.options.sessionId) return;
    const change = this.replica.event(message);
    if (change === "changed") this.update({ lastEventAt: Date.now() });
    this.after(change);
  };

  private onScratchpadEdit = (message: ScratchpadEditMessage): void => {
    if (message.sessionId === this.options.sessionId) this.after(this.replica.scratchpadEdit(message));
  };

  private onRemoved = (message: RoomRemovedMessage): void => {
    if (message.sessionId !== this.options.sessionId) return;
    this.joined = false;
    this.update({ view: null, error: { code: "FORBIDDEN", message: message.message } });
  };

  private onShutdown = (): void => {
    this.update({ serverRestarting: true, connection: "reconnecting" });
  };

  private onVisibility = (): void => {
    void this.sendPresence(this.options.page.isHidden() ? "away" : "connected");
  };
}
