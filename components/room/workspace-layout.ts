"use client";

import { useSyncExternalStore } from "react";

/** What a member looks at beside the question: the code pad or the whiteboard, and whether both at once. */
export interface WorkspaceChoice {
  tab: "code" | "whiteboard";
  /** Both side by side, on a screen wide enough for two (`WIDE`); one tab at a time on a narrower one. */
  sideBySide: boolean;
}

/** The width from which the pad and the whiteboard fit side by side (Tailwind's `xl`). */
const WIDE = "(min-width: 80rem)";
const STORAGE_KEY = "mockroom:workspace";
const DEFAULT_CHOICE: WorkspaceChoice = { tab: "code", sideBySide: false };

let choice: WorkspaceChoice | null = null;
const listeners = new Set<() => void>();

function recalled(): WorkspaceChoice {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null");
    if (stored && typeof stored === "object") {
      const { tab, sideBySide } = stored as Partial<WorkspaceChoice>;
      return { tab: tab === "whiteboard" ? "whiteboard" : "code", sideBySide: sideBySide === true };
    }
  } catch {
    // No storage (a private window's policy) or something else stored there: start from the default.
  }
  return DEFAULT_CHOICE;
}

function currentChoice(): WorkspaceChoice {
  choice ??= recalled();
  return choice;
}

function subscribeChoice(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Remembered per browser: every room opens as the member last left one. */
export function chooseWorkspace(change: Partial<WorkspaceChoice>): void {
  choice = { ...currentChoice(), ...change };
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Kept for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribeWide(listener: () => void): () => void {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

/** The member's choice, and whether it shows both panes now (side by side chosen, on a wide screen). */
export function useWorkspaceLayout(): WorkspaceChoice & { wide: boolean; both: boolean } {
  const chosen = useSyncExternalStore(subscribeChoice, currentChoice, () => DEFAULT_CHOICE);
  const wide = useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE).matches,
    () => false,
  );
  return { ...chosen, wide, both: chosen.sideBySide && wide };
}
