import { describe, expect, it } from "vitest";
import { parseBankDocument } from "./parse-bank-document";
import { asAdmonition, asLabel, askingDirective, definitionTerm, drawnTitlesAsHeadings, looksLikeRest, withoutRoles } from "./rest-blocks";
import { splitPlainText } from "./split-plain-text";

const parse = (text: string, sourceFile = "guide.rst") => parseBankDocument({ bytes: new TextEncoder().encode(text), sourceFile });

describe("reStructuredText blocks", () => {
  it("knows a reST document by its name or by its directives and targets", () => {
    expect(looksLikeRest("Plain text.", "notes.rst")).toBe(true);
    expect(looksLikeRest(".. _intro:\n\nText.\n\n.. note:: Careful.\n", "notes.txt")).toBe(true);
    expect(looksLikeRest("Text.\n\n.. note:: Careful.\n", "notes.txt")).toBe(false);
  });

  it("reads a directive whose argument asks as a question, its options kept out of the answer", () => {
    const lines = [".. faq:: Why do caches expire?", "   :tags: cache", "   :links: c_1", "", "   Because data changes."];
    expect(askingDirective(lines, 0)).toEqual({ text: "Why do caches expire?", length: 3, options: [":tags: cache", ":links: c_1"] });
    expect(askingDirective([".. note:: Read this first.", "", "   Text."], 0)).toBeNull();
  });

  it("reads a short line with its definition indented right under it as a term, completing a title that trails off", () => {
    const lines = ["", "... rotate the logs?", "   Use logrotate."];
    expect(definitionTerm(lines, 1, "How do I...")?.text).toBe("How do I rotate the logs?");
    expect(definitionTerm(lines, 1, "Recipes")?.text).toBe("... rotate the logs?");
    // A paragraph's second line, a colon's lead-in and a bullet are no terms.
    expect(definitionTerm(["Some text", "Term", "   Definition."], 1, null)).toBeNull();
    expect(definitionTerm(["", "A short paragraph", "that goes on."], 1, null)).toBeNull();
    expect(definitionTerm(["", "For example:", "   code()"], 1, null)).toBeNull();
    expect(definitionTerm(["", "- item", "  more"], 1, null)).toBeNull();
  });

  it("makes terms and asking directives headings one level under their section, only in reST", () => {
    const text = "Tips\n====\n\nWhat is a pod?\n   The smallest unit.\n\n.. q:: Why use probes?\n   :tags: k8s\n\n   To restart.\n";
    const heads = splitPlainText(text, { rest: true }).units.filter((u) => u.kind === "heading");
    expect(heads.map((u) => [u.kind === "heading" ? u.depth : 0, u.md])).toEqual([
      [1, "# Tips"],
      [2, "## What is a pod?"],
      [2, "## Why use probes?"],
    ]);
    expect(splitPlainText(text).units.filter((u) => u.kind === "heading")).toHaveLength(1);
  });

  it('reads reST\'s auto-numbered "#." entries as an ordered list', () => {
    const list = splitPlainText("#. First\n#. Second\n").units[0];
    expect(list?.kind === "list" && list.ordered && list.items.map((i) => i.text)).toEqual(["First", "Second"]);
    expect(list?.md).toBe("1. First\n1. Second");
  });

  it("imports a guide of asking directives, which it would otherwise refuse, with their bodies as answers", () => {
    const doc = parse(
      "Guide\n=====\n\n.. qa:: When should a cache be used?\n   :tags: perf\n\n   When reads repeat.\n\n" +
        ".. qa:: How is a cache invalidated?\n   :tags: perf\n\n   #. By time\n   #. By event\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["When should a cache be used?", "When reads repeat."],
      ["How is a cache invalidated?", "1. By time\n1. By event"],
    ]);
  });

  it("imports a definition list completing a trailing title as questions, the title a section over them", () => {
    const doc = parse(
      "FAQ\n===\n\nHow do I...\n-----------\n\n... build the docs?\n   Run make.\n\n... clean the build?\n   Run make clean.\n\n... publish them?\n   Push the tag.\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["How do I build the docs?", "Run make."],
      ["How do I clean the build?", "Run make clean."],
      ["How do I publish them?", "Push the tag."],
    ]);
  });

  it("asks a trailing title's entries whatever their wording: 'Using Sphinx with...' over 'Read the Docs'", () => {
    const doc = parse(
      "FAQ\n===\n\nHow do I...\n-----------\n\n... build the docs?\n   Run make.\n\n... clean the build?\n   Run make clean.\n\nUsing it with...\n----------------\n\nRead the Docs\n   It hosts the docs.\n\nGitHub Pages\n   The githubpages extension publishes them.\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["How do I build the docs?", "Run make."],
      ["How do I clean the build?", "Run make clean."],
      ["Using it with Read the Docs", "It hosts the docs."],
      ["Using it with GitHub Pages", "The githubpages extension publishes them."],
    ]);
  });

  it("turns titles drawn as reST draws them in a Markdown document into headings, line for line", () => {
    const text = "=====\nGuide\n=====\n\nIntro **x**.\n\nNetworking\n~~~~~~~~~~\n\n- What is TCP?\n\n```\nabc\n```\n\nData\n~~~~\n";
    expect(drawnTitlesAsHeadings(text)?.split("\n")).toEqual([
      "",
      "# Guide",
      "",
      "",
      "Intro **x**.",
      "",
      "## Networking",
      "",
      "",
      "- What is TCP?",
      "",
      "```",
      "abc",
      "```",
      "",
      "## Data",
      "",
      "",
    ]);
    // Markdown's own setext titles, a fence under a short line, front matter: nothing to do.
    expect(drawnTitlesAsHeadings("Guide\n=====\n\nText.\n")).toBeNull();
    expect(drawnTitlesAsHeadings("Example:\n~~~js\nx\n~~~\n")).toBeNull();
    expect(drawnTitlesAsHeadings("Text.\n\n~~~\nabc\n~~~\n")).toBeNull();
    expect(drawnTitlesAsHeadings("---\ntitle: x\n---\n\nText.\n")).toBeNull();
    // An underline shorter than its title is not one.
    expect(drawnTitlesAsHeadings("\nNetworking basics\n~~~~~\n")).toBeNull();
  });

  it('keeps the section of questions under titles underlined with "~" in a Markdown document', () => {
    const md =
      "Interview questions\n===================\n\nSome **bold** intro with `code`.\n\nNetworking\n~~~~~~~~~~\n\n- What is TCP?\n- What is UDP?\n\n## Extra\n\n- What is DNS?\n- What is ARP?\n";
    const doc = parse(md, "notes.md");
    expect(doc.questions.map((q) => [q.section.at(-1), q.prompt])).toEqual([
      ["Networking", "What is TCP?"],
      ["Networking", "What is UDP?"],
      ["Extra", "What is DNS?"],
      ["Extra", "What is ARP?"],
    ]);
  });

  it('reads a field list at the margin as labels, so ":Question:" / ":Answer:" pairs are questions and answers', () => {
    expect(asLabel(":Answer: It is Y.")).toBe("Answer: It is Y.");
    expect(asLabel(":Q:")).toBe("Q:");
    expect(asLabel("   :A: indented")).toBe("   :A: indented");
    const doc = parse(
      "FAQ\n===\n\n:Question: What is a generator?\n:Answer: A function that yields lazily.\n\n:Question: What is a decorator?\n:Answer: A callable that wraps another.\n\n:Question: Why use slots?\n:Answer: To save memory.\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a generator?", "A function that yields lazily."],
      ["What is a decorator?", "A callable that wraps another."],
      ["Why use slots?", "To save memory."],
    ]);
  });

  it('keeps a literal block after "::" as code, so the markup it shows is not read as questions', () => {
    const text = "How do I mark up a Q&A?\n-----------------------\n\nUse a field list::\n\n    :Q: What is X?\n    :A: Y.\n\nProse at the margin ends it.\n";
    const units = splitPlainText(text, { rest: true }).units;
    expect(units.map((u) => u.kind)).toEqual(["heading", "line", "code", "line"]);
    expect(units[2]?.kind === "code" && units[2].value).toBe(":Q: What is X?\n:A: Y.");
    expect(parse(text).questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["How do I mark up a Q&A?", "Use a field list::\n\n```\n:Q: What is X?\n:A: Y.\n```\n\nProse at the margin ends it."],
    ]);
  });

  it('reads a ".. code-block::" directive\'s indented body as code in its language, its options left out', () => {
    const text = "How do I print?\n---------------\n\nUse print:\n\n.. code-block:: python\n   :linenos:\n\n   print(1)\n   x = 2\n\nThat is all.\n";
    const units = splitPlainText(text, { rest: true }).units;
    expect(units.map((u) => u.kind)).toEqual(["heading", "line", "code", "line"]);
    expect(units[2]?.md).toBe("```python\nprint(1)\nx = 2\n```");
    expect(units[2]?.line).toBe(6);
  });

  it("shows an admonition in an answer as the bold label a reader sees", () => {
    expect(asAdmonition(".. note:: Since 3.7.")).toBe("**Note:** Since 3.7.");
    expect(asAdmonition("   .. seealso::")).toBe("   **See also:**");
    expect(asAdmonition(".. image:: x.png")).toBeNull();
    const doc = parse("FAQ\n===\n\nHow are dicts ordered?\n----------------------\n\nBy insertion.\n\n.. warning:: Not before 3.6.\n");
    expect(doc.questions.map((q) => q.answer)).toEqual(["By insertion.\n\n**Warning:** Not before 3.6."]);
  });

  it("reads a role as the code it marks, so that 'A :class:`File` accepts' is no 'A:' answer label", () => {
    expect(withoutRoles("A :class:`File` accepts two parameters")).toBe("A `File` accepts two parameters");
    expect(withoutRoles("call :meth:`~abc.Messageable.send` or :py:func:`len`")).toBe("call `send` or `len`");
    expect(withoutRoles("Time: 10:30")).toBe("Time: 10:30");
  });
});
