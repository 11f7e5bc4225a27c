"use client";

import { CloudCheck, CloudUpload, CloudAlert, NotebookPen } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { offsetInInterview } from "@/components/room/format-time";
import type { ClientCommand, Scratchpad } from "@/server/domain/room";
import { diffText } from "@/server/domain/room/scratchpad";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";

/** Edits go out at most this often while typing, one at a time so they apply in order. */
const THROTTLE_MS = 100;
/** After a CONFLICT, the time the room's fresh view takes to arrive before this tab resends its text. */
const RESYNC_WAIT_MS = 300;

type SaveState = "idle" | "saving" | "saved" | "failed";

interface ScratchpadEditorProps {
  questionId: string;
  /** The room's text for this question, live: other tabs' edits and the server's checkpoints arrive here. */
  saved: Scratchpad | null;
  disabled?: boolean;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
}

/**
 * The candidate's scratchpad. Typing goes out as splices of the revision the server last confirmed
 * (`editScratchpad`), so a keystroke costs bytes, not the whole text. This tab's text is the truth for
 * this tab: when the server holds another revision (another tab typed, or a restarted server lost edits
 * it had not checkpointed yet), the next send is refused with CONFLICT and the tab resends its text as one
 * splice of the server's. Nothing typed here is lost while the tab is open.
 */
export function ScratchpadEditor({ questionId, saved, disabled = false, send }: ScratchpadEditorProps) {
  const [text, setText] = useState(saved?.text ?? "");
  const [state, setState] = useState<SaveState>(saved ? "saved" : "idle");
  const textRef = useRef(text);
  /** The text the server has at revision `baseRef`, as far as this tab knows. */
  const sentRef = useRef(saved?.text ?? "");
  const baseRef = useRef(saved?.revision ?? 0);
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const inflightRef = useRef(false);
  const timerRef = useRef<number | null>(null);
  const lastSendAtRef = useRef(0);

  // Plain functions: every piece of state they touch lives in refs, so an older render's copy works too.
  async function flush() {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    // The request in flight reschedules when it returns.
    if (inflightRef.current) return;
    const value = textRef.current;
    if (value === sentRef.current) {
      setState((current) => (current === "failed" ? current : "saved"));
      return;
    }
    inflightRef.current = true;
    lastSendAtRef.current = Date.now();
    setState("saving");
    const result = await send({ type: "editScratchpad", questionId, baseRevision: baseRef.current, changes: [diffText(sentRef.current, value)] });
    inflightRef.current = false;
    if (result.ok) {
      sentRef.current = value;
      baseRef.current = result.revision ?? baseRef.current + 1;
    } else if (result.code === "CONFLICT") {
      adoptServerText();
      schedule(RESYNC_WAIT_MS);
      return;
    }
    if (!result.ok) setState("failed");
    else if (textRef.current !== sentRef.current) schedule();
    else setState("saved");
  }

  /** Takes the room's text as the base of the next splice, which then carries this tab's text over it. */
  function adoptServerText() {
    sentRef.current = savedRef.current?.text ?? "";
    baseRef.current = savedRef.current?.revision ?? 0;
  }

  function schedule(delay?: number) {
    if (timerRef.current !== null) return;
    const wait = delay ?? Math.max(0, THROTTLE_MS - (Date.now() - lastSendAtRef.current));
    timerRef.current = window.setTimeout(() => void flush(), wait);
  }

  const savedRevision = saved?.revision ?? 0;
  const savedText = saved?.text ?? "";
  useEffect(() => {
    if (savedRevision === baseRef.current || inflightRef.current) return;
    const pending = textRef.current !== sentRef.current;
    if (savedRevision > baseRef.current && !pending) {
      // Another tab of the same candidate typed: take its text.
      textRef.current = savedText;
      sentRef.current = savedText;
      baseRef.current = savedRevision;
      setText(savedText);
      return;
    }
    // The room holds another revision than this tab's (a restarted server, or both tabs typing): resend.
    adoptServerText();
    if (textRef.current !== sentRef.current) schedule();
    // schedule and adoptServerText read refs only: the room's text and revision are what this reacts to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedRevision, savedText]);

  useEffect(
    () => () => {
      if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    },
    [],
  );

  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={`scratchpad-${questionId}`} className="flex items-center gap-1.5 text-sm font-semibold">
          <NotebookPen aria-hidden className="size-4 text-muted-foreground" />
          Scratchpad
        </label>
        <SaveIndicator state={state} />
      </div>
      <textarea
        id={`scratchpad-${questionId}`}
        value={text}
        disabled={disabled}
        spellCheck={false}
        maxLength={50_000}
        placeholder="Outline your answer here: the interviewer sees it as you type."
        onBlur={() => void flush()}
        onChange={(event) => {
          textRef.current = event.target.value;
          setText(event.target.value);
          setState("saving");
          schedule();
        }}
        className={cn(
          "min-h-64 w-full resize-y rounded-xl border border-input bg-card px-4 py-3 font-mono text-[13.5px] leading-6 shadow-xs",
          "outline-none placeholder:font-sans placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25",
          "disabled:cursor-not-allowed disabled:bg-muted/40",
        )}
      />
    </div>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  if (state === "idle") return <span className="text-xs text-muted-foreground">Visible to the interviewer</span>;
  const content =
    state === "saving" ? (
      <>
        <CloudUpload aria-hidden className="size-3.5" /> Saving…
      </>
    ) : state === "saved" ? (
      <>
        <CloudCheck aria-hidden className="size-3.5" /> Saved
      </>
    ) : (
      <>
        <CloudAlert aria-hidden className="size-3.5" /> Not saved yet; retrying as you type
      </>
    );
  return (
    <span
      role="status"
      data-testid="scratchpad-status"
      className={cn("flex items-center gap-1 text-xs", state === "failed" ? "text-destructive" : "text-muted-foreground")}
    >
      {content}
    </span>
  );
}

/** What the candidate has written for a question, live and read-only for interviewers and observers. */
export function ScratchpadViewer({
  scratchpad,
  sessionStartedAt,
  now,
}: {
  scratchpad: Scratchpad | null;
  sessionStartedAt: string | null;
  now: number | null;
}) {
  const typing = scratchpad !== null && now !== null && now - Date.parse(scratchpad.updatedAt) < 2_500;
  const at = scratchpad ? offsetInInterview(scratchpad.updatedAt, sessionStartedAt) : null;
  return (
    <section aria-labelledby="scratchpad-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="flex items-center justify-between gap-2 border-b px-4 py-3">
        <h2 id="scratchpad-heading" className="flex items-center gap-1.5 text-sm font-semibold">
          <NotebookPen aria-hidden className="size-4 text-muted-foreground" />
          Candidate&apos;s scratchpad
        </h2>
        <span className="text-xs text-muted-foreground" aria-live="off">
          {typing ? (
            <span className="flex items-center gap-1.5 text-primary-soft-foreground">
              <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-primary" />
              Typing…
            </span>
          ) : at ? (
            `Last change at ${at}`
          ) : null}
        </span>
      </header>
      {scratchpad && scratchpad.text.trim() ? (
        <pre
          data-testid="scratchpad-view"
          className="max-h-80 min-h-24 overflow-auto px-4 py-3 font-mono text-[12.5px] leading-[1.6] break-words whitespace-pre-wrap"
        >
          {scratchpad.text}
        </pre>
      ) : (
        <p data-testid="scratchpad-view" className="px-4 py-6 text-center text-[13px] text-muted-foreground">
          Nothing written yet for this question.
        </p>
      )}
    </section>
  );
}
