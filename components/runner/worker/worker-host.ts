import type { FromWorker, Job, ToWorker } from "../protocol";
import type { Engine } from "./engine";
import { capWasmMemory } from "./memory-cap";
import { lockNetwork } from "./network-lockdown";
import { OutputSink } from "./output-sink";

/** Output batches: at most one message per this many milliseconds, or per this many characters. */
const BATCH_MS = 40;
const BATCH_CHARS = 64 * 1024;

export interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

/**
 * The worker's side of the protocol: loads the runtime when asked to warm up or to run (then cuts the
 * worker off the network), and runs one job, streaming its output in batches. One job only: whatever a
 * program changed in the runtime or in this worker (Python reaches its globals) must not meet another
 * program, so the page gives every run a worker of its own and a second job here is refused.
 */
export function serveRuntime(scope: WorkerScope, load: () => Promise<Engine>): void {
  const post = scope.postMessage.bind(scope);
  let memoryLimit = Number.POSITIVE_INFINITY;
  capWasmMemory(() => memoryLimit);
  let engine: Promise<Engine> | null = null;
  let served = false;

  const ready = () =>
    (engine ??= load().then((loaded) => {
      lockNetwork(scope);
      return loaded;
    }));

  scope.onmessage = (event) => {
    const message = event.data;
    if (message?.type === "warm") {
      // A failure to load is reported to the run that comes for this worker.
      ready().then(
        () => post({ type: "ready" }),
        () => {},
      );
    } else if (message?.type === "run") {
      if (served) return post({ type: "fatal", id: message.job.id, message: "This runtime has run a program already: each run needs a fresh one." });
      served = true;
      void runJob(message.job);
    }
  };

  async function runJob(job: Job): Promise<void> {
    memoryLimit = job.limits.memoryBytes;
    let loaded: Engine;
    try {
      loaded = await ready();
    } catch (error) {
      post({ type: "fatal", id: job.id, message: `The runtime could not be loaded: ${(error as Error).message}` });
      return;
    }
    post({ type: "started", id: job.id });
    const now = () => performance.now();
    const sink = new OutputSink((stream, text) => post({ type: "output", id: job.id, stream, text }), {
      limitChars: job.limits.outputChars,
      batchChars: BATCH_CHARS,
      batchMs: BATCH_MS,
      now,
    });
    const io = {
      write: sink.write.bind(sink),
      tick: sink.tick.bind(sink),
      now,
      test: (index: number, result: FromWorkerTest) => post({ type: "test", id: job.id, index, result }),
    };
    try {
      const end = await loaded.run(job, io);
      sink.flush();
      post({ type: "done", id: job.id, ...end });
    } catch (error) {
      sink.flush();
      post({ type: "done", id: job.id, status: "error", message: `The runtime failed: ${(error as Error).message}` });
    }
  }
}

type FromWorkerTest = Extract<FromWorker, { type: "test" }>["result"];
