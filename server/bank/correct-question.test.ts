import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BankQuestion } from "./bank-format";
import { correctQuestion } from "./correct-question";
import { parseBankDocument } from "./parse-bank-document";

const FIXTURES = new URL("../../tests/fixtures/bank/", import.meta.url);
const questions = (name: string) => parseBankDocument({ bytes: readFileSync(new URL(name, FIXTURES)), sourceFile: name }).questions;
const first = (name: string): BankQuestion => {
  const q = questions(name)[0];
  if (!q) throw new Error(`no question in ${name}`);
  return q;
};
/** Everything as shown, the way the review and the question editor send it. */
const asShown = (q: BankQuestion) => ({
  prompt: q.prompt,
  context: q.context,
  answer: q.answer,
  keyPoints: q.keyPoints,
  followUps: q.followUps,
  redFlags: q.redFlags,
  rubric: q.rubric,
  difficulty: q.meta.difficulty,
  tags: q.meta.tags,
  code: q.code,
});
const said = (q: BankQuestion) => q.rubric.map((c) => [c.title, c.lookFor]);

describe("a correction", () => {
  it("keeps every field as the person wrote it", () => {
    const stored = first("two-sum-note.md");
    const corrected = correctQuestion(stored, {
      ...asShown(stored),
      prompt: "Two Sum (indices)",
      context: "Return the indices of two numbers adding up to target.",
      answer: "Use a hash map.",
      keyPoints: ["One pass"],
      followUps: [{ prompt: "And if sorted?", answer: "Two pointers.", lookFor: [] }],
      redFlags: ["Quadratic"],
      rubric: [{ title: "Complexity", lookFor: ["O(n)"] }],
      difficulty: "Easy",
      tags: ["arrays", "hashing"],
    });
    expect(corrected).toMatchObject({
      prompt: "Two Sum (indices)",
      context: "Return the indices of two numbers adding up to target.",
      answer: "Use a hash map.",
      keyPoints: ["One pass"],
      followUps: [{ prompt: "And if sorted?", answer: "Two pointers.", lookFor: [] }],
      redFlags: ["Quadratic"],
      rubric: [{ title: "Complexity", lookFor: ["O(n)"] }],
      meta: { difficulty: "Easy", tags: ["arrays", "hashing"], title: stored.meta.title },
      key: stored.key,
      source: stored.source,
    });
  });

  it("changes nothing when nothing differs from what is stored", () => {
    const stored = first("follow-ups-after-answer.md");
    expect(correctQuestion(stored, asShown(stored))).toEqual(stored);
    expect(correctQuestion(stored, { prompt: stored.prompt })).toEqual(stored);
  });

  it("of the key points carries the rubric's key-point criterion with them", () => {
    const stored = first("two-sum-note.md");
    expect(said(stored)).toEqual([["Key points", stored.keyPoints]]);
    const corrected = correctQuestion(stored, { ...asShown(stored), keyPoints: ["Hash map from value to index", "One pass"] });
    expect(said(corrected)).toEqual([["Key points", ["Hash map from value to index", "One pass"]]]);
  });

  it("of the answer carries a rubric made from the answer, and key points made from that rubric", () => {
    const stored = first("follow-ups-after-answer.md");
    expect(said(stored)[0]?.[0]).toBe("Covers the reference answer");
    const answer = "Use a sliding window per API key.\n\n- Count requests per key in Redis\n- Answer 429 with Retry-After";
    const corrected = correctQuestion(stored, { ...asShown(stored), answer });
    expect(corrected.answer).toBe(answer);
    expect(said(corrected)).toEqual([["Key points", ["Count requests per key in Redis", "Answer 429 with Retry-After"]]]);
    expect(corrected.keyPoints).toEqual(["Count requests per key in Redis", "Answer 429 with Retry-After"]);
  });

  it("of the rubric carries key points that were its look-fors; key points the person wrote stay", () => {
    const stored = first("follow-ups-after-answer.md");
    const rubric = [{ title: "Token bucket", lookFor: ["Refill rate", "Burst size"] }];
    expect(correctQuestion(stored, { ...asShown(stored), rubric }).keyPoints).toEqual(["Refill rate", "Burst size"]);
    const both = correctQuestion(stored, { ...asShown(stored), rubric, keyPoints: ["Mentions 429"] });
    expect(both.keyPoints).toEqual(["Mentions 429"]);
    // Key points corrected on their own leave a rubric made from the answer as it was.
    expect(said(correctQuestion(stored, { ...asShown(stored), keyPoints: ["Mentions 429"] }))).toEqual(said(stored));
  });

  it("of the answer leaves a rubric the document stated", () => {
    const stored = questions("numbered-headings.md")[0];
    if (!stored) throw new Error("no question");
    expect(said(stored)[0]?.[0]).toBe("Good to hear");
    expect(said(correctQuestion(stored, { ...asShown(stored), answer: "A function that keeps its scope." }))).toEqual(said(stored));
  });
});

