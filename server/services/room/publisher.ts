import type { RoomPublisher } from "@/server/services/room/engine";

// The realtime server registers the publisher when it starts; the room engine (one per process, used by
// socket handlers and tRPC procedures alike) publishes through it.
const registry = globalThis as typeof globalThis & { __mockroomRoomPublisher?: RoomPublisher };

/** Called by the realtime server when it starts (and with null when it stops). */
export function setRoomPublisher(publisher: RoomPublisher | null): void {
  registry.__mockroomRoomPublisher = publisher ?? undefined;
}

/** Publishes to the room's members; without a realtime server, nobody is listening. */
export const roomPublisher: RoomPublisher = {
  events: (state, events) => registry.__mockroomRoomPublisher?.events(state, events),
  scratchpadEdit: (state, edit) => registry.__mockroomRoomPublisher?.scratchpadEdit(state, edit),
  sessionDeleted: (sessionId, userIds) => registry.__mockroomRoomPublisher?.sessionDeleted(sessionId, userIds),
};
