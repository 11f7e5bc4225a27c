// The load generator's side of a room: an interviewer socket and a candidate socket, speaking the
// documented protocol (docs/realtime-protocol.md), sending one command per room every interval.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { ScratchpadEditMessage } from "@/server/realtime/protocol";
import { padClientOf, padSplice } from "@/tests/support/pad-updates";
import { EMPTY_PAD, foldRelay, pullPad, type PadCopy } from "./pad-text";

export type Role = "interviewer" | "candidate";

export interface RoomSpec {
  sessionId: string;
  interviewerCookie: string;
  candidateCookie: string;
}

interface PlanQuestion {
  id: string;
  followUpIds: string[];
  keyPointCount: number;
}

interface SentCommand {
  kind: string;
  sentAt: number;
  ackAt: number | null;
  seq: number | null;
  /** How the delivery is recognised: the event's seq, or the scratchpad edit's question and revision. */
  deliveryKey: string | null;
  error: string | null;
  /** Who should receive the resulting event: the other party when it may see it, else the sender itself. */
  target: Role;
}

/** One room under load. The plan (questions, follow-ups) comes from the interviewer's join view. */
export class LoadRoom {
  readonly sockets: Record<Role, Socket>;
  /** When each room event (by `seq:N`) and scratchpad edit (by `pad:question:revision`) arrived, per socket. */
  readonly received: Record<Role, Map<string, number>> = { interviewer: new Map(), candidate: new Map() };
  readonly bytes: Record<Role, number[]> = { interviewer: [], candidate: [] };
  sent: SentCommand[] = [];
  private plan: PlanQuestion[] = [];
  private current = 0;
  private revealed = new Set<string>();
  private ticked = false;
  /** Each pad as the candidate's socket has it from the relays: the command mix's edits go on it. */
  private pads = new Map<string, PadCopy>();
  /** The client id of the command mix's edits: by it the server tells an edit sent again from a new one. */
  /** Each socket's user, from its join: a pad's client ids must name their member. */
  readonly userIds: Record<Role, string> = { interviewer: "", candidate: "" };
  /**
   * While the room's members type in the pad (bench/realtime/pad-load.ts measures that), its relays are
   * theirs: not recorded here as deliveries of the command mix, nor followed (the typists follow them,
   * and `padIs` gives the pad as it ends).
   */
  typing = false;
  private step = 0;
  private joined = false;
  /** When each socket last rejoined after a reconnect (performance.now()), and the size of that join's answer. */
  readonly rejoinedAt: Record<Role, number | null> = { interviewer: null, candidate: null };
  readonly rejoinBytes: Record<Role, number | null> = { interviewer: null, candidate: null };
  /** As the browser does: the seq of the view each socket holds, sent with its rejoin to get only what it missed. */
  private seqs: Record<Role, number | null> = { interviewer: null, candidate: null };

