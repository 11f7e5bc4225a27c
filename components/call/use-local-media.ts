"use client";

import { useSyncExternalStore } from "react";
import type { LocalMedia, LocalMediaSnapshot } from "@/components/call/local-media";

/** What `media` holds now, re-rendering on every change (see LocalMedia). */
export function useLocalMedia(media: LocalMedia): LocalMediaSnapshot {
  return useSyncExternalStore(media.subscribe, media.getSnapshot, media.getSnapshot);
}
