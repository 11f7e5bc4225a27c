import { eventForViewer, scratchpadEditForViewer, type RoomState } from "@/server/domain/room";
import type { StoredEvent } from "@/server/services/room/store";
import type { RoomPublisher } from "@/server/services/room/engine";
import type { ServerToClientEvents } from "@/server/realtime/protocol";

export const REMOVED_MESSAGE = "The interviewer removed you from this interview.";
export const REPLACED_MESSAGE =
  "You joined this interview on another device with a fresh link, so this one has left it. If that was not you, ask the interviewer for a fresh link: it lets you back in here.";
export const DELETED_MESSAGE = "The interviewer deleted this interview.";

/** What the publisher asks of the transport: reach every connection of one member of a session. */
export interface SessionChannels {
  send<E extends keyof ServerToClientEvents>(sessionId: string, userId: string, event: E, message: Parameters<ServerToClientEvents[E]>[0]): void;
  /** Unsubscribes every connection of the member, on every node: nothing more reaches them. */
  unsubscribeAll(sessionId: string, userId: string): void;
  /** Tells the other nodes how far the room has advanced (see InterServerEvents). */
  announceAdvanced(sessionId: string, seq: number): void;
}

/**
 * Publishes committed events to each member, each event projected for that member only: the message
 * carries the change, never the whole view. A removed participant is told so, and their connections are
 * unsubscribed, which also ends the role the gateway had cached for them: nothing more reaches them.
 */
export function createRoomPublisher(channels: SessionChannels, options: { otherNodes: boolean }): RoomPublisher {
  return {
    events: (state, events) => {
      publishEvents(channels, state, events);
      const last = events.at(-1);
      if (last && options.otherNodes) channels.announceAdvanced(state.sessionId, last.seq);
    },
    sessionDeleted: (sessionId, userIds) => {
      for (const userId of userIds) {
        channels.send(sessionId, userId, "room:removed", { sessionId, message: DELETED_MESSAGE });
        channels.unsubscribeAll(sessionId, userId);
      }
    },
    scratchpadEdit: (state, edit) => {
      for (const participant of state.participants) {
        const projected = scratchpadEditForViewer(edit, state, participant);
        if (projected) channels.send(state.sessionId, participant.userId, "room:scratchpad", { sessionId: state.sessionId, ...projected });
      }
    },
  };
}

function publishEvents(channels: SessionChannels, state: RoomState, events: StoredEvent[]): void {
  for (const { event } of events) {
    if (event.type !== "participantRemoved") continue;
    const message = event.payload.replaced ? REPLACED_MESSAGE : REMOVED_MESSAGE;
    channels.send(state.sessionId, event.payload.userId, "room:removed", { sessionId: state.sessionId, message });
    channels.unsubscribeAll(state.sessionId, event.payload.userId);
  }
  for (const participant of state.participants) {
    const viewer = { userId: participant.userId, role: participant.role };
    for (const { seq, event } of events) {
      const projected = eventForViewer(event, state, viewer);
      if (projected) channels.send(state.sessionId, participant.userId, "room:event", { sessionId: state.sessionId, seq, event: projected });
    }
  }
}
