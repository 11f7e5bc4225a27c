import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BankParseError } from "./bank-parse-error";
import { parseBankDocumentWithReport } from "./parse-bank-document";

const FIXTURES = new URL("../../tests/fixtures/bank/", import.meta.url);
const text = (s: string) => new TextEncoder().encode(s);
const parse = (s: string, passagesAsQuestions?: number[]) =>
  parseBankDocumentWithReport({ bytes: text(s), sourceFile: "notes.md" }, passagesAsQuestions ? { passagesAsQuestions } : {});

describe("a new user's own numbered notes", () => {
  const { document, report } = parseBankDocumentWithReport({
    bytes: readFileSync(new URL("own-notes-numbered.md", FIXTURES)),
    sourceFile: "own-notes-numbered.md",
  });

  it("finds all three questions, the third after a red-flag list included, with their answers", () => {
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is an index?", "A data structure that speeds up reads at the cost of writes."],
      ["How does Redis persist data?", "RDB snapshots and the AOF log."],
      ["Why would you pick PostgreSQL over MongoDB?", "Relational integrity, transactions and mature tooling."],
    ]);
    expect(report.unused).toEqual([]);
    expect(report.structure).toMatch(/^Questions are numbered paragraphs/);
  });

  it("reads 'Score: 8/10 because …' and '**Score:** 8/10', and a meta line with several fields", () => {
    const [index, redis] = document.questions;
    expect(index?.exampleScore).toEqual({ score: 8, outOf: 10, reasons: ["the candidate mentioned write amplification."] });
    expect(redis?.exampleScore).toEqual({ score: 8, outOf: 10, reasons: [] });
    expect(redis?.redFlags).toEqual(["Says Redis never loses data", "Confuses RDB with AOF"]);
    expect(index?.meta).toMatchObject({ difficulty: "Hard", tags: ["system design", "redis"] });
  });

  it("does not take the section heading over several questions as the first one's title", () => {
    expect(document.questions.map((q) => q.meta.title)).toEqual([null, null, null]);
    expect(document.questions[0]?.section).toEqual(["My backend interview notes", "Databases"]);
  });
});

describe("the parse report", () => {
  const notes = [
    "# Notes",
    "",
    "Some words about how to prepare.",
    "",
    "## Questions",
    "",
    "### What is a closure?",
    "",
    "A function with the scope it was made in.",
    "",
    "### What is hoisting?",
    "",
    "Declarations move to the top of their scope.",
    "",
    "## Practice",
    "",
    "Reverse a linked list in place.",
    "Use three pointers.",
    "",
  ].join("\n");

  it("lists every passage no question used, with its lines and an excerpt", () => {
    const { document, report } = parse(notes);
    expect(document.questions.map((q) => q.prompt)).toEqual(["What is a closure?", "What is hoisting?"]);
    expect(report.unused).toEqual([
      { line: 3, endLine: 3, excerpt: "Some words about how to prepare.", prompt: "Some words about how to prepare." },
      { line: 17, endLine: 18, excerpt: "Reverse a linked list in place. Use three pointers.", prompt: "Reverse a linked list in place." },
    ]);
  });

  it("gives a passage written in HTML the lines of its source, not of the Markdown it reads as", () => {
    const html = ["# Notes", "", "<div>", "<p>Intro one</p>", "<p>Intro two</p>", "<p>Intro three</p>", "</div>", "", "## What is X?", "", "X is y.", ""].join(
      "\n",
    );
    expect(parse(html).report.unused).toEqual([{ line: 3, endLine: 7, excerpt: "Intro one Intro two Intro three", prompt: "Intro one Intro two Intro three" }]);
  });

  it("turns a listed passage into a question of its own, in document order, leaving the other questions' keys alone", () => {
    const before = parse(notes).document;
    const { document, report } = parse(notes, [17]);
    expect(document.questions.map((q) => q.prompt)).toEqual(["What is a closure?", "What is hoisting?", "Reverse a linked list in place."]);
    expect(document.questions[2]).toMatchObject({ answer: "Use three pointers.", section: ["Notes", "Practice"], source: { line: 17 } });
    expect(document.questions.slice(0, 2).map((q) => q.key)).toEqual(before.questions.map((q) => q.key));
    expect(report.unused.map((u) => u.line)).toEqual([3]);
  });

  it("refuses a passage that is not listed, so a stale preview cannot import the wrong text", () => {
    expect(() => parse(notes, [9])).toThrow(expect.objectContaining({ code: "NO_SUCH_PASSAGE" }));
    expect(() => parse(notes, [9])).toThrow(BankParseError);
  });

  it("says what it saw when nothing reads as a question", () => {
    expect(() => parse("# Notes\n\nJust prose.\n\n- one\n- two\n\n```\nx = 1\n```\n\n> A quote.\n")).toThrow(
      /It read 1 heading, 1 paragraph, 1 list, 1 code block and 1 quotation; none of it was laid out as questions\. The first passage, at line 3, reads: "Just prose\. one two/,
    );
  });
});

