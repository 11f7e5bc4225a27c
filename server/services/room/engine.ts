import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import {
  applyAll,
  decide,
  decidePadPush,
  withStoredUpdates,
  padFromCheckpoint,
  canEditScratchpad,
  type Actor,
  type Command,
  type CommandOf,
  type RoomEvent,
  type PadDoc,
  type RoomState,
  type Scratchpad,
  type ScratchpadLanguage,
  type StoredPadUpdate,
  unreachable,
} from "@/server/domain/room";
import { AppError, RetryLaterError } from "@/server/platform/errors";
import {
  appendBatch,
  appendFirst,
  eventsBetween,
  findCommand,
  loadRoom,
  padUpdatesAfter,
  prunePadUpdates,
  prunesAt,
  roomNotFound,
  saveSnapshots,
  type AppendItem,
  type StoredEvent,
} from "@/server/services/room/store";

/** Rooms per statement when every room is snapshotted at once (before a shutdown). */
const SNAPSHOT_BATCH = 200;

/** A pad push's accepted updates, relayed to the room once stored; checkpoints store the text. */
export interface ScratchpadEdit {
  questionId: string;
  /** The version the last update made; the first follows `revision - updates.length`. */
  revision: number;
  updates: StoredPadUpdate[];
  updatedAt: string;
  /** The pad's language after these updates. */
  language: ScratchpadLanguage;
  authorId: string;
}

/** Sends what happened in a room to its members; the realtime layer implements it. */
export interface RoomPublisher {
  /** Committed events, after the commit. */
  events(state: RoomState, events: StoredEvent[]): void;
  scratchpadEdit(state: RoomState, edit: ScratchpadEdit): void;
  /** The session was deleted: its members are told, and nothing more reaches them. */
  sessionDeleted(sessionId: string, userIds: readonly string[]): void;
}

export interface CommandOutcome {
  /** The sequence number of the command's last event, or the room's current one when it changed nothing. */
  seq: number;
  /** The room as of `seq`, with the scratchpads' live text. */
  state: RoomState;
  events: StoredEvent[];
  /** For a pad push: the pad's version after it. */
  revision?: number;
}

export interface EngineCommand {
  sessionId: string;
  actor: Actor;
  command: Command;
  /** Already scoped to its sender. */
  idempotencyKey: string;
  now: Date;
}

export const ENGINE_LIMITS = {
  /** Commands waiting per room: two tabs sending 100 notes at once fit. */
  queuePerRoom: 256,
  /** Commands waiting on this node in all; beyond it, BUSY rather than a growing backlog. */
  queueTotal: 20_000,
  /** Rooms whose commands go into one statement. */
  batchRooms: 256,
  /** Statements in flight at once, each on its own pooled connection. */
  concurrentBatches: 4,
  /** A snapshot of the mutable state every this many events (and at the end). */
  snapshotEvery: 50,
  /** How often one command may find its room stale (another node wrote first) before it gives up. */
  staleRetries: 5,
  /** What a BUSY answer tells the client to wait before retrying. */
  retryAfterMs: 500,
  /** A room nobody has used for this long leaves memory (its state is in the database). */
  idleMs: 10 * 60_000,
  /** The live scratchpad text is checkpointed this long after the first edit since the last checkpoint. */
  checkpointMs: 5_000,
} as const;

interface Pending extends EngineCommand {
  staleCount: number;
  /** A checkpoint the engine queued itself, of this question's draft; its command is built when decided. */
  checkpointOf?: string;
  /** Refused once already, and decided again on a freshly loaded room before the refusal stands. */
  rechecked?: boolean;
  /** A pad push being written: the pad as it will be once the updates are stored. */
  padAfter?: PadDoc;
  resolve(outcome: CommandOutcome): void;
  reject(error: unknown): void;
}

