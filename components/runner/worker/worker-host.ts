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
 * The worker's side of the protocol: loads the runtime on the first run (then cuts the worker off the
 * network), and runs one job at a time, streaming its output in batches.
 */
export function serveRuntime(scope: WorkerScope, load: () => Promise<Engine>): void {
  const post = scope.postMessage.bind(scope);
  let memoryLimit = Number.POSITIVE_INFINITY;
  capWasmMemory(() => memoryLimit);
  let engine: Promise<Engine> | null = null;
  let queue = Promise.resolve();

  const ready = () =>
    (engine ??= load().then((loaded) => {
      lockNetwork(scope);
      return loaded;
    }));

  scope.onmessage = (event) => {
    const message = event.data;
    if (message?.type !== "run") return;
    queue = queue.then(() => runJob(message.job));
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
      post({ type: "done", id: job.id, status: "error", message: `The runtime failed: ${(error as Error).message}`, retire: true });
    }
  }
}

type FromWorkerTest = Extract<FromWorker, { type: "test" }>["result"];
