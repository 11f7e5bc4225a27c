import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { Command, RoomView } from "@/server/domain/room";
import { scratchpadIn } from "@/server/domain/room/fold-view";
import { padClientOf, padEdit } from "@/tests/support/pad-updates";
import { sendWithRetries } from "@/components/realtime/command-retry";
import { RoomReplica } from "@/components/realtime/room-replica";
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type Result,
  type RoomCommandResult,
  type RoomJoinResult,
  type ServerToClientEvents,
} from "@/server/realtime/protocol";

/**
 * A room client that behaves like the browser's: it keeps its copy of the room with the browser's
 * `RoomReplica` (rejoining with the seq of the view it holds on every (re)connect, and for a fresh view
 * when out of step), and records every frame it receives.
 */
export class RoomClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly replica = new RoomReplica();
  /** Every payload received: pushed events, acknowledgements, connect errors. */
  readonly received: unknown[] = [];
  /** What this client typed per question, kept like the browser keeps it, and resent after a rejoin. */
  readonly typed = new Map<string, string>();
  private rejoined: Array<() => void> = [];

  constructor(
    url: string,
    cookie: string,
    readonly sessionId: string,
  ) {
    this.socket = io(url, {
      transports: ["websocket"],
      extraHeaders: { cookie },
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.onAny((_name, payload) => this.received.push(payload));
    this.socket.on("room:event", (message) => {
      if (message.sessionId === this.sessionId && this.replica.event(message) === "resync") void this.join();
    });
    this.socket.on("room:scratchpad", (message) => {
      if (message.sessionId === this.sessionId && this.replica.scratchpadEdit(message) === "resync") void this.join();
    });
    this.socket.on("connect_error", (error) => this.received.push({ connectError: error.message }));
    this.socket.on("connect", () => void this.join());
  }

  get view(): RoomView | null {
    return this.replica.view;
  }

  get seq(): number | null {
    return this.replica.seq;
  }

  private async join(): Promise<void> {
    const lastSeq = this.replica.beginJoin();
    const result = await this.emit<RoomJoinResult>("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId: this.sessionId, lastSeq });
    if (!result.ok) return;
    if (this.replica.joined(result) === "resync") return this.join();
    for (const [questionId, text] of this.typed) if (this.scratchpadOf(questionId).text !== text) await this.type(questionId, text);
    for (const resolve of this.rejoined.splice(0)) resolve();
  }

  /** Resolves after the next successful room:join (the first one, or after a reconnect). */
  joined(): Promise<void> {
    return new Promise((resolve) => this.rejoined.push(resolve));
  }

  async emit<T extends object>(
    event: "room:join" | "room:command" | "room:leave" | "time:sync" | "call:signal" | "board:pointer",
    payload: unknown,
  ): Promise<Result<T>> {
    const result = (await (this.socket.timeout(10_000) as unknown as Socket).emitWithAck(event, payload)) as Result<T>;
    this.received.push(result);
    return result;
  }

  command(command: Command, idempotencyKey: string = randomUUID()): Promise<Result<RoomCommandResult>> {
    return this.emit<RoomCommandResult>("room:command", { sessionId: this.sessionId, idempotencyKey, command });
  }

  /**
   * Sends a command as the browser does: BUSY, RATE_LIMITED and INTERNAL answers are retried with the same
   * idempotency key after the wait the server asked for.
   */
  async send(command: Command, idempotencyKey: string = randomUUID()): Promise<Result<RoomCommandResult>> {
    return sendWithRetries(
      () => this.command(command, idempotencyKey),
      (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    );
  }

  private scratchpadOf(questionId: string): { text: string; revision: number } {
    const scratchpad = this.view ? scratchpadIn(this.view, questionId) : null;
    return { text: scratchpad?.text ?? "", revision: scratchpad?.revision ?? 0 };
  }

  /** This client's id in the pads, which names its member (known once joined). */
  get padClient(): string {
    return padClientOf(this.view?.viewer.userId ?? "not-joined");
  }

  /** Makes a question's pad read `text`, as one update of what the room has. */
  async type(questionId: string, text: string): Promise<Result<RoomCommandResult>> {
    this.typed.set(questionId, text);
    const { text: before, revision } = this.scratchpadOf(questionId);
    // The room relays the accepted update to its sender too, and the replica folds it in.
    return this.command({ type: "editScratchpad", questionId, baseRevision: revision, updates: [padEdit(before, text, this.padClient)] });
  }

  /** Waits until the rendered view satisfies `predicate`. */
  async until(predicate: (view: RoomView) => boolean, timeoutMs = 10_000): Promise<RoomView> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.view && predicate(this.view)) return this.view;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`view never matched; last view: ${JSON.stringify(this.view)?.slice(0, 500)}`);
  }

  close(): void {
    this.socket.close();
  }
}