interface LiveRoom {
  sessionId: string;
  state: RoomState | null;
  seq: number;
  snapshotSeq: number;
  /**
   * When the room was last known to need reading (another node wrote, a join subscribed, a refusal to
   * recheck), and when the last completed read began (performance.now()). The room is stale while the
   * first is later than the second: a mark made during a read is not lost when the read completes.
   */
  staleAt: number;
  readSince: number;
  /** The plan may have changed (a plan edit before the first event): load the room from scratch. */
  reload: boolean;
  /** Dropped from the engine (a failed load, a deleted session): nothing may queue on it any more. */
  dropped: boolean;
  /** Its session was deleted: it leaves memory as soon as it is not busy, answering what waits NOT_FOUND. */
  deleted: boolean;
  queue: Pending[];
  /** Waiting for the room as it stands (see `read`), answered once it is up to date. */
  readers: Array<{ resolve(state: RoomState): void; reject(error: unknown): void }>;
  busy: boolean;
  lastUsedAt: number;
  /** The pads this node has typed into or read, by question: their text may be ahead of the last checkpoint. */
  pads: Map<string, PadDoc>;
  checkpointTimer: NodeJS.Timeout | null;
}

function isStale(room: LiveRoom): boolean {
  return room.staleAt > room.readSince;
}

function markStale(room: LiveRoom): void {
  room.staleAt = Math.max(room.staleAt, performance.now());
}

/** Commands before which the live scratchpads are checkpointed. */
function checkpointsFirst(pending: Pending, room: LiveRoom): boolean {
  switch (pending.command.type) {
    case "nextQuestion":
    case "previousQuestion":
    case "goToQuestion":
    case "end":
    // A run names the pad's revision it ran: that revision is stored first.
    case "recordRun":
      return true;
    case "setPresence":
      return pending.command.status !== "connected" && [...room.pads.values()].some((pad) => pad.authorId === pending.actor.userId);
    case "removeParticipant": {
      // The member's last words are kept, e.g. when a fresh link moves the candidate to another device.
      const removed = pending.command.userId;
      return [...room.pads.values()].some((pad) => pad.authorId === removed);
    }
    case "join":
    case "start":
    case "revealFollowUp":
    case "setKeyPointChecked":
    case "addNote":
    case "editNote":
    case "deleteNote":
    case "rateCriterion":
    case "setRedFlags":
    case "setQuestionOverall":
    case "setSummary":
    case "submitScorecard":
    case "setCompetencyWeights":
    case "draftFeedback":
    case "releaseFeedback":
    case "finishSelfAssessment":
    case "checkpointScratchpad":
    case "editScratchpad":
    case "addTestCase":
    case "drawOnBoard":
    case "joinCall":
    case "leaveCall":
    case "setCallMedia":
    case "setCallPolicy":
      return false;
  }
  return unreachable(pending.command);
}

export interface EngineStats {
  rooms: number;
  queued: number;
}

/**
 * One writer per room on this node. A room's commands queue in memory and are decided one at a time
 * against its in-memory state, which is a cache of what is committed. Appends across rooms go out
 * together, one statement per batch (group commit): under load, while statements are in flight, the
 * next batch gathers. Nothing waits on a row lock while holding a pooled connection. Across nodes, the
 * (session, seq) uniqueness is the optimistic check: a node that finds its seq taken folds in what the
 * other wrote and decides again.
 */
