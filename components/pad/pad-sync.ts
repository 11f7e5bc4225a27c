import { getSyncedVersion, receiveUpdates, sendableUpdates } from "@codemirror/collab";
import { ChangeSet, type ChangeDesc, type EditorState, type Text } from "@codemirror/state";
import type { PadUpdate, ScratchpadLanguage, StoredPadUpdate } from "@/server/domain/room";
import { PAD_UPDATES_MAX, SCRATCHPAD_TOO_LONG, textOf } from "@/server/domain/room";
import { RETRIED_CODES, type PadPullResult, type Result, type RoomCommandResult } from "@/server/realtime/protocol";

/** What the pad asks of the room: its push (the `editScratchpad` command), a pull, nothing more. */
export interface PadTransport {
  push(baseRevision: number, updates: PadUpdate[], language?: ScratchpadLanguage): Promise<Result<RoomCommandResult>>;
  pull(since: number): Promise<Result<PadPullResult>>;
}

/** The editor the sync drives: its state, and a way to apply a transaction from outside. */
export interface PadEditor {
  readonly state: EditorState;
  dispatch(spec: ReturnType<typeof receiveUpdates>): void;
}

/** Where this tab's typing stands, as the pad's header says it. */
export type PadStatus =
  | { kind: "saved" }
  | { kind: "saving" }
  /** Typing goes on; it is sent when the room is back. */
  | { kind: "offline" }
  /** A push was refused for good: `message` says why, and the pad shows the room's text again. */
  | { kind: "refused"; message: string }
  /** The room stopped taking this tab's typing (the interview ended, the member was removed). */
  | { kind: "closed"; message: string };

export interface PadSyncEvents {
  status(status: PadStatus): void;
  /** The pad's language changed (an update made by the server for a member's pick). */
  language(language: ScratchpadLanguage): void;
  /** The editor must start again from this text and version: its unsent typing could not be kept. */
  reset(text: string, revision: number): void;
  /** Updates were applied (to map remote cursors, to save the pending typing). */
  changed(): void;
}

/** Pushes go out at most this often while typing, one at a time. */
const PUSH_INTERVAL_MS = 50;
/** Received updates kept to move a remote cursor sent on an older version to this one. */
const RECENT_KEPT = 200;

/**
 * One tab's side of a pad's collaborative editing (@codemirror/collab), outside React. Local typing
 * becomes unconfirmed updates, pushed one batch at a time on the version this tab has; the server moves
 * them over what others did, stores them and relays them to everyone, this tab included, and that relay
 * is what confirms them (`receiveUpdates` takes this tab's own by its client id). A relay that skips
 * versions (a lost message, another node) makes the tab pull what it missed; so does every rejoin. The
 * tab keeps the text at its synced version, so a refused push can put the room's text back exactly.
 */
export class PadSync {
  private editor: PadEditor | null = null;
  private synced: Text;
  private inFlight = false;
  private pulling = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPushAt = 0;
  private online = true;
  private closed = false;
  private pendingLanguage: ScratchpadLanguage | null = null;
  private readonly recent: Array<{ version: number; changes: ChangeDesc }> = [];

  constructor(
    private readonly transport: PadTransport,
    syncedText: Text,
    private readonly events: PadSyncEvents,
  ) {
    this.synced = syncedText;
  }

  attach(editor: PadEditor): void {
    this.editor = editor;
  }

  detach(): void {
    this.editor = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = null;
    this.retryTimer = null;
  }

  get version(): number {
    return this.editor ? getSyncedVersion(this.editor.state) : 0;
  }

  /** The text as the room has it at this tab's synced version. */
  get syncedText(): Text {
    return this.synced;
  }

  /** Typing here: send it soon. */
  localChange(): void {
    if (this.closed) return;
    this.events.status(this.online ? { kind: "saving" } : { kind: "offline" });
    this.schedule();
  }

  pickLanguage(language: ScratchpadLanguage): void {
    this.pendingLanguage = language;
    this.localChange();
  }

  /** Accepted updates relayed by the room, `revision` being the version after the last. */
  receive(revision: number, updates: readonly StoredPadUpdate[]): void {
    if (revision > this.version) this.apply(updates);
  }

  /** The room is (again) joined: catch up with what happened meanwhile, then send what waits. */
  resync(): void {
    this.online = true;
    this.closed = false;
    void this.pull();
  }

  /** The socket is down: typing goes on here and waits. */
  offline(): void {
    this.online = false;
    if (this.editor && sendableUpdates(this.editor.state).length > 0) this.events.status({ kind: "offline" });
  }

  /** A position of this tab's text, as it is at the synced version (what another member can place). */
  toSynced(position: number): number {
    const pending = this.pendingChanges();
    return pending ? pending.invertedDesc.mapPos(position, -1) : position;
  }

  /** A position another member sent for version `revision`, placed in this tab's text; null when it cannot be yet. */
  fromRemote(position: number, revision: number): number | null {
    const version = this.version;
    if (revision > version) return null;
    const since = this.recent.filter((update) => update.version > revision);
    if (since.length !== version - revision) return null;
    // A position past the end of the text it was sent for is not one (mapPos would throw on it).
    if (position > (since[0]?.changes.length ?? this.synced.length)) return null;
    let mapped = position;
    for (const update of since) mapped = update.changes.mapPos(mapped, 1);
    const pending = this.pendingChanges();
    mapped = pending ? pending.mapPos(mapped, 1) : mapped;
    return Math.min(mapped, this.editor?.state.doc.length ?? 0);
  }

