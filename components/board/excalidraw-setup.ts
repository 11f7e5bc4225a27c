import { BOARD_ASSETS_URL, keepFontFacesOnThisOrigin } from "@/components/board/board-assets";

declare global {
  interface Window {
    /** Where Excalidraw loads its fonts from (otherwise a CDN). */
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

/**
 * Loads a module that runs Excalidraw (the room's whiteboard, the bank's diagram editor), on demand and
 * never with a page: its fonts come from the app (public/excalidraw/), named before the package first
 * runs, and from nowhere else.
 */
export function loadWithBoardAssets<T>(load: () => Promise<T>): Promise<T> {
  window.EXCALIDRAW_ASSET_PATH = BOARD_ASSETS_URL;
  keepFontFacesOnThisOrigin();
  return load();
}

/**
 * The frame Excalidraw is drawn in: isolated, so that its own layers stay under the app's sticky header,
 * with the ways to bring in outside content it offers without a setting hidden: embeds (Mermaid's item
 * shares their test id, and the heading over it and the AI tools is left empty) and the library, which
 * browses an outside site. Important: Excalidraw's own (unlayered) styles win over a utility's.
 */
export const BOARD_FRAME_CLASS =
  "isolate overflow-hidden rounded-xl border border-input shadow-xs focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25 " +
  "[&_[class*=sidebar-trigger]]:hidden! [&_[data-testid=toolbar-embeddable]]:hidden! [&_[class*=extra-tools-dropdown]_div:not([class])]:hidden!";

/**
 * The id to give Excalidraw for a member's pointer, so that it is drawn in (a light tint of) the member's
 * colour in the room, as their caret is in the pad. Excalidraw 0.18 ignores a collaborator's `color`: it
 * colours the pointer by a hash of its `id`, in 37 hues ten degrees apart (`getClientColor`, copied in
 * `excalidrawHue` and checked against the installed package by its test). The member's id is kept, with
 * the first suffix whose hash falls on their colour's hue.
 */
export function pointerIdFor(userId: string, color: string): string {
  const target = Math.round(hueOf(color) / 10);
  for (let suffix = 0; suffix < 1_000; suffix++) {
    const id = suffix === 0 ? userId : `${userId}~${suffix}`;
    if (excalidrawHue(id) / 10 === target || (target === 36 && excalidrawHue(id) === 0)) return id;
  }
  return userId;
}

/** The hue Excalidraw 0.18 draws a collaborator with this id in (its clients.ts). */
export function excalidrawHue(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash << 5) - hash + id.charCodeAt(i);
  return (Math.abs(hash) % 37) * 10;
}

/** The hue of a "#rrggbb" colour, in degrees. */
function hueOf(color: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(color.slice(at, at + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const range = max - Math.min(r, g, b);
  if (range === 0) return 0;
  const sixth = max === r ? ((g - b) / range + 6) % 6 : max === g ? (b - r) / range + 2 : (r - g) / range + 4;
  return sixth * 60;
}
