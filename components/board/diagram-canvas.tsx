"use client";

import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useRef, useState } from "react";
import { BoardExcalidraw } from "@/components/board/board-excalidraw";
import { useBoardFrame } from "@/components/board/use-board-frame";
import type { BoardElement } from "@/server/domain/board/board-element";

export interface DiagramCanvasProps {
  /** The diagram when the canvas opens; from then on the canvas holds it. */
  initial: readonly BoardElement[];
  theme: "light" | "dark";
  /** The drawing changed: every element on the canvas, deleted ones left out, as Excalidraw has them. */
  onChange: (elements: readonly unknown[]) => void;
}

/**
 * Excalidraw on its own, for a bank question's starting diagram: nothing is sent as it is drawn, the
 * question's form saves the drawing with the rest. Loaded on demand (starting-diagram-field.tsx).
 */
export function DiagramCanvas({ initial, theme, onChange }: DiagramCanvasProps) {
  const [initialData] = useState(() => ({ elements: structuredClone(initial) as never, scrollToContent: true }));
  // Excalidraw reports every pointer move and selection too: only a changed drawing goes on.
  const drawn = useRef(versionOf(initial));
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  useBoardFrame(api, frame);
  return (
    <div ref={frame} className="h-full">
      <BoardExcalidraw
        excalidrawAPI={setApi}
        initialData={initialData}
        onChange={(elements) => {
          const version = versionOf(elements);
          if (version === drawn.current) return;
          drawn.current = version;
          onChange(elements.filter((element) => !element.isDeleted));
        }}
        theme={theme}
        name="Starting diagram"
      />
    </div>
  );
}

/** Changes as Excalidraw counts them: each change to an element raises its version. */
function versionOf(elements: ReadonlyArray<{ id: string; version: number }>): string {
  return `${elements.length}:${elements.reduce((sum, element) => sum + element.version, 0)}`;
}
