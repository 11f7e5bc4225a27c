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

describe("an interviewer's guide that lists its questions in wrapped bullets", () => {
  const guide =
    "# The coding interview\n\n## Robustness\n\n" +
    "* Have they taken any steps or created any systems to prevent errors from occurring,\n  or to detect them early? (Answers might involve unit testing, asserts, debug-only code,\n  test harnesses, internal self-validation.)\n\n" +
    "* What approaches have they favored for tracking down bugs? (Their own or others' bugs.)\n  Can they follow a coherent diagnostic plan to fix the root cause?\n\n" +
    "* What performance and scalability issues have they encountered? How did they discover them and\n  track down the causes? How did they address them?\n\n" +
    "* What is a process? How does it differ from a thread?\n\n" +
    "* Is Python compiled or interpreted? Explain.\n  Both: it compiles to bytecode.\n";

  it("reads each wrapped bullet as one question, a long bracket after it as what to hear, and the questions after it as its probes", () => {
    const doc = parseBankDocument({ bytes: new TextEncoder().encode(guide), sourceFile: "coding.rst" });
    expect(doc.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt)])).toEqual([
      [
        "Have they taken any steps or created any systems to prevent errors from occurring, or to detect them early?",
        "(Answers might involve unit testing, asserts, debug-only code, test harnesses, internal self-validation.)",
        [],
      ],
      [
        "What approaches have they favored for tracking down bugs? (Their own or others' bugs.)",
        null,
        ["Can they follow a coherent diagnostic plan to fix the root cause?"],
      ],
      [
        "What performance and scalability issues have they encountered?",
        null,
        ["How did they discover them and track down the causes?", "How did they address them?"],
      ],
      // Said in one breath: one question in two parts.
      ["What is a process? How does it differ from a thread?", null, []],
      // A brief request after it is the question's own.
      ["Is Python compiled or interpreted? Explain.", "Both: it compiles to bytecode.", []],
    ]);
  });

  it("reads the same guide written in Markdown the same way", () => {
    const rst = parseBankDocument({ bytes: new TextEncoder().encode(guide), sourceFile: "coding.rst" });
    const md = parse(guide.replaceAll("* ", "- "));
    expect(md.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt)])).toEqual(
      rst.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt)]),
    );
  });
});

describe("a numbered list of questions past nine", () => {
  it("nests the bullets under a two-digit entry as under the one-digit ones, though indented as under them", () => {
    const lines = Array.from({ length: 10 }, (_, n) => `${n + 1}. What is topic ${n + 1}?\n   * How does topic ${n + 1} scale?`);
    const doc = parse(`# SQL\n\n${lines.join("\n")}\n`);
    expect(doc.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt)]).slice(8)).toEqual([
      ["What is topic 9?", ["How does topic 9 scale?"]],
      ["What is topic 10?", ["How does topic 10 scale?"]],
    ]);
  });
});

describe("a question wrapped in a script without case", () => {
  it("joins a Korean question wrapped onto the next line", () => {
    const doc = parse(
      "# 시스템 엔지니어링\n\n- 처음 서버를 샀습니다. 어떤 보안적 조치를 먼저 하시겠습니까?\n- 프로세스의 CPU 상태를 보기 위해 top을 했습니다. user,system,iowait중에 뭐를 제일\n신경쓰시나요?\n- screen과 tmux중에 뭘 더 좋아하시나요?\n",
    );
    expect(doc.questions.map((q) => [q.prompt, q.followUps.length])).toEqual([
      ["처음 서버를 샀습니다. 어떤 보안적 조치를 먼저 하시겠습니까?", 0],
      ["프로세스의 CPU 상태를 보기 위해 top을 했습니다. user,system,iowait중에 뭐를 제일 신경쓰시나요?", 0],
      ["screen과 tmux중에 뭘 더 좋아하시나요?", 0],
    ]);
  });
});
