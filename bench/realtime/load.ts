// The load generator's side of a room: an interviewer socket and a candidate socket, speaking the
// documented protocol (docs/realtime-protocol.md), sending one command per room every interval.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";

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
  private scratchpads = new Map<string, string>();
  /** Scratchpad revision per question, from the acknowledgements of this room's own edits. */
  private revisions = new Map<string, number>();
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
      this.sockets[role].on("room:scratchpad", (message: { questionId: string; revision: number }) => {
        this.received[role].set(`pad:${message.questionId}:${message.revision}`, performance.now());
        this.bytes[role].push(Buffer.byteLength(JSON.stringify(["room:scratchpad", message])));
      });
    }
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

  private emit(role: Role, command: unknown): Promise<{ ok: boolean; seq?: number; code?: string }> {
    return this.sockets[role]
      .timeout(30_000)
      .emitWithAck("room:command", { sessionId: this.spec.sessionId, idempotencyKey: randomUUID(), command }) as Promise<{
      ok: boolean;
      seq?: number;
      code?: string;
    }>;
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
        // A line typed at the end of the text, as the candidate's editor sends it.
        const line = `console.log(${this.step});\n`;
        const text = this.scratchpads.get(question.id) ?? "";
        const command = {
          type: "editScratchpad",
          questionId: question.id,
          baseRevision: this.revisions.get(question.id) ?? 0,
          changes: [{ from: text.length, to: text.length, insert: line }],
        };
        this.scratchpads.set(question.id, text + line);
        this.revisions.set(question.id, (this.revisions.get(question.id) ?? 0) + 1);
        return { role: "candidate", kind: "scratchpad", command, target: "interviewer", deliveryKey: `pad:${question.id}:${this.revisions.get(question.id)}` };
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
          // The relay has no scratchpad revisions: there every command is an event.
          record.deliveryKey = this.protocol.version === null || !record.deliveryKey ? `seq:${result.seq}` : record.deliveryKey;
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
