"use client";

import { CloudCheck, CloudUpload, CloudAlert, NotebookPen } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { offsetInInterview } from "@/components/room/format-time";
import type { ClientCommand, Scratchpad } from "@/server/domain/room";

const THROTTLE_MS = 400;

type SaveState = "idle" | "saving" | "saved" | "failed";

interface ScratchpadEditorProps {
  questionId: string;
  saved: Scratchpad | null;
  disabled?: boolean;
  send: (command: ClientCommand) => Promise<boolean>;
}

/**
 * The candidate's scratchpad. The whole text goes out at most every 400 ms while typing and once more on
 * blur, one request at a time so they land in order; a lost update is repaired by the next one.
 */
export function ScratchpadEditor({ questionId, saved, disabled = false, send }: ScratchpadEditorProps) {
  const [text, setText] = useState(saved?.text ?? "");
  const [state, setState] = useState<SaveState>(saved ? "saved" : "idle");
  const textRef = useRef(text);
  const sentRef = useRef(saved?.text ?? "");
  const inflightRef = useRef(false);
  const timerRef = useRef<number | null>(null);
  const lastSendAtRef = useRef(0);
  const focusedRef = useRef(false);

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
    const ok = await send({ type: "updateScratchpad", questionId, text: value });
    inflightRef.current = false;
    if (ok) sentRef.current = value;
    if (!ok) setState("failed");
    else if (textRef.current !== sentRef.current) schedule();
    else setState("saved");
  }

  function schedule() {
    if (timerRef.current !== null) return;
    const wait = Math.max(0, THROTTLE_MS - (Date.now() - lastSendAtRef.current));
    timerRef.current = window.setTimeout(() => void flush(), wait);
  }

  // Another tab of the same candidate typed: take its text unless this tab has unsent typing of its own.
  const savedText = saved?.text;
  useEffect(() => {
    if (savedText === undefined) return;
    if (focusedRef.current || textRef.current !== sentRef.current || inflightRef.current) return;
    if (savedText === textRef.current) return;
    textRef.current = savedText;
    sentRef.current = savedText;
    setText(savedText);
  }, [savedText]);

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
        onFocus={() => {
          focusedRef.current = true;
        }}
        onBlur={() => {
          focusedRef.current = false;
          void flush();
        }}
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
    <span role="status" data-testid="scratchpad-status" className={cn("flex items-center gap-1 text-xs", state === "failed" ? "text-destructive" : "text-muted-foreground")}>
      {content}
    </span>
  );
}

/** What the candidate has written for a question, live and read-only for interviewers and observers. */
export function ScratchpadViewer({ scratchpad, sessionStartedAt, now }: { scratchpad: Scratchpad | null; sessionStartedAt: string | null; now: number | null }) {
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
