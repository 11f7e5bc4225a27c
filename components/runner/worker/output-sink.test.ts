import { describe, expect, it } from "vitest";
import type { OutputStream } from "../protocol";
import { OutputSink } from "./output-sink";

function sinkAt(limitChars = 1_000, batchChars = 100, batchMs = 40) {
  let now = 0;
  const sent: [OutputStream, string][] = [];
  const sink = new OutputSink((stream, text) => sent.push([stream, text]), { limitChars, batchChars, batchMs, now: () => now });
  return { sink, sent, advance: (ms: number) => (now += ms) };
}

describe("the output sink", () => {
  it("sends the first output at once, then one batch per interval", () => {
    const { sink, sent, advance } = sinkAt();
    sink.write("stdout", "a");
    expect(sent).toEqual([["stdout", "a"]]);
    sink.write("stdout", "b");
    sink.write("stdout", "c");
    sink.write("stderr", "!");
    expect(sent).toHaveLength(1);
    advance(40);
    sink.tick();
    expect(sent).toEqual([
      ["stdout", "a"],
      ["stdout", "bc"],
      ["stderr", "!"],
    ]);
  });

  it("sends a batch as soon as it is full, and what is left on flush", () => {
    const { sink, sent } = sinkAt();
    sink.write("stdout", "x");
    sink.write("stdout", "y".repeat(150));
    expect(sent.at(-1)).toEqual(["stdout", "y".repeat(150)]);
    sink.write("stdout", "z");
    sink.flush();
    expect(sent.at(-1)).toEqual(["stdout", "z"]);
  });

  it("never sends past the limit, and answers false from the write that reaches it", () => {
    const { sink, sent } = sinkAt(10);
    expect(sink.write("stdout", "12345")).toBe(true);
    expect(sink.write("stdout", "678901234")).toBe(false);
    expect(sink.write("stderr", "more")).toBe(false);
    sink.flush();
    expect(sent.map(([, text]) => text).join("")).toBe("1234567890");
  });

  it("sends nothing when there is nothing to send", () => {
    const { sink, sent, advance } = sinkAt();
    advance(100);
    sink.tick();
    sink.flush();
    expect(sent).toEqual([]);
  });
});
