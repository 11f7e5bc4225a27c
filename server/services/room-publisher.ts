import type { PublishRoomEvents } from "@/server/services/room-engine";

// The realtime server registers the publisher when it starts; the room engine (one per process, used by
// socket handlers and tRPC procedures alike) publishes through it.
const registry = globalThis as typeof globalThis & { __mockroomPublishRoomEvents?: PublishRoomEvents };

/** Called by the realtime server when it starts (and with null when it stops). */
export function setRoomPublisher(publish: PublishRoomEvents | null): void {
  registry.__mockroomPublishRoomEvents = publish ?? undefined;
}

/** Publishes committed room events; without a realtime server, nobody is listening. */
export const publishRoomEvents: PublishRoomEvents = (state, events) => registry.__mockroomPublishRoomEvents?.(state, events);
