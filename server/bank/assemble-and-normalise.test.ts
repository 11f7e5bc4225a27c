import { describe, expect, it } from "vitest";
import { assembleQuestions } from "./assemble-questions";
import { deriveCriteria } from "./derive-rubric";
import { extractCriteria, firstSentences, parseOutline } from "./extract-items";
import { sentenceCase } from "./inline-text";
import { assignKeys, cleanPrompt, leadingRun, normaliseQuestion, questionKey, sectionNotes, tidyMarkdown } from "./normalise-question";
import { splitMarkdown } from "./split-markdown";

const units = (md: string) => splitMarkdown(md).units;

describe("assembleQuestions", () => {
  it("routes labelled parts of a heading question and closes it at the next sibling heading", () => {
    const { questions } = assembleQuestions(
      units(
        "## Topic\n\n### 1. What is X?\n\n**Why This Is Tricky:**\n- subtle\n\n**Answer:**\nX is Y.\n\n**Follow-up Q: And Z?**\nZ too.\n\n### Not a question\n\ntext",
      ),
    );
    expect(questions).toHaveLength(1);
    const [q] = questions;
    expect(q).toMatchObject({ prompt: "What is X?", section: ["Topic"] });
    expect(q?.fields.notes).toHaveLength(1);
    expect(q?.fields.answer.map((u) => u.md)).toEqual(["X is Y."]);
    expect(q?.followUps.map((f) => [f.prompt, f.answer.map((u) => u.md)])).toEqual([["And Z?", ["Z too."]]]);
  });

  it("reads a question heading numbered under the open question's number as its follow-up, with its answer", () => {
    const text = [
      "## 정규화",
      "",
      "### 1. 정규화는 어떤 배경에서 생겨났는가?",
      "",
      "정보가 중복 저장된다.",
      "",
      "#### 1-1. 갱신 이상에는 어떠한 것들이 있는가?",
      "",
      "삽입 이상과 삭제 이상이 있다.",
      "",
      "### 2. What is normalisation?",
      "",
      "Structuring data to avoid duplication.",
      "",
      "#### 2.1 How do you find a bad relation?",
      "",
      "By its functional dependencies.",
      "",
      "#### 3.1 Why is this numbered elsewhere?",
      "",
      "Its own question.",
    ].join("\n");
    const drafts = assembleQuestions(units(text), { openers: new Map(), explanation: "" }).questions;
    const normalised = drafts.map((d) => normaliseQuestion(d, []));
    expect(normalised.map((q) => [q.prompt, q.followUps.map((f) => [f.prompt, f.answer])])).toEqual([
      ["정규화는 어떤 배경에서 생겨났는가?", [["갱신 이상에는 어떠한 것들이 있는가?", "삽입 이상과 삭제 이상이 있다."]]],
      ["What is normalisation?", [["How do you find a bad relation?", "By its functional dependencies."]]],
      // Numbered under another question: a question of its own (its "3.1" is numbering, as any heading's).
      ["Why is this numbered elsewhere?", []],
    ]);
    expect(normalised[0]?.answer).toBe("정보가 중복 저장된다.");
  });

  it("makes a section with counter-questions but no question of its own into a question", () => {
    const { questions } = assembleQuestions(
      units(
        "## Secure logging (Director Level)\n\nNever log secrets.\n\n### Counter-questions interviewers ask\n\n1) **“Why not redact?”**  \n   **Testing:** blast radius.  \n   **Answer direction:** It spreads first.\n",
      ),
    );
    expect(questions[0]).toMatchObject({ prompt: "Secure logging" });
    expect(questions[0]?.followUps).toEqual([
      { prompt: "Why not redact?", lookFor: ["blast radius."], answer: [expect.objectContaining({ md: "It spreads first." })] },
    ]);
  });

  it("applies section red flags to the questions of that section", () => {
    const assembly = assembleQuestions(units("# Doc\n\n## A\n\n**Q: Why?**\nBecause.\n\n## Red flags\n\n1. **Blaming others**: focus on you\n"));
    expect(assembly.sharedNotes).toMatchObject([{ field: "redFlags", scope: ["Doc"] }]);
  });

  it("gives page-wide look-fors to every question of the page, after each question's own criteria", () => {
    const assembly = assembleQuestions(
      units(
        "# Arrays\n\n## Things to look out for during interviews\n\n- Clarify if there are duplicates\n- Mind the empty array\n\n## Practice\n\n### What is a prefix sum?\n\nA running total.\n",
      ),
    );
    const [question] = assembly.questions.map((q) => normaliseQuestion(q, sectionNotes(assembly)));
    expect(question?.rubric.at(-1)).toEqual({
      title: "Things to look out for during interviews",
      lookFor: ["Clarify if there are duplicates", "Mind the empty array"],
    });
    expect(question?.rubric.length).toBeGreaterThan(1);
    expect(question?.keyPoints).not.toContain("Mind the empty array");
  });
});

