import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BankParseError } from "@/server/bank/bank-parse-error";
import { AppError } from "@/server/platform/errors";
import { MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import { parseBankDocumentWithReport } from "@/server/bank/parse-bank-document";
import { bankSourceBytes, formatOf } from "./convert-document";
import { zipEntries } from "./zip-entries";

// Made by tests/fixtures/bank/formats/make-fixtures.sh (LibreOffice from interview-drills.html); see its README.
const FIXTURES = "tests/fixtures/bank/formats";
const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURES}/${name}`));

async function bank(bytes: Uint8Array, sourceFile: string) {
  const converted = await bankSourceBytes(bytes, sourceFile);
  return { markdown: new TextDecoder().decode(converted.bytes), ...parseBankDocumentWithReport({ bytes: converted.bytes, sourceFile }) };
}

const DRILLS = [
  "How does a write-ahead log make a database crash-safe?",
  "Write a function that merges overlapping intervals.",
  "When would you pick an LSM tree over a B-tree?",
];

describe("bankSourceBytes", () => {
  it("reads a PDF made by a word processor: headings, bold labels, bullets, numbering, code, wrapped paragraphs", async () => {
    const { markdown, document } = await bank(fixture("interview-drills.pdf"), "interview-drills.pdf");
    expect(markdown).toContain("# Storage interview drills\n");
    expect(markdown).toContain("## 1. How does a write-ahead log make a database crash-safe?\n\n**Difficulty:** Medium\n\n**Tags:** storage, durability");
    expect(markdown).toContain("acknowledges the commit. After a crash");
    expect(markdown).toContain("```\ndef merge(intervals):\n    intervals.sort()\n");
    expect(markdown).toContain("            merged[-1][1] = max(merged[-1][1], end)\n");
    expect(document.questions.map((q) => q.prompt)).toEqual(DRILLS);
    const [wal, merge] = document.questions;
    expect(wal?.keyPoints).toEqual([
      "Append and fsync the log before acknowledging the commit",
      "Replay from the last checkpoint after a crash",
      "Checkpoints bound recovery time",
    ]);
    expect(wal?.followUps.map((f) => f.prompt)).toEqual(["What does group commit buy you?", "Why is the log written sequentially?"]);
    expect(wal?.redFlags).toEqual(["Believes the operating system page cache is durable"]);
    expect(wal?.meta).toMatchObject({ difficulty: "Medium", tags: ["storage", "durability"] });
    expect(merge?.keyPoints).toEqual(["Sort by start first", "Compare with the last merged interval only", "O(n log n) time because of the sort"]);
    // The source line is a line of the converted Markdown.
    expect(markdown.split("\n")[(wal?.source.line ?? 0) - 1]).toBe("## 1. How does a write-ahead log make a database crash-safe?");
  });

  it("reads a PDF that Chrome saved, whose bullets are shapes: its nested bullets are lists again, their parts in place", async () => {
    const { document } = await bank(fixture("interviewer-guide-chrome.pdf"), "interviewer-guide-chrome.pdf");
    expect(document.questions.slice(0, 3).map((q) => [q.prompt, q.section.at(-1), q.redFlags, q.followUps.map((f) => f.prompt)])).toEqual([
      ["Tell me about a project you owned end to end.", "Ownership", ["only describes what the team did"], ["What would you do differently?"]],
      ["Describe a time you disagreed with your manager.", "Ownership", [], []],
      ["How would you debug a memory leak in production?", "Technical depth", ["restarts the service and moves on"], []],
    ]);
    expect(document.questions[0]?.rubric.flatMap((c) => c.lookFor)).toEqual(["scope", "trade-offs", "a result that was measured"]);
  });

  it("reads the same document as .docx to the same questions, its code paragraphs as one block and its table as a table", async () => {
    const { markdown, document } = await bank(fixture("interview-drills.docx"), "interview-drills.docx");
    expect(markdown).toContain("```\ndef merge(intervals):\n    intervals.sort()\n");
    expect(markdown).toMatch(/\| Engine +\| Writes +\| Reads +\|\n\| -+ \| -+ \| -+ \|\n\| LSM tree/);
    expect(document.questions.map((q) => q.prompt)).toEqual(DRILLS);
    expect(document.questions[0]?.keyPoints).toHaveLength(3);
    expect(document.questions[0]?.meta.difficulty).toBe("Medium");
  });

  it("reads a Google Docs web page export through the same pipeline", async () => {
    const { document, report } = await bank(fixture("google-docs-export.html"), "networking.html");
    expect(document.title).toBe("Networking interview questions");
    expect(document.questions.map((q) => q.prompt)).toEqual([
      "What happens when you type a URL and press Enter?",
      "Write a function that checks whether a port is open.",
      "How do TCP and UDP differ?",
    ]);
    expect(document.questions[0]?.followUps.map((f) => f.prompt)).toEqual(["What changes with HTTP/3?", "Where can a CDN step in?"]);
    expect(document.questions[2]?.redFlags).toEqual(["Says UDP is always faster"]);
    expect(report.unused.map((u) => u.excerpt)).toEqual(["Shared with the panel. Please keep the answers out of the candidate’s sight."]);
  });

  it("refuses a PDF with no text layer (a scan) with a sentence saying so", async () => {
    await expect(bankSourceBytes(fixture("scanned.pdf"), "scan.pdf")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "scan.pdf has no text layer (it looks scanned); export it with text, or paste its text into a .md or .txt file.",
    });
  });

  it("refuses renamed and damaged binaries as BAD_REQUEST, never INTERNAL", async () => {
    const pdf = fixture("interview-drills.pdf");
    const docx = fixture("interview-drills.docx");
    const cases: Array<[Uint8Array, string, RegExp]> = [
      [docx, "renamed.pdf", /renamed\.pdf is not a PDF \(it does not start like one\)/],
      [pdf, "renamed.docx", /renamed\.docx is not a Word document/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "old.docx", /old\.docx is an older Word document \(\.doc\); save it as \.docx/],
      [pdf.subarray(0, 2_000), "truncated.pdf", /truncated\.pdf could not be read as a PDF/],
      [new TextEncoder().encode("%PDF-1.7\nnot really a pdf at all"), "fake.pdf", /fake\.pdf could not be read as a PDF/],
      [docx.subarray(0, 3_000), "truncated.docx", /truncated\.docx is not a Word document/],
    ];
    for (const [bytes, name, message] of cases) {
      await expect(bankSourceBytes(bytes, name), name).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
  });

  it("passes text formats through unchanged, .rst, .adoc and .org included, and refuses other names", async () => {
    const text = new TextEncoder().encode("Q: What is a mutex?\nA: A lock.\n");
    for (const name of ["a.md", "a.markdown", "a.txt", "a.rst", "a.adoc", "a.asciidoc", "a.org"]) expect((await bankSourceBytes(text, name)).bytes).toBe(text);
    await expect(bankSourceBytes(text, "a.odt")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(".rst, .adoc, .asciidoc, .org, .html, .htm, .pdf, .docx"),
    });
    expect((await bankSourceBytes(text, "a.odt", { otherNamesAsText: true })).bytes).toBe(text);
    expect(formatOf("Notes.PDF")).toBe("pdf");
  });

  it("refuses a file over the limit before converting it", async () => {
    const big = new Uint8Array(MAX_BANK_BYTES + 1);
    big.set(new TextEncoder().encode("%PDF-1.7"));
    await expect(bankSourceBytes(big, "big.pdf")).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: "big.pdf is 5.0 MB; question banks are limited to 5 MB.",
    });
  });
});

