import { describe, expect, it } from "vitest";
import { parseBankDocument } from "./parse-bank-document";

const parse = (text: string) => parseBankDocument({ bytes: new TextEncoder().encode(text), sourceFile: "questions.md" });

describe("a follow-up's own follow-ups", () => {
  it("joins questions listed right under a follow-up to the question's follow-ups, not to that follow-up's answer", () => {
    const doc = parse(
      "# Questions\n\n## 1. What is a deadlock?\n\nTwo tasks wait on each other.\n\nFollow-up: How would you detect one?\n  - What data would you collect?\n    - How often?\n\n## 2. What is a cache?\n\nA fast store.\n",
    );
    expect(doc.questions[0]?.followUps.map((f) => [f.prompt, f.answer])).toEqual([
      ["How would you detect one?", null],
      ["What data would you collect?", null],
      ["How often?", null],
    ]);
  });

  it("keeps a list that answers the follow-up as its answer", () => {
    const doc = parse(
      "# Questions\n\n## 1. What is a deadlock?\n\nTwo tasks wait on each other.\n\nFollow-up: How would you detect one?\n  - Build a wait-for graph\n  - Look for a cycle\n\n## 2. What is a cache?\n\nA fast store.\n",
    );
    expect(doc.questions[0]?.followUps.map((f) => [f.prompt, f.answer])).toEqual([
      ["How would you detect one?", "- Build a wait-for graph\n- Look for a cycle"],
    ]);
  });
});
