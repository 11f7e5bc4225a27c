import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten-core";
import type { Job, JobEnd, OutputStream } from "../protocol";
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
import { JAVASCRIPT_PRELUDE } from "./javascript-prelude";

/**
 * QuickJS's stack limit: deep recursion ends as QuickJS's "stack overflow" error (about 1,400 frames) before
 * the host's own stack, which QuickJS's frames also use, overflows: at 512 KiB, V8's did (Node 20 and Chromium).
 */
const MAX_STACK_BYTES = 256 * 1024;

/**
 * JavaScript (and TypeScript, through `transform`) in QuickJS: every run and every standard-input test in a
 * fresh runtime with its own memory limit and an interrupt handler for the time and output limits, so that
 * an endless loop or a flood of promises ends without ending the worker.
 */
export function createJavaScriptEngine(quickjs: QuickJSWASMModule, transform: (code: string) => string = (code) => code): Engine {
  return {
    async run(job, io) {
      const deadline = io.now() + job.limits.timeMs;
      let code: string;
      try {
        code = transform(job.code);
      } catch (error) {
        io.write("stderr", `${(error as Error).message}\n`);
        return { status: "error", message: "The code could not be compiled." };
      }
      try {
        return await runJob(quickjs, { ...job, code }, io, deadline);
      } catch (error) {
        if (error instanceof Stopped) return error.end;
        // The host stack overflowed inside QuickJS, or QuickJS aborted: its memory cannot be trusted any more.
        return { status: "error", message: `The JavaScript runtime failed (${(error as Error).message}); the next run starts a fresh one.` };
      }
    },
  };
}

async function runJob(quickjs: QuickJSWASMModule, job: Job, io: JobIO, deadline: number): Promise<JobEnd> {
  const main = new Sandbox(quickjs, job, io, deadline, job.stdin, (stream, text) => io.write(stream, text));
  try {
    const error = main.runProgram(job.code);
    await runTests(job, io, {
      call: async (argsJson) => main.call(job.entry as string, argsJson),
      runWithStdin: async (stdin) => runCaptured(quickjs, job, io, deadline, stdin),
    });
    return error === null ? { status: "ok", message: null } : { status: "error", message: null };
  } finally {
    main.dispose();
  }
}

function runCaptured(quickjs: QuickJSWASMModule, job: Job, io: JobIO, deadline: number, stdin: string): StdioOutcome {
  const captured: string[] = [];
  let size = 0;
  const sandbox = new Sandbox(quickjs, job, io, deadline, stdin, (stream, text) => {
    if (stream === "stderr") return io.write(stream, text);
    size += text.length;
    captured.push(text);
    return size <= job.limits.outputChars;
  });
  try {
    const error = sandbox.runProgram(job.code, false);
    return { stdout: captured.join(""), error };
  } finally {
    sandbox.dispose();
  }
}

/** Frames of a stack shown, as Node shows ten: a stack overflow's thousand identical frames say nothing more. */
const STACK_FRAMES = 10;

function shortStack(stack: string): string {
  const frames = stack.replace(/\n$/, "").split("\n");
  if (frames.length <= STACK_FRAMES) return frames.join("\n");
  return [...frames.slice(0, STACK_FRAMES), `    ... ${(frames.length - STACK_FRAMES).toLocaleString("en")} more frames`].join("\n");
}

/** One QuickJS runtime and context, with the prelude evaluated and standard input attached. */
class Sandbox {
  private readonly runtime: QuickJSRuntime;
  private readonly vm: QuickJSContext;
  private stop: JobEnd | null = null;

  constructor(
    quickjs: QuickJSWASMModule,
    private readonly job: Job,
    private readonly io: JobIO,
    private readonly deadline: number,
    stdin: string,
    write: (stream: OutputStream, text: string) => boolean,
  ) {
    this.runtime = quickjs.newRuntime();
    this.runtime.setMemoryLimit(job.limits.memoryBytes);
    this.runtime.setMaxStackSize(MAX_STACK_BYTES);
    this.runtime.setInterruptHandler(() => {
      io.tick();
      return this.stop !== null || io.now() > deadline;
    });
    this.vm = this.runtime.newContext();
    this.installHost(stdin, write);
    const prelude = this.vm.evalCode(JAVASCRIPT_PRELUDE, "prelude.js");
    if (prelude.error) {
      const text = this.errorText(prelude.error);
      this.dispose();
      throw new Error(`The runner's prelude failed: ${text}`);
    }
    prelude.value.dispose();
  }

  private installHost(stdin: string, write: (stream: OutputStream, text: string) => boolean): void {
    const lines = stdin === "" ? [] : stdin.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    let next = 0;
    const writeFn = this.vm.newFunction("__host_write", (streamHandle, textHandle) => {
      const stream = this.vm.getNumber(streamHandle) === 0 ? "stdout" : "stderr";
      if (!write(stream, this.vm.getString(textHandle))) this.stop ??= { status: "output-limit", message: outputLimitMessage(this.job) };
    });
    const readFn = this.vm.newFunction("__host_readline", () => (next < lines.length ? this.vm.newString(lines[next++] as string) : this.vm.undefined));
    this.vm.setProp(this.vm.global, "__host_write", writeFn);
    this.vm.setProp(this.vm.global, "__host_readline", readFn);
    writeFn.dispose();
    readFn.dispose();
  }

