import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BankQuestion, PartSource } from "./bank-format";
import { parseBankDocumentWithReport } from "./parse-bank-document";
import { questionRegions, SourceText } from "./locate-sources";

const SEEDS = new URL("../../content/banks/", import.meta.url);
const FIXTURES = new URL("../../tests/fixtures/bank/", import.meta.url);
const seeds = readdirSync(SEEDS).filter((name) => /\.(?:txt|md)$/.test(name));

function parse(dir: URL, name: string) {
  return parseBankDocumentWithReport({ bytes: readFileSync(new URL(name, dir)), sourceFile: name });
}

function parseText(text: string, name = "doc.md") {
  return parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: name });
}

/** Every part of a question with its text and source. */
function partsOf(q: BankQuestion): Array<{ kind: string; text: string; source: PartSource | null | undefined }> {
  const s = q.partSources;
  return [
    ...q.rubric.flatMap((c, i) => [
      { kind: "criterion", text: c.title, source: s?.rubric[i]?.criterion },
      ...c.lookFor.map((l, j) => ({ kind: "look-for", text: l, source: s?.rubric[i]?.lookFor[j] })),
    ]),
    ...q.keyPoints.map((k, i) => ({ kind: "key point", text: k, source: s?.keyPoints[i] })),
    ...q.followUps.map((f, i) => ({ kind: "follow-up", text: f.prompt, source: s?.followUps[i] })),
    ...q.redFlags.map((r, i) => ({ kind: "red flag", text: r, source: s?.redFlags[i] })),
    ...(q.exampleScore ? [{ kind: "example score", text: `${q.exampleScore.score}/${q.exampleScore.outOf}`, source: s?.exampleScore }] : []),
  ];
}

const words = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

describe("the lines of each part, on the seeds", () => {
  it.each(seeds)("%s: every part has a source, and its lines hold its words", (name) => {
    const { document, text } = parse(SEEDS, name);
    const lines = text.split("\n");
    let placed = 0;
    let parts = 0;
    for (const question of document.questions) {
      expect(question.partSources).toBeDefined();
      for (const part of partsOf(question)) {
        expect(part.source, `${part.kind} “${part.text}”`).toBeDefined();
        parts++;
        const range = part.source?.lines;
        if (!range) continue;
        placed++;
        expect(range.from).toBeLessThanOrEqual(range.to);
        expect(range.to).toBeLessThanOrEqual(lines.length);
        if (part.source?.origin !== "document" || part.kind === "criterion" || part.kind === "example score") continue;
        // A part's passage holds its first and its last word.
        const passage = words(lines.slice(range.from - 1, range.to).join("\n"));
        const own = words(part.text);
        expect(passage, `${part.kind} “${part.text}” at ${range.from}–${range.to}`).toContain(own[0]);
        expect(passage, `${part.kind} “${part.text}” at ${range.from}–${range.to}`).toContain(own.at(-1));
      }
    }
    // The seeds state what they look for: nearly every part is placed.
    expect(placed / parts).toBeGreaterThan(0.97);
  });

  it("places the parts of seed 1's out-of-order question on their own lines", () => {
    const { document, text } = parse(SEEDS, "1-senior-gotcha-questions.txt");
    const lines = text.split("\n");
    const question = document.questions.find((q) => q.prompt.startsWith("How do you handle out-of-order messages"));
    expect(question).toBeDefined();
    if (!question?.partSources) return;
    const at = (source: PartSource | undefined) => (source?.lines ? lines.slice(source.lines.from - 1, source.lines.to).join("\n") : null);
    const buffer = question.keyPoints.indexOf("Buffer window (wait N ms for stragglers)");
    expect(at(question.partSources.keyPoints[buffer])).toMatch(/^\s*• Buffer window \(wait N ms for stragglers\)$/);
    const solutions = question.rubric.findIndex((c) => c.title === "Solutions by scenario");
    const criterion = question.partSources.rubric[solutions];
    expect(at(criterion?.criterion)).toMatch(/^2\. SOLUTIONS BY SCENARIO[\s\S]*D\. LAST-WRITER-WINS \(LWW\)$/);
    expect(at(criterion?.lookFor[1])).toMatch(/B\. SEQUENCE NUMBERS/);
    expect(criterion?.criterion.origin).toBe("document");
  });

  it("reads lines of the repaired text in a mojibake seed", () => {
    const { document, text } = parse(SEEDS, "4-anticipated-follow-up-questions.txt");
    const lines = text.split("\n");
    const flagged = document.questions.find((q) => q.redFlags.some((flag) => flag.startsWith("Blaming others")));
    const index = flagged?.redFlags.findIndex((flag) => flag.startsWith("Blaming others")) ?? -1;
    const range = flagged?.partSources?.redFlags[index]?.lines;
    // The document's closing list of common mistakes applies to every question.
    expect(range && lines[range.from - 1]).toBe("1. **Blaming others**: Even if true, focus on what YOU learned");
  });
});

