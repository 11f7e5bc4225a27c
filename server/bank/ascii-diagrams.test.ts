import { describe, expect, it } from "vitest";
import { diagramRuns, fenceAsciiDiagrams } from "./ascii-diagrams";
import { parseBankDocumentWithReport } from "./parse-bank-document";
import { splitMarkdown } from "./split-markdown";
import { splitPlainText } from "./split-plain-text";

const BOXES = [
  "+--------+     +---------+     +-------------+",
  "| Sender | --> | Gateway | --> | Group log   |",
  "+--------+     +---------+     +------+------+",
  "                                      |",
  "                               +------v------+",
  "                               | Conn server |",
  "                               +-------------+",
];

const BOX_DRAWING = ["┌────────┐      ┌──────────┐", "│ Client │ ───▶ │ Gateway  │", "└────────┘      └──────────┘"];

const runsOf = (text: string) => diagramRuns(text.split("\n"));

describe("an ASCII diagram written without a fence", () => {
  it("is a run of drawn lines with box edges, in ASCII or box-drawing characters", () => {
    expect(runsOf(["Answer: one log per group.", "", ...BOXES, "", "Follow-ups:"].join("\n"))).toEqual([{ start: 2, end: 9 }]);
    expect(runsOf(BOX_DRAWING.join("\n"))).toEqual([{ start: 0, end: 3 }]);
    // Two parts of one drawing, a blank line between them.
    expect(runsOf([...BOXES.slice(0, 3), "", ...BOXES.slice(4)].join("\n"))).toEqual([{ start: 0, end: 7 }]);
  });

  it("is not a table, an arrow in a sentence, a rule, a list, or a drawing already fenced", () => {
    expect(runsOf("| Option | Cost |\n|--------|------|\n| A      | 1    |\n| B      | 2    |")).toEqual([]);
    expect(runsOf("The request goes Client --> Gateway --> Service.\nThen it returns.")).toEqual([]);
    expect(runsOf("Title\n-----\n\n---\n\n+ an item\n+ another item")).toEqual([]);
    expect(runsOf(["```", ...BOXES, "```"].join("\n"))).toEqual([]);
    // One box edge is not a drawing.
    expect(runsOf("+----+\n| ok |\n| no |")).toEqual([]);
  });

  it("is fenced in place, and every line keeps its number in the text given", () => {
    const text = ["Architecture:", ...BOXES, "Follow-ups:"].join("\n");
    const fenced = fenceAsciiDiagrams(text);
    const lines = fenced.text.split("\n");
    expect(lines).toEqual(["Architecture:", "```", ...BOXES, "```", "Follow-ups:"]);
    expect(lines.map((_, i) => fenced.lineOf(i + 1))).toEqual([1, 2, 2, 3, 4, 5, 6, 7, 8, 8, 9]);
    expect(fenceAsciiDiagrams("no drawing here").text).toBe("no drawing here");
  });

  it("is one code unit of the Markdown and the plain-text splitters, and the units after it cite their own lines", () => {
    for (const split of [splitMarkdown, splitPlainText]) {
      const { units } = split(["Architecture:", ...BOXES, "Follow-ups:"].join("\n"));
      const code = units.find((unit) => unit.kind === "code");
      expect(code && code.kind === "code" ? code.value : null).toBe(BOXES.join("\n"));
      expect(units.find((unit) => unit.kind === "line" && unit.text === "Follow-ups:")?.line).toBe(9);
    }
  });

  it("is kept as a monospace block in its question's reference answer, in a Markdown note and in a plain-text one", () => {
    const markdown = [
      "# System design",
      "",
      "## How would you fan out a message to a group of 500 members?",
      "",
      "Answer: write once to the group's log, and let each member's connection server read it.",
      "",
      ...BOXES,
      "",
      "**Follow-ups:**",
      "- What happens when a member is offline?",
    ].join("\n");
    const plain = [
      "Q: How would you fan out a message to a group of 500 members?",
      "Answer: write once to the group's log, and let each member's connection server read it.",
      ...BOX_DRAWING,
      "Q: How would you store the messages?",
      "Answer: an append-only log per group, partitioned by group id.",
    ].join("\n");
    for (const [name, text, drawing] of [
      ["notes.md", markdown, BOXES],
      ["notes.txt", plain, BOX_DRAWING],
    ] as const) {
      const { document } = parseBankDocumentWithReport({ bytes: Buffer.from(text), sourceFile: name });
      const question = document.questions[0]!;
      expect(question.prompt, name).toBe("How would you fan out a message to a group of 500 members?");
      expect(question.answer, name).toContain(["```", ...drawing, "```"].join("\n"));
      // Not a key point, a follow-up or another question.
      expect(JSON.stringify(document.questions.slice(1)), name).not.toContain(drawing[0]);
      expect(question.keyPoints.join("\n"), name).not.toContain("+--");
    }
  });
});
