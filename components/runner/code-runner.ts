import type { CodeSpec, RunnableLanguage } from "@/server/domain/code/code-spec";
import { capRunResult, RUN_RESULT_LIMITS, type RunResult, type RunStatus, type TestResult } from "@/server/domain/code/run-result";
import { CappedText } from "./capped-text";
import { defaultLimits, formatSize, type FromWorker, type Job, type OutputStream, type RunLimits, type ToWorker } from "./protocol";

/** What the page needs of a Worker: the real one in the browser, a scripted one in the unit tests. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

export interface RunRequest {
  language: RunnableLanguage;
  code: string;
  /** Standard input (for SQL: the setup run before the query). */
  stdin?: string;
  /** The question's tests and the function they call; none for a plain run. */
  spec?: Pick<CodeSpec, "entry" | "tests"> | null;
  limits?: Partial<RunLimits>;
}

/**
 * loading: the language's runtime is being fetched and started (its first run in this tab); starting: a
 * fresh runtime for this run is still starting (its files in the HTTP cache); running: the program runs.
 */
export type RunPhase = "loading" | "starting" | "running";

export type RunProgress =
  { type: "phase"; phase: RunPhase } | { type: "output"; stream: OutputStream; text: string } | { type: "test"; index: number; result: TestResult };

export interface CodeRunnerOptions {
  createWorker: (language: RunnableLanguage) => WorkerLike;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** After the time limit, how long the worker has to stop the program itself before the page ends it. */
export const HARD_STOP_GRACE_MS = 1_500;
/** A runtime that has not started this long after its first run was asked for failed to load. */
export const LOAD_TIMEOUT_MS = 120_000;

/** The browser's workers, one script per language, served from public/runtimes/ (scripts/build-runtimes.ts). */
export function browserWorker(language: RunnableLanguage): WorkerLike {
  return new Worker(`/runtimes/${language}.worker.js`, { type: "module", name: `code runner (${language})` }) as unknown as WorkerLike;
}

/** A worker started before its run, its runtime loading in the background. */
interface Spare {
  worker: WorkerLike;
  /** Its runtime has loaded: a run on it starts at once. */
  ready: boolean;
}

/**
 * Runs code in the browser, one run at a time, each in a worker of its own: whatever a program changes in
 * its runtime (Python's builtins and modules, a PostgreSQL function in pg_catalog, the worker's globals)
 * ends with it. When a run ends its worker is ended, and a spare worker for the next run of that language
 * starts loading at once, so that the next run rarely waits for it. The page enforces the limits whatever
 * the worker does: past the time limit (and a grace for the worker to stop the program itself), past the
 * output limit, and on Cancel, the run ends at once.
 */
export class CodeRunner {
  private readonly spares = new Map<RunnableLanguage, Spare>();
  /** Languages run in this tab: a later start of their runtime reads its files from the HTTP cache. */
  private readonly ranBefore = new Set<RunnableLanguage>();
  private active: ActiveRun | null = null;
  private disposed = false;
  private nextId = 1;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: CodeRunnerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  get running(): boolean {
    return this.active !== null;
  }

  run(request: RunRequest, onProgress: (progress: RunProgress) => void = () => {}): Promise<RunResult> {
    if (this.active) return Promise.reject(new Error("A run is already in progress: wait for it, or cancel it."));
    if (this.disposed) return Promise.reject(new Error("This code runner has been disposed of."));
    const limits = { ...defaultLimits(request.language), ...request.limits };
    const job: Job = {
      id: this.nextId++,
      language: request.language,
      code: request.code,
      stdin: request.stdin ?? "",
      entry: request.spec?.entry ?? null,
      tests: request.spec?.tests ?? [],
      limits,
    };
    return new Promise((resolve) => {
      const { worker, ready } = this.takeSpare(job.language);
      const phase: RunPhase = ready ? "running" : this.ranBefore.has(job.language) ? "starting" : "loading";
      this.ranBefore.add(job.language);
      const host: RunHost = {
        now: this.now,
        timer: (callback, ms) => {
          const handle = this.setTimer(callback, ms);
          return () => this.clearTimer(handle);
        },
        done: (result) => {
          this.active = null;
          worker.terminate();
          if (!this.disposed) this.prepareSpare(job.language);
          resolve(result);
        },
      };
      const run = new ActiveRun(job, onProgress, host);
      this.active = run;
      run.watch(worker, !ready);
      if (phase !== "running") onProgress({ type: "phase", phase });
      worker.postMessage({ type: "run", job });
    });
  }

  /** Ends the run in progress (its worker with it): it resolves as cancelled, with what it printed so far. */
  cancel(): void {
    this.active?.finish({ status: "cancelled", message: "Cancelled: the run was stopped before it ended." });
  }

  /** Ends every worker (the page is going away); no spare starts after. */
  dispose(): void {
    this.disposed = true;
    this.cancel();
    for (const { worker } of this.spares.values()) worker.terminate();
    this.spares.clear();
  }

  /** The language's spare worker, or a new one when it has none (its first run, or a spare that failed). */
  private takeSpare(language: RunnableLanguage): Spare {
    const spare = this.spares.get(language);
    this.spares.delete(language);
    return spare ?? { worker: this.options.createWorker(language), ready: false };
  }

