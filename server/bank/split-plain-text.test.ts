import { describe, expect, it } from "vitest";
import { splitPlainText } from "./split-plain-text";

describe("splitPlainText", () => {
  it("turns bullet runs into lists and keeps other lines as their own paragraphs", () => {
    const { units } = splitPlainText("Question 1: Title\n\nWhat is tested:\n  • Depth: knows it\n  • Breadth: knows more\n- plain dash\n");
    expect(units.map((u) => u.kind)).toEqual(["line", "line", "list"]);
    const list = units[2];
    expect(list?.kind === "list" && list.items.map((i) => i.text)).toEqual(["Depth: knows it", "Breadth: knows more", "plain dash"]);
    expect(list?.md).toBe("- Depth: knows it\n- Breadth: knows more\n- plain dash");
  });

  it("keeps an entry's further lines, indented under its bullet, in the entry: a sentence wrapped over them is one line", () => {
    const { units } = splitPlainText(
      "* Have they taken any steps or created any systems to prevent errors from occurring,\n  or to detect them early?\n\n* How do they track down bugs?\n  (Their own or others'.)\nA paragraph after the list.\n",
      { rest: true },
    );
    expect(units.map((u) => u.kind)).toEqual(["list", "line"]);
    const list = units[0];
    expect(list?.kind === "list" && list.items.map((i) => [i.text, i.lines])).toEqual([
      [
        "Have they taken any steps or created any systems to prevent errors from occurring, or to detect them early?",
        ["Have they taken any steps or created any systems to prevent errors from occurring, or to detect them early?"],
      ],
      ["How do they track down bugs?", ["How do they track down bugs?", "(Their own or others'.)"]],
    ]);
  });

  it("keeps a reST paragraph's lines one paragraph whatever they end on, but not a label line under it", () => {
    const { units } = splitPlainText("Consider listing your outputs\nmanually; this keeps the interface\nconstant.\nA: Yes.\n\nNext.\n", { rest: true });
    expect(units.map((u) => [u.kind === "line" ? u.text : u.kind, u.block])).toEqual([
      ["Consider listing your outputs", 1],
      ["manually; this keeps the interface", 1],
      ["constant.", 1],
      ["A: Yes.", 2],
      ["Next.", 3],
    ]);
  });

  it("reads a title in capitals alone between blank lines as a heading, not a shout inside a paragraph", () => {
    const { units } = splitPlainText("C++ INTERVIEW QUESTIONS\n\nQuestion 1: What is RAII?\nAnswer: Scoped resources.\nNOTE THIS WELL\n\nOK\n");
    expect(units.map((u) => [u.kind, u.kind === "heading" ? u.depth : null, u.md])).toEqual([
      ["heading", 1, "# C++ INTERVIEW QUESTIONS"],
      ["line", null, "Question 1: What is RAII?"],
      ["line", null, "Answer: Scoped resources."],
      ["line", null, "NOTE THIS WELL"],
      ["line", null, "OK"],
    ]);
  });

  it("fences code that lost its line breaks and restores the obvious ones", () => {
    const { units, codeLinesRestored } = splitPlainText(
      "Diagnostic command:\n\nconst admin = client.db().admin();const status = await admin.serverStatus();\n    console.log(status);\n\nThen read it.",
    );
    expect(units.map((u) => u.kind)).toEqual(["line", "code", "line"]);
    expect(units[1]?.md).toBe("```\nconst admin = client.db().admin();\nconst status = await admin.serverStatus();\nconsole.log(status);\n```");
    expect(codeLinesRestored).toBe(1);
  });

  it('keeps a numbered entry whose number runs into its text ("17.What …") in the list, but not a decimal', () => {
    const { units } = splitPlainText("16. What is terraform fmt?\n17.What is called Snowball?\n18. How do you manage credentials?\n\nVersion 3.5 is out.\n");
    expect(units.map((u) => u.kind)).toEqual(["list", "line"]);
    const list = units[0];
    expect(list?.kind === "list" && list.items.map((i) => i.text)).toEqual([
      "What is terraform fmt?",
      "What is called Snowball?",
      "How do you manage credentials?",
    ]);
  });

  it("escapes Markdown syntax at the start of a plain line", () => {
    expect(splitPlainText("# not a heading\nnext").units[0]?.md).toBe("\\# not a heading");
  });

  it("reads underlined and over-and-underlined titles as headings, levels in the order their styles appear", () => {
    const { units } = splitPlainText("=====\nGuide\n=====\n\nIntro.\n\nBasics\n======\n\nText.\n\nDetails\n-------\n\nMore.\n\nAdvanced\n========\n");
    expect(units.filter((u) => u.kind === "heading").map((u) => (u.kind === "heading" ? [u.depth, u.text, u.line] : null))).toEqual([
      [1, "Guide", 2],
      [2, "Basics", 7],
      [3, "Details", 12],
      [2, "Advanced", 17],
    ]);
    // A drawn rule on its own, with nothing above it, is still only a rule.
    expect(splitPlainText("Text.\n\n-----\n\nMore.").units.map((u) => u.kind)).toEqual(["line", "line", "line"]);
  });

  it("keeps a list whole across blank lines between its entries, but not across a restarted numbering or a change of bullet", () => {
    const loose = splitPlainText("* What is a list?\n\n* What is a tuple?\n\nAfter.").units;
    expect(loose.map((u) => u.kind)).toEqual(["list", "line"]);
    expect(loose[0]?.kind === "list" && loose[0].items.map((i) => i.text)).toEqual(["What is a list?", "What is a tuple?"]);
    expect(splitPlainText("1. Fix it\n2. Ship it\n\n\n1. What is this testing?").units.map((u) => u.kind)).toEqual(["list", "list"]);
    expect(splitPlainText("1. One\n\n2. Two").units.map((u) => u.kind)).toEqual(["list"]);
    expect(splitPlainText("* One\n\n- Two").units.map((u) => u.kind)).toEqual(["list", "list"]);
  });
});