export class RoomEngine {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly ready = new Set<LiveRoom>();
  private inFlight = 0;
  private queued = 0;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly publish: RoomPublisher,
    private readonly onError: (what: string, error: unknown) => void = () => undefined,
    /** Whether events that tell someone by email (feedback released) queue that email with them. */
    private readonly emailOn = false,
  ) {
    this.sweeper = setInterval(() => this.evictIdle(Date.now()), 60_000);
    this.sweeper.unref();
  }

  stats(): EngineStats {
    return { rooms: this.rooms.size, queued: this.queued };
  }

  /**
   * Queues a command for its room; resolves once its events are committed (and published). With
   * `readAfter`, the room is first brought up to date from the database unless it was read after that
   * instant (performance.now()): a joining socket subscribes first, then needs everything committed since.
   */
  submit(input: EngineCommand, options: { readAfter?: number } = {}): Promise<CommandOutcome> {
    let room = this.rooms.get(input.sessionId);
    if (this.queued >= ENGINE_LIMITS.queueTotal || (room && room.queue.length >= ENGINE_LIMITS.queuePerRoom)) {
      return Promise.reject(new RetryLaterError("BUSY", ENGINE_LIMITS.retryAfterMs));
    }
    room ??= this.newRoom(input.sessionId);
    if (options.readAfter !== undefined) room.staleAt = Math.max(room.staleAt, options.readAfter);
    const target = room;
    return new Promise((resolve, reject) => {
      target.queue.push({ ...input, staleCount: 0, resolve, reject });
      this.queued++;
      this.schedule(target);
    });
  }

  /**
   * The room as it stands, for checks that write nothing (the call's signals): this node's copy, read
   * again first when another node may have written to it. Rejects NOT_FOUND for a session that is gone.
   */
  read(sessionId: string): Promise<RoomState> {
    const room = this.rooms.get(sessionId) ?? this.newRoom(sessionId);
    if (room.state && !isStale(room) && !room.deleted) return Promise.resolve(room.state);
    return new Promise((resolve, reject) => {
      room.readers.push({ resolve, reject });
      this.schedule(room);
    });
  }

  /** A pad as this node has it (its live text, ahead of the last checkpoint), with the room it is in. */
  async readPad(sessionId: string, questionId: string): Promise<{ state: RoomState; scratchpad: Scratchpad | null }> {
    await this.read(sessionId);
    const room = this.rooms.get(sessionId)!;
    const state = this.liveState(room);
    return { state, scratchpad: state.scratchpads[questionId] ?? null };
  }

  private newRoom(sessionId: string): LiveRoom {
    const room: LiveRoom = {
      sessionId,
      state: null,
      seq: 0,
      snapshotSeq: 0,
      staleAt: 0,
      readSince: -Infinity,
      reload: false,
      dropped: false,
      deleted: false,
      queue: [],
      readers: [],
      busy: false,
      lastUsedAt: Date.now(),
      pads: new Map(),
      checkpointTimer: null,
    };
    this.rooms.set(sessionId, room);
    return room;
  }

  /**
   * Loads rooms before anyone asks for them, a chunk per query: at start, the rooms that were live, so
   * that the rejoins after a restart find them in memory instead of each loading its room. A room that
   * is gone, or fails to load, is left to load on demand. Returns how many were loaded.
   */
  async warm(sessionIds: string[]): Promise<number> {
    let warmed = 0;
    for (let i = 0; i < sessionIds.length; i += ENGINE_LIMITS.batchRooms) {
      const chunk = sessionIds.slice(i, i + ENGINE_LIMITS.batchRooms).filter((sessionId) => !this.rooms.has(sessionId));
      const readSince = performance.now();
      const loaded = await Promise.all(chunk.map((sessionId) => loadRoom(this.pool, sessionId)));
      loaded.forEach((found, j) => {
        const sessionId = chunk[j]!;
        if (!found || this.rooms.has(sessionId)) return;
        Object.assign(this.newRoom(sessionId), { state: found.state, seq: found.seq, snapshotSeq: found.snapshotSeq, readSince });
        warmed++;
      });
      // Typing stored after the last checkpoint (a crash) is the room's too.
      await Promise.all(
        chunk
          .map((sessionId) => this.rooms.get(sessionId))
          .map((room) => room?.state && this.readPads(room).catch((error: unknown) => this.onError("pad load", error))),
      );
    }
    return warmed;
  }

  /** Loads a room again, plan and all, before its next command: its plan changed. */
  forget(sessionId: string): void {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    room.reload = true;
    markStale(room);
  }

  /**
   * The session was deleted: the room leaves memory now, or when the read or write under way settles;
   * whatever is queued on it is answered NOT_FOUND, like any command that comes after. Its members
   * (`memberIds`, read before the delete) still in the room are told.
   */
  deleted(sessionId: string, memberIds: string[]): void {
    this.publish.sessionDeleted(sessionId, memberIds);
    const room = this.rooms.get(sessionId);
    if (!room) return;
    room.deleted = true;
    this.schedule(room);
  }

  /** Another node appended to this room up to `seq` (told through the adapter). */
  advanced(sessionId: string, seq: number): void {
    const room = this.rooms.get(sessionId);
    if (room && room.seq < seq) markStale(room);
  }

  /**
   * Before the server stops: checkpoints every live scratchpad, then snapshots every room, so that the
   * next server loads each room from its snapshot alone instead of replaying its latest events.
   */
  async persistAll(): Promise<void> {
    const written: Array<Promise<unknown>> = [];
    for (const room of this.rooms.values()) written.push(...this.queueCheckpoints(room, "front"));
    await Promise.allSettled(written);
    const due = [...this.rooms.values()].filter((room) => room.state && room.seq > room.snapshotSeq);
    for (let i = 0; i < due.length; i += SNAPSHOT_BATCH) {
      const batch = due.slice(i, i + SNAPSHOT_BATCH).map((room) => ({ state: room.state!, seq: room.seq }));
      await saveSnapshots(this.pool, batch).catch((error: unknown) => this.onError("snapshot", error));
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const room of this.rooms.values()) if (room.checkpointTimer) clearTimeout(room.checkpointTimer);
  }

  private dirtyPads(room: LiveRoom): string[] {
    return [...room.pads].filter(([questionId, pad]) => pad.version > (room.state?.scratchpads[questionId]?.revision ?? 0)).map(([questionId]) => questionId);
  }

  /** Queues a checkpoint of each draft ahead of its last one, unless one is already queued. */
  private queueCheckpoints(room: LiveRoom, where: "front" | "back", options: { schedule: boolean } = { schedule: true }): Array<Promise<unknown>> {
    if (room.dropped) return [];
    const queued = new Set(room.queue.map((pending) => pending.checkpointOf));
    const written = this.dirtyPads(room)
      .filter((questionId) => !queued.has(questionId))
      .map(
        (questionId) =>
          new Promise<unknown>((resolve) => {
            const pad = room.pads.get(questionId)!;
            const pending: Pending = {
              sessionId: room.sessionId,
              actor: checkpointActor(room.state!, pad.authorId),
              // Both are set from the draft when the checkpoint is decided (see checkpointCommand).
              command: { type: "checkpointScratchpad", questionId, text: "", revision: 0 },
              idempotencyKey: "",
              now: new Date(),
              staleCount: 0,
              checkpointOf: questionId,
              resolve,
              // A refused checkpoint (the room ended elsewhere, say) drops this copy rather than retrying
              // forever: its updates are stored, and the pad is read again when next used. One that failed
              // for another reason keeps it for the next checkpoint.
              reject: (error: unknown) => {
                if (error instanceof AppError) room.pads.delete(questionId);
                resolve(undefined);
              },
            };
            if (where === "front") room.queue.unshift(pending);
            else room.queue.push(pending);
            this.queued++;
          }),
      );
    if (written.length > 0 && options.schedule) this.schedule(room);
    return written;
  }

  /** A room is in at most one of three places: refreshing, writing (both `busy`), or waiting in `ready`. */
  private schedule(room: LiveRoom): void {
    if (room.busy) return;
    if (room.deleted) return this.gone(room);
    if (room.queue.length === 0 && room.readers.length === 0) return;
    if (isStale(room)) {
      this.ready.delete(room);
      void this.refresh(room);
      return;
    }
    for (const reader of room.readers.splice(0)) reader.resolve(room.state!);
    if (room.queue.length === 0) return;
    this.ready.add(room);
    this.pump();
  }

  /** Loads the room, or folds in what other nodes appended since this node's last event. */
  private async refresh(room: LiveRoom): Promise<void> {
    room.busy = true;
    const readSince = performance.now();
    try {
      if (room.state === null || room.reload) {
        room.reload = false;
        const loaded = await loadRoom(this.pool, room.sessionId);
        if (!loaded) return this.gone(room);
        room.state = loaded.state;
        room.seq = loaded.seq;
        room.snapshotSeq = loaded.snapshotSeq;
      } else {
        const later = await eventsBetween(this.pool, room.sessionId, room.seq);
        room.state = applyAll(
          room.state,
          later.map(({ event }) => event),
        );
        room.seq = later.at(-1)?.seq ?? room.seq;
      }
      await this.readPads(room);
      room.readSince = readSince;
    } catch (error) {
      this.onError("room load", error);
      room.state = null;
      return this.failAll(room, error);
    } finally {
      room.busy = false;
    }
    this.schedule(room);
  }

  /**
   * Folds into the room's pads the updates stored after them (by another node, or before this node
   * loaded the room), from each pad's copy or from its checkpoint. A copy the updates do not fit is
   * dropped, to be read from its checkpoint next time.
   */
  private async readPads(room: LiveRoom): Promise<void> {
    const state = room.state!;
    const after: Record<string, number> = {};
    for (const questionId of state.visitedQuestionIds) after[questionId] = room.pads.get(questionId)?.version ?? state.scratchpads[questionId]?.revision ?? 0;
    const stored = await padUpdatesAfter(this.pool, room.sessionId, after);
    const now = new Date();
    for (const [questionId, updates] of stored) {
      const pad = room.pads.get(questionId) ?? padFromCheckpoint(state, questionId, now, checkpointActor(state, null).userId);
      const caughtUp = withStoredUpdates(pad, updates, now.toISOString());
      if (caughtUp) room.pads.set(questionId, caughtUp);
      else room.pads.delete(questionId);
    }
  }

  private failAll(room: LiveRoom, error: unknown): void {
    for (const reader of room.readers.splice(0)) reader.reject(error);
    for (const pending of room.queue.splice(0)) {
      this.queued--;
      pending.reject(error);
    }
    if (room.state !== null) return;
    room.dropped = true;
    if (room.checkpointTimer) clearTimeout(room.checkpointTimer);
    if (this.rooms.get(room.sessionId) === room) this.rooms.delete(room.sessionId);
  }

  /** The session no longer exists: everything waiting is told so, and the room leaves memory. */
  private gone(room: LiveRoom): void {
    this.ready.delete(room);
    room.state = null;
    room.pads.clear();
    this.failAll(room, roomNotFound());
  }

  private finish(room: LiveRoom, settle: (pending: Pending) => void): void {
    const pending = room.queue.shift();
    if (!pending) return;
    this.queued--;
    room.lastUsedAt = Date.now();
    settle(pending);
  }

  /**
   * Decides queued commands until one has events to write. Refusals and no-ops are answered at once,
   * without touching the database.
   */
  private decideHead(room: LiveRoom): { room: LiveRoom; pending: Pending; item: AppendItem } | null {
    const state = room.state;
    if (!state) return null;
    for (let pending = room.queue[0]; pending; pending = room.queue[0]) {
      if (!pending.checkpointOf && checkpointsFirst(pending, room) && this.queueCheckpoints(room, "front", { schedule: false }).length > 0) continue;
      if (pending.checkpointOf) this.takeCheckpoint(room, pending, pending.checkpointOf);
      if (pending.command.type === "editScratchpad") {
        const push = this.decidePush(room, state, pending, pending.command);
        if (push === "next") continue;
        return push;
      }
      const decision = decide(state, pending.actor, pending.command, pending.now, randomUUID);
      if (!decision.ok) {
        if (this.recheck(room, pending)) return null;
        const refusal = new AppError(decision.error.code, decision.error.message);
        this.finish(room, (p) => this.refuse(room, state, p, refusal));
        continue;
      }
      if (decision.events.length === 0) {
        this.finish(room, (p) => p.resolve({ seq: room.seq, state: this.liveState(room), events: [] }));
        continue;
      }
      const item = {
        sessionId: room.sessionId,
        afterSeq: room.seq,
        events: decision.events,
        actorId: pending.actor.userId,
        idempotencyKey: pending.idempotencyKey,
        at: pending.now,
      };
      return { room, pending, item };
    }
    return null;
  }

  /**
   * Fills a queued checkpoint with the draft as it is now, which may be newer than when it was queued.
   * The key names the revision, so two nodes checkpointing the same revision write it once.
   */
  private takeCheckpoint(room: LiveRoom, pending: Pending, questionId: string): void {
    const pad = room.pads.get(questionId);
    const revision = pad?.version ?? 0;
    pending.command = { type: "checkpointScratchpad", questionId, text: pad?.doc.toString() ?? "", revision, ...(pad ? { language: pad.language } : {}) };
    pending.idempotencyKey = `checkpoint:${room.sessionId}:${questionId}:${revision}`;
    pending.now = new Date();
  }

  /**
   * A refusal may come from a cache that another node has moved past (the interview it says has not
   * started has). The first refusal of a command marks the room stale, so that it is decided again
   * after the room is brought up to date; only a refusal on fresh state is answered.
   */
  private recheck(room: LiveRoom, pending: Pending): boolean {
    if (pending.rechecked) return false;
    pending.rechecked = true;
    markStale(room);
    return true;
  }

  /**
   * Answers a refusal, unless the command is a retry of one already written (its first answer was lost):
   * the retry of an "end" that ended the interview is told the end's seq, not that the interview ended.
   */
  private refuse(room: LiveRoom, state: RoomState, pending: Pending, refusal: AppError): void {
    if (pending.checkpointOf) return pending.reject(refusal);
    findCommand(this.pool, pending.idempotencyKey).then(
      (earlier) => (earlier?.sessionId === room.sessionId ? pending.resolve({ seq: earlier.seq, state, events: [] }) : pending.reject(refusal)),
      () => pending.reject(refusal),
    );
  }

  /**
   * Decides a pad push: its accepted updates to write, or "next" once it is answered (refused, or
   * nothing new: a push sent again). Null when it must be rechecked on a fresh copy of the room.
   */
  private decidePush(
    room: LiveRoom,
    state: RoomState,
    pending: Pending,
    command: CommandOf<"editScratchpad">,
  ): { room: LiveRoom; pending: Pending; item: AppendItem } | "next" | null {
    const decision = decidePadPush(state, room.pads.get(command.questionId), pending.actor, command, pending.now);
    if (!decision.ok) {
      if (this.recheck(room, pending)) return null;
      this.finish(room, (p) => p.reject(new AppError(decision.error.code, decision.error.message)));
      return "next";
    }
    if (decision.accepted.length === 0) {
      this.finish(room, (p) => p.resolve({ seq: room.seq, state: this.liveState(room), events: [], revision: decision.pad.version }));
      return "next";
    }
    pending.padAfter = decision.pad;
    const item: AppendItem = {
      sessionId: room.sessionId,
      afterSeq: room.seq,
      events: [],
      pad: { questionId: command.questionId, updates: decision.accepted },
      actorId: pending.actor.userId,
      idempotencyKey: pending.idempotencyKey,
      at: pending.now,
    };
    return { room, pending, item };
  }

  /** After checkpoints, drops the pads' oldest stored updates (in the background: nothing waits on it). */
  private prunePads(room: LiveRoom, events: readonly RoomEvent[]): void {
    for (const event of events) {
      if (event.type !== "scratchpadUpdated" || event.payload.revision === undefined) continue;
      const { questionId, revision } = event.payload;
      if (!prunesAt(room.state?.scratchpads[questionId]?.revision ?? 0, revision)) continue;
      prunePadUpdates(this.pool, room.sessionId, questionId, revision).catch((error: unknown) => this.onError("pad prune", error));
    }
  }

  /** A pad push is stored: the room's copy takes it, the room hears of it, and a checkpoint is due. */
  private padWritten(room: LiveRoom, pending: Pending, pad: NonNullable<AppendItem["pad"]>): void {
    const after = pending.padAfter!;
    room.pads.set(pad.questionId, after);
    const live = this.liveState(room);
    this.publish.scratchpadEdit(live, {
      questionId: pad.questionId,
      revision: after.version,
      updates: pad.updates,
      updatedAt: after.updatedAt,
      language: after.language,
      authorId: after.authorId,
    });
    this.finish(room, (p) => p.resolve({ seq: room.seq, state: live, events: [], revision: after.version }));
    room.checkpointTimer ??= setTimeout(() => {
      room.checkpointTimer = null;
      this.queueCheckpoints(room, "back");
    }, ENGINE_LIMITS.checkpointMs);
  }

  /** The committed state with the pads' live text, which is what members are shown. */
  private liveState(room: LiveRoom): RoomState {
    const state = room.state!;
    if (room.pads.size === 0) return state;
    const scratchpads = { ...state.scratchpads };
    for (const [questionId, pad] of room.pads) {
      if (pad.version > (scratchpads[questionId]?.revision ?? 0)) {
        scratchpads[questionId] = { text: pad.doc.toString(), updatedAt: pad.updatedAt, revision: pad.version, language: pad.language };
      }
    }
    return { ...state, scratchpads };
  }

  private pump(): void {
    while (this.inFlight < ENGINE_LIMITS.concurrentBatches && this.ready.size > 0) {
      const batch: Array<{ room: LiveRoom; pending: Pending; item: AppendItem }> = [];
      for (const room of this.ready) {
        if (batch.length >= ENGINE_LIMITS.batchRooms) break;
        this.ready.delete(room);
        // Marked stale while it waited: it is read again first.
        if (room.busy || isStale(room)) {
          this.schedule(room);
          continue;
        }
        const next = this.decideHead(room);
        if (!next) {
          // A refusal to recheck: bring the room up to date (refresh), then decide again.
          if (isStale(room)) this.schedule(room);
          continue;
        }
        room.busy = true;
        batch.push(next);
      }
      if (batch.length === 0) continue;
      this.inFlight++;
      this.write(batch)
        .catch((error: unknown) => this.onError("room write", error))
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  private async write(batch: Array<{ room: LiveRoom; pending: Pending; item: AppendItem }>): Promise<void> {
    const first = batch.filter(({ item }) => item.afterSeq === 0);
    const rest = batch.filter(({ item }) => item.afterSeq !== 0);
    // Every entry is settled, whatever the database did: a room left busy would never be written again.
    const outcomes = await Promise.all([
      Promise.all(first.map(({ room, item }) => appendFirst(this.pool, item, room.state?.questions.map((question) => question.id) ?? [], this.emailOn))),
      rest.length > 0
        ? appendBatch(
            this.pool,
            rest.map(({ item }) => item),
            this.emailOn,
          )
        : Promise.resolve([]),
    ]).then(
      ([firstOutcomes, restOutcomes]) => [...firstOutcomes, ...restOutcomes],
      (error: unknown) => batch.map(() => ({ kind: "failed" as const, error })),
    );
    await Promise.all([...first, ...rest].map((entry, i) => this.settle(entry, outcomes[i]!)));
  }

  private async settle(
    { room, pending, item }: { room: LiveRoom; pending: Pending; item: AppendItem },
    outcome: Awaited<ReturnType<typeof appendBatch>>[number],
  ): Promise<void> {
    try {
      switch (outcome.kind) {
        case "appended": {
          if (item.pad) {
            this.padWritten(room, pending, item.pad);
            break;
          }
          const stored = item.events.map((event, i) => ({ seq: item.afterSeq + i + 1, event }));
          this.prunePads(room, item.events);
          const state = applyAll(room.state!, item.events);
          room.state = state;
          room.seq = item.afterSeq + item.events.length;
          // Snapshotted before acknowledged: the end (an ended room loads from its snapshot alone), and each
          // submitted card and release, which the history reads from the snapshot (services/review/history.ts).
          if (item.events.some(isSnapshotNow)) await this.snapshot(room);
          else if (room.seq - room.snapshotSeq >= ENGINE_LIMITS.snapshotEvery) void this.snapshot(room);
          // Published only after the commit: nobody ever sees an event that could still roll back.
          this.publish.events(state, stored);
          this.finish(room, (p) => p.resolve({ seq: room.seq, state: this.liveState(room), events: stored }));
          break;
        }
        case "duplicate": {
          const earlier = await findCommand(this.pool, item.idempotencyKey).catch((error: unknown) => {
            this.onError("append", error);
            return undefined;
          });
          if (earlier === undefined) {
            markStale(room);
            this.finish(room, (p) => p.reject(new RetryLaterError("BUSY", ENGINE_LIMITS.retryAfterMs)));
            break;
          }
          if (!earlier) {
            markStale(room);
            break;
          }
          if (earlier.sessionId !== room.sessionId) this.finish(room, (p) => p.reject(new AppError("CONFLICT", "That command id was already used.")));
          else this.finish(room, (p) => p.resolve({ seq: earlier.seq, state: this.liveState(room), events: [] }));
          break;
        }
        case "stale":
          // The seq was taken, or (for a first event) the plan changed under this copy: read it all again.
          if (item.afterSeq === 0) room.reload = true;
          markStale(room);
          if (++pending.staleCount > ENGINE_LIMITS.staleRetries) {
            this.finish(room, (p) => p.reject(new RetryLaterError("BUSY", ENGINE_LIMITS.retryAfterMs)));
          }
          break;
        case "gone":
          // Its command and those behind it are answered NOT_FOUND in the `finally` below.
          room.deleted = true;
          break;
        case "failed":
          this.onError("append", outcome.error);
          markStale(room);
          this.finish(room, (p) => p.reject(outcome.error));
          break;
      }
    } catch (error) {
      // A bug past the write (a publisher that threw): the command is answered, never left hanging.
      this.onError("room settle", error);
      markStale(room);
      if (room.queue[0] === pending) this.finish(room, (p) => p.reject(error));
    } finally {
      room.busy = false;
      this.schedule(room);
    }
  }

  /** Stores the room's mutable state; a failure only means a longer replay on the next load. */
  private async snapshot(room: LiveRoom): Promise<void> {
    if (!room.state || room.seq <= room.snapshotSeq) return;
    room.snapshotSeq = room.seq;
    await saveSnapshots(this.pool, [{ state: room.state, seq: room.seq }]).catch((error: unknown) => this.onError("snapshot", error));
  }

  private evictIdle(now: number): void {
    for (const room of this.rooms.values()) {
      if (room.busy || room.queue.length > 0 || now - room.lastUsedAt < ENGINE_LIMITS.idleMs) continue;
      if (this.queueCheckpoints(room, "back").length > 0) continue;
      void this.snapshot(room);
      this.rooms.delete(room.sessionId);
    }
  }
}

/**
 * Whose name a checkpoint of the pad is logged under: the member who typed last while they may still
 * write in it, else the room's owner (a checkpoint is the server's act, kept for the record).
 */
function checkpointActor(state: RoomState, authorId: string | null): Actor {
  const author = state.participants.find((participant) => participant.userId === authorId);
  if (author && canEditScratchpad(author.role)) return { userId: author.userId, role: author.role };
  const owner = state.participants.find((participant) => participant.role === "INTERVIEWER");
  return { userId: owner?.userId ?? authorId ?? "", role: "INTERVIEWER" };
}

/** Events after which the room is snapshotted before the command is acknowledged. Rare: none while the interview runs. */
function isSnapshotNow(event: RoomEvent): boolean {
  return (
    event.type === "interviewEnded" ||
    event.type === "scorecardSubmitted" ||
    event.type === "feedbackReleased" ||
    (event.type === "scorecardChanged" && event.payload.amendment !== null)
  );
}
