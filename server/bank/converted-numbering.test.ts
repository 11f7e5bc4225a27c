import { describe, expect, it } from "vitest";
import { parseBankDocumentWithReport } from "./parse-bank-document";

const parse = (text: string, sourceFile: string) => parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile });

describe("numbered entries a document conversion broke", () => {
  it('reads "_1. …", an underscore left before the list\'s number, as a numbered question without either', () => {
    for (const [text, file] of [
      [
        "Interview questions\n\n_1. What is a process?\nA running program.\n\n_2. Name a thread state.\nRunnable.\n\n_3. Why use a pool?\nTo reuse threads.\n",
        "notes.txt",
      ],
      [
        "# Interview questions\n\nSome **intro** here.\n\n\\_1. What is a process?\nA running program.\n\n\\_2. Name a thread state.\nRunnable.\n\n\\_3. Why use a pool?\nTo reuse threads.\n\n## More\n\nText.\n",
        "notes.md",
      ],
    ] as const) {
      const { document, report } = parse(text, file);
      expect(
        document.questions.map((q) => [q.prompt, q.answer]),
        file,
      ).toEqual([
        ["What is a process?", "A running program."],
        ["Name a thread state.", "Runnable."],
        ["Why use a pool?", "To reuse threads."],
      ]);
      expect(report.structure, file).toMatch(/^Questions are numbered paragraphs/);
    }
  });
});
