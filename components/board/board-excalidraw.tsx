"use client";

import { Excalidraw, MainMenu } from "@excalidraw/excalidraw";
import "@excalidraw/excalidraw/index.css";
import type { ExcalidrawProps } from "@excalidraw/excalidraw/types";

/**
 * Nothing that loads or embeds outside content: no image tool (the board's schema refuses an image too),
 * no files opened or saved, no export, no canvas reset for everyone at once, and the theme follows the
 * app's. Embeds, Mermaid and the library are hidden by `BOARD_FRAME_CLASS` (excalidraw-setup.ts).
 */
const UI_OPTIONS: ExcalidrawProps["UIOptions"] = {
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
 * Excalidraw as the app shows it, in the room's whiteboard and the bank's diagram canvas: the options
 * above, no AI tools, and a main menu of search and help only. Loaded on demand with either.
 */
export function BoardExcalidraw(props: Omit<ExcalidrawProps, "UIOptions" | "aiEnabled" | "validateEmbeddable" | "children">) {
  return (
    <Excalidraw {...props} aiEnabled={false} validateEmbeddable={false} UIOptions={UI_OPTIONS}>
      <MainMenu>
        <MainMenu.DefaultItems.SearchMenu />
        <MainMenu.DefaultItems.Help />
      </MainMenu>
    </Excalidraw>
  );
}