describe("meaning, not just text", () => {
  it("does not take a placeholder for an answer, nor a list of links for rubric criteria", () => {
    const { document } = parse(
      [
        "# Linux",
        "",
        "### What is your favourite distribution and why?",
        "",
        "To be completed.",
        "",
        "### What does `-h` usually do?",
        "",
        "Most programs print their usage.",
        "",
        "#### Flags",
        "",
        "- -h or --help prints the usage",
        "- -v prints the version",
        "",
        "#### Useful resources",
        "",
        "- [The Unix philosophy](https://example.org/unix)",
        "- [Command line conventions](https://example.org/cli)",
        "",
        "### What is an inode?",
        "",
        "> **Answer:** The record of a file's metadata.",
        "> It holds everything but the name.",
        "",
      ].join("\n"),
    );
    const [favourite, help, inode] = document.questions;
    expect(favourite?.answer).toBeNull();
    expect(help?.rubric.map((c) => c.title)).not.toContain("Useful resources");
    expect(help?.rubric.flatMap((c) => c.lookFor)).toContain("-h or --help prints the usage");
    expect(help?.answer).toContain("[The Unix philosophy](https://example.org/unix)");
    expect(inode?.answer).toBe("The record of a file's metadata.\nIt holds everything but the name.");
  });

  it("answers a multiple-choice question with the correct option and its explanation", () => {
    const { document } = parse(
      [
        "###### 1. What's the output?",
        "",
        "```js",
        "console.log(typeof null)",
        "```",
        "",
        "- A: `null`",
        "- B: `object`",
        "- C: `undefined`",
        "",
        "<details><summary><b>Answer</b></summary>",
        "<p>",
        "",
        "#### Answer: B",
        "",
        "A historical bug: null has the type tag of objects.",
        "",
        "</p>",
        "</details>",
        "",
        "###### 2. Which is not a primitive?",
        "",
        "- A: `symbol`",
        "- B: `array`",
        "",
        "<details><summary><b>Answer</b></summary>",
        "<p>",
        "",
        "#### Answer: B",
        "",
        "Arrays are objects.",
        "",
        "</p>",
        "</details>",
        "",
      ].join("\n"),
    );
    const [typeofNull] = document.questions;
    expect(typeofNull?.answer).toBe("**B:** `object`\n\nA historical bug: null has the type tag of objects.");
    expect(typeofNull?.context).toContain("- A: `null`");
    expect(typeofNull?.keyPoints[0]).toBe("B: object");
    expect(typeofNull?.keyPoints).not.toContain("A: null");
  });
});

describe("study notes whose headings are topics", () => {
  const notes = (title: string) =>
    [
      `# ${title}`,
      "",
      "## Statistics",
      "",
      "### Random forest",
      "",
      "An ensemble of decision trees trained on bootstrap samples.",
      "",
      "### Bagging",
      "",
      "Training models on resampled data and averaging them.",
      "",
      "### Boosting",
      "",
      "Training models one after another on the previous one's errors.",
      "",
      "## Tools",
      "",
      "### Spark",
      "",
      "A distributed engine for data processing.",
      "",
    ].join("\n");

  it("asks about each topic in notes that call themselves interview material", () => {
    const { document, report } = parse(notes("Data science interview notes"));
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Random forest", "An ensemble of decision trees trained on bootstrap samples."],
      ["Bagging", "Training models on resampled data and averaging them."],
      ["Boosting", "Training models one after another on the previous one's errors."],
      ["Spark", "A distributed engine for data processing."],
    ]);
    expect(report.structure).toMatch(/taken as a topic to ask about/);
  });

  it("does not turn any document with headings into questions", () => {
    expect(() => parse(notes("Team wiki"))).toThrow(expect.objectContaining({ code: "NOTHING_RECOGNISED" }));
  });
});

describe("headings that only number the question below them", () => {
  it("asks the paragraph under '## Question 1' and answers with the rest", () => {
    const { document } = parseBankDocumentWithReport({
      bytes: readFileSync(new URL("numbered-question-headings.md", FIXTURES)),
      sourceFile: "numbered-question-headings.md",
    });
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a mutex used for?", "It guards a critical section."],
      ["Explain the difference between a process and a thread.", "Processes have their own memory."],
      ["What is a deadlock?", "Two tasks wait on each other forever."],
    ]);
  });
});

describe("passages that cannot be questions", () => {
  const questions = "\n\n## 1. What is this?\n\nSome answer.\n\n## 2. What is that?\n\nSome answer.\n\n## 3. Why is it so?\n\nSome answer.\n";

  it("lists nothing to read (only tags, an image, an HTML comment) as left out", () => {
    const { report } = parse(`# Interview questions\n\n<img src="x.png">\n\n<!-- internal: password=hunter2 -->${questions}`);
    expect(report.unused).toEqual([]);
  });

  it("never cuts a prompt inside a surrogate pair, so a passage made a question always stores", () => {
    const code = `\`\`\`\n${"a".repeat(118)}𠀀𠀀\n\`\`\``;
    const { document } = parse(`# Interview questions\n\n${code}${questions}`, [3]);
    const made = document.questions.find((q) => q.source.line === 3);
    expect(made?.prompt.endsWith("…")).toBe(true);
    expect(made?.prompt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
