import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReaderError, ReaderOutcome, ReaderReply, ReaderRequest } from "./protocol";
import type { BankFileToRead } from "./read-file";

/**
 * The heap a file may use while it is read. The largest real documents under the 5 MB limit need
 * about 400 MB; some 300 kB of nested one-word bullets need more than this (the Markdown parser keeps
 * a few kilobytes per line), and without a limit they would take the server's heap.
 */
export const READER_HEAP_MB = 1024;
/** How long a file may take: a 4 MB document of the corpus reads in about 7 s on two cores. */
export const READER_TIME_LIMIT_MS = 30_000;

export interface BankReaderOptions {
  heapMb?: number;
  timeLimitMs?: number;
}

interface Pending {
  request: ReaderRequest;
  resolve: (outcome: ReaderOutcome) => void;
}

/**
 * Reads uploaded documents on a thread of their own, one at a time: a document that needs more
 * memory or time than any real one is refused with a sentence for the user, and neither stalls the
 * rooms (the server's event loop) nor takes the process down. The thread is kept between files and
 * started again after one it had to stop. Outcomes are plain data (see `readerErrorToThrow`).
 */
export class BankReader {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timer?: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private readonly heapMb: number;
  private readonly timeLimitMs: number;
  /**
   * A field, so that Next's bundler cannot work the path out and bundle the thread (with tsx, which it
   * cannot): the server builds the runtime outside the bundle, and the thread loads the sources itself.
   */
  private readonly threadEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), "thread-entry.mjs");

  constructor(options: BankReaderOptions = {}) {
    this.heapMb = options.heapMb ?? READER_HEAP_MB;
    this.timeLimitMs = options.timeLimitMs ?? READER_TIME_LIMIT_MS;
  }

  read(file: BankFileToRead): Promise<ReaderOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, file }, resolve });
      this.startNext();
    });
  }

  /** Stops the thread; files still waiting are refused. */
  async close(): Promise<void> {
    const stopping: ReaderError = { kind: "app", code: "BUSY", message: "The server is stopping; upload the file again." };
    for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, error: stopping });
    this.finish({ ok: false, error: stopping });
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private startNext(): void {
    if (this.current) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.current = { pending };
    this.ensureWorker().postMessage(pending.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.threadEntry, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    // An idle reader does not keep the process alive.
    worker.unref();
    worker.on("message", (reply: ReaderReply) => {
      const current = this.current;
      if (reply.id !== current?.pending.request.id) return;
      if (reply.started) {
        const sourceFile = current.pending.request.file.sourceFile;
        current.timer = setTimeout(() => this.stopWorker(tooComplex(sourceFile, "took too long to read")), this.timeLimitMs);
      } else this.finish(reply.ok ? { ok: true, parsed: reply.parsed } : { ok: false, error: reply.error });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const file = this.current?.pending.request.file.sourceFile ?? "The file";
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.stopWorker(
        outOfMemory ? tooComplex(file, "needs more memory to read than any question bank") : { kind: "crash", message: error.stack ?? error.message },
      );
    });
    worker.on("exit", () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish({ ok: false, error: { kind: "crash", message: "the thread stopped while reading a file" } });
    });
    this.worker = worker;
    return worker;
  }

  /** Ends the file being read (for a reason that leaves the thread unusable) and starts a fresh thread for the next. */
  private stopWorker(error: ReaderError): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    this.finish({ ok: false, error });
  }

  /** Answers the file being read, if any, and starts the next. */
  private finish(outcome: ReaderOutcome): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    current.pending.resolve(outcome);
    this.startNext();
  }
}

function tooComplex(sourceFile: string, what: string): ReaderError {
  return { kind: "bank", code: "TOO_COMPLEX", message: `${sourceFile} ${what}; split it into smaller documents and upload those.`, sourceFile };
}
