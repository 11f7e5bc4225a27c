import { describe, expect, it } from "vitest";
import type { BankDocument } from "@/server/bank/bank-format";
import type { ImportOutcome } from "@/server/api/routers/bank/import.schema";
import {
  emptyImportQueue,
  entryTotals,
  importFile,
  previewing,
  readyEntries,
  readyTotals,
  reduceImportQueue,
  type ImportQueue,
  type ImportQueueAction,
  type PreviewReport,
} from "./import-queue";

const criterion = (text: string) => ({ text });

/** A recognised document of two questions, as far as the queue looks at it. */
const document = {
  title: "Consensus drills",
  questions: [
    { key: "q1", followUps: [{}, {}], rubric: [criterion("leader"), criterion("lease")] },
    { key: "q2", followUps: [], rubric: [criterion("quorum")] },
  ],
  competencies: [],
  repairs: { mojibakeFixed: 0, codeLinesRestored: 0 },
} as unknown as BankDocument;

const report = { unused: [{ line: 40 }, { line: 52 }], unusedTotal: 2 } as unknown as PreviewReport;

const outcome = { documentId: "doc_1", status: "created", questions: 3 } as unknown as ImportOutcome;

const run = (actions: ImportQueueAction[], from: ImportQueue = emptyImportQueue) => actions.reduce(reduceImportQueue, from);

const picked = (id: string, refusal: string | null = null): ImportQueueAction => ({ type: "picked", files: [{ id, name: `${id}.md`, size: 2_048, refusal }] });

/** `id` read and recognised: ready to import. */
const previewed = (id: string): ImportQueueAction[] => [
  picked(id),
  { type: "readProgress", id, progress: 0.5 },
  { type: "read", id, content: "IyBRMQ==" },
  { type: "previewed", id, document, report },
];

describe("reduceImportQueue", () => {
  it("reads, recognises and readies a picked file; a refused one fails at once, without being read", () => {
    let queue = run([picked("a"), picked("b", "b.odt is not a file the importer reads (.md, .markdown, .txt, .rst, .html, .htm, .pdf, .docx).")]);
    expect(queue.entries.map(({ id, phase, error }) => ({ id, phase, error }))).toEqual([
      { id: "a", phase: "reading", error: undefined },
      { id: "b", phase: "failed", error: "b.odt is not a file the importer reads (.md, .markdown, .txt, .rst, .html, .htm, .pdf, .docx)." },
    ]);
    expect(previewing(queue)).toBe(true);

    queue = run([{ type: "readProgress", id: "a", progress: 0.5 }], queue);
    expect(queue.entries[0]).toMatchObject({ phase: "reading", progress: 0.5 });
    queue = run([{ type: "read", id: "a", content: "IyBRMQ==" }], queue);
    expect(queue.entries[0]).toMatchObject({ phase: "recognising", content: "IyBRMQ==" });
    expect(previewing(queue)).toBe(true);
    queue = run([{ type: "previewed", id: "a", document, report }], queue);
    expect(queue.entries[0]).toMatchObject({ phase: "ready", document, report });
    expect(previewing(queue)).toBe(false);
    expect(readyEntries(queue).map((entry) => entry.id)).toEqual(["a"]);
    expect(queue.entries[1]).toMatchObject({ phase: "failed" });
  });

  it("counts what an import would add, with the corrections and the passages made questions", () => {
    let queue = run(previewed("a"));
    expect(entryTotals(queue.entries[0]!)).toEqual({ questions: 2, followUps: 2, rubric: 3 });
    queue = run(
      [
        { type: "corrected", id: "a", questionKey: "q2", correction: { rubric: [criterion("quorum"), criterion("terms")] } as never },
        { type: "passageChosen", id: "a", line: 40, choice: "question" },
        { type: "passageChosen", id: "a", line: 52, choice: "dismissed" },
      ],
      queue,
    );
    expect(entryTotals(queue.entries[0]!)).toEqual({ questions: 3, followUps: 2, rubric: 4 });
    expect(importFile(queue.entries[0]!)).toEqual({
      name: "a.md",
      encoding: "base64",
      content: "IyBRMQ==",
      corrections: [{ key: "q2", rubric: [criterion("quorum"), criterion("terms")] }],
      passagesAsQuestions: [40],
    });

    // Undecided again: the passage is neither a question nor dismissed.
    queue = run([{ type: "passageChosen", id: "a", line: 40, choice: null }], queue);
    expect(queue.entries[0]!.passages).toEqual({ 52: "dismissed" });
    expect(readyTotals(run(previewed("b"), queue))).toEqual({ questions: 4, followUps: 4, rubric: 7 });
  });

  it("imports the ready files one at a time, keeps a failure with its reason, and drops the bytes of what was imported", () => {
    let queue = run([...previewed("a"), ...previewed("b"), { type: "importStarted" }, { type: "importing", id: "a" }]);
    expect(queue.importing).toBe(true);
    expect(queue.entries.map((entry) => entry.phase)).toEqual(["importing", "ready"]);
    queue = run(
      [
        { type: "imported", id: "a", outcome },
        { type: "importing", id: "b" },
        { type: "failed", id: "b", error: "The server is busy." },
        { type: "importFinished" },
      ],
      queue,
    );
    expect(queue.importing).toBe(false);
    expect(queue.entries[0]).toMatchObject({ phase: "imported", outcome, content: undefined });
    expect(queue.entries[1]).toMatchObject({ phase: "failed", error: "The server is busy." });
    expect(readyEntries(queue)).toEqual([]);
  });

  it("clears what was imported when more files are picked, and removes an entry on request", () => {
    let queue = run([...previewed("a"), ...previewed("b"), { type: "imported", id: "a", outcome }, picked("c")]);
    expect(queue.entries.map((entry) => entry.id)).toEqual(["b", "c"]);
    queue = run([{ type: "removed", id: "b" }], queue);
    expect(queue.entries.map((entry) => entry.id)).toEqual(["c"]);
  });

  it("changes only the entry an action names", () => {
    const before = run([...previewed("a"), picked("b")]);
    const after = run([{ type: "failed", id: "b", error: "b.md could not be read." }], before);
    expect(after.entries[0]).toBe(before.entries[0]);
    expect(before.entries[1]).toMatchObject({ phase: "reading" });
  });
});
