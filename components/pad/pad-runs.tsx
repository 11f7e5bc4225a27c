"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import dynamic from "next/dynamic";
import { useState, type Ref } from "react";
import { wallClock } from "@/components/room/format-time";
import { LANGUAGE_LABELS } from "@/components/runner/code-runner";
import type { RunPanelHandle } from "@/components/runner/run-panel";
import { RunResultView } from "@/components/runner/run-result-view";
import { RUNNABLE_LANGUAGES, type RunnableLanguage } from "@/server/domain/code/code-spec";
import type { RunRecord } from "@/server/domain/code/run-record";
import type { RunResult } from "@/server/domain/code/run-result";
import type { ClientCommand, CodeView, ScratchpadLanguage } from "@/server/domain/room";
import { runSummary } from "@/server/domain/code/run-summary";

/** Loaded when someone who may run opens a pad in a language that runs: observers never load it. */
const RunPanel = dynamic(() => import("@/components/runner/run-panel").then((module) => module.RunPanel), {
  ssr: false,
  loading: () => <p className="text-[13px] text-muted-foreground">Loading Run…</p>,
});

/** Only the interviewers add test cases: the candidate's and observers' rooms never load the form. */
const AddTestCase = dynamic(() => import("@/components/pad/add-test-case").then((module) => module.AddTestCase), { ssr: false });

export interface PadRunsProps {
  questionId: string;
  code: CodeView;
  /** The pad's language now: Run works when it is one a browser can run. */
  language: ScratchpadLanguage;
  runs: RunRecord[];
  /** Members' names by user id (a plain object: the session page passes it from the server). */
  names: Readonly<Record<string, string>>;
  canRun: boolean;
  canAddTests: boolean;
  getCode: () => string;
  run: (command: ClientCommand) => Promise<boolean>;
  handle: Ref<RunPanelHandle>;
}

function isRunnable(language: ScratchpadLanguage): language is RunnableLanguage {
  return (RUNNABLE_LANGUAGES as readonly string[]).includes(language);
}

function newRunId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Under the pad: Run (for those who type), the question's test cases with the interviewers' "Add a test
 * case", and every run of the question, whoever ran it, newest first: the room keeps each as it ends.
 */
export function PadRuns(props: PadRunsProps) {
  const { questionId, code, language, runs, canRun, run } = props;
  const [unsaved, setUnsaved] = useState<RunResult | null>(null);
  const spec = { entry: code.entry, tests: code.tests };
  async function record(result: RunResult) {
    const kept = await run({ type: "recordRun", questionId, run: { ...result, runId: newRunId() } });
    setUnsaved(kept ? null : result);
  }
  return (
    <div className="grid gap-4" data-testid="pad-runs">
      {canRun && isRunnable(language) ? (
        <RunPanel
          getCode={props.getCode}
          language={language}
          spec={spec}
          onFinished={(result) => void record(result)}
          handle={props.handle}
          showResult={false}
        />
      ) : canRun ? (
        <p className="text-[13px] text-muted-foreground">
          Run works for {RUNNABLE_LANGUAGES.map((option) => LANGUAGE_LABELS[option]).join(", ")}: pick one above.
        </p>
      ) : null}
      {unsaved ? <RunResultView result={unsaved} caption="Your run (not saved to the room)" /> : null}
      <TestCases code={code} />
      {props.canAddTests ? <AddTestCase questionId={questionId} entry={code.entry} run={run} /> : null}
      <RunsList runs={runs} names={props.names} />
    </div>
  );
}

function TestCases({ code }: { code: CodeView }) {
  if (code.tests.length === 0) return null;
  return (
    <details className="group rounded-lg border bg-card" data-testid="pad-tests">
      <summary className="cursor-pointer px-3 py-2 text-[13px] font-medium">
        Test cases ({code.tests.length}){code.entry ? `: each calls ${code.entry}` : ": standard input and output"}
      </summary>
      <ul className="grid gap-2 border-t px-3 py-2">
        {code.tests.map((test, index) => (
          <li key={`${index}-${test.name}`} className="grid gap-1 text-[13px]">
            <span className="font-medium">{test.name}</span>
            <span className="grid gap-1 font-mono text-xs sm:grid-cols-2">
              <code className="rounded bg-muted px-2 py-1 break-all whitespace-pre-wrap">{test.input || "(empty)"}</code>
              <code className="rounded bg-muted px-2 py-1 break-all whitespace-pre-wrap">→ {test.expected}</code>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Every run of the question, newest first; the newest open. */
export function RunsList({ runs, names }: { runs: RunRecord[]; names: Readonly<Record<string, string>> }) {
  const [open, setOpen] = useState<string | null>(null);
  if (runs.length === 0) return null;
  const newestFirst = [...runs].reverse();
  const shown = open ?? newestFirst[0]!.runId;
  return (
    <section className="grid gap-2" aria-label="Runs" data-testid="runs">
      <h3 className="text-[13px] font-semibold">Runs ({runs.length})</h3>
      <ol className="grid gap-2">
        {newestFirst.map((record) => {
          const expanded = record.runId === shown;
          const caption = `${names[record.by] ?? "A former member"} ran ${LANGUAGE_LABELS[record.language]} at ${wallClock(record.at)}`;
          return (
            <li key={record.runId} className="rounded-lg border bg-card" data-testid="run">
              <button
                type="button"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? "" : record.runId)}
                className="flex w-full items-center gap-2 px-3 py-2 text-left text-[13px] outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                {expanded ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
                <span className="font-medium">{caption}</span>
                <span className="text-muted-foreground">· {runSummary(record)}</span>
              </button>
              {expanded ? (
                <div className="border-t px-3 py-3">
                  <RunResultView result={record} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