  /** Evaluates the program and runs its promises and timers; returns the uncaught error's text (also printed), or null. */
  runProgram(code: string, printError = true): string | null {
    const result = this.vm.evalCode(code, "main.js");
    let error: string | null;
    if (result.error) {
      error = this.errorText(result.error);
    } else {
      result.value.dispose();
      error = this.settle();
    }
    this.throwIfStopped(error);
    if (error !== null && printError) this.io.write("stderr", `${error}\n`);
    return error;
  }

  /** Calls the tests' entry with these arguments, waiting for a returned promise. */
  call(entry: string, argsJson: string): CallOutcome {
    const callFn = this.vm.getProp(this.vm.global, "__mockroom_call");
    const name = this.vm.newString(entry);
    const args = this.vm.newString(argsJson);
    const called = this.vm.callFunction(callFn, this.vm.undefined, name, args);
    [callFn, name, args].forEach((handle) => handle.dispose());
    if (called.error) return this.failedCall(this.errorText(called.error));
    const returned = this.awaitValue(called.value);
    if (!returned.ok) return this.failedCall(returned.error);
    const jsonFn = this.vm.getProp(this.vm.global, "__mockroom_json");
    const json = this.vm.callFunction(jsonFn, this.vm.undefined, returned.value);
    jsonFn.dispose();
    returned.value.dispose();
    if (json.error) return this.failedCall(this.errorText(json.error));
    const text = this.vm.getString(json.value);
    json.value.dispose();
    return { ok: true, json: text };
  }

  private failedCall(error: string): CallOutcome {
    this.throwIfStopped(error);
    return { ok: false, error };
  }

  /** A returned promise's value once the jobs and timers have settled it (the handle is consumed). */
  private awaitValue(handle: QuickJSHandle): { ok: true; value: QuickJSHandle } | { ok: false; error: string } {
    const first = this.vm.getPromiseState(handle);
    if (first.type === "fulfilled" && first.notAPromise) return { ok: true, value: handle };
    if (first.type === "fulfilled") first.value.dispose();
    if (first.type === "rejected") first.error.dispose();
    const error = this.settle();
    const state = this.vm.getPromiseState(handle);
    handle.dispose();
    if (error !== null) return { ok: false, error };
    if (state.type === "fulfilled") return { ok: true, value: state.value };
    if (state.type === "rejected") return { ok: false, error: this.errorText(state.error) };
    return { ok: false, error: "The function returned a promise that never settled." };
  }

  /** Runs pending promise jobs, then due timers, until none is left; returns an uncaught error's text. */
  private settle(): string | null {
    const nextTimer = this.vm.getProp(this.vm.global, "__mockroom_next_timer");
    try {
      for (;;) {
        while (this.runtime.hasPendingJob()) {
          const jobs = this.runtime.executePendingJobs(256);
          if (jobs.error) return this.errorText(jobs.error);
          this.throwIfStopped(null);
        }
        const ran = this.vm.callFunction(nextTimer, this.vm.undefined);
        if (ran.error) return this.errorText(ran.error);
        const more = this.vm.dump(ran.value) === true;
        ran.value.dispose();
        if (!more) return null;
      }
    } finally {
      nextTimer.dispose();
    }
  }

  /** An error as Node prints it: name, message and stack (the handle is consumed). */
  private errorText(handle: QuickJSHandle): string {
    let dumped: unknown;
    try {
      dumped = this.vm.dump(handle);
    } catch {
      dumped = { name: "InternalError", message: "out of memory" };
    } finally {
      handle.dispose();
    }
    if (typeof dumped !== "object" || dumped === null) return `Uncaught ${String(dumped)}`;
    const { name = "Error", message = "", stack = "" } = dumped as { name?: string; message?: string; stack?: string };
    return `${name}: ${message}${stack ? `\n${shortStack(String(stack))}` : ""}`;
  }

  /** Throws Stopped when a limit ended the program (an interrupt, or QuickJS out of memory). */
  private throwIfStopped(error: string | null): void {
    if (this.stop) throw new Stopped(this.stop);
    if (this.io.now() > this.deadline) throw new Stopped({ status: "timeout", message: timeLimitMessage(this.job) });
    if (error !== null && /^InternalError: out of memory/.test(error)) throw new Stopped({ status: "memory", message: memoryLimitMessage(this.job) });
  }

  dispose(): void {
    // After QuickJS ran out of memory its heap may not free cleanly; the module's other runtimes are unaffected.
    try {
      this.vm.dispose();
      this.runtime.dispose();
    } catch {
      // Nothing to do: this runtime is dropped either way.
    }
  }
}
