import { describe, expect, it } from "vitest";
import { answerAttached, comparable, followUpsAttached, loadLabels, percent, questionFor, scoreDocument } from "./corpus";

/**
 * The importer's targets on the labelled public corpus (npm run bench:bank -- --corpus prints the
 * per-document table): a change that loses questions or answers on real documents fails here.
 */
describe("the labelled corpus", () => {
  const scores = loadLabels().map(scoreDocument);
  const total = (pick: (s: (typeof scores)[number]) => number) => scores.reduce((n, s) => n + pick(s), 0);

  it("has at least 15 documents with 8 or more labelled samples each", () => {
    expect(scores.length).toBeGreaterThanOrEqual(15);
    for (const s of scores) expect(s.samples, s.file).toBeGreaterThanOrEqual(8);
  });

  it("finds at least 95% of the labelled questions and attaches at least 90% of their answers", () => {
    expect(
      percent(
        total((s) => s.found),
        total((s) => s.samples),
      ),
    ).toBeGreaterThanOrEqual(95);
    expect(
      percent(
        total((s) => s.attached),
        total((s) => s.answers),
      ),
    ).toBeGreaterThanOrEqual(90);
  });

  it("attaches at least 90% of the labelled follow-ups to their question", () => {
    expect(
      percent(
        total((s) => s.followUpsAttached),
        total((s) => s.followUps),
      ),
    ).toBeGreaterThanOrEqual(90);
  });

  it("refuses none of the documents", () => {
    expect(scores.filter((s) => s.failure !== null).map((s) => s.file)).toEqual([]);
  });
});

describe("the corpus scorer", () => {
  const doc = (prompts: string[], answer: string | null = null) =>
    ({
      questions: prompts.map((prompt, n) => ({
        prompt,
        answer,
        context: null,
        followUps: [],
        meta: { title: null },
        source: { line: 10 * (n + 1) },
      })),
    }) as never;

  it("matches a question by its words, not by a fragment of it", () => {
    const sample = { line: 10, question: "1. What is a closure?", answer: null };
    expect(questionFor(doc(["What is a closure?"]), sample)).toBeDefined();
    expect(questionFor(doc(["Closure"]), sample)).toBeUndefined();
    expect(questionFor(doc(["What is a closure in JavaScript, and when would you use one in a real codebase?"]), sample)).toBeUndefined();
  });

  it("takes the nearest of several questions worded alike, and needs the answer phrase itself", () => {
    const sample = { line: 21, question: "What's the output?", answer: "Because of hoisting" };
    const found = questionFor(doc(["What's the output?", "What's the output?"], "It prints 1 because of **hoisting**."), sample);
    expect(found?.source.line).toBe(20);
    expect(found && answerAttached(found, sample)).toBe(true);
    expect(found && answerAttached(found, { ...sample, answer: "Because of closures" })).toBe(false);
    expect(comparable("[Two Sum](https://x.y/two-sum)")).toBe("two sum");
  });

  it("counts a labelled follow-up only when the question carries it as a follow-up", () => {
    const question = { prompt: "What was the hardest bug?", followUps: [{ prompt: "How did you fix it?" }] } as never;
    const sample = { line: 1, question: "What was the hardest bug?", answer: null, followUps: ["How did you fix it?", "What did you learn?"] };
    expect(followUpsAttached(question, sample)).toBe(1);
    expect(followUpsAttached(question, { ...sample, followUps: undefined })).toBe(0);
  });
});
