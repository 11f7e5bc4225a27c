import type { PracticeStatusOutput } from "@/server/api/routers/practice/status.schema";

export type PracticeStatus = PracticeStatusOutput;

/** The practice procedures the queue calls; the browser's are tRPC calls, the tests' are scripted. */
export interface PracticeApi {
  status(): Promise<PracticeStatus>;
  join(topic: string): Promise<unknown>;
  leave(): Promise<unknown>;
  stillHere(): Promise<{ queued: boolean }>;
  accept(proposalId: string): Promise<unknown>;
  decline(proposalId: string): Promise<unknown>;
  /** Leaves the queue from a page that is going away: a request that outlives the page, not awaited. */
  leaveOnExit(): void;
}

export type PracticeAction = "join" | "leave" | "accept" | "decline";

export interface PracticeSnapshot {
  status: PracticeStatus;
  /** The action on its way, if any: its button spins and the others wait. */
  pending: PracticeAction | null;
  /** Why the last action failed, in the server's words. */
  error: string | null;
  /** What changed without the person doing anything: a match that fell through, a ticket that lapsed. */
  notice: string | null;
  /** Several status polls in a row failed; cleared by the next answer. */
  unreachable: boolean;
  /** Set once, when this page saw the session start: where to go. */
  enterRoom: string | null;
}

/** What a call did to the snapshot; "stale" is an answer that a later action made out of date, dropped. */
export type QueueOutcome = "changed" | "unchanged" | "stale" | "enter-room";

export interface PracticeQueueOptions {
  api: PracticeApi;
  now: () => number;
  /** The sentence to show for a failed call. */
  describe: (error: unknown) => string;
}

/** How often the page asks where it stands while waiting or offered a match. */
export const POLL_MS = 2_000;
/** How often the page renews its ticket: well inside the server's 60 s, so that one lost beat is harmless. */
export const HEARTBEAT_MS = 20_000;
const FAILURES_BEFORE_UNREACHABLE = 2;
const LEFT_WITH_PAGE = "You left the queue when you left this page.";

function inQueue(status: PracticeStatus): boolean {
  return status.state === "waiting" || status.state === "proposed";
}

/** What to tell someone whose standing changed between two polls, when they did nothing to change it. */
export function noticeFor(before: PracticeStatus, after: PracticeStatus): string | null {
  if (before.state === "proposed" && after.state === "waiting") {
    return `The match with ${before.partner.name} fell through. You are still looking for a partner for ${after.topic}.`;
  }
  if (before.state === "proposed" && after.state === "idle") {
    return before.accepted ? "The match fell through, and you are no longer in the queue." : "The match lapsed before you accepted it, so you left the queue.";
  }
  if (before.state === "waiting" && after.state === "idle") {
    return "You are no longer in the queue: a page of yours was closed or reloaded, or went a minute without checking in.";
  }
  return null;
}

/**
 * "Practise now" for one page, outside React: where the person stands (idle, waiting, offered a match,
 * in a session), the actions that move them, and the two clocks of waiting. Every `POLL_MS` the caller
 * calls `tick`: while queued, it asks for the status, and every `HEARTBEAT_MS` it renews the ticket (a
 * ticket not renewed for a minute is dropped by the server). Nothing is polled while idle or in a session.
 *
 * An action's answer is followed by a fresh status; a poll that was asked before an action finished is
 * dropped ("stale"), so an old "waiting" never overwrites the "proposed" that an action saw.
 */
export class PracticeQueue {
  private snapshot: PracticeSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Bumped by every action; a status asked for under an older epoch is stale. */
  private epoch = 0;
  private polling = false;
  private failures = 0;
  private lastBeatAt = Number.NEGATIVE_INFINITY;
  /** The page sent its leave on the way out; the next status it reads is explained by that. */
  private exited = false;

