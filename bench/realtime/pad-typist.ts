// One member typing in a room's pad, as the browser's pad does it: an EditorState with @codemirror/collab,
// driven by the browser's own PadSync (components/pad/pad-sync.ts) over the member's room socket, with
// the browser's transport (pushes as `editScratchpad` commands, one attempt each; pulls as `pad:pull`)
// and its cursor shares (`pad:cursor`, at most every 100 ms). Records, per keystroke, when it was typed
// and first pushed, and when each pad version reached this socket, to time the other member's keystrokes.
import { randomUUID } from "node:crypto";
import { collab, getClientID, sendableUpdates } from "@codemirror/collab";
import { EditorState, type Transaction } from "@codemirror/state";
import type { Socket } from "socket.io-client";
import { PadSync, type PadStatus, type PadTransport } from "@/components/pad/pad-sync";
import { newPadClientID, type StoredPadUpdate } from "@/server/domain/room";
import type { PadPullResult, Result, RoomCommandResult, ScratchpadEditMessage } from "@/server/realtime/protocol";
import type { PadCopy } from "./pad-text";

/** The browser transport's waits (components/pad/use-pad-editor.ts). */
const PUSH_TIMEOUT_MS = 5_000;
const PULL_TIMEOUT_MS = 8_000;
const NO_ANSWER_RETRY_MS = 1_000;
const CURSOR_INTERVAL_MS = 100;
const CURSOR_ACK_TIMEOUT_MS = 3_000;

/** What a typist types, a character a keystroke. */
const TYPED = "for (let i = 0; i < n; i++) total += values[i];\n";

export class PadTypist {
  private state: EditorState;
  private readonly sync: PadSync;
  private readonly listener: (message: ScratchpadEditMessage) => void;
  private timer: NodeJS.Timeout | null = null;
  private cursorTimer: NodeJS.Timeout | null = null;
  private lastCursorAt = 0;
  /** Keystrokes typed so far; keystroke k (from 1) was typed at `typedAt[k]` and first pushed at `pushedAt[k]`. */
  typed = 0;
  readonly typedAt: number[] = [];
  readonly pushedAt: number[] = [];
  /** When each pad version first reached this member (by relay or pull), and whose update it was. */
  readonly seen = new Map<number, { clientID: string; at: number }>();
  readonly relayBytes: number[] = [];
  /** Updates per relay this socket received: more than one when pushes carry several keystrokes. */
  readonly relayUpdates: number[] = [];
  pushes = 0;
  pushesAnswered = 0;
  /** From each push sent to its answer, for the pushes answered. */
  readonly ackMs: number[] = [];
  readonly pushBytes: number[] = [];
  readonly pushErrors: Record<string, number> = {};
  pulls = 0;
  cursors = 0;
  /** Statuses that mean typing was refused or stopped (never expected). */
  readonly trouble: string[] = [];
  /** Times the editor had to start again from the room's text (a refused push): its typing was dropped. */
  resets = 0;

  constructor(
    private readonly socket: Socket,
    private readonly sessionId: string,
    private readonly questionId: string,
    /** Whose tab this is: its client id names them. */
    userId: string,
    start: PadCopy,
    /** Where this member types: at the start of the text or at its end. */
    private readonly at: "start" | "end",
    /** Whether it shares its cursor after each keystroke, as the browser does (off: to see what that costs). */
    private readonly sharesCursor = true,
  ) {
    const clientID = newPadClientID(userId);
    this.state = this.stateOf(start.doc.toString(), start.revision, clientID);
    const events = {
      status: (status: PadStatus) => {
        if (status.kind === "refused" || status.kind === "closed") this.trouble.push(`${status.kind}: ${status.message}`);
      },
      language: () => undefined,
      reset: (text: string, revision: number) => {
        this.resets++;
        this.state = this.stateOf(text, revision, clientID);
      },
      changed: () => undefined,
    };
    this.sync = new PadSync(this.transport(), start.doc, events);
    // The editor PadSync drives: this typist's state, which a received transaction replaces.
    const state = () => this.state;
    this.sync.attach({
      get state() {
        return state();
      },
      dispatch: (transaction: Transaction) => {
        this.state = transaction.state;
      },
    });
    this.listener = (message) => this.onRelay(message);
    socket.on("room:scratchpad", this.listener);
  }

  get clientID(): string {
    return getClientID(this.state);
  }

  get text(): string {
    return this.state.doc.toString();
  }

  get version(): number {
    return this.sync.version;
  }

  /** Nothing typed here waits to be confirmed. */
  get settled(): boolean {
    return sendableUpdates(this.state).length === 0;
  }