  private pendingChanges(): ChangeDesc | null {
    const unconfirmed = this.editor ? sendableUpdates(this.editor.state) : [];
    if (unconfirmed.length === 0) return null;
    return unconfirmed.map((update) => update.changes.desc).reduce((all, next) => all.composeDesc(next));
  }

  /**
   * Applies the updates this tab has not had yet, by their versions: a relay and a pull's answer may
   * carry the same ones (a relay that arrives while a pull is on its way), and one applied twice would
   * put this tab a version ahead of the room and drop the next update as already had. A gap pulls.
   */
  private apply(received: readonly StoredPadUpdate[]): void {
    const editor = this.editor;
    const had = this.version;
    const updates = received.filter((update) => update.version > had);
    if (!editor || updates.length === 0) return;
    if (updates.some((update, i) => update.version !== had + 1 + i)) return void this.pull();
    const parsed = updates.map((update) => ({ clientID: update.clientID, changes: ChangeSet.fromJSON(update.changes) }));
    let version = this.version;
    for (const update of parsed) {
      this.synced = update.changes.apply(this.synced);
      this.recent.push({ version: ++version, changes: update.changes.desc });
    }
    this.recent.splice(0, Math.max(0, this.recent.length - RECENT_KEPT));
    editor.dispatch(receiveUpdates(editor.state, parsed));
    const language = updates.findLast((update) => update.language)?.language;
    if (language) this.events.language(language);
    this.events.changed();
    this.settled();
  }

  private async pull(): Promise<void> {
    if (this.pulling || !this.editor || this.closed) return;
    this.pulling = true;
    try {
      for (;;) {
        const answer = await this.transport.pull(this.version);
        if (!answer.ok) {
          if (!this.refusedForGood(answer)) this.pushRefused(answer);
          return;
        }
        if (answer.mode === "reset") {
          this.restart(answer.scratchpad?.text ?? "", answer.scratchpad?.revision ?? 0, null);
          break;
        }
        this.apply(answer.updates);
        if (!answer.more) break;
      }
    } finally {
      this.pulling = false;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.inFlight || !this.editor) return;
    const wait = Math.max(0, PUSH_INTERVAL_MS - (Date.now() - this.lastPushAt));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.push();
    }, wait);
  }

  private async push(): Promise<void> {
    const editor = this.editor;
    if (!editor || this.inFlight || this.pulling || this.closed) return;
    // At most as many as a push may carry: a long backlog (typing offline) goes over several pushes.
    const unconfirmed = sendableUpdates(editor.state).slice(0, PAD_UPDATES_MAX);
    const language = this.pendingLanguage;
    if (unconfirmed.length === 0 && language === null) return this.settled();
    this.inFlight = true;
    this.lastPushAt = Date.now();
    const updates = unconfirmed.map((update) => ({ clientID: update.clientID, changes: update.changes.toJSON() as PadUpdate["changes"] }));
    let answer: Result<RoomCommandResult>;
    try {
      answer = await this.transport.push(getSyncedVersion(editor.state), updates, language ?? undefined);
    } catch {
      answer = { ok: false, code: "BUSY", message: "No answer", retryAfterMs: 1000 };
    } finally {
      this.inFlight = false;
    }
    if (answer.ok) {
      if (this.pendingLanguage === language) this.pendingLanguage = null;
      // The relay of these updates came before this answer, on the same socket; what is left goes next.
      return this.schedule();
    }
    this.pushRefused(answer);
  }

  private pushRefused(answer: { code: string; message: string; retryAfterMs?: number }): void {
    if (answer.code === "CONFLICT" && /catching up/.test(answer.message)) return void this.pull();
    if (RETRIED_CODES.has(answer.code as never)) {
      this.offline();
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        this.online = true;
        void this.pull();
      }, answer.retryAfterMs ?? 1000);
      return;
    }
    if (this.refusedForGood(answer)) return;
    // Too long, or changes that do not fit: the room's text comes back and this tab's unsent typing goes.
    const message =
      answer.code === "PAYLOAD_TOO_LARGE" ? answer.message || SCRATCHPAD_TOO_LONG : "Your last change could not be added; the pad shows the room's text.";
    this.restart(this.synced.toString(), this.version, message);
  }

  /** The room will take nothing more from this tab (ended, removed, no such question): stop. */
  private refusedForGood(answer: { code: string; message: string }): boolean {
    if (!["NOT_FOUND", "FORBIDDEN", "CONFLICT"].includes(answer.code)) return false;
    this.closed = true;
    this.events.status({ kind: "closed", message: answer.message });
    return true;
  }

  private restart(text: string, revision: number, message: string | null): void {
    this.pendingLanguage = null;
    this.recent.length = 0;
    this.synced = textOf(text);
    this.events.reset(text, revision);
    if (message) this.events.status({ kind: "refused", message });
    else this.settled();
  }

  private settled(): void {
    if (!this.editor || this.closed) return;
    const waiting = sendableUpdates(this.editor.state).length > 0 || this.pendingLanguage !== null;
    this.events.status(!waiting ? { kind: "saved" } : this.online ? { kind: "saving" } : { kind: "offline" });
  }
}
