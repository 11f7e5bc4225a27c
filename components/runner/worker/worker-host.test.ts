import { describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS, type FromWorker, type Job, type ToWorker } from "../protocol";
import type { Engine } from "./engine";
import { serveRuntime, type WorkerScope } from "./worker-host";

const job = (id: number): Job => ({ id, language: "python", code: "print('hi')", stdin: "", entry: null, tests: [], limits: DEFAULT_LIMITS });

/** A worker's global scope as the host sees it, and what the host posted to the page. */
function scope() {
  const posted: FromWorker[] = [];
  const worker: WorkerScope = { postMessage: (message) => posted.push(message), onmessage: null };
  const send = (message: ToWorker) => worker.onmessage?.({ data: message } as MessageEvent<ToWorker>);
  return { worker, posted, send };
}

describe("a runtime's worker", () => {
  it("loads its runtime when asked to warm up, says it is ready, and runs one job on it", async () => {
    const { worker, posted, send } = scope();
    const load = vi.fn(async (): Promise<Engine> => ({
      async run(_job, io) {
        io.write("stdout", "hi\n");
        return { status: "ok", message: null };
      },
    }));
    serveRuntime(worker, load);
    send({ type: "warm" });
    await vi.waitFor(() => expect(posted).toEqual([{ type: "ready" }]));
    send({ type: "run", job: job(1) });
    await vi.waitFor(() => expect(posted.at(-1)).toEqual({ type: "done", id: 1, status: "ok", message: null }));
    expect(posted).toEqual([
      { type: "ready" },
      { type: "started", id: 1 },
      { type: "output", id: 1, stream: "stdout", text: "hi\n" },
      { type: "done", id: 1, status: "ok", message: null },
    ]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("refuses a second job: whatever the first program changed must not meet another", async () => {
    const { worker, posted, send } = scope();
    const ran: number[] = [];
    serveRuntime(worker, async () => ({
      async run(received) {
        ran.push(received.id);
        return { status: "ok", message: null };
      },
    }));
    send({ type: "run", job: job(1) });
    send({ type: "run", job: job(2) });
    await vi.waitFor(() => expect(posted).toContainEqual({ type: "done", id: 1, status: "ok", message: null }));
    expect(posted).toContainEqual({ type: "fatal", id: 2, message: "This runtime has run a program already: each run needs a fresh one." });
    expect(ran).toEqual([1]);
  });
});