  constructor(
    readonly url: string,
    readonly spec: RoomSpec,
    readonly protocol: { version: number | null },
  ) {
    const connect = (cookie: string) =>
      // The browser client's reconnection settings (components/realtime/socket-client.ts).
      io(url, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnection: true, reconnectionDelay: 250, reconnectionDelayMax: 500 });
    this.sockets = { interviewer: connect(spec.interviewerCookie), candidate: connect(spec.candidateCookie) };
    for (const role of ["interviewer", "candidate"] as const) {
      const socket = this.sockets[role];
      // As the browser does: a server that closed the socket itself (a restart) is asked again.
      socket.on("disconnect", (reason) => {
        if (reason === "io server disconnect") socket.connect();
      });
      socket.on("connect", () => {
        if (!this.joined) return;
        void this.joinAs(role).then(
          (answer) => {
            this.rejoinedAt[role] = performance.now();
            this.rejoinBytes[role] = Buffer.byteLength(JSON.stringify(answer));
          },
          () => undefined,
        );
      });
      this.sockets[role].on("room:event", (message: { seq: number }) => {
        this.received[role].set(`seq:${message.seq}`, performance.now());
        this.seqs[role] = Math.max(this.seqs[role] ?? 0, message.seq);
        this.bytes[role].push(Buffer.byteLength(JSON.stringify(["room:event", message])));
      });
      this.sockets[role].on("room:scratchpad", (message: ScratchpadEditMessage) => {
        if (this.typing) return;
        if (role === "candidate") this.followPad(message);
        this.received[role].set(`pad:${message.questionId}:${message.revision}`, performance.now());
        this.bytes[role].push(Buffer.byteLength(JSON.stringify(["room:scratchpad", message])));
      });
    }
  }

  /** The candidate's copy of a pad after a relay; a relay that skips versions has the copy pulled again. */
  private followPad(message: ScratchpadEditMessage): void {
    const pad = this.pads.get(message.questionId) ?? EMPTY_PAD;
    const next = foldRelay(pad, message);
    if (next) return void this.pads.set(message.questionId, next);
    void pullPad(this.sockets.candidate, this.spec.sessionId, message.questionId).then(
      (pulled) => {
        if (pulled.revision > (this.pads.get(message.questionId)?.revision ?? 0)) this.pads.set(message.questionId, pulled);
      },
      () => undefined,
    );
  }

  /** The pad as the typing left it (read back from the server). */
  padIs(questionId: string, pad: PadCopy): void {
    this.pads.set(questionId, pad);
  }

  /** The question the room is on: the members type in its pad. */
  get questionId(): string {
    return (this.plan[this.current] ?? this.plan[0]!).id;
  }

  /** Joins as the browser does (with the seq of the view it holds, if any); the answer. */
  private async joinAs(role: Role): Promise<{ ok: boolean; message?: string; view?: unknown; seq?: number }> {
    const payload = {
      sessionId: this.spec.sessionId,
      lastSeq: this.seqs[role],
      ...(this.protocol.version === null ? {} : { protocolVersion: this.protocol.version }),
    };
    const socket = this.sockets[role];
    if (!socket.connected) await new Promise((resolve) => socket.once("connect", () => resolve(undefined)));
    const result = (await socket.timeout(60_000).emitWithAck("room:join", payload)) as { ok: boolean; message?: string; view?: unknown; seq?: number };
    if (!result.ok) throw new Error(`${role} could not join ${this.spec.sessionId}: ${result.message}`);
    if (typeof result.seq === "number") this.seqs[role] = Math.max(this.seqs[role] ?? 0, result.seq);
    const viewer = (result.view as { viewer?: { userId?: string } } | undefined)?.viewer;
    if (viewer?.userId) this.userIds[role] = viewer.userId;
    return result;
  }

  async join(): Promise<void> {
    const [staff] = await Promise.all((["interviewer", "candidate"] as const).map((role) => this.joinAs(role)));
    this.joined = true;
    const view = staff?.view as {
      questions?: Array<{ id: string; followUps: Array<{ id: string; revealedAt: string | null }>; keyPoints: unknown[] }>;
      currentIndex?: number;
    } | null;
    if (view?.questions) {
      this.plan = view.questions.map((question) => ({
        id: question.id,
        followUpIds: question.followUps.map((followUp) => followUp.id),
        keyPointCount: question.keyPoints.length,
      }));
      for (const question of view.questions) for (const followUp of question.followUps) if (followUp.revealedAt) this.revealed.add(followUp.id);
      this.current = view.currentIndex ?? 0;
    } else {
      this.plan = [1, 2, 3].map((n) => ({ id: `q${n}`, followUpIds: [`f${n}a`, `f${n}b`], keyPointCount: 3 }));
    }
  }

  /** Starts the interview (setup, not measured). */
  async start(): Promise<void> {
    await this.emit("interviewer", { type: "start" });
  }

  private emit(role: Role, command: unknown): Promise<{ ok: boolean; seq?: number; revision?: number; code?: string }> {
    return this.sockets[role]
      .timeout(30_000)
      .emitWithAck("room:command", { sessionId: this.spec.sessionId, idempotencyKey: randomUUID(), command }) as Promise<{
      ok: boolean;
      seq?: number;
      revision?: number;
      code?: string;
    }>;
  }

  private questionOf(command: unknown): string {
    return (command as { questionId?: string }).questionId ?? "";
  }

  /** The next command of the mix: reveal (or move on), key-point tick, note, scratchpad edit. */
  private nextCommand(): { role: Role; kind: string; command: unknown; target: Role; deliveryKey?: string } {
    const question = this.plan[this.current] ?? this.plan[0]!;
    switch (this.step++ % 4) {
      case 0: {
        const followUpId = question.followUpIds.find((id) => !this.revealed.has(id));
        if (followUpId) {
          this.revealed.add(followUpId);
          return { role: "interviewer", kind: "reveal", command: { type: "revealFollowUp", questionId: question.id, followUpId }, target: "candidate" };
        }
        this.current = (this.current + 1) % this.plan.length;
        return { role: "interviewer", kind: "question", command: { type: "goToQuestion", questionId: this.plan[this.current]!.id }, target: "candidate" };
      }
      case 1:
        if (question.keyPointCount > 0) {
          this.ticked = !this.ticked;
          return {
            role: "interviewer",
            kind: "tick",
            command: { type: "setKeyPointChecked", questionId: question.id, index: 0, checked: this.ticked },
            target: "interviewer",
          };
        }
        return this.note();
      case 2:
        return this.note();
      default: {
        // A line pasted at the end of the text: one update on the version the candidate's socket has.
        const pad = this.pads.get(question.id) ?? EMPTY_PAD;
        const end = pad.doc.length;
        const command = {
          type: "editScratchpad",
          questionId: question.id,
          baseRevision: pad.revision,
          updates: [padSplice(end, end, end, `console.log(${this.step});\n`, padClientOf(this.userIds.candidate))],
        };
        // Delivered once the interviewer has the revision the acknowledgement names.
        return { role: "candidate", kind: "scratchpad", command, target: "interviewer", deliveryKey: "pad" };
      }
    }
  }

  private note() {
    return {
      role: "interviewer" as const,
      kind: "note",
      command: { type: "addNote", body: `Note ${this.step}: clear reasoning about the trade-offs.` },
      target: "interviewer" as const,
    };
  }

  /** Sends one command and records when it was sent and acknowledged. */
  fire(): void {
    const { role, kind, command, target, deliveryKey } = this.nextCommand();
    const record: SentCommand = { kind, sentAt: performance.now(), ackAt: null, seq: null, deliveryKey: deliveryKey ?? null, error: null, target };
    this.sent.push(record);
    this.emit(role, command).then(
      (result) => {
        record.ackAt = performance.now();
        if (result.ok && typeof result.seq === "number") {
          record.seq = result.seq;
          // A pad push makes no event: it is recognised by the pad version it made.
          const padKey = record.deliveryKey === "pad" && typeof result.revision === "number" ? `pad:${this.questionOf(command)}:${result.revision}` : null;
          record.deliveryKey = padKey ?? `seq:${result.seq}`;
        } else record.error = result.code ?? "ERROR";
      },
      () => {
        record.error = "TIMEOUT";
      },
    );
  }

  resetStats(): void {
    this.sent = [];
    this.bytes.interviewer = [];
    this.bytes.candidate = [];
  }

  close(): void {
    this.sockets.interviewer.close();
    this.sockets.candidate.close();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) };
}
