"use client";

import { ChevronDown, ChevronRight, Play, Square } from "lucide-react";
import { useId, useImperativeHandle, useState, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { CodeSpec, RunnableLanguage } from "@/server/domain/code/code-spec";
import type { RunResult } from "@/server/domain/code/run-result";
import { LANGUAGE_LABELS, type CodeRunner } from "./code-runner";
import { isRunShortcut, runShortcutLabel } from "./run-shortcut";
import { RunConsole, RunResultView, TestList, type TestRow } from "./run-result-view";
import { sharedCodeRunner, useCodeRun, type LiveRun } from "./use-code-run";

/** What the parent can do with the panel: Run from the editor's Ctrl+Enter, Cancel. */
export interface RunPanelHandle {
  run(): void;
  cancel(): void;
}

export interface RunPanelProps {
  /** The code to run, read when Run is pressed (the editor's current text). */
  getCode: () => string;
  language: RunnableLanguage;
  /** The question's tests and the function they call; none for a plain run. */
  spec?: Pick<CodeSpec, "entry" | "tests"> | null;
  /** Every run that ends (cancelled ones too), to be saved and shown to the room. */
  onFinished?: (result: RunResult) => void;
  disabled?: boolean;
  handle?: Ref<RunPanelHandle>;
  /** Whether the panel shows the finished run itself; false where the room lists every run (this one too). */
  showResult?: boolean;
  /** The tab's shared runner unless given. */
  runner?: CodeRunner;
}

/** What the panel says while a run is on its way: each run gets a fresh runtime, which the first run downloads. */
const PHASE_TEXT: Record<LiveRun["phase"], (language: string) => string> = {
  loading: (language) => `Loading ${language}… (first run only)`,
  starting: (language) => `Starting a fresh ${language} runtime…`,
  running: () => "Running…",
};

/** How a program reads its input, as the candidate is told beside the input box. */
const INPUT_HINTS: Record<RunnableLanguage, { label: string; hint: string }> = {
  python: { label: "Standard input", hint: "Read it with input() or sys.stdin." },
  javascript: { label: "Standard input", hint: "Read it with readline(): the next line, or null at the end." },
  typescript: { label: "Standard input", hint: "Read it with readline(): the next line, or null at the end." },
  sql: { label: "Setup", hint: "SQL run before your query, such as CREATE TABLE and INSERT. Empty: the first test's setup." },
};

/**
 * Run, Cancel, the input box, the output and the tests, for code that runs in this browser (in a worker,
 * never on the server). The first run of a language loads its runtime; each later run gets a fresh one,
 * started in the background when the run before it ended.
 */
export function RunPanel({ getCode, language, spec = null, onFinished, disabled = false, handle, runner, showResult = true }: RunPanelProps) {
  const { live, result, run, cancel } = useCodeRun(runner ?? sharedCodeRunner(), onFinished);
  // Each language keeps its own input: a SQL setup is no Python input.
  const [inputs, setInputs] = useState<Partial<Record<RunnableLanguage, string>>>({});
  const stdin = inputs[language] ?? "";
  const setStdin = (value: string) => setInputs((current) => ({ ...current, [language]: value }));
  const start = () => {
    if (!disabled) void run({ language, code: getCode(), stdin, spec });
  };
  useImperativeHandle(handle, () => ({ run: start, cancel }));
  return (
    <section aria-label="Run code" className="grid gap-3" data-testid="run-panel">
      <RunControls language={language} live={live} disabled={disabled} onRun={start} onCancel={cancel} />
      <InputBox language={language} value={stdin} onChange={setStdin} onRun={start} />
      {live ? <LiveRunView live={live} spec={spec} /> : result && showResult ? <RunResultView result={result} /> : null}
    </section>
  );
}

function RunControls({
  language,
  live,
  disabled,
  onRun,
  onCancel,
}: {
  language: RunnableLanguage;
  live: LiveRun | null;
  disabled: boolean;
  onRun: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={onRun} disabled={disabled || live !== null} title={`Run (${runShortcutLabel()})`}>
        {live ? <Spinner /> : <Play aria-hidden />}
        Run
      </Button>
      {live ? (
        <Button size="sm" variant="outline" onClick={onCancel}>
          <Square aria-hidden />
          Cancel
        </Button>
      ) : (
        <span className="text-xs text-muted-foreground">{runShortcutLabel()} · runs in your browser</span>
      )}
      {live ? (
        <span role="status" data-testid="run-phase" className="text-[13px] text-muted-foreground">
          {PHASE_TEXT[live.phase](LANGUAGE_LABELS[language])}
        </span>
      ) : null}
    </div>
  );
}

function InputBox({ language, value, onChange, onRun }: { language: RunnableLanguage; value: string; onChange: (value: string) => void; onRun: () => void }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { label, hint } = INPUT_HINTS[language];
  return (
    <div className="grid gap-1.5">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="flex w-fit items-center gap-1 rounded text-[13px] font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
      >
        {open ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
        {label}
        {!open && value !== "" ? <span className="font-normal">({value.split("\n").length} lines)</span> : null}
      </button>
      <div id={id} hidden={!open} className="grid gap-1">
        <textarea
          aria-label={label}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (isRunShortcut(event.nativeEvent)) {
              event.preventDefault();
              onRun();
            }
          }}
          rows={4}
          spellCheck={false}
          className="w-full resize-y rounded-lg border border-input bg-card px-3 py-2 font-mono text-[12.5px] outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
        />
        <p className="text-xs text-muted-foreground">{hint}</p>
      </div>
    </div>
  );
}

function LiveRunView({ live, spec }: { live: LiveRun; spec: Pick<CodeSpec, "entry" | "tests"> | null }) {
  const tests: TestRow[] = (spec?.tests ?? []).map((test, index) => live.tests[index] ?? { name: test.name, expected: test.expected, pending: true });
  return (
    <div className="grid gap-3" data-testid="run-live">
      <RunConsole stdout={live.stdout} stderr={live.stderr} placeholder={live.phase === "running" ? "Running…" : "The runtime is loading…"} />
      {tests.length > 0 ? <TestList tests={tests} /> : null}
    </div>
  );
}
