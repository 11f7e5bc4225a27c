import { describe, expect, it } from "vitest";
import { asciidocAsMarkdown } from "./asciidoc";
import { parseBankDocumentWithReport } from "./parse-bank-document";

const FAQ = [
  "[[tool-faq]]",
  "= Tool FAQ",
  ":toc: macro",
  "",
  "Questions people ask about the tool.",
  "",
  "== Setup",
  "=== How do I install the tool?",
  "",
  "Download the archive and unpack it.",
  "",
  "=== Why does the build print a warning?",
  "",
  "Because the cache is cold.",
  "",
  "[source,java]",
  "----",
  "== not a title inside a listing",
  "Cache.warm();",
  "----",
  "",
  "=== Can I run two builds at once?",
  "",
  "Yes, with separate work directories.",
].join("\n");

const parse = (text: string, sourceFile = "faq.adoc") => parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile });

describe("an AsciiDoc document", () => {
  it("reads '=' to '======' section titles as headings and delimited blocks as fenced code, line for line", () => {
    const md = asciidocAsMarkdown(FAQ);
    expect(md?.split("\n")).toHaveLength(FAQ.split("\n").length);
    const lines = md?.split("\n") ?? [];
    expect(lines[1]).toBe("# Tool FAQ");
    expect(lines[6]).toBe("## Setup");
    expect(lines[7]).toBe("### How do I install the tool?");
    expect(lines.slice(15, 20)).toEqual(["", "```java", "== not a title inside a listing", "Cache.warm();", "```"]);
  });

  it("asks the questions its section titles ask, with the text under each as the answer and the line it is on", () => {
    const { document, report } = parse(FAQ);
    expect(document.title).toBe("Tool FAQ");
    expect(document.questions.map((q) => [q.prompt, q.source.line])).toEqual([
      ["How do I install the tool?", 8],
      ["Why does the build print a warning?", 12],
      ["Can I run two builds at once?", 22],
    ]);
    expect(document.questions[1]?.answer).toContain("```java\n== not a title inside a listing\nCache.warm();\n```");
    // The anchor and the introduction are no questions, and are listed, not dropped; an attribute entry (":toc: macro") is a setting of
    // the document's rendering, read into its references, and no text.
    expect(report.unused.map((u) => u.line)).toEqual([1, 5]);
  });

  it("reads an attribute entry under a question as no part of its answer, and its references as its value", () => {
    const text =
      "== FAQ\n\n=== How do I share settings?\n:thread: https://example.com/t\n\nKeep them in `common.nix`.\nSee {thread}[this thread].\n\n=== Why?\n\nBecause.\n";
    const { document } = parse(text);
    expect(document.questions[0]?.answer).toBe("Keep them in `common.nix`.\nSee [this thread](https://example.com/t).");
    expect(document.questions[0]?.keyPoints).toEqual(["Keep them in common.nix.", "See this thread."]);
  });

  it("is not any document with one '= x' line, or '=' runs without a title", () => {
    expect(asciidocAsMarkdown("= Title\n\nSome text.\n")).toBeNull();
    expect(asciidocAsMarkdown("Title\n=====\n\nSection\n-------\n")).toBeNull();
    expect(asciidocAsMarkdown("x = 1\ny == 2\n")).toBeNull();
  });

  it("reads an attribute line that never closes its bracket in linear time", () => {
    const at = (n: number) => {
      const text = `= T\n\n== A\n\n[source,${"a".repeat(n)}\n----\nx\n----\n`;
      const start = performance.now();
      asciidocAsMarkdown(text);
      return performance.now() - start;
    };
    at(100_000);
    // A quadratic pattern takes minutes on a megabyte; a linear one, milliseconds.
    expect(at(1_000_000)).toBeLessThan(1000);
  });

  it("reads links and cross-references as their text: xref:, link:, a URL with its text, <<anchor,text>>", () => {
    const text =
      "= FAQ\n\n== How do I switch threads?\n\nAs described in xref:extra.adoc#schedulers[Schedulers], see link:https://x.io/a[the guide], https://y.io[Y] and <<faq.affinity,thread affinity>>.\n";
    expect(asciidocAsMarkdown(text)?.split("\n")[4]).toBe(
      "As described in [Schedulers](extra.adoc#schedulers), see [the guide](https://x.io/a), [Y](https://y.io) and thread affinity.",
    );
    expect(parse(text).document.questions[0]?.answer).toContain("As described in [Schedulers](extra.adoc#schedulers)");
  });

  it("reads a line of link macros that never close their bracket in linear time", () => {
    const at = (n: number) => {
      const text = `= T\n\n== A\n\n${"xref:a[".repeat(n / 7)}<<${"b".repeat(n)}\n`;
      const start = performance.now();
      asciidocAsMarkdown(text);
      return performance.now() - start;
    };
    at(100_000);
    expect(at(1_000_000)).toBeLessThan(1000);
  });

  it("reads a line of many term separators in linear time", () => {
    const at = (n: number) => {
      const text = `= T\n\n== A\n\n[qanda]\nWhat${"::x".repeat(n / 3)}\nWhy${":: ;;".repeat(n / 5)}\n`;
      const start = performance.now();
      asciidocAsMarkdown(text);
      return performance.now() - start;
    };
    at(100_000);
    expect(at(1_000_000)).toBeLessThan(1000);
  });

  it("reads a [qanda] list and description-list terms that ask as questions, their definitions as answers", () => {
    const text =
      "= FAQ\n\n== General\n\n[qanda]\nWhat is Foo?::\n  A scheduling library.\n\nWhy not a Timer?::\n  Timers keep nothing.\n+\nThey run in one thread.\n\n== Quick\n\n[qanda]\nWho makes it?:: The Foo project.\nIs it free?:: Yes, Apache-2.0.\n\n== Terms\n\nCPU:: The brain.\n\nHow do I stop a job?::\n  Interrupt it.\n";
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "faq.adoc" });
    expect(document.questions.map((q) => [q.prompt, q.section.at(-1), q.answer])).toEqual([
      ["What is Foo?", "General", "A scheduling library."],
      ["Why not a Timer?", "General", "Timers keep nothing.\n\nThey run in one thread."],
      ["Who makes it?", "Quick", "The Foo project."],
      ["Is it free?", "Quick", "Yes, Apache-2.0."],
      ["How do I stop a job?", "Terms", "Interrupt it."],
    ]);
  });

  it("reads a two-line title ('Is it possible …?' over '~~~~…' as long) as the section title it is, not a code fence", () => {
    const text =
      "= Tool FAQ\n\n== Running\n\n=== How do I delay the execution?\n\nAdd a sleep.\n\nIs it possible to add an agent?\n~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\nUse createagent.\n\n=== Which modes are there?\n\nAsynchronous and debug.\n";
    const { document } = parse(text);
    expect(document.questions.map((q) => [q.prompt, q.answer, q.source.line])).toEqual([
      ["How do I delay the execution?", "Add a sleep.", 5],
      ["Is it possible to add an agent?", "Use createagent.", 9],
      ["Which modes are there?", "Asynchronous and debug.", 14],
    ]);
  });

  it("reads a WordPress readme's titles the right way round: its FAQ's '= Question? =' are questions, its changelog none", () => {
    const text =
      "=== Remember Me Controls ===\nContributors: someone\n\n== Description ==\n\nControls the checkbox.\n\n== Frequently Asked Questions ==\n\n= How long am I kept logged in? =\n\nUp to 14 days.\n\n= Is it GDPR-compliant? =\n\nYes.\n\n== Changelog ==\n\n= 2.1 =\n* Change: Update the framework\n* New: Add a .gitignore file\n";
    const { document, report } = parse(text, "readme.txt");
    expect(document.title).toBe("Remember Me Controls");
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.answer])).toEqual([
      ["Frequently Asked Questions", "How long am I kept logged in?", "Up to 14 days."],
      ["Frequently Asked Questions", "Is it GDPR-compliant?", "Yes."],
    ]);
    expect(report.unused.map((u) => u.line)).toEqual([2, 6, 21]);
  });
});
