import { describe, expect, it } from "vitest";
import { orgAsMarkdown } from "./org";
import { parseBankDocumentWithReport } from "./parse-bank-document";

const FAQ = [
  "#+TITLE: Frequently Asked Questions",
  "#+OPTIONS: toc:nil",
  "",
  "* Common",
  "** Which version am I running?",
  ":PROPERTIES:",
  ":CUSTOM_ID: version",
  ":END:",
  "The version is shown on the =loading= screen, see [[https://example.com/v][the docs]].",
  "",
  "** Why do my =org=-related settings break?",
  "Load them *after* the config:",
  "",
  "#+BEGIN_SRC emacs-lisp",
  "(with-eval-after-load 'org)",
  "#+END_SRC",
].join("\n");

describe("an Org document", () => {
  it("rewrites headings, blocks, keywords, drawers and inline markup as Markdown, line for line", () => {
    const md = orgAsMarkdown(FAQ);
    expect(md?.split("\n")).toEqual([
      "# Frequently Asked Questions",
      "",
      "",
      "## Common",
      "### Which version am I running?",
      "",
      "",
      "",
      "The version is shown on the `loading` screen, see [the docs](https://example.com/v).",
      "",
      "### Why do my `org`-related settings break?",
      "Load them **after** the config:",
      "",
      "```emacs-lisp",
      "(with-eval-after-load 'org)",
      "```",
    ]);
  });

  it("is not read into a Markdown or plain-text document that only has stars in it", () => {
    expect(orgAsMarkdown("* a bullet\n* another\n\nText.")).toBeNull();
    expect(orgAsMarkdown("# Title\n\n** bold? **\n")).toBeNull();
  });

  it("imports its questions under their sections, with their answers and code", () => {
    const { document, report } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(FAQ), sourceFile: "faq.org" });
    expect(document.title).toBe("Frequently Asked Questions");
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.source.line])).toEqual([
      ["Common", "Which version am I running?", 5],
      ["Common", "Why do my org-related settings break?", 11],
    ]);
    expect(document.questions[1]?.answer).toContain("```emacs-lisp\n(with-eval-after-load 'org)\n```");
    expect(report.unused).toEqual([]);
  });

  it("shows no comment, and a drawer left open hides nothing after it", () => {
    const text =
      "#+TITLE: Questions\n* Basics\n** What is a closure?\n# Interviewer only: must mention lexical scope\nA function with its scope.\n#+BEGIN_COMMENT\nA draft answer.\n#+END_COMMENT\n** What is hoisting?\n:PROPERTIES:\n:ID: x\nDeclarations move to the top.\n";
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "faq.org" });
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.answer])).toEqual([
      ["Basics", "What is a closure?", "A function with its scope."],
      ["Basics", "What is hoisting?", "Declarations move to the top."],
    ]);
  });
});
