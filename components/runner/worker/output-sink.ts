import type { OutputStream } from "../protocol";

export interface OutputSinkOptions {
  /** Output streamed in all, past which nothing more is sent and `write` answers false. */
  limitChars: number;
  /** A batch goes out once it holds this much… */
  batchChars: number;
  /** …or when the last batch went out this long ago (checked on each write and tick): the first output goes at once. */
  batchMs: number;
  now: () => number;
}

/**
 * A program's output on its way to the page, in batches: a program printing in a tight loop sends a
 * message every `batchMs` instead of one per line, so the page stays responsive whatever the program
 * prints. Output past the limit is dropped, never sent.
 */
export class OutputSink {
  private pending: { stream: OutputStream; text: string }[] = [];
  private pendingChars = 0;
  private sentChars = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly send: (stream: OutputStream, text: string) => void,
    private readonly options: OutputSinkOptions,
  ) {}

  /** Takes as much of `text` as the limit allows; false when some of it did not fit. */
  write(stream: OutputStream, text: string): boolean {
    const room = this.options.limitChars - this.sentChars - this.pendingChars;
    const piece = text.length > room ? text.slice(0, Math.max(0, room)) : text;
    if (piece.length > 0) {
      const last = this.pending[this.pending.length - 1];
      if (last?.stream === stream) last.text += piece;
      else this.pending.push({ stream, text: piece });
      this.pendingChars += piece.length;
    }
    if (this.pendingChars >= this.options.batchChars) this.flush();
    else this.tick();
    return piece.length === text.length;
  }

  /** Sends the batch if the last one went out long enough ago. */
  tick(): void {
    if (this.pendingChars > 0 && this.options.now() - this.lastSentAt >= this.options.batchMs) this.flush();
  }

  flush(): void {
    if (this.pendingChars === 0) return;
    for (const { stream, text } of this.pending) this.send(stream, text);
    this.sentChars += this.pendingChars;
    this.pending = [];
    this.pendingChars = 0;
    this.lastSentAt = this.options.now();
  }
}
