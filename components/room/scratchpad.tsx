"use client";

import { CloudCheck, CloudUpload, CloudAlert, NotebookPen } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { offsetInInterview } from "@/components/room/format-time";
import { CodeEditor, LANGUAGE_NAMES } from "@/components/room/code-editor";
import { SCRATCHPAD_LANGUAGES, SCRATCHPAD_TOO_LONG, type ClientCommand, type Scratchpad, type ScratchpadLanguage } from "@/server/domain/room";
import { diffText, fitsScratchpad } from "@/server/domain/room/scratchpad";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";
import { RunPanel } from "@/components/runner/run-panel";
import { DEMO_SPECS, isRunnable } from "@/components/runner/demo-specs";

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
  const sync = useScratchpadSync(questionId, saved, send);
  const { text, language, state, refusedLength, flush } = sync;
  const { type, pickLanguage } = useScratchpadEdits(saved, sync);

  return (
    <div className="grid gap-2">
      <ScratchpadHeader state={state} language={language} disabled={disabled} onPick={pickLanguage} />
      <CodeEditor
        value={text}
        language={language}
        label="Scratchpad"
        readOnly={disabled}
        placeholder="Outline your answer here: the interviewer sees it as you type."
        onBlur={() => void flush()}
        accepts={fitsScratchpad}
        onRefused={sync.setters.setRefusedLength}
        onChange={type}
        testId="scratchpad-editor"
        className="min-h-64 overflow-hidden rounded-xl border border-input shadow-xs focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25 [&_.cm-editor]:min-h-64"
      />
      {isRunnable(language) ? <RunPanel getCode={() => sync.refs.textRef.current} language={language} spec={DEMO_SPECS[language]} /> : null}
      {refusedLength !== null ? (
        <p role="alert" data-testid="scratchpad-refused" className="text-[13px] text-destructive">
          {SCRATCHPAD_TOO_LONG} That change would have made it {refusedLength.toLocaleString("en")}, so it was not added; everything else is saved as you type.
        </p>
      ) : null}
    </div>
  );
}

/** The scratchpad's sync: this tab's text and language, what the server has confirmed, and the send in flight. */
function useScratchpadSync(questionId: string, saved: Scratchpad | null, send: ScratchpadEditorProps["send"]) {
  const [text, setText] = useState(saved?.text ?? "");
  const [language, setLanguage] = useState<ScratchpadLanguage>(saved?.language ?? "plain");
  const languageRef = useRef(language);
  /** A language picked here that the server does not have yet. */
  const languagePendingRef = useRef(false);
  const [state, setState] = useState<SaveState>(saved ? "saved" : "idle");
  /** The length a refused change would have made the text, until the next change goes in. */
  const [refusedLength, setRefusedLength] = useState<number | null>(null);
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
    const languageChange = languagePendingRef.current ? { language: languageRef.current } : {};
    if (value === sentRef.current && !languagePendingRef.current) {
      setState((current) => (current === "failed" ? current : "saved"));
      return;
    }
    inflightRef.current = true;
    lastSendAtRef.current = Date.now();
    setState("saving");
    const changes = value === sentRef.current ? [] : [diffText(sentRef.current, value)];
    const result = await send({ type: "editScratchpad", questionId, baseRevision: baseRef.current, changes, ...languageChange });
    inflightRef.current = false;
    if (result.ok) {
      sentRef.current = value;
      baseRef.current = result.revision ?? baseRef.current + 1;
      if (languageRef.current === languageChange.language) languagePendingRef.current = false;
    } else if (result.code === "CONFLICT") {
      adoptServerText();
      schedule(RESYNC_WAIT_MS);
      return;
    } else {
      // Whatever the server refused, the next send carries this tab's whole text over the room's, so one
      // refused edit never blocks the ones after it.
      adoptServerText();
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

  const refs = { textRef, sentRef, baseRef, inflightRef, timerRef, languageRef, languagePendingRef };
  const setters = { setText, setLanguage, setState, setRefusedLength };
  return { text, language, state, refusedLength, refs, setters, flush, adoptServerText, schedule };
}

/** Typing and picking a language here, and following the room's text when another tab changes it. */
function useScratchpadEdits(saved: Scratchpad | null, sync: ReturnType<typeof useScratchpadSync>) {
  const { setText, setLanguage, setState, setRefusedLength } = sync.setters;
  const { textRef, sentRef, baseRef, inflightRef, timerRef, languageRef, languagePendingRef } = sync.refs;
  const { adoptServerText, schedule } = sync;
  const savedRevision = saved?.revision ?? 0;
  const savedText = saved?.text ?? "";
  const savedLanguage = saved?.language ?? "plain";
  // Another tab of the same candidate picked a language: take it, unless this tab picked one it has not sent.
  useEffect(() => {
    if (languagePendingRef.current || savedLanguage === languageRef.current) return;
    languageRef.current = savedLanguage;
    setLanguage(savedLanguage);
  }, [savedLanguage, languagePendingRef, languageRef, setLanguage]);
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
    [timerRef],
  );

  function type(value: string) {
    textRef.current = value;
    setText(value);
    setRefusedLength(null);
    setState("saving");
    schedule();
  }

  function pickLanguage(picked: ScratchpadLanguage) {
    languageRef.current = picked;
    languagePendingRef.current = true;
    setLanguage(picked);
    schedule();
  }

  return { type, pickLanguage };
}

function ScratchpadHeader({
  state,
  language,
  disabled,
  onPick,
}: {
  state: SaveState;
  language: ScratchpadLanguage;
  disabled: boolean;
  onPick: (language: ScratchpadLanguage) => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h2 className="flex items-center gap-1.5 text-sm font-semibold">
        <NotebookPen aria-hidden className="size-4 text-muted-foreground" />
        Scratchpad
      </h2>
      <div className="flex items-center gap-3">
        <SaveIndicator state={state} />
        <select
          aria-label="Language"
          value={language}
          disabled={disabled}
          onChange={(event) => onPick(event.target.value as ScratchpadLanguage)}
          className="h-8 rounded-md border border-input bg-card px-2 text-[13px] outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
        >
          {SCRATCHPAD_LANGUAGES.map((option) => (
            <option key={option} value={option}>
              {LANGUAGE_NAMES[option]}
            </option>
          ))}
        </select>
      </div>
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
          {scratchpad && scratchpad.language !== "plain" ? (
            <span className="rounded-full border px-2 py-0.5 text-[11px] font-medium text-muted-foreground" data-testid="scratchpad-language">
              {LANGUAGE_NAMES[scratchpad.language]}
            </span>
          ) : null}
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
        <CodeEditor
          value={scratchpad.text}
          language={scratchpad.language}
          label="Candidate's scratchpad"
          readOnly
          testId="scratchpad-view"
          className="max-h-80 overflow-auto rounded-b-xl [&_.cm-editor]:rounded-b-xl"
        />
      ) : (
        <p data-testid="scratchpad-view" className="px-4 py-6 text-center text-[13px] text-muted-foreground">
          Nothing written yet for this question.
        </p>
      )}
    </section>
  );
}
