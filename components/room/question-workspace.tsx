"use client";

import { Columns2 } from "lucide-react";
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { chooseWorkspace, useWorkspaceLayout, type WorkspaceChoice } from "@/components/room/workspace-layout";
import { cn } from "@/components/ui/cn";

type Pane = WorkspaceChoice["tab"];

const TABS: ReadonlyArray<{ id: Pane; label: string }> = [
  { id: "code", label: "Code" },
  { id: "whiteboard", label: "Whiteboard" },
];

/**
 * Beside the question: its code pad and its whiteboard, one at a time (tabs) or side by side on a wide
 * screen, as the member last chose in this browser. The whiteboard mounts when it is first shown (its
 * library loads then), and both stay mounted afterwards so that neither loses what it holds.
 */
export function QuestionWorkspace({ questionId, pad, board }: { questionId: string; pad: ReactNode; board: ReactNode }) {
  const layout = useWorkspaceLayout();
  const boardShown = layout.both || layout.tab === "whiteboard";
  const [boardOpened, setBoardOpened] = useState(boardShown);
  if (boardShown && !boardOpened) setBoardOpened(true);
  const paneId = (pane: Pane) => `workspace-${pane}-${questionId}`;
  const paneProps = (pane: Pane, shown: boolean) => ({
    id: paneId(pane),
    role: layout.both ? undefined : "tabpanel",
    "aria-labelledby": layout.both ? undefined : `${paneId(pane)}-tab`,
    hidden: !shown,
    className: "min-w-0",
  });

  return (
    <div className="grid gap-3" data-testid="workspace" data-layout={layout.both ? "both" : layout.tab}>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b">
        {layout.both ? <p className="py-1.5 text-[13px] font-medium">Code and whiteboard</p> : <PaneTabs selected={layout.tab} paneId={paneId} />}
        {layout.wide ? <SideBySide on={layout.sideBySide} /> : null}
      </div>
      <div className={cn("grid items-start gap-6", layout.both && "grid-cols-2")}>
        <div {...paneProps("code", layout.both || layout.tab === "code")}>{pad}</div>
        {boardOpened ? <div {...paneProps("whiteboard", boardShown)}>{board}</div> : null}
      </div>
    </div>
  );
}

function PaneTabs({ selected, paneId }: { selected: Pane; paneId: (pane: Pane) => string }) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.findIndex((tab) => tab.id === selected) + step + TABS.length) % TABS.length]!;
    chooseWorkspace({ tab: next.id });
    document.getElementById(`${paneId(next.id)}-tab`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Code or whiteboard" onKeyDown={onKeyDown} className="flex gap-1">
      {TABS.map((tab) => (
        <button
          key={tab.id}
          id={`${paneId(tab.id)}-tab`}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls={paneId(tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => chooseWorkspace({ tab: tab.id })}
          className={cn(
            "-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-[13px] font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
            tab.id === selected ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** Both panes at once: offered only where they fit side by side. */
function SideBySide({ on }: { on: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => chooseWorkspace({ sideBySide: !on })}
      className={cn(
        "mb-1 flex h-7 items-center gap-1.5 rounded-md border px-2.5 text-[13px] font-medium outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25",
        on ? "border-primary bg-primary/10 text-primary" : "border-input bg-card text-muted-foreground hover:text-foreground",
      )}
    >
      <Columns2 aria-hidden className="size-3.5" />
      Side by side
    </button>
  );
}
