import { describe, expect, it } from "vitest";
import { pdfTextToMarkdown, type PdfRun } from "./pdf-layout";

/** A page written top to bottom: each entry is a line of runs at a baseline 16 pt below the last unless it says. */
function page(lines: Array<{ runs: Array<Partial<PdfRun> & { text: string }>; gap?: number; x?: number }>): PdfRun[] {
  let y = 800;
  const runs: PdfRun[] = [];
  for (const line of lines) {
    y -= line.gap ?? 16;
    let x = line.x ?? 50;
    line.runs.forEach((run, i) => {
      const size = run.size ?? 12;
      const width = run.width ?? run.text.length * size * 0.5;
      runs.push({ x, y, width, size, bold: false, mono: false, endsLine: i === line.runs.length - 1, ...run });
      x += width;
    });
  }
  return runs;
}

/** A body line long enough to reach the right margin (a wrapped line of a paragraph). */
const full = (text: string) => ({ text: text.padEnd(80, " ."), width: 480 });

describe("pdfTextToMarkdown", () => {
  it("reads headings from font sizes larger than the body's, largest first", () => {
    const md = pdfTextToMarkdown([
      page([
        { runs: [{ text: "Storage drills", size: 24 }], gap: 30 },
        { runs: [{ text: "1. How does a WAL work?", size: 18 }], gap: 30 },
        { runs: [full("The log is flushed before the commit is acknowledged")] },
        { runs: [full("to the client, and")] },
        { runs: [full("the log")] },
        { runs: [{ text: "is replayed after a crash." }] },
        { runs: [{ text: "Sub topic", size: 14 }], gap: 24 },
        { runs: [{ text: "Body text." }], gap: 22 },
      ]),
    ]);
    expect(md).toContain("# Storage drills\n\n## 1. How does a WAL work?\n\n");
    expect(md).toContain("### Sub topic");
    expect(md).toMatch(/The log is flushed before the commit is acknowledged[ .]* to the client, and[ .]* the log[ .]* is replayed after a crash\./);
  });

  it("keeps paragraphs apart where the spacing or a short line says so", () => {
    const md = pdfTextToMarkdown([
      page([{ runs: [{ text: "First paragraph, one line." }] }, { runs: [{ text: "Second, after a short line." }] }, { runs: [{ text: "Third." }], gap: 26 }]),
    ]);
    expect(md).toBe("First paragraph, one line.\n\nSecond, after a short line.\n\nThird.\n");
  });

  it("reads bullets, unmapped bullet glyphs and numbering as list items, nested by indentation", () => {
    const md = pdfTextToMarkdown([
      page([
        { runs: [{ text: "Key points", bold: true }] },
        { runs: [{ text: "• Append before acknowledging" }], x: 70 },
        { runs: [{ text: "", width: 5, mono: true }, { text: " " }, { text: "Unmapped glyph bullet" }], x: 70 },
        { runs: [{ text: "\uf0b7", width: 5 }, { text: " ", width: 9 }, { text: "Symbol-font bullet" }], x: 70 },
        { runs: [{ text: "◦ Nested item" }], x: 90 },
        { runs: [{ text: "• Back out" }], x: 70 },
        { runs: [{ text: "Steps", bold: true }], gap: 24 },
        { runs: [{ text: "1. Sort first" }], x: 70 },
        { runs: [{ text: "2. Merge" }], x: 70 },
      ]),
    ]);
    expect(md).toContain(
      "**Key points**\n\n- Append before acknowledging\n- Unmapped glyph bullet\n- Symbol-font bullet\n  - Nested item\n- Back out\n\n**Steps**\n\n1. Sort first\n2. Merge\n",
    );
  });

  it("reads lines indented alike as list entries when the PDF drew its bullets as shapes (Chrome's Save as PDF)", () => {
    const lines = [
      { runs: [{ text: "Ownership", size: 18 }], gap: 30 },
      { runs: [{ text: "Tell me about a project you owned." }], x: 80 },
      { runs: [{ text: "Look for: scope, trade-offs" }], x: 110 },
      { runs: [{ text: "Red flag: only the team's work" }], x: 110 },
      { runs: [{ text: "Describe a disagreement with your manager." }], x: 80 },
      { runs: [full("A paragraph at the page's edge that runs")], gap: 24 },
      { runs: [full("on to a second full line and")] },
      { runs: [full("a third full line, then")] },
      { runs: [{ text: "ends here." }] },
      { runs: [{ text: "Centred alone" }], x: 200, gap: 24 },
    ];
    expect(pdfTextToMarkdown([page(lines)])).toMatch(
      /^# Ownership\n\n- Tell me about a project you owned\.\n {2}- Look for: scope, trade-offs\n {2}- Red flag: only the team's work\n- Describe a disagreement with your manager\.\n\nA paragraph[^\n]*ends here\.\n\nCentred alone\n$/,
    );
    // A book's paragraphs indent their first line, which wraps back to the edge: no list there.
    const book = pdfTextToMarkdown([
      page([
        { runs: [{ ...full("Indented first line of a paragraph that"), width: 450 }], x: 80 },
        { runs: [full("wraps back to the edge of the page and")] },
        { runs: [full("on again to a third full line")] },
        { runs: [{ text: "ends." }] },
        { runs: [{ ...full("Indented first line of the next one"), width: 450 }], x: 80, gap: 24 },
        { runs: [full("wraps back too.")] },
        { runs: [{ text: "Ends." }] },
      ]),
    ]);
    expect(book).not.toMatch(/^- /m);
  });

  it("joins a list item's wrapped line to it", () => {
    const md = pdfTextToMarkdown([
      page([
        { runs: [full("A paragraph of")] },
        { runs: [full("three full lines")] },
        { runs: [{ text: "ends." }] },
        { runs: [{ text: "• " }, { ...full("A long item that wraps"), x: 82 }], x: 70, gap: 24 },
        { runs: [{ text: "onto a second line." }], x: 82 },
      ]),
    ]);
    expect(md).toMatch(/\n\n- A long item that wraps[ .]* onto a second line\.\n$/);
  });

  it("marks bold runs as a label and leaves the rest plain", () => {
    const md = pdfTextToMarkdown([page([{ runs: [{ text: "Difficulty:", bold: true }, { text: " ", bold: true }, { text: "Medium" }] }])]);
    expect(md).toBe("**Difficulty:** Medium\n");
  });

  it("keeps links over whole runs, so that a table of contents still reads as one", () => {
    const md = pdfTextToMarkdown([
      page([
        { runs: [{ text: "• " }, { text: "What is a mutex?", href: "#what-is-a-mutex" }], x: 70 },
        { runs: [{ text: "See " }, { text: "the docs", href: "https://example.com/docs" }, { text: "." }], gap: 24 },
      ]),
    ]);
    expect(md).toBe("- [What is a mutex?](#what-is-a-mutex)\n\nSee [the docs](https://example.com/docs).\n");
  });

  it("reads a number drawn apart from its text as an ordered item, its wrapped line joined", () => {
    const md = pdfTextToMarkdown([
      page([
        { runs: [full("A paragraph of")] },
        { runs: [full("three full lines")] },
        { runs: [{ text: "ends." }] },
        { runs: [{ text: "1." }, { ...full("a is whether inline styles are used"), x: 88 }], x: 70, gap: 24 },
        { runs: [{ text: "on the element." }], x: 88 },
        { runs: [{ text: "2." }, { text: "b is the number of ID selectors.", x: 88 }], x: 70 },
      ]),
    ]);
    expect(md).toMatch(/\n\n1\. a is whether inline styles are used[ .]* on the element\.\n2\. b is the number of ID selectors\.\n$/);
  });

  it("makes monospace lines a fenced block, indentation rebuilt from x", () => {
    const md = pdfTextToMarkdown([
      page([
        { runs: [{ text: "def merge(xs):", mono: true, width: 14 * 6 }], gap: 12 },
        { runs: [{ text: "return sorted(xs)", mono: true, width: 17 * 6 }], x: 74, gap: 12 },
        { runs: [{ text: "After the code." }], gap: 24 },
      ]),
    ]);
    expect(md).toBe("```\ndef merge(xs):\n    return sorted(xs)\n```\n\nAfter the code.\n");
  });

  it("continues a paragraph across a page break, and escapes line starts Markdown would misread", () => {
    const md = pdfTextToMarkdown([
      page([{ runs: [full("A paragraph")] }, { runs: [full("that runs")] }, { runs: [full("to the end of the page")] }]),
      page([{ runs: [{ text: "and ends here." }] }, { runs: [{ text: "# of users" }], gap: 30 }]),
    ]);
    expect(md).toMatch(/end of the page[ .]* and ends here\.\n\n\\# of users\n$/);
  });

  it("gives nothing for pages without text (a scan)", () => {
    expect(pdfTextToMarkdown([[], [{ text: " ", x: 0, y: 0, width: 0, size: 12, bold: false, mono: false, endsLine: true }]])).toBe("");
  });

  it("takes linear time on many lines", () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => ({
      runs: [{ text: i % 7 === 0 ? `• item ${i}` : `line ${i} of text` }],
      gap: i % 5 === 0 ? 24 : 16,
    }));
    const start = performance.now();
    const md = pdfTextToMarkdown([page(lines)]);
    expect(md).toContain("line 39999 of text");
    // Generous for a busy machine: quadratic work on 40,000 lines would take minutes.
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
