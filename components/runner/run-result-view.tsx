import { AlertTriangle, Ban, CheckCircle2, CircleDashed, Clock, MemoryStick, ScrollText, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { passedCount, type RunResult, type RunStatus, type TestResult } from "@/server/domain/code/run-result";

/** A test as the list shows it: a result, or a test the running program has not reached yet. */
export type TestRow = TestResult | { name: string; expected: string; pending: true };

const STATUS_TEXT: Record<RunStatus, string> = {
  ok: "Ran",
  error: "Stopped on an error",
  timeout: "Time limit reached",
  memory: "Memory limit reached",
  "output-limit": "Output limit reached",
  cancelled: "Cancelled",
};

const STATUS_ICON: Record<RunStatus, typeof Clock> = {
  ok: CheckCircle2,
  error: XCircle,
  timeout: Clock,
  memory: MemoryStick,
  "output-limit": ScrollText,
  cancelled: Ban,
};

/**
 * A finished run, whoever ran it: this member's own, or another member's from the room's events. It holds
 * no state and runs nothing: the result is all it needs.
 */
export function RunResultView({ result, caption }: { result: RunResult; caption?: ReactNode }) {
  return (
    <div className="grid gap-3" data-testid="run-result" data-status={result.status}>
      <RunStatusLine result={result} caption={caption} />
      <RunConsole stdout={result.stdout} stderr={result.stderr} />
      {result.tests.length > 0 ? <TestList tests={result.tests} /> : null}
    </div>
  );
}

function RunStatusLine({ result, caption }: { result: RunResult; caption?: ReactNode }) {
  const Icon = STATUS_ICON[result.status];
  const failed = result.status !== "ok";
  const passed = passedCount(result);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px]" role="status">
      <span className={cn("flex items-center gap-1.5 font-medium", failed ? "text-destructive" : "text-foreground")} data-testid="run-status">
        <Icon aria-hidden className="size-4" />
        {STATUS_TEXT[result.status]}
      </span>
      {result.tests.length > 0 ? (
        <span
          data-testid="run-tests-summary"
          className={cn(
            "rounded-full px-2 py-0.5 text-xs font-medium",
            passed === result.tests.length ? "bg-success-soft text-success-soft-foreground" : "bg-destructive-soft text-destructive",
          )}
        >
          {passed} / {result.tests.length} tests passed
        </span>
      ) : null}
      <span className="text-xs text-muted-foreground tabular-nums">{formatDuration(result.durationMs)}</span>
      {caption ? <span className="text-xs text-muted-foreground">{caption}</span> : null}
      {result.message ? (
        <p className="basis-full text-[13px] text-destructive" data-testid="run-message">
          {result.message}
        </p>
      ) : null}
    </div>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Standard output, then standard error in the error colour; scrolls within its own box. */
export function RunConsole({ stdout, stderr, placeholder = "No output." }: { stdout: string; stderr: string; placeholder?: string }) {
  const empty = stdout === "" && stderr === "";
  return (
    <pre
      data-testid="run-console"
      aria-label="Output"
      tabIndex={0}
      className="max-h-72 min-h-16 overflow-auto rounded-lg border bg-muted/40 px-3 py-2 font-mono text-[12.5px] leading-relaxed whitespace-pre-wrap break-words outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {empty ? <span className="text-muted-foreground">{placeholder}</span> : null}
      {stdout ? <span data-testid="run-stdout">{stdout}</span> : null}
      {stderr ? (
        <span data-testid="run-stderr" className="text-destructive">
          {stderr}
        </span>
      ) : null}
    </pre>
  );
}

/** Each test: passed or failed, and for a failure what was expected, what came, and the error. */
export function TestList({ tests }: { tests: TestRow[] }) {
  return (
    <ol className="grid gap-1.5" aria-label="Tests" data-testid="run-tests">
      {tests.map((test, index) => (
        <TestItem key={index} test={test} />
      ))}
    </ol>
  );
}

function TestItem({ test }: { test: TestRow }) {
  const pending = "pending" in test;
  const verdict = pending ? "pending" : test.notRun ? "not-run" : test.invalid ? "invalid" : test.passed ? "passed" : "failed";
  const Icon = { pending: CircleDashed, "not-run": CircleDashed, invalid: AlertTriangle, passed: CheckCircle2, failed: XCircle }[verdict];
  const label = { pending: "Not run yet", "not-run": "Not run", invalid: "Broken test", passed: "Passed", failed: "Failed" }[verdict];
  return (
    <li data-testid="run-test" data-verdict={verdict} className="rounded-lg border bg-card px-3 py-2 text-[13px]">
      <div className="flex items-center gap-2">
        <Icon
          aria-hidden
          className={cn("size-4 shrink-0", {
            "text-muted-foreground": verdict === "pending" || verdict === "not-run",
            "text-amber-600 dark:text-amber-400": verdict === "invalid",
            "text-success-soft-foreground": verdict === "passed",
            "text-destructive": verdict === "failed",
          })}
        />
        <span className="min-w-0 flex-1 truncate font-medium">{test.name}</span>
        <span className="text-xs text-muted-foreground">{label}</span>
      </div>
      {pending || test.passed ? null : test.notRun ? <p className="mt-1 text-xs text-muted-foreground">{test.error}</p> : <TestDetails test={test} />}
    </li>
  );
}

function TestDetails({ test }: { test: TestResult }) {
  return (
    <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 font-mono text-[12px]">
      <dt className="font-sans text-muted-foreground">Expected</dt>
      <dd className="whitespace-pre-wrap break-words" data-testid="run-test-expected">
        {test.expected === "" ? <span className="text-muted-foreground">(empty)</span> : test.expected}
      </dd>
      <dt className="font-sans text-muted-foreground">Actual</dt>
      <dd className="whitespace-pre-wrap break-words" data-testid="run-test-actual">
        {test.actual === null ? (
          <span className="text-muted-foreground">(nothing)</span>
        ) : test.actual === "" ? (
          <span className="text-muted-foreground">(empty)</span>
        ) : (
          test.actual
        )}
      </dd>
      {test.error ? (
        <>
          <dt className="font-sans text-muted-foreground">{test.invalid ? "Test" : "Error"}</dt>
          <dd
            className={cn("whitespace-pre-wrap break-words", test.invalid ? "text-amber-700 dark:text-amber-300" : "text-destructive")}
            data-testid="run-test-error"
          >
            {test.error}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