describe("rubric extraction", () => {
  it("reads a shouted outline into criteria with their bullets or sub-titles", () => {
    expect(parseOutline("1. STATE RECOVERY\n   • Use Redis\n\n2. WHAT COULD GO WRONG\n   A. SPLIT BRAIN\n      • two leaders\n   B. DATA LOSS")).toEqual([
      { title: "State recovery", points: ["Use Redis"] },
      { title: "What could go wrong", points: ["Split brain", "Data loss"] },
    ]);
    expect(parseOutline("1. one\n2. two")).toEqual([]);
  });

  it("reads 'Title: description' bullets as one criterion each, plain bullets as one named criterion", () => {
    expect(extractCriteria(units("- **Depth**: knows internals\n- Breadth: knows options"), "x")).toEqual([
      { title: "Depth", lookFor: ["knows internals"] },
      { title: "Breadth", lookFor: ["knows options"] },
    ]);
    expect(extractCriteria(units("- one\n- two"), "Good to hear")).toEqual([{ title: "Good to hear", lookFor: ["one", "two"] }]);
  });

  it("derives criteria from an answer's own section titles, else its lists, else its sentences", () => {
    expect(deriveCriteria(units("**1. Requirements**\n\n- fast\n\n**2. Design**\n\n- simple")).map((c) => c.title)).toEqual(["Requirements", "Design"]);
    expect(deriveCriteria(units("Safe rules:\n\n- a\n- b"))).toEqual([{ title: "Safe rules", lookFor: ["a", "b"] }]);
    expect(deriveCriteria(units("One. Two. Three. Four."))).toEqual([{ title: "Covers the reference answer", lookFor: ["One.", "Two.", "Three."] }]);
  });

  it("sentence-cases shouted titles but keeps acronyms", () => {
    expect(sentenceCase("ONLINE DDL")).toBe("Online DDL");
    expect(sentenceCase("SAFE MIGRATION PATTERNS")).toBe("Safe migration patterns");
    expect(sentenceCase("Already Mixed")).toBe("Already Mixed");
  });
});

describe("normalisation", () => {
  it("cleans prompts and unquotes quoted answers", () => {
    expect(cleanPrompt("**“What is `X`?”** 🎯")).toBe("What is X?");
    expect(tidyMarkdown("> “Quoted.”\n>\n> More.")).toBe("“Quoted.”\n\nMore.");
    expect(tidyMarkdown("\n\n")).toBeNull();
  });

  it("stops a list-like part where the document moves on", () => {
    expect(leadingRun(units("- a\n- b\n\nEnd of questions\n\n- c")).map((u) => u.kind)).toEqual(["list"]);
  });

  it("gives every question a rubric, and stable keys that tell repeats apart", () => {
    const assembly = assembleQuestions(units("**Q: What is X?**\n\n**Q: What is X?**\nIt is X."));
    const normalised = assembly.questions.map((q) => normaliseQuestion(q, sectionNotes(assembly)));
    expect(normalised[0]?.rubric).toEqual([{ title: "Answers the question directly", lookFor: [] }]);
    const keys = assignKeys(normalised).map((q) => q.key);
    expect(keys[0]).toBe(questionKey("What is X?"));
    expect(keys[1]).toBe(`${keys[0]}-2`);
    expect(questionKey("What is X?")).toMatch(/^what-is-x-[0-9a-f]{8}$/);
  });
});

describe("firstSentences", () => {
  it("ends sentences at '. ' before a capital, skips code, and drops a line that only introduced code", () => {
    const md = "The event loop lets Node.js do I/O, e.g. Reading files. Use .catch() too.\n\nEfficient:\n\n```sql\nSELECT 1. FROM x;\n```\n\n“Done.”";
    expect(firstSentences(md, 5)).toEqual(["The event loop lets Node.js do I/O, e.g. Reading files.", "Use .catch() too.", "“Done.”"]);
  });

  it("leaves out the answer's own headings and the bullets' markers", () => {
    expect(firstSentences("A fact table joined to dimensions.\n\n### Example\n\nSales facts by date.", 5)).toEqual([
      "A fact table joined to dimensions.",
      "Sales facts by date.",
    ]);
    expect(firstSentences("- An access to a page not in memory.", 5)).toEqual(["An access to a page not in memory."]);
  });
});
