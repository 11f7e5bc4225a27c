"use client";

import { CloudAlert, CloudCheck, CloudOff, CloudUpload, NotebookPen, Pointer } from "lucide-react";
import { useState, type ReactNode } from "react";
import type { RunPanelHandle } from "@/components/runner/run-panel";
import { cn } from "@/components/ui/cn";
import { LANGUAGE_NAMES } from "@/components/room/code-editor";
import type { PadStatus } from "@/components/pad/pad-sync";
import { usePadEditor, type PadEditorOptions } from "@/components/pad/use-pad-editor";
import { SCRATCHPAD_LANGUAGES, SCRATCHPAD_TOO_LONG, type ScratchpadLanguage } from "@/server/domain/room";

/**
 * The pad of the question on screen: one document the candidate and the interviewers type in at once,
 * with each member's cursor in their colour and name; observers read it. Anyone who may type can point
 * everyone at the lines they selected. `footer` holds what runs the code.
 */
const runKeys = "Ctrl/Cmd-Enter runs the code.";

export function CollabPad(
  props: Omit<PadEditorOptions, "onRun"> & {
    /** What runs the code, under the pad: given the pad's language, its text, and the handle Ctrl/Cmd-Enter runs. */
    footer?: (pad: { language: ScratchpadLanguage; text: () => string; runHandle: { current: RunPanelHandle | null } }) => ReactNode;
    className?: string;
  },
) {
  // A plain holder (not a ref): the footer's Run panel fills it, and Ctrl/Cmd-Enter in the pad calls it.
  const [runHandle] = useState<{ current: RunPanelHandle | null }>(() => ({ current: null }));
  const { hostRef, language, pickLanguage, status, refusedLength, pointing, togglePointing, text } = usePadEditor({
    ...props,
    onRun: () => runHandle.current?.run(),
  });
  return (
    <section className={cn("grid gap-2", props.className)} data-testid="pad">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-1.5 text-sm font-semibold">
          <NotebookPen aria-hidden className="size-4 text-muted-foreground" />
          Scratchpad
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          {props.readOnly ? <span className="text-xs text-muted-foreground">Read only</span> : <PadStatusLine status={status} />}
          {!props.readOnly ? (
            <button
              type="button"
              aria-pressed={pointing}
              onClick={togglePointing}
              title="Highlight the selected lines for everyone"
              className={cn(
                "flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-[13px] font-medium outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25",
                pointing ? "border-primary bg-primary/10 text-primary" : "border-input bg-card",
              )}
            >
              <Pointer aria-hidden className="size-3.5" />
              {pointing ? "Stop pointing" : "Point at lines"}
            </button>
          ) : null}
          <LanguagePicker language={language} disabled={props.readOnly} onPick={pickLanguage} />
        </div>
      </div>
      <div
        ref={hostRef}
        data-testid="scratchpad-editor"
        data-language={language}
        className="min-h-64 overflow-hidden rounded-xl border border-input shadow-xs focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25 [&_.cm-editor]:min-h-64"
      />
      {!props.readOnly ? (
        <p className="text-xs text-muted-foreground" data-testid="pad-keys">
          Tab indents; press Esc, then Tab, to leave the editor. {runKeys}
        </p>
      ) : null}
      {refusedLength !== null ? (
        <p role="alert" data-testid="scratchpad-refused" className="text-[13px] text-destructive">
          {SCRATCHPAD_TOO_LONG} That change would have made it {refusedLength.toLocaleString("en")}, so it was not added; everything else is saved as you type.
        </p>
      ) : null}
      {status.kind === "refused" || status.kind === "closed" ? (
        <p role="alert" data-testid="scratchpad-refused" className="text-[13px] text-destructive">
          {status.message}
        </p>
      ) : null}
      {props.footer?.({ language, text, runHandle })}
    </section>
  );
}

function LanguagePicker({ language, disabled, onPick }: { language: ScratchpadLanguage; disabled: boolean; onPick: (language: ScratchpadLanguage) => void }) {
  return (
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
  );
}

function PadStatusLine({ status }: { status: PadStatus }) {
  const [icon, text] =
    status.kind === "saved"
      ? [<CloudCheck key="i" aria-hidden className="size-3.5" />, "Saved"]
      : status.kind === "saving"
        ? [<CloudUpload key="i" aria-hidden className="size-3.5" />, "Saving…"]
        : status.kind === "offline"
          ? [<CloudOff key="i" aria-hidden className="size-3.5" />, "Offline: your typing is kept and sent when you are back"]
          : [<CloudAlert key="i" aria-hidden className="size-3.5" />, "Not saved"];
  return (
    <span
      role="status"
      data-testid="scratchpad-status"
      className={cn("flex items-center gap-1 text-xs", status.kind === "refused" || status.kind === "closed" ? "text-destructive" : "text-muted-foreground")}
    >
      {icon} {text}
    </span>
  );
}
