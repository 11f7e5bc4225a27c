import type { PyodideAPI } from "pyodide";
import { formatSize, type Job, type JobEnd } from "../protocol";
import {
  memoryLimitMessage,
  outputLimitMessage,
  runTests,
  Stopped,
  timeLimitMessage,
  type CallOutcome,
  type Engine,
  type JobIO,
  type StdioOutcome,
} from "./engine";
import { PYTHON_HARNESS } from "./python-harness";

/** SIGINT, as Pyodide reads it from the interrupt buffer: Python raises KeyboardInterrupt at its next check. */
const SIGINT = 2;
/**
 * One interrupt, then another only this much later: the harness's own code runs right after the program
 * stops, and a second KeyboardInterrupt there would escape it. A program that catches the first one gets
 * the next.
 */
const REPEAT_INTERRUPT_MS = 250;

type Failure = null | ["stopped" | "memory" | "error", string];
type PyFunction = (...args: unknown[]) => string;

/**
 * Python in Pyodide. Each job gets fresh globals, but a program can change the interpreter itself (its
 * builtins, its modules, the harness) and, through `import js`, the worker: so the page runs each job in a
 * worker of its own (CodeRunner), and only the unit tests run several jobs on one engine. The time and
 * output limits interrupt the program from inside: Pyodide polls its interrupt buffer while Python runs, and
 * this buffer answers SIGINT once the run is over its time or output, so Python raises KeyboardInterrupt
 * without a SharedArrayBuffer (which would need cross-origin isolation). A program that catches that and
 * goes on is ended by the page, which ends the worker.
 */
export function createPythonEngine(pyodide: PyodideAPI): Engine {
  pyodide.runPython(PYTHON_HARNESS);
  const fn = (name: string) => pyodide.globals.get(name) as PyFunction;
  const harness = { run: fn("_mockroom_run"), runCaptured: fn("_mockroom_run_captured"), call: fn("_mockroom_call") };
  let current: PythonRun | null = null;
  const signal = {
    get 0(): number {
      return current?.shouldStop() ? SIGINT : 0;
    },
    set 0(_cleared: number) {},
  };
  pyodide.setInterruptBuffer(signal as unknown as Int32Array);
  return {
    async run(job, io) {
      const run = new PythonRun(job, io, harness);
      current = run;
      try {
        return await run.execute();
      } catch (error) {
        if (error instanceof Stopped) return error.end;
        // An interrupt that landed in the harness's own code escapes it: the limit still explains the end.
        const limit = run.limitReached();
        if (limit) return limit;
        return { status: "error", message: `The Python runtime failed (${(error as Error).message}); the next run starts a fresh one.` };
      } finally {
        current = null;
      }
    },
  };
}

class PythonRun {
  private readonly deadline: number;
  private stop: JobEnd | null = null;
  private interruptedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly job: Job,
    private readonly io: JobIO,
    private readonly harness: { run: PyFunction; runCaptured: PyFunction; call: PyFunction },
  ) {
    this.deadline = io.now() + job.limits.timeMs;
  }

  /** Asked by Pyodide's interrupt polling while Python runs. */
  shouldStop(): boolean {
    this.io.tick();
    const now = this.io.now();
    if ((this.stop === null && now <= this.deadline) || now - this.interruptedAt < REPEAT_INTERRUPT_MS) return false;
    this.interruptedAt = now;
    return true;
  }

  private readonly writeOut = (text: string): boolean => this.write("stdout", text);
  private readonly writeErr = (text: string): boolean => this.write("stderr", text);

  private write(stream: "stdout" | "stderr", text: string): boolean {
    if (this.stop) return false;
    if (this.io.write(stream, text)) return true;
    this.stop = { status: "output-limit", message: outputLimitMessage(this.job) };
    // The sink raises into the program itself: an interrupt now would land in the harness's cleanup.
    this.interruptedAt = this.io.now();
    return false;
  }

  /** The limit the run is past, if any. */
  limitReached(): JobEnd | null {
    if (this.stop) return this.stop;
    return this.io.now() > this.deadline ? { status: "timeout", message: timeLimitMessage(this.job) } : null;
  }

  async execute(): Promise<JobEnd> {
    const failure = this.outcome(JSON.parse(this.harness.run(this.job.code, this.job.stdin, this.writeOut, this.writeErr)) as Failure);
    if (failure !== null) this.io.write("stderr", failure);
    await runTests(this.job, this.io, { call: async (args) => this.call(args), runWithStdin: async (stdin) => this.runCaptured(stdin) });
    return failure === null ? { status: "ok", message: null } : { status: "error", message: null };
  }

  private call(argsJson: string): CallOutcome {
    const [kind, value] = JSON.parse(this.harness.call(this.job.entry as string, argsJson, this.writeOut, this.writeErr)) as [string, string];
    if (kind === "ok") return { ok: true, json: value };
    return { ok: false, error: this.outcome([kind, value] as Failure) ?? "" };
  }

  private runCaptured(stdin: string): StdioOutcome {
    const [stdout, failure] = JSON.parse(this.harness.runCaptured(this.job.code, stdin, this.job.limits.outputChars, this.writeErr)) as [string, Failure];
    if (failure?.[0] === "stopped" && this.stop === null && this.io.now() <= this.deadline) {
      return { stdout, error: `Stopped: the test printed more than ${formatSize(this.job.limits.outputChars)} of output.` };
    }
    return { stdout, error: this.outcome(failure) };
  }

  /** A failure's text, or Stopped when it was a limit's interrupt or Python ran out of memory. */
  private outcome(failure: Failure): string | null {
    if (failure === null) return null;
    const [kind, text] = failure;
    if (kind === "memory") throw new Stopped({ status: "memory", message: memoryLimitMessage(this.job) });
    if (this.stop) throw new Stopped(this.stop);
    if (this.io.now() > this.deadline) throw new Stopped({ status: "timeout", message: timeLimitMessage(this.job) });
    return kind === "stopped" ? "KeyboardInterrupt\n" : text;
  }
}
