import type { RoomView } from "@/server/domain/room";
import { catchUp, eventArrival, foldScratchpadEdit, foldView, scratchpadIn } from "@/server/domain/room/fold-view";
import type { RoomEventMessage, RoomJoinResult, ScratchpadEditMessage } from "@/server/realtime/protocol";

/** What a message did to the replica: changed its view, nothing, or put it out of step (join again). */
export type ReplicaChange = "changed" | "unchanged" | "resync";

type LiveMessage = { kind: "event"; message: RoomEventMessage } | { kind: "scratchpad"; message: ScratchpadEditMessage };

/** Beyond this many live messages held during one join, the join's answer is followed by a fresh one. */
const MAX_HELD = 1_000;

/**
 * A client's copy of one room: its view at `seq`, kept up to date from join answers and live messages by
 * the rules every client follows (the browser's `RoomConnection`, the tests' `RoomClient`). No sockets here: the
 * caller sends the join `beginJoin` asks for, and hands over what arrives.
 *
 * - A rejoin names the seq of the view it holds and gets only what it missed; a client without a view,
 *   or whose view went out of step, asks for a fresh one.
 * - Live messages that arrive while a join is on its way are held, then replayed over its answer: an
 *   event committed between the server's read and its answer is neither lost nor folded twice.
 * - An event at or below the seq of the last join is a duplicate; one below an event folded since arrived
 *   out of order (two nodes publishing), as does a scratchpad edit for a later revision than the next:
 *   both put the replica out of step.
 */
export class RoomReplica {
  view: RoomView | null = null;
  seq: number | null = null;
  private joinedSeq = 0;
  private folded = new Set<number>();
  private joining = false;
  private held: LiveMessage[] = [];
  private outOfStep = false;

  /** Starts a join: the `lastSeq` to send. Live messages are held until its answer. */
  beginJoin(): number | null {
    this.joining = true;
    return this.view !== null && !this.outOfStep ? this.seq : null;
  }

  /** Takes a join's answer, then replays what arrived meanwhile. */
  joined(answer: RoomJoinResult): ReplicaChange {
    this.joining = false;
    const held = this.held;
    this.held = [];
    // An answer to an earlier join that arrives after a later one's: nothing in it is new.
    if (this.seq !== null && answer.seq < this.seq) return this.replay(held);
    if (answer.mode === "snapshot") {
      this.view = answer.view;
    } else {
      // Answered from a view this replica no longer holds (it cannot happen with one join at a time).
      if (this.view === null || this.seq === null) return this.outOfStepNow();
      const after = this.seq;
      this.view = catchUp(
        this.view,
        answer.events.filter(({ seq }) => seq > after).map(({ event }) => event),
        answer.scratchpads,
      );
    }
    this.seq = answer.seq;
    this.joinedSeq = answer.seq;
    this.folded = new Set();
    this.outOfStep = false;
    if (held.length >= MAX_HELD) return this.outOfStepNow();
    this.replay(held);
    return this.outOfStep ? "resync" : "changed";
  }

  event(message: RoomEventMessage): ReplicaChange {
    if (this.joining) return this.hold({ kind: "event", message });
    if (this.view === null || this.seq === null) return "unchanged";
    const arrival = eventArrival(message.seq, { joinedSeq: this.joinedSeq, latestSeq: this.seq, folded: this.folded });
    if (arrival === "duplicate") return "unchanged";
    if (arrival === "out-of-order") return this.outOfStepNow();
    this.folded.add(message.seq);
    this.seq = message.seq;
    this.view = foldView(this.view, message.event);
    return "changed";
  }

  scratchpadEdit(message: ScratchpadEditMessage): ReplicaChange {
    if (this.joining) return this.hold({ kind: "scratchpad", message });
    if (this.view === null) return "unchanged";
    const next = foldScratchpadEdit(this.view, message);
    if (next) {
      this.view = next;
      return "changed";
    }
    // An edit this view already has (from its join, or this tab's own) changes nothing; a later one means
    // an edit in between was missed.
    return (scratchpadIn(this.view, message.questionId)?.revision ?? 0) < message.revision ? this.outOfStepNow() : "unchanged";
  }

  private hold(message: LiveMessage): ReplicaChange {
    if (this.held.length < MAX_HELD) this.held.push(message);
    return "unchanged";
  }

  private replay(held: LiveMessage[]): ReplicaChange {
    let change: ReplicaChange = "unchanged";
    for (const item of held) {
      const result = item.kind === "event" ? this.event(item.message) : this.scratchpadEdit(item.message);
      if (result === "resync") return "resync";
      if (result === "changed") change = "changed";
    }
    return change;
  }

  private outOfStepNow(): ReplicaChange {
    this.outOfStep = true;
    return "resync";
  }
}
