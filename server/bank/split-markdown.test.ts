import { describe, expect, it } from "vitest";
import { repairClosingFences, splitMarkdown } from "./split-markdown";

describe("splitMarkdown", () => {
  it("gives headings, one unit per paragraph line, lists with items, code, tables and quotes", () => {
    const md =
      "# Title\n\n**Q:** What?\n**A:** That.\n\n- one\n  - nested\n- two: more\n\n```js\nx();\n```\n\n| Question | Answer |\n|---|---|\n| a? | b |\n\n> quoted\n\n## Next";
    const { units } = splitMarkdown(md);
    expect(units.map((u) => u.kind)).toEqual(["heading", "line", "line", "list", "code", "table", "quote", "heading"]);
    expect(units[1]).toMatchObject({ text: "Q: What?", md: "**Q:** What?", line: 3 });
    expect(units[2]?.block).toBe(units[1]?.block);
    const list = units[3];
    expect(list?.kind === "list" && list.items.map((i) => [i.text, i.children.map((c) => c.text)])).toEqual([
      ["one", ["nested"]],
      ["two: more", []],
    ]);
    expect(units[5]?.kind === "table" && units[5].rows).toEqual([
      ["Question", "Answer"],
      ["a?", "b"],
    ]);
    expect(units[7]).toMatchObject({ kind: "heading", depth: 2, line: 20 });
  });

  it("keeps line numbers across top-level sections", () => {
    const { units } = splitMarkdown("# A\n\ntext\n\n## B\n\nmore\n");
    expect(units.map((u) => u.line)).toEqual([1, 3, 5, 7]);
  });

  it("closes a fence that has a stray quote after it", () => {
    expect(repairClosingFences('```\ncode\n```"\n\n### Next')).toBe("```\ncode\n```\n\n### Next");
    expect(splitMarkdown('"Answer:\n```\ncode\n```"\n\n### Next?').units.at(-1)).toMatchObject({ kind: "heading", text: "Next?" });
  });
});
