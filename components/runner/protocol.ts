import type { RunnableLanguage, TestCase } from "@/server/domain/code/code-spec";
import type { RunStatus, TestResult } from "@/server/domain/code/run-result";

/**
 * The messages between the page (CodeRunner) and a runtime's worker. The worker is trusted no more than
 * the code it runs: the page bounds time, output and size whatever the worker says.
 */

export interface RunLimits {
  /** Wall-clock time of the program (its tests included), from the moment the runtime is loaded. */
  timeMs: number;
  /** The program's memory: QuickJS's heap, or the WebAssembly memory of Python and PostgreSQL. */
  memoryBytes: number;
  /** Output streamed to the page (standard output and error together, in characters) before the run is ended. */
  outputChars: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: RunLimits = {
  timeMs: 10_000,
  memoryBytes: 256 * MiB,
  outputChars: MiB,
};

/** PGlite itself takes about 200 MB of WebAssembly memory once started (measured): its limit leaves room above that. */
export function defaultLimits(language: RunnableLanguage): RunLimits {
  return language === "sql" ? { ...DEFAULT_LIMITS, memoryBytes: 512 * MiB } : DEFAULT_LIMITS;
}

/** What a worker is asked to run. */
export interface Job {
  id: number;
  language: RunnableLanguage;
  code: string;
  stdin: string;
  /** The function the tests call, or null when they feed standard input. */
  entry: string | null;
  tests: TestCase[];
  limits: RunLimits;
}

export type OutputStream = "stdout" | "stderr";

/** How a program ended, as its engine saw it (the page adds the limits it enforces itself). */
export interface JobEnd {
  status: Exclude<RunStatus, "cancelled">;
  message: string | null;
}

/**
 * A worker serves one run: `warm` loads its runtime ahead of it (the page's spare for the next run), `run`
 * loads it if need be and runs the job. The page ends the worker when the run ends.
 */
export type ToWorker = { type: "warm" } | { type: "run"; job: Job };

export type FromWorker =
  /** The runtime has loaded (after `warm`): the next run starts without waiting for it. */
  | { type: "ready"; id?: undefined }
  /** The runtime is loaded and the program starts: the time limit counts from here. */
  | { type: "started"; id: number }
  | { type: "output"; id: number; stream: OutputStream; text: string }
  | { type: "test"; id: number; index: number; result: TestResult }
  | ({ type: "done"; id: number } & JobEnd)
  /** The runtime cannot serve (it failed to load, or it broke): the page ends this worker. */
  | { type: "fatal"; id: number; message: string };

/** A size for a message: "1 MB", "256 MB", "98 KB". */
export function formatSize(units: number): string {
  return units >= MiB ? `${Math.round(units / MiB)} MB` : `${Math.max(1, Math.round(units / 1024))} KB`;
}
