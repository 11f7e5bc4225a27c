import { afterEach, describe, expect, it } from "vitest";
import { parseBankDocumentWithReport } from "@/server/bank/parse-bank-document";
import { BankReader, READER_QUEUE_LIMIT, READER_QUEUE_LIMIT_PER_OWNER } from "./bank-reader";
import { readerErrorToThrow, type ReaderOutcome } from "./protocol";

const encode = (text: string) => new TextEncoder().encode(text);
const NOTES = "## What is a closure?\n\nA function with the scope it was made in.\n\n## What is a promise?\n\nA value that arrives later.\n";
/** Nested one-word bullets: the Markdown parser keeps a few kilobytes per line of them. */
const NESTED_BULLETS = `# T\n\n10. What?\n${"   * why\n".repeat(60_000)}`;

let reader: BankReader;
const read = (text: string, sourceFile: string, owner = sourceFile) => reader.read({ bytes: encode(text), sourceFile, passagesAsQuestions: [] }, owner);
function parsedOf(outcome: ReaderOutcome) {
  if (!outcome.ok) throw readerErrorToThrow(outcome.error);
  return outcome.parsed;
}
afterEach(() => reader.close());

// Each test starts a process that loads the pipeline, and some read for seconds: more than the default 5 s on a busy machine.
describe("BankReader", { timeout: 60_000 }, () => {
  it("reads a file in its own process as the pipeline reads it in this one", async () => {
    reader = new BankReader();
    const parsed = parsedOf(await read(NOTES, "notes.md"));
    const inProcess = parseBankDocumentWithReport({ bytes: encode(NOTES), sourceFile: "notes.md" });
    expect(parsed.document).toEqual(inProcess.document);
    expect(parsed.report).toEqual(inProcess.report);
    expect(parsed.document.questions.map((q) => q.prompt)).toEqual(["What is a closure?", "What is a promise?"]);
  });

  it("hands the pipeline's refusal back, thrown as the same error with its sentence", async () => {
    reader = new BankReader();
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]);
    const image = await reader.read({ bytes: binary, sourceFile: "image.md", passagesAsQuestions: [] }, "ada");
    expect(() => parsedOf(image)).toThrow(expect.objectContaining({ name: "BankParseError", code: "BINARY", message: expect.stringContaining("image.md") }));
    const renamed = await read("x", "slides.pdf");
    expect(() => parsedOf(renamed)).toThrow(expect.objectContaining({ name: "AppError", code: "BAD_REQUEST" }));
  });

  it("refuses a file that needs more memory than its limit, and reads the next one in a fresh process", async () => {
    reader = new BankReader({ heapMb: 128 });
    const bullets = read(NESTED_BULLETS, "bullets.md");
    const next = read(NOTES, "next.md");
    expect(await bullets).toEqual({
      ok: false,
      error: { kind: "bank", code: "TOO_COMPLEX", sourceFile: "bullets.md", message: expect.stringMatching(/^bullets\.md needs more memory .*split it/) },
    });
    expect(parsedOf(await next).document.questions).toHaveLength(2);
  });

  it("refuses a file that takes longer than its limit, and reads the next one", async () => {
    reader = new BankReader({ timeLimitMs: 300 });
    expect(await read(NESTED_BULLETS, "slow.md")).toMatchObject({
      ok: false,
      error: { code: "TOO_COMPLEX", message: expect.stringContaining("slow.md took too long") },
    });
    expect(parsedOf(await read(NOTES, "next.md")).document.questions).toHaveLength(2);
  });

  it("leaves this thread free while it reads: timers run during a long read", async () => {
    reader = new BankReader();
    // Started once so that the process start-up (loading the pipeline) is not part of the read.
    await read(NOTES, "warm.md");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await read(`# T\n\n${"* why\n".repeat(8_000)}`, "long.md");
    clearInterval(timer);
    // Blocked, this thread would run the timer once at most, after the read.
    expect(ticks).toBeGreaterThan(5);
  });

  it("takes an account with many files in turn with the others, keeps bounded queues, and refuses reads once closed", async () => {
    reader = new BankReader();
    const order: string[] = [];
    const track = (name: string, owner: string) => read(NOTES, name, owner).then((outcome) => (order.push(name), outcome));
    const long = read(`# T\n\n${"* why\n".repeat(8_000)}`, "long.md", "ada");
    const adas = Array.from({ length: READER_QUEUE_LIMIT_PER_OWNER }, (_, n) => track(`ada-${n}.md`, "ada"));
    expect(await read(NOTES, "one-more.md", "ada")).toMatchObject({
      ok: false,
      error: { code: "BUSY", message: expect.stringContaining("one-more.md waits behind 20 of your files") },
    });
    const grace = track("grace.md", "grace");
    const others = Array.from({ length: READER_QUEUE_LIMIT - READER_QUEUE_LIMIT_PER_OWNER - 1 }, (_, n) => track(`n${n}.md`, `user-${n}`));
    expect(await read(NOTES, "full.md", "linus")).toMatchObject({ ok: false, error: { code: "BUSY", message: expect.stringContaining("busy") } });
    await long;
    const outcomes = await Promise.all([...adas, grace, ...others]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    // Grace asked after Ada's twenty, and was read first: Ada had had one read already.
    expect(order[0]).toBe("grace.md");
    await reader.close();
    expect(await read(NOTES, "late.md", "ada")).toMatchObject({ ok: false, error: { code: "BUSY", message: expect.stringContaining("stopping") } });
  });
});
