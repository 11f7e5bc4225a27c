import type { ExcalidrawProps } from "@excalidraw/excalidraw/types";
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
 * Nothing that loads or embeds outside content: no image tool (a pasted image is refused by the board's
 * schema too), no files opened or saved, no export, no canvas reset for everyone at once, and the theme
 * follows the app's. Embeds, Mermaid and the library are hidden by `BOARD_FRAME_CLASS`.
 */
export const BOARD_UI_OPTIONS: ExcalidrawProps["UIOptions"] = {
  tools: { image: false },
  canvasActions: {
    changeViewBackgroundColor: false,
    clearCanvas: false,
    export: false,
    loadScene: false,
    saveAsImage: false,
    saveToActiveFile: false,
    toggleTheme: false,
  },
};

/**
 * The frame Excalidraw is drawn in: isolated, so that its own layers stay under the app's sticky header,
 * with the ways to bring in outside content it offers without a setting hidden: embeds (Mermaid's item
 * shares their test id, and the heading over it and the AI tools is left empty) and the library, which
 * browses an outside site. Important: Excalidraw's own (unlayered) styles win over a utility's.
 */
export const BOARD_FRAME_CLASS =
  "isolate overflow-hidden rounded-xl border border-input shadow-xs focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25 " +
  "[&_[class*=sidebar-trigger]]:hidden! [&_[data-testid=toolbar-embeddable]]:hidden! [&_[class*=extra-tools-dropdown]_div:not([class])]:hidden!";
