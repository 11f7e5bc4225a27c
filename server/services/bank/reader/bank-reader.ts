import { type ChildProcess, fork } from "node:child_process";
import type { Socket } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ReaderError, ReaderOutcome, ReaderReply, ReaderRequest } from "./protocol";
import type { BankFileToRead } from "./read-file";

/**
 * The heap a file may use while it is read. The largest real documents under the 5 MB limit need
 * about 400 MB; some 300 kB of nested one-word bullets need more than this (the Markdown parser keeps
 * a few kilobytes per line), and without a limit they would take the server's heap. A process, not a
 * worker thread: a thread that reaches its heap limit can still abort the whole process
 * (nodejs/node#47224), which the reader's tests saw happen.
 */
export const READER_HEAP_MB = 1024;
/** How long a file may take: a 4 MB document of the corpus reads in about 7 s on two cores. */
export const READER_TIME_LIMIT_MS = 30_000;
/** How long the process may take to start and take a file (loading the pipeline takes about a second). */
const READER_START_LIMIT_MS = 30_000;
/** Files waiting for the whole server, and for one account; past either a file is refused BUSY, to be sent again. */
export const READER_QUEUE_LIMIT = 40;
export const READER_QUEUE_LIMIT_PER_OWNER = 20;

export interface BankReaderOptions {
  heapMb?: number;
  timeLimitMs?: number;
}

interface Pending {
  request: ReaderRequest;
  /** Whose file it is: the next file read is of the account served least so far (`startNext`). */
  owner: string;
  resolve: (outcome: ReaderOutcome) => void;
}

const busy = (message: string): ReaderOutcome => ({ ok: false, error: { kind: "app", code: "BUSY", message } });

/**
 * Reads uploaded documents in a process of their own, one at a time: a document that needs more
 * memory or time than any real one is refused with a sentence for the user, and neither stalls the
 * rooms (the server's event loop) nor takes the server down. The process is kept between files and
 * started again after one it had to stop. Outcomes are plain data (see `readerErrorToThrow`).
 */
export class BankReader {
  private child: ChildProcess | null = null;
  /** The end of what the reader's process wrote to stderr: how an out-of-memory abort is told from a crash. */
  private stderrTail = "";
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timer?: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private closed = false;
  /** Files each account has had read since the queue was last empty. */
  private readonly served = new Map<string, number>();
  private readonly heapMb: number;
  private readonly timeLimitMs: number;
  /**
   * A field, so that Next's bundler cannot work the path out and bundle it: the server builds the runtime
   * outside the bundle, and the process runs the sources with tsx, as the server does.
   */
  private readonly entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "reader-process.ts");

  constructor(options: BankReaderOptions = {}) {
    this.heapMb = options.heapMb ?? READER_HEAP_MB;
    this.timeLimitMs = options.timeLimitMs ?? READER_TIME_LIMIT_MS;
  }

  /** Reads `owner`'s file, in turn with other accounts' files; the queue is bounded for each and for all. */
  read(file: BankFileToRead, owner: string): Promise<ReaderOutcome> {
    if (this.closed) return Promise.resolve(busy("The server is stopping; upload the file again."));
    const own = this.queue.filter((p) => p.owner === owner).length;
    if (own >= READER_QUEUE_LIMIT_PER_OWNER)
      return Promise.resolve(busy(`${file.sourceFile} waits behind ${own} of your files; upload it again when they are read.`));
    if (this.queue.length >= READER_QUEUE_LIMIT)
      return Promise.resolve(busy("The importer is busy with other people's files; upload yours again in a minute."));
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, file }, owner, resolve });
      this.startNext();
    });
  }

  /** Stops the process; files still waiting are refused, and so is any read asked for later. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = busy("The server is stopping; upload the file again.");
    for (const pending of this.queue.splice(0)) pending.resolve(stopping);
    this.finish(stopping);
    const child = this.child;
    this.child = null;
    child?.kill();
  }

  /**
   * Starts the oldest file of the account served least so far: one account's many files take turns with
   * everyone else's, instead of holding the queue.
   */
  private startNext(): void {
    if (this.current) return;
    if (this.queue.length === 0) return this.served.clear();
    const servedOf = (p: Pending) => this.served.get(p.owner) ?? 0;
    const next = this.queue.reduce((best, p, n) => (servedOf(p) < servedOf(this.queue[best] as Pending) ? n : best), 0);
    const [pending] = this.queue.splice(next, 1);
    if (!pending) return;
    this.served.set(pending.owner, servedOf(pending) + 1);
    const notStarted = () => this.stopProcess({ kind: "crash", message: "the reader's process did not start" });
    this.current = { pending, timer: setTimeout(notStarted, READER_START_LIMIT_MS) };
    this.stderrTail = "";
    try {
      this.ensureProcess().send(pending.request);
    } catch (error) {
      this.stopProcess({ kind: "crash", message: error instanceof Error ? error.message : String(error) });
    }
  }

  private ensureProcess(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(this.entry, [], {
      execArgv: ["--import", "tsx", `--max-old-space-size=${this.heapMb}`],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4096);
    });
    // An idle reader does not keep the server alive, and does not outlive it.
    child.unref();
    child.channel?.unref();
    (child.stderr as Socket | null)?.unref();
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    child.once("close", () => process.off("exit", killOnExit));
    child.on("error", (error) => {
      if (this.child === child) this.stopProcess({ kind: "crash", message: error.message });
    });
    child.on("message", (reply: ReaderReply) => {
      const current = this.current;
      if (reply.id !== current?.pending.request.id) return;
      if (reply.started) {
        const sourceFile = current.pending.request.file.sourceFile;
        clearTimeout(current.timer);
        current.timer = setTimeout(() => this.stopProcess(tooComplex(sourceFile, "took too long to read")), this.timeLimitMs);
      } else this.finish(reply.ok ? { ok: true, parsed: reply.parsed } : { ok: false, error: reply.error });
    });
    // "close", not "exit": by then all it wrote to stderr has arrived.
    child.on("close", () => {
      if (this.child !== child) return;
      this.child = null;
      const file = this.current?.pending.request.file.sourceFile ?? "The file";
      const outOfMemory = /heap out of memory/i.test(this.stderrTail);
      this.finish({
        ok: false,
        error: outOfMemory
          ? tooComplex(file, "needs more memory to read than any question bank")
          : { kind: "crash", message: `the reader's process stopped: ${this.stderrTail.slice(-500)}` },
      });
    });
    this.child = child;
    return child;
  }

  /** Ends the file being read (for a reason that leaves the process unusable) and starts a fresh one for the next. */
  private stopProcess(error: ReaderError): void {
    const child = this.child;
    this.child = null;
    child?.kill("SIGKILL");
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
