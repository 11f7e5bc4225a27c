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

export type RunProgress =
  /** loading: the language's runtime is being fetched and started (its first run in this tab); running: the program runs. */
  | { type: "phase"; phase: "loading" | "running" }
  | { type: "output"; stream: OutputStream; text: string }
  | { type: "test"; index: number; result: TestResult };

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

/**
 * Runs code in the browser: one worker per language, kept warm between runs, one run at a time. The
 * page enforces the limits whatever the worker does: past the time limit (and a grace for the worker to
 * stop the program itself) or past the output limit, and on Cancel, the worker is ended and the next
 * run of that language starts a fresh one.
 */
export class CodeRunner {
  private readonly workers = new Map<RunnableLanguage, WorkerLike>();
  private readonly started = new Set<RunnableLanguage>();
  private active: ActiveRun | null = null;
  private nextId = 1;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: CodeRunnerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** The language's runtime has started in this tab: its next run skips the loading. */
  isWarm(language: RunnableLanguage): boolean {
    return this.started.has(language) && this.workers.has(language);
  }

  get running(): boolean {
    return this.active !== null;
  }

  run(request: RunRequest, onProgress: (progress: RunProgress) => void = () => {}): Promise<RunResult> {
    if (this.active) return Promise.reject(new Error("A run is already in progress: wait for it, or cancel it."));
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
      const cold = !this.isWarm(job.language);
      const worker = this.workerFor(job.language);
      const host: RunHost = {
        now: this.now,
        timer: (callback, ms) => {
          const handle = this.setTimer(callback, ms);
          return () => this.clearTimer(handle);
        },
        started: () => this.started.add(job.language),
        done: (result, endWorker) => {
          this.active = null;
          if (endWorker) this.endWorker(job.language);
          resolve(result);
        },
      };
      const run = new ActiveRun(job, onProgress, host);
      this.active = run;
      run.watch(worker, cold);
      if (cold) onProgress({ type: "phase", phase: "loading" });
      worker.postMessage({ type: "run", job });
    });
  }

  /** Ends the run in progress (its worker with it): it resolves as cancelled, with what it printed so far. */
  cancel(): void {
    this.active?.finish({ status: "cancelled", message: "Cancelled: the run was stopped before it ended." }, true);
  }

  /** Ends every worker (the page is going away). */
  dispose(): void {
    this.cancel();
    for (const language of [...this.workers.keys()]) this.endWorker(language);
  }

  private workerFor(language: RunnableLanguage): WorkerLike {
    const existing = this.workers.get(language);
    if (existing) return existing;
    const worker = this.options.createWorker(language);
    this.workers.set(language, worker);
    this.started.delete(language);
    return worker;
  }

  private endWorker(language: RunnableLanguage): void {
    this.workers.get(language)?.terminate();
    this.workers.delete(language);
    this.started.delete(language);
  }
}

type Ending = { status: RunStatus; message: string | null };

/** What a run needs of its runner. */
interface RunHost {
  now: () => number;
  /** Starts a timer; returns the function that clears it. */
  timer: (callback: () => void, ms: number) => () => void;
  /** The runtime reported it started: it is warm for the next run. */
  started: () => void;
  done: (result: RunResult, endWorker: boolean) => void;
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
      this.clearTimer = this.host.timer(() => this.finish({ status: "error", message }, true), LOAD_TIMEOUT_MS);
    }
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const message = event.message ?? "";
      if (/memory/i.test(message)) this.finish({ status: "memory", message: `Stopped: the ${this.label} runtime ran out of memory (${message}).` }, true);
      else this.finish({ status: "error", message: `The ${this.label} runtime failed${message ? `: ${message}` : "."}` }, true);
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
        return this.finish({ status: message.status, message: message.message }, message.retire === true);
      case "fatal":
        return this.finish({ status: "error", message: message.message }, true);
    }
  }

  /** The runtime is loaded and the program starts: the time limit counts from here. */
  private start(): void {
    this.startedAt = this.host.now();
    this.host.started();
    this.clearTimer();
    const message = `Stopped after ${this.job.limits.timeMs / 1000} s: the time limit of a run. Look for an endless loop, or a slow algorithm on a large input.`;
    this.clearTimer = this.host.timer(() => this.finish({ status: "timeout", message }, true), this.job.limits.timeMs + HARD_STOP_GRACE_MS);
    this.onProgress({ type: "phase", phase: "running" });
  }

  private output(stream: OutputStream, text: string): void {
    this.outputChars += text.length;
    if (this.outputChars > this.job.limits.outputChars) {
      const message = `Stopped: the program printed more than ${formatSize(this.job.limits.outputChars)} of output, the limit of a run.`;
      this.finish({ status: "output-limit", message }, true);
      return;
    }
    (stream === "stdout" ? this.stdout : this.stderr).append(text);
    this.onProgress({ type: "output", stream, text });
  }

  finish(ending: Ending, endWorker: boolean): void {
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
    this.host.done(result, endWorker);
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
