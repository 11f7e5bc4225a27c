import { truncateMiddle } from "@/server/domain/code/run-result";

/**
 * Text streamed in pieces, of which only the start and the end are kept: a program may print a megabyte
 * before its limit ends it, and the page holds `max` characters of it at most (what a result keeps).
 */
export class CappedText {
  private head = "";
  private tail = "";
  private total = 0;

  constructor(private readonly max: number) {}

  append(text: string): void {
    this.total += text.length;
    const half = Math.ceil(this.max / 2);
    if (this.head.length < half) {
      const taken = text.slice(0, half - this.head.length);
      this.head += taken;
      text = text.slice(taken.length);
    }
    if (text.length > 0) this.tail = (this.tail + text).slice(-this.max);
  }

  get length(): number {
    return this.total;
  }

  /** At most `max` characters: everything when it fits, else the start, a marker and the end. */
  toString(): string {
    if (this.total === this.head.length + this.tail.length) return truncateMiddle(this.head + this.tail, this.max);
    const marker = (cut: number) => `\n… ${cut.toLocaleString("en")} characters truncated …\n`;
    // The longest marker this text can need, as truncateMiddle reckons it.
    const keep = Math.max(0, this.max - marker(this.total).length);
    const head = this.head.slice(0, Math.ceil(keep / 2));
    const tail = this.tail.slice(this.tail.length - (keep - head.length));
    return head + marker(this.total - head.length - tail.length) + tail;
  }
}