  /** Starts the worker the next run of the language will use, its runtime loading now. */
  private prepareSpare(language: RunnableLanguage): void {
    const spare: Spare = { worker: this.options.createWorker(language), ready: false };
    spare.worker.onmessage = (event) => {
      if (event.data?.type === "ready") spare.ready = true;
    };
    // A spare that broke while loading is dropped: the next run starts a worker of its own.
    spare.worker.onerror = (event) => {
      event.preventDefault?.();
      spare.worker.terminate();
      if (this.spares.get(language) === spare) this.spares.delete(language);
    };
    this.spares.set(language, spare);
    spare.worker.postMessage({ type: "warm" });
  }
}

type Ending = { status: RunStatus; message: string | null };

/** What a run needs of its runner. */
interface RunHost {
  now: () => number;
  /** Starts a timer; returns the function that clears it. */
  timer: (callback: () => void, ms: number) => () => void;
  /** The run has ended: its worker goes with it. */
  done: (result: RunResult) => void;
}

/** One run's state on the page: its output so far, its tests, its timer, and how it ends. */
class ActiveRun {
  private readonly stdout = new CappedText(RUN_RESULT_LIMITS.stdoutChars);
  private readonly stderr = new CappedText(RUN_RESULT_LIMITS.stderrChars);
  private readonly tests: (TestResult | undefined)[] = [];
  private readonly requestedAt: number;
  private startedAt: number | null = null;
  private clearTimer: () => void = () => {};
  private finished = false;
  private outputChars = 0;

  constructor(
    private readonly job: Job,
    private readonly onProgress: (progress: RunProgress) => void,
    private readonly host: RunHost,
  ) {
    this.requestedAt = host.now();
  }

  private get label(): string {
    return LANGUAGE_LABELS[this.job.language];
  }

  watch(worker: WorkerLike, cold: boolean): void {
    if (cold) {
      const message = `The ${this.label} runtime did not start within ${LOAD_TIMEOUT_MS / 1000} s.`;
      this.clearTimer = this.host.timer(() => this.finish({ status: "error", message }), LOAD_TIMEOUT_MS);
    }
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const message = event.message ?? "";
      if (/memory/i.test(message)) this.finish({ status: "memory", message: `Stopped: the ${this.label} runtime ran out of memory (${message}).` });
      else this.finish({ status: "error", message: `The ${this.label} runtime failed${message ? `: ${message}` : "."}` });
    };
  }

  private receive(message: FromWorker): void {
    if (this.finished || message?.id !== this.job.id) return;
    switch (message.type) {
      case "started":
        return this.start();
      case "output":
        return this.output(message.stream === "stderr" ? "stderr" : "stdout", String(message.text));
      case "test":
        if (Number.isInteger(message.index) && message.index >= 0 && message.index < this.job.tests.length) {
          this.tests[message.index] = message.result;
          this.onProgress({ type: "test", index: message.index, result: message.result });
        }
        return;
      case "done":
        return this.finish({ status: message.status, message: message.message });
      case "fatal":
        return this.finish({ status: "error", message: message.message });
    }
  }

  /** The runtime is loaded and the program starts: the time limit counts from here. */
  private start(): void {
    this.startedAt = this.host.now();
    this.clearTimer();
    const message = `Stopped after ${this.job.limits.timeMs / 1000} s: the time limit of a run. Look for an endless loop, or a slow algorithm on a large input.`;
    this.clearTimer = this.host.timer(() => this.finish({ status: "timeout", message }), this.job.limits.timeMs + HARD_STOP_GRACE_MS);
    this.onProgress({ type: "phase", phase: "running" });
  }

  private output(stream: OutputStream, text: string): void {
    this.outputChars += text.length;
    if (this.outputChars > this.job.limits.outputChars) {
      const message = `Stopped: the program printed more than ${formatSize(this.job.limits.outputChars)} of output, the limit of a run.`;
      this.finish({ status: "output-limit", message });
      return;
    }
    (stream === "stdout" ? this.stdout : this.stderr).append(text);
    this.onProgress({ type: "output", stream, text });
  }

  finish(ending: Ending): void {
    if (this.finished) return;
    this.finished = true;
    this.clearTimer();
    const result = capRunResult({
      language: this.job.language,
      status: ending.status,
      message: ending.message,
      stdout: this.stdout.toString(),
      stderr: this.stderr.toString(),
      tests: this.job.tests.map((test, index) => this.tests[index] ?? notRun(test, ending.status)),
      durationMs: this.host.now() - (this.startedAt ?? this.requestedAt),
    });
    this.host.done(result);
  }
}

export const LANGUAGE_LABELS: Record<RunnableLanguage, string> = {
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  sql: "PostgreSQL",
};

const NOT_RUN_BECAUSE: Record<RunStatus, string> = {
  ok: "the run ended before it",
  error: "the runtime stopped before it",
  timeout: "the run reached its time limit first",
  memory: "the run ran out of memory first",
  "output-limit": "the run reached its output limit first",
  cancelled: "the run was cancelled",
};

function notRun(test: Job["tests"][number], status: RunStatus): TestResult {
  return { name: test.name, passed: false, expected: test.expected, actual: null, notRun: true, error: `Not run: ${NOT_RUN_BECAUSE[status]}.` };
}
