import { describe, expect, it } from "vitest";
import type { Unit } from "./blocks";
import { exampleText, findExamples } from "./code-examples";

const at = { line: 1, block: 1 };

describe("findExamples", () => {
  it("reads LeetCode's examples inline, on their own lines, and numbered", () => {
    const text = 'Example 1: Input: s = "()" Output: true\nExample 2:\nInput: s = "(]"\nOutput: false\nExplanation: the brackets differ.';
    expect(findExamples(text)).toEqual({
      examples: [
        { name: "Example 1", input: 's = "()"', output: "true" },
        { name: "Example 2", input: 's = "(]"', output: "false" },
      ],
      unreadable: false,
    });
  });

  it("numbers unnumbered examples by their order, and reads the Chinese edition's labels", () => {
    expect(findExamples("Input: n = 2\nOutput: 2\n\nInput: n = 3\nOutput: 3").examples.map((e) => e.name)).toEqual(["Example 1", "Example 2"]);
    expect(findExamples("示例 1：\n输入：nums = [2,7,11,15], target = 9\n输出：[0,1]\n解释：因为 nums[0] + nums[1] == 9").examples).toEqual([
      { name: "Example 1", input: "nums = [2,7,11,15], target = 9", output: "[0,1]" },
    ]);
  });

  it("takes lower-case labels only where a line starts, not from prose", () => {
    expect(findExamples("   input: [1,2,3]\n   output: [3]").examples).toHaveLength(1);
    expect(findExamples("It checks the input: a list. Its output: a number.").examples).toEqual([]);
  });

  it("says unreadable when an Input has no Output after it, and ignores an Output without Input", () => {
    expect(findExamples("Input: n = 2\nExplanation: two\nOutput: 2").unreadable).toBe(true);
    expect(findExamples("Output:\nAll tests passed!")).toEqual({ examples: [], unreadable: false });
  });
});

describe("exampleText", () => {
  it("keeps prose, quotes, lists, plain code and HTML, without emphasis; leaves out code in a language", () => {
    const units: Unit[] = [
      { ...at, kind: "line", md: "**Input:** `nums = [1]`", text: "Input: nums = [1]" },
      { ...at, kind: "quote", md: "> **Output:** [1]", text: "Output: [1]" },
      { ...at, kind: "list", ordered: false, items: [], md: "- Input: a = 1\n- Output: 2" },
      { ...at, kind: "code", lang: null, value: "Input: b = 1\nOutput: 3", md: "" },
      { ...at, kind: "code", lang: "python", value: "print('Input: x = 1')", md: "" },
      { ...at, kind: "html", value: "<pre><strong>Input:</strong> s = &quot;a&quot;<br><strong>Output:</strong> &lt;b&gt;</pre>", md: "" },
    ];
    expect(exampleText(units)).toBe('Input: nums = [1]\nOutput: [1]\nInput: a = 1\nOutput: 2\nInput: b = 1\nOutput: 3\nInput: s = "a"\nOutput: <b>');
  });
});
