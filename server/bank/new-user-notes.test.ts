import { describe, expect, it } from "vitest";
import { parseBankDocumentWithReport } from "./parse-bank-document";

/**
 * Notes as a new user writes them for themselves, in the plainest layouts: each must import as a careful
 * person would structure it by hand (questions, answers, follow-ups, key points, red flags in their places).
 */
function parse(text: string, file = "notes.md") {
  return parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: file }).document;
}

describe("a new user's own notes", () => {
  it("Q:/A: pairs: a follow-up under one question leaves the next Q: a question of its own", () => {
    const document = parse(
      "Backend notes\n\nQ: What is a database index?\nA: A lookup structure.\n\nQ: When would you denormalise?\nA: When reads dominate.\nFollow-up: What do you lose?\n\nQ: Explain eventual consistency.\nA: Replicas converge.\n",
      "notes.txt",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt)])).toEqual([
      ["What is a database index?", "A lookup structure.", []],
      ["When would you denormalise?", "When reads dominate.", ["What do you lose?"]],
      ["Explain eventual consistency.", "Replicas converge.", []],
    ]);
  });
});
