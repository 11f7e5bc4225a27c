import type { PublishRoomEvents } from "@/server/services/room-service";

// tRPC procedures run inside Next.js's bundle, a module graph separate from the custom server's, so the
// realtime server's publisher is shared through globalThis (as the Prisma client is).
const registry = globalThis as typeof globalThis & { __mockroomPublishRoomEvents?: PublishRoomEvents };

/** Called by the realtime server when it starts (and with null when it stops). */
export function setRoomPublisher(publish: PublishRoomEvents | null): void {
  registry.__mockroomPublishRoomEvents = publish ?? undefined;
}

/** Publishes committed room events from outside a socket handler; without a realtime server, nobody is listening. */
export const publishRoomEvents: PublishRoomEvents = (state, events) => registry.__mockroomPublishRoomEvents?.(state, events);
