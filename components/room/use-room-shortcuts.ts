"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

export interface RoomShortcuts {
  /** R: the next unrevealed follow-up (null), or 1–9: that follow-up (its index). */
  reveal?: (index: number | null) => void;
  previous?: () => void;
  next?: () => void;
}

/**
 * Anything the user is typing into keeps its keys, and so does a radio group (arrows move within it), and
 * a region marked `data-own-keys` (the whiteboard: its letters pick tools, its arrows nudge shapes).
 */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("[data-own-keys]")) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["checkbox", "button", "submit", "reset"].includes(type);
  }
  return false;
}

/** The interviewer's keys: R or 1–9 to reveal, ← and → to move between questions. */
export function useRoomShortcuts(shortcuts: RoomShortcuts, enabled: boolean): void {
  // The latest handlers, for the listener registered once.
  const ref = useRef(shortcuts);
  useLayoutEffect(() => {
    ref.current = shortcuts;
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const { reveal, previous, next } = ref.current;
      if ((event.key === "r" || event.key === "R") && reveal && !event.shiftKey) {
        event.preventDefault();
        reveal(null);
      } else if (/^[1-9]$/.test(event.key) && reveal) {
        event.preventDefault();
        reveal(Number(event.key) - 1);
      } else if (event.key === "ArrowLeft" && previous) {
        event.preventDefault();
        previous();
      } else if (event.key === "ArrowRight" && next) {
        event.preventDefault();
        next();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