describe("bankSourceBytes on arbitrary bytes", () => {
  // Whatever arrives under a binary format's name, the answer is a sentence for the user, never a crash.
  const pdf = fixture("interview-drills.pdf");
  const docx = fixture("interview-drills.docx");
  const mangled = (base: Uint8Array) =>
    fc.tuple(fc.nat(base.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => {
      const out = base.slice();
      out.set(junk.subarray(0, out.length - at), at);
      return out;
    });
  const inputs = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }).map((b) => Uint8Array.from([...Buffer.from("%PDF-1.7\n"), ...b])),
    fc.uint8Array({ maxLength: 2_000 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
    mangled(pdf),
    mangled(docx),
    fc.string({ maxLength: 2_000 }).map((text) => new TextEncoder().encode(`<p class="c1"><span style="font-weight:700">${text}`)),
  );

  it("converts, or refuses with AppError or BankParseError", async () => {
    await fc.assert(
      fc.asyncProperty(inputs, fc.constantFrom("x.pdf", "x.docx", "x.html"), async (bytes, name) => {
        try {
          await bankSourceBytes(bytes, name);
        } catch (error) {
          expect(error instanceof AppError || error instanceof BankParseError, String(error)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 120_000);
});

describe("zipEntries", () => {
  it("lists a .docx's parts from its central directory, and nothing from what is not a ZIP", () => {
    const names = zipEntries(fixture("interview-drills.docx"))?.map((e) => e.name);
    expect(names).toContain("word/document.xml");
    expect(zipEntries(fixture("interview-drills.pdf"))).toBeNull();
    expect(zipEntries(new Uint8Array(0))).toBeNull();
  });
});
