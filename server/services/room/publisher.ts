import type { RoomPublisher } from "@/server/services/room/engine";

/**
 * Where the room engine publishes. The engine is built before the realtime server that delivers its
 * events; the server attaches itself when it starts (and detaches when it stops). Until then nobody is
 * listening, and publishing does nothing.
 */
export class PublisherRelay implements RoomPublisher {
  private target: RoomPublisher | null = null;

  attach(publisher: RoomPublisher | null): void {
    this.target = publisher;
  }

  events: RoomPublisher["events"] = (state, events) => this.target?.events(state, events);
  scratchpadEdit: RoomPublisher["scratchpadEdit"] = (state, edit) => this.target?.scratchpadEdit(state, edit);
  sessionDeleted: RoomPublisher["sessionDeleted"] = (sessionId, userIds) => this.target?.sessionDeleted(sessionId, userIds);
}