  private stateOf(text: string, revision: number, clientID: string): EditorState {
    return EditorState.create({
      doc: text,
      selection: { anchor: this.at === "end" ? text.length : 0 },
      extensions: [collab({ startVersion: revision, clientID })],
    });
  }

  /** Types a keystroke every `intervalMs`, the first after a random part of it. */
  start(intervalMs: number): void {
    this.timer = setTimeout(() => {
      this.type();
      this.timer = setInterval(() => this.type(), intervalMs);
    }, Math.random() * intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops typing and listening; the sync's timers go too. */
  close(): void {
    this.stop();
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.socket.off("room:scratchpad", this.listener);
    this.sync.detach();
  }

  /** One character at the caret, as the editor makes it; the caret moves past it. */
  type(): void {
    const head = this.state.selection.main.head;
    const char = TYPED[this.typed % TYPED.length]!;
    this.state = this.state.update({ changes: { from: head, insert: char }, selection: { anchor: head + 1 }, userEvent: "input.type" }).state;
    this.typedAt[++this.typed] = performance.now();
    // As the editor's update listener does after a local change.
    this.sync.localChange();
    if (this.sharesCursor) this.shareCursor();
  }

  private onRelay(message: ScratchpadEditMessage): void {
    if (message.sessionId !== this.sessionId || message.questionId !== this.questionId) return;
    const at = performance.now();
    this.relayBytes.push(Buffer.byteLength(JSON.stringify(["room:scratchpad", message])));
    this.relayUpdates.push(message.updates.length);
    this.see(message.updates, message.revision, at);
    this.sync.receive(message.revision, message.updates);
  }

  private see(updates: readonly StoredPadUpdate[], revision: number, at: number): void {
    const first = revision - updates.length + 1;
    updates.forEach((update, i) => {
      const version = update.version ?? first + i;
      if (!this.seen.has(version)) this.seen.set(version, { clientID: update.clientID, at });
    });
  }

  /** The browser's transport (use-pad-editor.ts `padTransport`), timing each push. */
  private transport(): PadTransport {
    const noAnswer = { ok: false as const, code: "BUSY" as const, message: "No answer", retryAfterMs: NO_ANSWER_RETRY_MS };
    return {
      push: async (baseRevision, updates, picked) => {
        if (!this.socket.connected) return noAnswer;
        // The updates pushed are this member's unconfirmed keystrokes, the latest `updates.length` typed.
        const now = performance.now();
        for (let k = this.typed - updates.length + 1; k <= this.typed; k++) this.pushedAt[k] ??= now;
        const command = { type: "editScratchpad" as const, questionId: this.questionId, baseRevision, updates, ...(picked ? { language: picked } : {}) };
        const payload = { sessionId: this.sessionId, idempotencyKey: randomUUID(), command };
        this.pushes++;
        this.pushBytes.push(Buffer.byteLength(JSON.stringify(["room:command", payload])));
        try {
          const answer = (await this.socket.timeout(PUSH_TIMEOUT_MS).emitWithAck("room:command", payload)) as Result<RoomCommandResult>;
          if (answer.ok) {
            this.pushesAnswered++;
            this.ackMs.push(performance.now() - now);
          } else this.pushErrors[answer.code] = (this.pushErrors[answer.code] ?? 0) + 1;
          return answer;
        } catch {
          this.pushErrors.TIMEOUT = (this.pushErrors.TIMEOUT ?? 0) + 1;
          return noAnswer;
        }
      },
      pull: async (since) => {
        this.pulls++;
        try {
          const answer = (await this.socket
            .timeout(PULL_TIMEOUT_MS)
            .emitWithAck("pad:pull", { sessionId: this.sessionId, questionId: this.questionId, since })) as Result<PadPullResult>;
          if (answer.ok && answer.mode === "updates" && answer.updates.length > 0) this.see(answer.updates, answer.updates.at(-1)!.version, performance.now());
          return answer;
        } catch {
          return noAnswer;
        }
      },
    };
  }

  /** The browser's cursor share: the caret in the synced version's terms, at most every 100 ms. */
  private shareCursor(): void {
    if (this.cursorTimer) return;
    this.cursorTimer = setTimeout(
      () => {
        this.cursorTimer = null;
        this.lastCursorAt = Date.now();
        const head = this.sync.toSynced(this.state.selection.main.head);
        this.cursors++;
        void this.socket
          .timeout(CURSOR_ACK_TIMEOUT_MS)
          .emitWithAck("pad:cursor", {
            sessionId: this.sessionId,
            questionId: this.questionId,
            revision: this.sync.version,
            ranges: [{ from: head, to: head }],
            highlight: null,
          })
          .catch(() => undefined);
      },
      Math.max(0, CURSOR_INTERVAL_MS - (Date.now() - this.lastCursorAt)),
    );
  }
}
