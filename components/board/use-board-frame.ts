"use client";

import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useEffect, type RefObject } from "react";

const RESIZE_SETTLE_MS = 150;

/**
 * Excalidraw keeps its scroll position when its frame changes width (a phone turned, a window narrowed,
 * the side-by-side layout toggled), which can leave the drawing partly out of sight: it is brought back
 * into view, whole if it fits at up to its actual size. For the room's whiteboard and the bank's canvas.
 */
export function useBoardFrame(api: ExcalidrawImperativeAPI | null, frame: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const host = frame.current;
    if (!api || !host) return;
    let width = host.clientWidth;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const resized = new ResizeObserver(() => {
      if (host.clientWidth === width || host.clientWidth === 0) return;
      width = host.clientWidth;
      // Once Excalidraw has taken its new size (its own resize handling), and once a drag of the window's edge stops.
      clearTimeout(settle);
      settle = setTimeout(() => {
        api.refresh();
        if (api.getSceneElements().length > 0) api.scrollToContent(undefined, { fitToViewport: true, viewportZoomFactor: 0.9, animate: false, maxZoom: 1 });
      }, RESIZE_SETTLE_MS);
    });
    resized.observe(host);
    return () => {
      clearTimeout(settle);
      resized.disconnect();
    };
  }, [api, frame]);
}
