import { describe, expect, it } from "vitest";
import { parseBankDocument } from "./parse-bank-document";

const parse = (text: string, sourceFile = "notes.md") => parseBankDocument({ bytes: new TextEncoder().encode(text), sourceFile });

describe("a document nothing lays out as questions", () => {
  it("asks the paragraphs that open on a question, each answered by what follows it", () => {
    const doc = parse(
      "# Notes\n\nWhat is a closure?\n\nA function with its scope.\n\nWhat is hoisting?\nDeclarations move up.\n\nWhy use strict mode?\n\nIt catches errors early.\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a closure?", "A function with its scope."],
      ["What is hoisting?", "Declarations move up."],
      ["Why use strict mode?", "It catches errors early."],
    ]);
  });

  it("asks a plain-text FAQ's entries, one worded as a statement among those that ask", () => {
    const doc = parse(
      "Tool FAQ\n\n* How is it different from screen?\n\nIt has a client and a server.\n\n* It freezes my terminal when I attach!\n\nTurn off set-titles.\n\n* Why is C-b the prefix key?\n\nIt was built inside screen.\n\n* How do I change it?\n\nSet the prefix option.\n",
      "faq.txt",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["How is it different from screen?", "It has a client and a server."],
      ["It freezes my terminal when I attach!", "Turn off set-titles."],
      ["Why is C-b the prefix key?", "It was built inside screen."],
      ["How do I change it?", "Set the prefix option."],
    ]);
  });

  it("asks one-entry lists apart by blank lines, with the answers indented under them", () => {
    const doc = parse(
      "Notes\n=====\n\n- What is a closure?\n\n  A function with its scope.\n\n- What is hoisting?\n\n  Declarations move up.\n\n- Why use strict mode?\n\n  It catches errors early.\n",
      "notes.rst",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a closure?", "A function with its scope."],
      ["What is hoisting?", "Declarations move up."],
      ["Why use strict mode?", "It catches errors early."],
    ]);
  });

  it("reads a short note's two questions, each answered, as its questions", () => {
    const document = parse("# Notes\n\nWhat is a closure?\n\nA function with its scope.\n\nWhy use strict mode?\n\nIt catches errors.\n");
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a closure?", "A function with its scope."],
      ["Why use strict mode?", "It catches errors."],
    ]);
  });

  it("still refuses prose with only one question in it, or questions with nothing after them", () => {
    expect(() => parse("# Notes\n\nSome prose.\n\nWhat is a closure?\n\nA function with its scope.\n\nMore prose follows here.\n")).toThrow(
      /No interview questions/,
    );
    expect(() => parse("# Notes\n\nSome prose.\n\nWhat is a closure?\n\nWhat is hoisting?\n\nWhy use strict mode?\n")).toThrow(/No interview questions/);
  });
});
