import { describe, expect, it } from "vitest";
import { parseBankDocument } from "../parse-bank-document";

const parse = (text: string) => parseBankDocument({ bytes: new TextEncoder().encode(text), sourceFile: "questions.md" });

describe("a list of questions with brackets after them", () => {
  it("reads a question in full-width brackets, or a bracket of each kind, as a follow-up", () => {
    const doc = parse(
      "# 質問\n\n## 役割\n\n- 予定はどうなっていますか？（給与はどうなりますか？）\n- 目標は何ですか？(変更はありますか？）\n- 通常の日に行うタスクは何ですか？\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt)])).toEqual([
      ["予定はどうなっていますか？", ["給与はどうなりますか？"]],
      ["目標は何ですか？", ["変更はありますか？"]],
      ["通常の日に行うタスクは何ですか？", []],
    ]);
  });

  it("keeps a bracket that does not ask in the question it narrows, not as its answer", () => {
    const doc = parse(
      "# Questions\n\n## Office\n\n- What is the layout? (open plan / cubicles)\n- Who sits near my team?\n- Why is 0.1 + 0.2 not 0.3? Floating point rounding.\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is the layout? (open plan / cubicles)", null],
      ["Who sits near my team?", null],
      ["Why is 0.1 + 0.2 not 0.3?", "Floating point rounding."],
    ]);
  });
});
