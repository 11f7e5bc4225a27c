import { describe, expect, it } from "vitest";
import { editedFrom, fromDraft, problemsOf, toDraft, withCorrection } from "@/components/bank/question-draft";
import type { BankQuestion } from "@/server/bank/bank-format";

const question: BankQuestion = {
  key: "two-sum-1a2b3c4d",
  prompt: "Two Sum",
  context: "Given an array, return the indices of two numbers adding up to a target.",
  section: ["Warm-ups"],
  answer: "Use a hash map.",
  keyPoints: ["Hash map", "One pass"],
  rubric: [{ title: "Key points", lookFor: ["Hash map", "One pass"], competency: "coding" }],
  followUps: [{ prompt: "What if it is sorted?", answer: null, lookFor: [] }],
  redFlags: ["Nested loops"],
  exampleScore: null,
  code: null,
  meta: { title: null, difficulty: "Easy", role: null, level: null, companies: [], tags: ["arrays"], interviewerNotes: [], answerFramework: null },
  source: { line: 3 },
};

describe("the question editor's draft", () => {
  it("holds every field the importer fills, and gives them back unchanged", () => {
    const edited = editedFrom(question);
    expect(edited).toEqual({
      prompt: "Two Sum",
      context: question.context,
      answer: "Use a hash map.",
      keyPoints: ["Hash map", "One pass"],
      redFlags: ["Nested loops"],
      difficulty: "Easy",
      tags: ["arrays"],
      followUps: question.followUps,
      rubric: question.rubric,
      code: null,
    });
    expect(fromDraft(toDraft(edited))).toEqual(edited);
  });

  it("reads lists one entry a line, tags by commas, and an emptied text as none", () => {
    const draft = {
      ...toDraft(editedFrom(question)),
      keyPoints: "  Hash map \n\nOne pass\n",
      tags: "arrays, hashing,, arrays",
      answer: "  ",
      difficulty: "",
      context: "",
    };
    expect(fromDraft(draft)).toMatchObject({ keyPoints: ["Hash map", "One pass"], tags: ["arrays", "hashing"], answer: null, difficulty: null, context: null });
  });

  it("points at what the server would refuse", () => {
    const value = fromDraft({ ...toDraft(editedFrom(question)), prompt: " ", rubric: [] });
    expect(problemsOf(value, null)).toMatchObject({ prompt: expect.any(String), rubric: expect.any(String) });
    expect(problemsOf(editedFrom(question), null)).toEqual({});
  });
});

describe("a corrected question in the review", () => {
  it("shows the correction's fields, difficulty and tags in their place", () => {
    const shown = withCorrection(question, { ...editedFrom(question), keyPoints: ["Complement lookup"], difficulty: "Medium", tags: ["hashing"] });
    expect(shown.keyPoints).toEqual(["Complement lookup"]);
    expect(shown.meta).toMatchObject({ difficulty: "Medium", tags: ["hashing"], title: null });
    expect(withCorrection(question, { prompt: "Two Sum", followUps: [], rubric: question.rubric })).toMatchObject({
      keyPoints: question.keyPoints,
      meta: question.meta,
    });
    expect(withCorrection(question, undefined)).toBe(question);
  });
});
