import { describe, expect, it } from "vitest";
import type { CodeSpec } from "./code-spec";
import { codeSpecProblems } from "./code-spec-problems";

const spec = (patch: Partial<CodeSpec>): CodeSpec => ({ language: "python", starterCode: "", entry: "f", tests: [], ...patch });
const test = (input: string, expected: string) => ({ name: "t", input, expected });

describe("codeSpecProblems", () => {
  it("with a function: the input is a JSON array of arguments and the expected value JSON", () => {
    expect(codeSpecProblems(spec({ tests: [test("[[2,7], 9]", "[0,1]"), test("[]", '"x"'), test('["a"]', "null")] }))).toEqual([]);
    expect(codeSpecProblems(spec({ tests: [test("[1", "1"), test("{}", "1"), test("[1]", "x")] })).map((p) => p.path)).toEqual([
      ["tests", 0, "input"],
      ["tests", 1, "input"],
      ["tests", 2, "expected"],
    ]);
  });

  it("with standard input: any text", () => {
    expect(codeSpecProblems(spec({ entry: null, tests: [test("3 4\n", "7\n")] }))).toEqual([]);
  });

  it("for SQL: no function, and rows as a JSON array of arrays", () => {
    expect(codeSpecProblems(spec({ language: "sql", entry: null, tests: [test("CREATE TABLE t (a int);", '[[1, "a"], []]'), test("", "[]")] }))).toEqual([]);
    expect(codeSpecProblems(spec({ language: "sql", entry: "q", tests: [test("", "[1]"), test("", "rows")] })).map((p) => p.path)).toEqual([
      ["entry"],
      ["tests", 0, "expected"],
      ["tests", 1, "expected"],
    ]);
  });
});
