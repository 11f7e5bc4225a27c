import { describe, expect, it } from "vitest";
import { functionsIn } from "./code-signature";

const solution = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        def helper(x):
            return x
        return SECRET_BODY

    def other(self, s: str) -> Optional[int]:
        return None
`;

describe("functionsIn: Python", () => {
  it("finds the methods of class Solution without self, and starts them with the signature and `pass`, never the body", () => {
    const found = functionsIn(solution, "python");
    expect(found.map((f) => [f.name, f.params, f.inSolutionClass])).toEqual([
      ["twoSum", ["nums", "target"], true],
      ["other", ["s"], true],
    ]);
    expect(found[0]?.starterCode).toBe("from typing import List\n\n\ndef twoSum(nums: List[int], target: int) -> List[int]:\n    pass\n");
    expect(found[1]?.starterCode).toBe("from typing import Optional\n\n\ndef other(s: str) -> Optional[int]:\n    pass\n");
    expect(found.map((f) => f.starterCode).join("")).not.toMatch(/SECRET_BODY|seen|helper/);
  });

  it("reads top-level functions, a signature over several lines, and defaults", () => {
    const code = "def climb(n: int = 2,\n          memo: Dict[int, int] = None) -> int:\n    return n\n\nclass Cache:\n    def get(self, key):\n        pass\n";
    const [climb, ...rest] = functionsIn(code, "py");
    expect(rest).toEqual([]);
    expect(climb).toMatchObject({ name: "climb", params: ["n", "memo"], inSolutionClass: false, returnsNothing: false, unsupportedTypes: false });
    expect(climb?.starterCode).toBe("from typing import Dict\n\n\ndef climb(n: int = 2, memo: Dict[int, int] = None) -> int:\n    pass\n");
  });

  it("flags what a test cannot call or compare: *args, types JSON cannot build, nothing returned", () => {
    expect(functionsIn("def f(*args):\n    pass", "python")).toEqual([]);
    expect(functionsIn("def f(a, /, b):\n    pass", "python")).toEqual([]);
    expect(functionsIn("def f(head: Optional[ListNode]) -> Optional[ListNode]:\n    pass", "python")[0]?.unsupportedTypes).toBe(true);
    expect(functionsIn("def f(nums: List[int]) -> None:\n    pass", "python")[0]?.returnsNothing).toBe(true);
  });

  it("ignores Ruby's def without a colon and any fence it cannot run", () => {
    expect(functionsIn("def book_service(user, service, amount)\n  charge(user)\nend", null)).toEqual([]);
    expect(functionsIn("public int[] twoSum(int[] nums, int target) {\n}", "java")).toEqual([]);
    expect(functionsIn("function f(a) {\n}", "constructor")).toEqual([]);
  });
});

describe("functionsIn: JavaScript and TypeScript", () => {
  it("reads LeetCode's `var f = function` with its JSDoc, and declarations, as function declarations", () => {
    const code = "/**\n * @param {number[]} nums\n * @return {number[]}\n */\nvar twoSum = function(nums, target) {\n    return SECRET_BODY;\n};";
    const [twoSum] = functionsIn(code, "js");
    expect(twoSum).toMatchObject({ language: "javascript", name: "twoSum", params: ["nums", "target"] });
    expect(twoSum?.starterCode).toBe("/**\n * @param {number[]} nums\n * @return {number[]}\n */\nfunction twoSum(nums, target) {\n\n}\n");
    expect(functionsIn("export function isValid(s) {\n  return true;\n}", "javascript")[0]?.starterCode).toBe("function isValid(s) {\n\n}\n");
    expect(functionsIn("const add = (a, b = 1) => {\n  return a + b;\n};", null)[0]).toMatchObject({ name: "add", params: ["a", "b"], language: "javascript" });
  });

  it("reads TypeScript from its annotations, even under a js fence, and keeps the types", () => {
    const [lcp] = functionsIn("function longestCommonPrefix(strs: string[], max?: number): string {\n  return '';\n}", "js");
    expect(lcp).toMatchObject({ language: "typescript", params: ["strs", "max"], unsupportedTypes: false });
    expect(lcp?.starterCode).toBe("function longestCommonPrefix(strs: string[], max?: number): string {\n\n}\n");
    expect(functionsIn("function f(root: TreeNode | null): number {\n}", "ts")[0]?.unsupportedTypes).toBe(true);
    expect(functionsIn("function f(nums: number[]): void {\n}", "ts")[0]?.returnsNothing).toBe(true);
    expect(functionsIn("/**\n * @return {void}\n */\nvar rotate = function(nums) {\n};", "js")[0]?.returnsNothing).toBe(true);
  });

  it("leaves out nested functions, async functions, rest parameters and destructuring", () => {
    const code = "function outer(a) {\n  function inner(b) {\n  }\n}\nasync function load(url) {\n}\nfunction all(...xs) {\n}\nfunction pick({ a }) {\n}";
    expect(functionsIn(code, "js").map((f) => f.name)).toEqual(["outer"]);
  });
});