describe("the parts' sources after a correction", () => {
  const line = (n: number) => ({ lines: { from: n, to: n }, origin: "document" as const });

  it("keeps the lines of what the person left alone and marks what they wrote", () => {
    const stored = first("two-sum-note.md");
    const corrected = correctQuestion(stored, {
      ...asShown(stored),
      keyPoints: ["Hash map from value to index", "Check the complement first", "O(n) time, O(n) extra space", "Say the edge cases"],
      redFlags: ["Nested loops without noticing they are O(n²)"],
      followUps: [...stored.followUps, { prompt: "And with a stream?", answer: null, lookFor: [] }],
    });
    expect(corrected.partSources?.keyPoints).toEqual([line(10), { lines: null, origin: "edited" }, line(12), { lines: null, origin: "added" }]);
    expect(corrected.partSources?.redFlags).toEqual([line(19)]);
    expect(corrected.partSources?.followUps).toEqual([line(15), line(16), { lines: null, origin: "added" }]);
    // The "Key points" criterion follows the corrected key points, each look-for from its key point.
    expect(corrected.rubric[0]?.lookFor).toEqual(corrected.keyPoints);
    expect(corrected.partSources?.rubric[0]?.lookFor).toEqual([
      { lines: { from: 10, to: 10 }, origin: "derived" },
      { lines: null, origin: "edited" },
      { lines: { from: 12, to: 12 }, origin: "derived" },
      { lines: null, origin: "added" },
    ]);
  });

  it("marks an edited criterion and keeps the others' lines", () => {
    const stored = first("label-bullets.md");
    const rubric = [
      { ...stored.rubric[0]!, lookFor: ["decoupling in time, the consumer can be down", "back-pressure"] },
      { title: "Ordering", lookFor: ["per-key order"] },
    ];
    const corrected = correctQuestion(stored, { ...asShown(stored), rubric });
    expect(corrected.partSources?.rubric).toEqual([
      { criterion: { lines: null, origin: "edited" }, lookFor: [line(7), { lines: null, origin: "edited" }] },
      { criterion: { lines: null, origin: "added" }, lookFor: [{ lines: null, origin: "added" }] },
    ]);
    // Key points that were the rubric's look-fors follow it: one still written in the document keeps its line.
    expect(corrected.keyPoints).toEqual(["decoupling in time, the consumer can be down", "back-pressure", "per-key order"]);
    expect(corrected.partSources?.keyPoints).toEqual([line(7), { lines: null, origin: "edited" }, { lines: null, origin: "added" }]);
  });

  it("leaves every source as it was when nothing changed", () => {
    const stored = first("two-sum-note.md");
    expect(correctQuestion(stored, asShown(stored)).partSources).toEqual(stored.partSources);
  });

  it("a rubric made again from a corrected answer is derived, with no lines", () => {
    const stored = first("plain-qa.txt");
    const corrected = correctQuestion(stored, { ...asShown(stored), answer: "A function with yield. It returns an iterator." });
    expect(corrected.partSources?.rubric[0]?.criterion).toEqual({ lines: null, origin: "derived" });
    expect(corrected.partSources?.keyPoints.every((source) => source.origin === "derived" && source.lines === null)).toBe(true);
  });

  it("has no sources when the stored question had none", () => {
    const { partSources: _none, ...stored } = first("two-sum-note.md");
    expect(correctQuestion(stored, { ...asShown(stored), redFlags: [] }).partSources).toBeUndefined();
  });
});

describe("the parts' sources when the review sends back what it was shown", () => {
  it("a rubric the importer made again from corrected key points stays derived, whoever sends it back", () => {
    const stored = first("two-sum-note.md");
    const keyPoints = ["Hash map from value to index", "Look up target minus the number before storing it"];
    const shown = correctQuestion(stored, { ...asShown(stored), keyPoints });
    expect(shown.partSources?.rubric[0]?.criterion).toEqual({ lines: { from: 10, to: 10 }, origin: "derived" });
    // Importing sends the shown question back as the correction of the freshly read one: stored the same.
    expect(correctQuestion(stored, asShown(shown)).partSources).toEqual(shown.partSources);
  });
});
