import { describe, expect, it } from "vitest";
import { codeDraftProblems, fromCodeDraft, nextTestName, toCodeDraft, type CodeDraft } from "./code-draft";

const draft = (patch: Partial<CodeDraft> = {}): CodeDraft => ({
  language: "python",
  starterCode: "def add(a, b):\n    pass\n",
  entry: "add",
  tests: [{ name: "small", input: "[1, 2]", expected: "3" }],
  ...patch,
});

describe("the question editor's code draft", () => {
  it("round-trips a spec, with no function as an empty name", () => {
    const spec = { language: "javascript" as const, starterCode: "", entry: null, tests: [{ name: "echo", input: "hi\n", expected: "hi\n" }] };
    expect(toCodeDraft(spec)).toMatchObject({ entry: "" });
    expect(fromCodeDraft(toCodeDraft(spec))).toEqual(spec);
    expect(fromCodeDraft(null)).toBeNull();
    expect(toCodeDraft(null)).toBeNull();
  });

  it("trims the function and test names, and gives a SQL question no function", () => {
    expect(fromCodeDraft(draft({ entry: "  add ", tests: [{ name: " small ", input: " [1, 2] ", expected: "3" }] }))).toMatchObject({
      entry: "add",
      tests: [{ name: "small", input: " [1, 2] " }],
    });
    expect(fromCodeDraft(draft({ language: "sql", tests: [] }))?.entry).toBeNull();
  });

  it("has no problems when the server would take it", () => {
    expect(codeDraftProblems(draft())).toEqual({});
    expect(codeDraftProblems(null)).toEqual({});
    expect(
      codeDraftProblems(draft({ language: "sql", entry: "ignored", tests: [{ name: "rows", input: "CREATE TABLE t (a int);", expected: "[[1]]" }] })),
    ).toEqual({});
  });

  it("points at each field over a limit, with the limit in words", () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `t${i}`, input: "[1, 2]", expected: "3" }));
    expect(codeDraftProblems(draft({ tests: many }))).toEqual({ tests: "A question has at most 50 test cases." });
    expect(
      codeDraftProblems(
        draft({
          starterCode: "x".repeat(50_001),
          entry: "a".repeat(81),
          tests: [
            { name: "", input: `[${"1,".repeat(5_000)}1]`, expected: "3" },
            { name: "n".repeat(121), input: "[1]", expected: "x".repeat(10_001) },
          ],
        }),
      ),
    ).toEqual({
      starterCode: "Starter code holds at most 50,000 characters.",
      entry: "The function name holds at most 80 characters.",
      "tests.0.name": "Test 1 needs a name, of at most 120 characters.",
      "tests.0.input": "A test's input holds at most 10,000 characters.",
      "tests.1.name": "Test 2 needs a name, of at most 120 characters.",
      "tests.1.expected": "A test's expected output holds at most 10,000 characters.",
    });
  });

  it("says what a test's input and expected value must be, for a function and for SQL", () => {
    expect(codeDraftProblems(draft({ entry: "two sum" }))).toEqual({ entry: "The function to call is a plain identifier, such as twoSum." });
    expect(codeDraftProblems(draft({ tests: [{ name: "t", input: "1, 2", expected: "three" }] }))).toEqual({
      "tests.0.input": "Test 1's input is the JSON array of the arguments, such as [[2, 7, 11, 15], 9].",
      "tests.0.expected": 'Test 1\'s expected value is JSON, such as [0, 1], true or "text" in double quotes.',
    });
    expect(codeDraftProblems(draft({ entry: "", tests: [{ name: "stdin", input: "1 2", expected: "three" }] })), "standard input takes any text").toEqual({});
    expect(codeDraftProblems(draft({ language: "sql", tests: [{ name: "t", input: "", expected: "[1, 2]" }] }))).toEqual({
      "tests.0.expected": 'Test 1\'s expected result is a JSON array of rows, such as [[1, "Ada"]].',
    });
  });

  it("names a new test after the ones there", () => {
    expect(nextTestName([])).toBe("Test 1");
    expect(
      nextTestName([
        { name: "Example 1", input: "", expected: "" },
        { name: "Test 3", input: "", expected: "" },
      ]),
    ).toBe("Test 4");
  });
});