  constructor(
    private readonly options: PracticeQueueOptions,
    initial: PracticeStatus,
  ) {
    this.snapshot = { status: initial, pending: null, error: null, notice: null, unreachable: false, enterRoom: null };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PracticeSnapshot => this.snapshot;

  /** The page's timer: polls and renews while queued; does nothing otherwise. */
  async tick(): Promise<QueueOutcome> {
    if (!inQueue(this.snapshot.status) || this.snapshot.pending) return "unchanged";
    if (this.options.now() - this.lastBeatAt >= HEARTBEAT_MS) {
      const renewed = await this.heartbeat();
      if (renewed !== "unchanged") return renewed;
    }
    return this.refresh();
  }

  /** Asks where the person stands (one request at a time) and takes the answer unless an action overtook it. */
  async refresh(): Promise<QueueOutcome> {
    if (this.polling) return "unchanged";
    this.polling = true;
    const epoch = this.epoch;
    try {
      const status = await this.options.api.status();
      if (epoch !== this.epoch) return "stale";
      this.failures = 0;
      return this.apply(status, true);
    } catch {
      if (epoch !== this.epoch) return "stale";
      this.failures += 1;
      if (this.failures < FAILURES_BEFORE_UNREACHABLE || this.snapshot.unreachable) return "unchanged";
      this.set({ unreachable: true });
      return "changed";
    } finally {
      this.polling = false;
    }
  }

  join = (topic: string): Promise<QueueOutcome> => this.act("join", () => this.options.api.join(topic));
  leave = (): Promise<QueueOutcome> => this.act("leave", () => this.options.api.leave());

  accept = (): Promise<QueueOutcome> => {
    const { status } = this.snapshot;
    if (status.state !== "proposed") return Promise.resolve("unchanged");
    return this.act("accept", () => this.options.api.accept(status.proposalId));
  };

  decline = (): Promise<QueueOutcome> => {
    const { status } = this.snapshot;
    if (status.state !== "proposed") return Promise.resolve("unchanged");
    return this.act("decline", () => this.options.api.decline(status.proposalId));
  };

  /**
   * The page is going away (closed, reloaded, navigated off): a queued person leaves the queue rather than
   * be matched with nobody there. Returns whether a leave was sent. Should the page come back from the
   * back/forward cache, `refresh` shows where they stand.
   */
  pageHidden(): boolean {
    if (!inQueue(this.snapshot.status)) return false;
    this.epoch += 1;
    this.exited = true;
    this.options.api.leaveOnExit();
    return true;
  }

  /** Runs one action, then reads the status it led to; a refusal is shown, and the status read all the same. */
  private async act(action: PracticeAction, call: () => Promise<unknown>): Promise<QueueOutcome> {
    if (this.snapshot.pending) return "unchanged";
    this.epoch += 1;
    this.set({ pending: action, error: null, notice: null });
    let error: string | null = null;
    try {
      await call();
      if (action === "join") this.lastBeatAt = this.options.now();
    } catch (caught) {
      error = this.options.describe(caught);
    }
    this.epoch += 1;
    let status: PracticeStatus | null = null;
    try {
      status = await this.options.api.status();
    } catch {
      error ??= "Could not check where you stand; trying again.";
    }
    this.set({ pending: null, error });
    return status && this.apply(status, false) === "enter-room" ? "enter-room" : "changed";
  }

  /** Renews the ticket; a ticket the server no longer has means the standing changed: read it. */
  private async heartbeat(): Promise<QueueOutcome> {
    this.lastBeatAt = this.options.now();
    try {
      const { queued } = await this.options.api.stillHere();
      return queued ? "unchanged" : this.refresh();
    } catch {
      // A lost beat is one of three in the server's minute; the poll that follows says whether the server is there.
      return "unchanged";
    }
  }

  private apply(status: PracticeStatus, byPoll: boolean): QueueOutcome {
    const before = this.snapshot.status;
    const entering = status.state === "active" && before.state !== "active";
    const exited = this.exited;
    this.exited = false;
    if (sameStanding(before, status) && !this.snapshot.unreachable) return "unchanged";
    const notice = exited ? (inQueue(before) && status.state === "idle" ? LEFT_WITH_PAGE : null) : byPoll ? noticeFor(before, status) : null;
    this.set({
      status,
      unreachable: false,
      // A notice stays while it is still true, and goes with the state it was about.
      notice: notice ?? (before.state === status.state ? this.snapshot.notice : null),
      enterRoom: entering ? status.roomId : this.snapshot.enterRoom,
    });
    return entering ? "enter-room" : "changed";
  }

  private set(patch: Partial<PracticeSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Two answers that would render alike: the same state with the same facts. */
function sameStanding(a: PracticeStatus, b: PracticeStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
