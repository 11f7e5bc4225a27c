import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { Command, RoomView } from "@/server/domain/room";
import { foldView } from "@/server/domain/room/fold-view";
import { PROTOCOL_VERSION, type ClientToServerEvents, type Result, type RoomCommandResult, type RoomJoinResult, type ServerToClientEvents } from "@/server/realtime/protocol";

/**
 * A room client that behaves like the browser's: it keeps the last sequence number it saw, rejoins with
 * it on every (re)connect, folds each event into its view with the shared `foldView`, and records every
 * frame it receives.
 */
export class RoomClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  view: RoomView | null = null;
  seq: number | null = null;
  /** Every payload received: pushed events, acknowledgements, connect errors. */
  readonly received: unknown[] = [];
  readonly eventSeqs: number[] = [];
  private rejoined: Array<() => void> = [];

  constructor(url: string, cookie: string, readonly sessionId: string) {
    this.socket = io(url, {
      transports: ["websocket"],
      extraHeaders: { cookie },
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.onAny((_name, payload) => this.received.push(payload));
    this.socket.on("room:event", (message) => {
      if (message.sessionId !== this.sessionId || this.view === null || this.seq === null || message.seq <= this.seq) return;
      this.eventSeqs.push(message.seq);
      this.seq = message.seq;
      this.view = foldView(this.view, message.event);
    });
    this.socket.on("connect_error", (error) => this.received.push({ connectError: error.message }));
    this.socket.on("connect", () => void this.join());
  }

  private async join(): Promise<void> {
    const result = await this.emit<RoomJoinResult>("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId: this.sessionId, lastSeq: this.seq });
    if (!result.ok) return;
    if (result.mode === "events") for (const { seq } of result.events) if (this.seq === null || seq > this.seq) this.eventSeqs.push(seq);
    this.seq = result.seq;
    this.view = result.view;
    for (const resolve of this.rejoined.splice(0)) resolve();
  }

  /** Resolves after the next successful room:join (the first one, or after a reconnect). */
  joined(): Promise<void> {
    return new Promise((resolve) => this.rejoined.push(resolve));
  }

  async emit<T extends object>(event: "room:join" | "room:command" | "room:leave" | "time:sync", payload: unknown): Promise<Result<T>> {
    const result = (await (this.socket.timeout(10_000) as unknown as Socket).emitWithAck(event, payload)) as Result<T>;
    this.received.push(result);
    return result;
  }

  command(command: Command, idempotencyKey: string = randomUUID()): Promise<Result<RoomCommandResult>> {
    return this.emit<RoomCommandResult>("room:command", { sessionId: this.sessionId, idempotencyKey, command });
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