describe("what the importer derived points at what it was derived from", () => {
  it("key points made from the rubric are derived, on the lines of the look-fors", () => {
    const { document } = parseText(
      ["# Q", "", "## What is an index?", "", "**What interviewers look for:**", "", "- B-tree lookups", "- Slower writes", ""].join("\n"),
    );
    const [question] = document.questions;
    expect(question?.keyPoints).toEqual(["B-tree lookups", "Slower writes"]);
    expect(question?.partSources?.keyPoints).toEqual([
      { lines: { from: 7, to: 7 }, origin: "derived" },
      { lines: { from: 8, to: 8 }, origin: "derived" },
    ]);
    expect(question?.partSources?.rubric[0]?.lookFor[0]).toEqual({ lines: { from: 7, to: 7 }, origin: "document" });
    expect(question?.partSources?.rubric[0]?.criterion).toEqual({ lines: { from: 5, to: 8 }, origin: "document" });
  });

  it("a rubric made from the answer is derived, on the answer's lines", () => {
    const { document } = parseText(
      [
        "PYTHON INTERVIEW QUESTIONS",
        "",
        "Q: What is the GIL?",
        "ANS: The global interpreter lock lets only one thread run Python bytecode at a time.",
        "It matters for CPU-bound threads, not for I/O-bound ones.",
        "",
        "Q: How do you copy a list?",
        "ANS: Use list(x) or x[:] for a shallow copy.",
      ].join("\n"),
      "python.txt",
    );
    const [gil] = document.questions;
    expect(gil?.rubric[0]?.title).toBe("Covers the reference answer");
    expect(gil?.partSources?.rubric[0]?.criterion).toEqual({ lines: { from: 4, to: 5 }, origin: "derived" });
    expect(gil?.partSources?.keyPoints.every((source) => source.origin === "derived")).toBe(true);
  });

  it("the default criterion of a question without an answer has no lines", () => {
    const { document } = parse(FIXTURES, "question-list.md");
    const source = document.questions[0]?.partSources?.rubric[0]?.criterion;
    expect(source).toEqual({ lines: null, origin: "derived" });
  });
});

describe("SourceText", () => {
  const source = new SourceText(["# Title", "", "- **Red flag**: says “never”", "", "  1. STATE RECOVERY", "     • Use Redis"].join("\n"));

  it("finds a part by its words, whatever the markup around them", () => {
    expect(source.find("Red flag: says never", { from: 1, to: 6 })).toEqual({ from: 3, to: 3 });
    expect(source.find("State recovery Use Redis", { from: 1, to: 6 })).toEqual({ from: 5, to: 6 });
  });

  it("looks outside the region only when asked to", () => {
    expect(source.find("Use Redis", { from: 1, to: 3 })).toBeNull();
    expect(source.find("says never", { from: 5, to: 6 }, true)).toEqual({ from: 3, to: 3 });
  });

  it("gives each question the lines up to the next one's", () => {
    expect(questionRegions([3, 10, 7, 10], 12)).toEqual([
      { from: 3, to: 6 },
      { from: 10, to: 12 },
      { from: 7, to: 9 },
      { from: 10, to: 12 },
    ]);
  });
});
