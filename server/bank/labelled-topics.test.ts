import { describe, expect, it } from "vitest";
import { labelledTopicOpeners } from "./labelled-topics";
import { statementOf } from "./normalise-question";
import { parseBankDocumentWithReport } from "./parse-bank-document";
import { splitMarkdown } from "./split-markdown";

const parse = (text: string) => parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "notes.md" });
const topics = (text: string) => [...labelledTopicOpeners(splitMarkdown(text).units, new Map()).values()].map((o) => o.prompt);

describe("a heading that only names a problem, over labelled parts of an answer", () => {
  it("is a question, whatever form its labels take", () => {
    for (const label of [
      "**Follow-ups**",
      "**Follow-ups:**",
      "### Follow-ups",
      "Follow-ups:",
      "- Follow-up: What if it is sorted?\n- Red flag: nested loops",
    ]) {
      const text = `# Notes\n\n## Two Sum\n\nFind two numbers that add up to a target.\n\nUse a hash map.\n\n${label}\n\n- What if it is sorted?\n`;
      expect(topics(text), label).toEqual(["Two Sum"]);
    }
  });

  it("is named without a trailing parenthesis, as a section title asked about is", () => {
    expect(topics("## Rate limiter (Senior level)\n\nA token bucket.\n\n**Red flags**\n\n- None\n")).toEqual(["Rate limiter"]);
  });

  it("is not one when the label comes before any text of its own: that label speaks for the questions below", () => {
    expect(topics("## Behavioural\n\n**Red flags**\n\n- Blames others\n\n### Tell me about a conflict.\n\nText.\n")).toEqual([]);
    const { document } = parse(
      "# Behavioural\n\n**Red flags**\n\n- Blames others\n\n## Tell me about a conflict.\n\nStay calm.\n\n## Why this company?\n\nResearch.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.redFlags])).toEqual([
      ["Tell me about a conflict.", ["Blames others"]],
      ["Why this company?", ["Blames others"]],
    ]);
    const table = parse("# Behavioural\n\n**Red flags**\n\n- Blames others\n\n| Question | Answer |\n|---|---|\n| Tell me about a conflict. | Stay calm. |\n");
    expect(table.document.questions.map((q) => [q.prompt, q.redFlags])).toEqual([["Tell me about a conflict.", ["Blames others"]]]);
  });

  it("is not one when the section asks questions of its own, or its sub-sections are such questions", () => {
    expect(topics("## Stack Overflow\n\n- What have you built?\n- Why do you want to work here?\n\n**Red flags**\n\n- Vague\n")).toEqual([]);
    expect(topics("## Databases\n\nIntro.\n\n### What is an index?\n\nA B-tree.\n\n**Red flags**\n\n- None\n")).toEqual([]);
    expect(
      topics("## Databases\n\nIntro.\n\n### Indexes\n\nA B-tree.\n\n**Red flags**\n\n- x\n\n### Joins\n\nHash or merge.\n\n**Red flags**\n\n- y\n"),
    ).toEqual(["Indexes", "Joins"]);
  });

  it("a label heading as deep as the sub-sections speaks for their parent, unless those are questions of their own", () => {
    expect(topics("## Logging\n\nIntro.\n\n### 1. Redaction\n\nText.\n\n### 2. Audit\n\nText.\n\n### Follow-ups\n\n- Why?\n")).toEqual(["Logging"]);
    expect(
      topics("## Web patterns\n\nIntro.\n\n### Gateway\n\nText.\n\n**Counter-questions:**\n\n- Why?\n\n### Filters\n\nText.\n\n### Follow-ups\n\n- What?\n"),
    ).toEqual(["Gateway"]);
  });
});

describe("the statement of a named problem", () => {
  it("is read out with the name, its worked examples with it; the rest answers", () => {
    const { document } = parse(
      "# Warm-ups\n\n## Two Sum\n\nGiven an array of integers and a target, return the indices of the two numbers that add up to the target.\n\nExample 1: Input: nums = [2,7], target = 9 Output: [0,1]\n\nWalk the array once with a hash map.\n\n**Follow-ups**\n\n- What if the array is sorted?\n",
    );
    const [q] = document.questions;
    expect(q?.prompt).toBe("Two Sum");
    expect(q?.context).toBe(
      "Given an array of integers and a target, return the indices of the two numbers that add up to the target.\n\nExample 1: Input: nums = [2,7], target = 9 Output: [0,1]",
    );
    expect(q?.answer).toBe("Walk the array once with a hash map.");
  });

  it("is not split off when the prompt asks, or when the first paragraph does not set a task", () => {
    const asks = parse("# Notes\n\n## How does a hash map work?\n\nExplain buckets first.\n\nThen collisions.\n\n**Red flags**\n\n- None\n").document
      .questions[0];
    expect([asks?.context, asks?.answer]).toEqual([null, "Explain buckets first.\n\nThen collisions."]);
    const topic = parse(
      "# Notes\n\n## Event loop\n\nThe loop runs callbacks when the stack is empty.\n\nMicrotasks go first.\n\n**Key points**\n\n- Microtasks first\n",
    ).document.questions[0];
    expect([topic?.prompt, topic?.context, topic?.answer]).toEqual([
      "Event loop",
      null,
      "The loop runs callbacks when the stack is empty.\n\nMicrotasks go first.",
    ]);
  });
});

describe("an example label inside an answer", () => {
  it("takes what follows back to the answer after a list-like part", () => {
    const { document, report } = parse(
      "## What is a closure?\n\nA function with the scope it was made in.\n\n**Red flags**\n\n- Confuses it with a class\n\n**Example**\n\n```js\nconst f = () => x;\n```\n",
    );
    const [q] = document.questions;
    expect(q?.redFlags).toEqual(["Confuses it with a class"]);
    expect(q?.answer).toBe("A function with the scope it was made in.\n\n**Example**\n\n```js\nconst f = () => x;\n```");
    expect(report.unused).toEqual([]);
  });
});

describe("a follow-up's own follow-ups", () => {
  it("join the question's follow-ups, in order, instead of being lost", () => {
    const { document, report } = parse(
      "# Notes\n\n## What is a deadlock?\n\nTwo transactions each wait for a lock the other holds.\n\n**Follow-ups**\n\n- How would you prevent it?\n  - What if you cannot change the lock order?\n- Which tools show lock waits?\n",
    );
    expect(document.questions[0]?.followUps.map((f) => f.prompt)).toEqual([
      "How would you prevent it?",
      "What if you cannot change the lock order?",
      "Which tools show lock waits?",
    ]);
    expect(report.unused).toEqual([]);
  });
});

describe("a problem write-up laid out in sub-sections", () => {
  const writeUp = (name: string, parts: string) => `## ${name}\n\n${parts}`;
  const english = writeUp(
    "Two Sum",
    "Given numbers and a target, find the pair that adds up to it.\n\n### Example\n\n```\nInput: [2,7], 9\nOutput: [0,1]\n```\n\n### Approach\n\n1. Keep a map of the numbers seen.\n2. Look up the target minus each number.\n\n### Code\n\n```python\ndef two_sum(a, t): ...\n```\n\n### Complexity\n\nLinear time.\n",
  );
  const chinese = writeUp(
    "1. 两数之和",
    "### 题目描述\n\n给定一个整数数组和一个目标值，找出和为目标值的两个数。\n\n### 示例\n\n```\n输入：[2,7], 9\n输出：[0,1]\n```\n\n### 思路\n\n1. 用哈希表记录遍历过的数。\n2. 查找目标值减去当前数。\n\n### 代码\n\n```go\nfunc twoSum() {}\n```\n",
  );

  it("is one question under its name: statement and examples read out with it, approach steps and code its answer", () => {
    const { document, report } = parse(
      `# Arrays\n\n${english}\n${writeUp("Valid Brackets", "Decide whether brackets are balanced.\n\n### Approach\n\n1. Push openers.\n2. Pop on closers.\n\n### Code\n\n```js\nconst ok = true;\n```\n")}`,
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["Two Sum", "Valid Brackets"]);
    const [first] = document.questions;
    expect(first?.context).toContain("find the pair that adds up to it");
    expect(first?.context).toContain("Output: [0,1]");
    expect(first?.answer).toContain("Look up the target minus each number.");
    expect(first?.answer).toContain("def two_sum");
    expect(first?.answer).not.toContain("find the pair");
    expect(report.unused).toEqual([]);
  });

  it("takes its statement from a description sub-section, in any language's part names", () => {
    const { document } = parse(
      `# 数组\n\n${chinese}\n${writeUp("2. 有效的括号", "### 题目描述\n\n判断括号是否有效。\n\n### 解法一：栈\n\n遇到左括号入栈。\n")}`,
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["两数之和", "有效的括号"]);
    expect(document.questions[0]?.context).toContain("找出和为目标值的两个数");
    expect(document.questions[0]?.answer).toContain("查找目标值减去当前数");
    expect(document.questions[1]?.answer).toContain("遇到左括号入栈");
  });

  it("needs a statement and a worked part: an example alone under a topic's definition is still that topic's answer", () => {
    expect(topics("## Closures\n\nA closure keeps its scope.\n\n### Example\n\n```js\nconst f = () => x;\n```\n")).toEqual([]);
    expect(topics("## Two Sum\n\n### Approach\n\nUse a map.\n\n### Code\n\n```py\npass\n```\n")).toEqual([]);
    expect(
      topics("## Closures\n\nA closure keeps its scope.\n\n### Example\n\n```js\nconst f = () => x;\n```\n\n### Note\n\nMind the loop variable.\n"),
    ).toEqual([]);
    expect(topics("## Singleton\n\nOne instance.\n\n### Code\n\n```java\nclass S {}\n```\n")).toEqual([]);
    const body = (text: string) => splitMarkdown(text).units;
    expect(statementOf("Closures", body("A closure keeps its scope.\n\n### Example\n\n```js\nconst f = () => x;\n```\n"))).toEqual([]);
    expect(
      statementOf("Two Sum", body("Find the pair.\n\n### Example\n\n```\nOutput: [0,1]\n```\n\n### Code\n\n```py\npass\n```\n")).map((u) => u.kind),
    ).toEqual(["line", "heading", "code"]);
  });

  it('reads parts named by labels as sub-headings: a bold "**思路：**" or an inline "**Approach:** …"', () => {
    const problem = (name: string, task: string, idea: string) =>
      `## ${name}\n\n**题目描述：**\n\n${task}\n\n**示例：**\n\n\`\`\`\n输入：[1,2]\n输出：[2,1]\n\`\`\`\n\n**思路：**\n\n1. ${idea}\n2. 返回结果。\n\n**代码：**\n\n\`\`\`java\nint f() { return 0; }\n\`\`\`\n\n`;
    const { document } = parse(
      `# 链表\n\n${problem("反转链表", "反转一个单链表。", "用 prev 记录前一个节点。")}${problem("环形链表", "判断链表中是否有环。", "快慢指针相遇则有环。")}`,
    );
    expect(document.questions.map((q) => [q.prompt, q.context?.includes("输出：[2,1]"), q.answer?.includes("快慢指针") || q.answer?.includes("prev")])).toEqual(
      [
        ["反转链表", true, true],
        ["环形链表", true, true],
      ],
    );
    // A first paragraph that sets a task is the statement an inline approach label answers.
    expect(
      topics("### Linked List Cycle\n\nGiven a linked list, determine if it has a cycle.\n\n**Approach:** fast and slow pointers.\n\n```go\nx\n```\n"),
    ).toEqual(["Linked List Cycle"]);
    expect(topics("### Linked lists\n\nNodes that point onwards.\n\n**Approach:** fast and slow pointers.\n")).toEqual([]);
  });

  it('reads the statement out with a problem named in the imperative ("Reverse Linked List"), not with a question', () => {
    const problem = (name: string, task: string) =>
      `### ${name}\n\n${task}\n\n**Example:**\n\n\`\`\`\nInput: 1->2\nOutput: 2->1\n\`\`\`\n\n**Approach:** walk the list once.\n\n\`\`\`go\nx\n\`\`\`\n\n`;
    const { document } = parse(
      `# Lists\n\n${problem("Reverse Linked List", "Reverse a singly linked list.")}${problem("Merge Two Lists", "Merge two sorted lists into one.")}`,
    );
    expect(
      document.questions.map((q) => [
        q.prompt,
        q.context?.startsWith("Reverse a singly") || q.context?.startsWith("Merge two sorted"),
        q.answer?.startsWith("**Approach:**"),
      ]),
    ).toEqual([
      ["Reverse Linked List", true, true],
      ["Merge Two Lists", true, true],
    ]);
    const asked = parse(
      `# Lists\n\n${problem("How do you reverse a list?", "Reverse a singly linked list.")}${problem("How do you merge lists?", "Merge two sorted lists.")}`,
    );
    expect(asked.document.questions.map((q) => q.context)).toEqual([null, null]);
  });

  it("counts code in a programming language as the code of a named approach, and code alone as no write-up", () => {
    const problem = (name: string, task: string, idea: string) =>
      `### [${name}](https://example.com/${name.length})\n\n> ${task}\n\n思路：${idea}\n\n\`\`\`go\nfunc f() {}\n\`\`\`\n\n`;
    const { document } = parse(
      `# 链表\n\n## 反转\n\n${problem("反转链表", "反转一个单链表。", "用 prev 记录前一个节点。")}## 合并\n\n${problem("合并链表", "合并两个有序链表。", "每次取较小的节点。")}`,
    );
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer?.startsWith("思路：")])).toEqual([
      ["反转链表", "反转一个单链表。", true],
      ["合并链表", "合并两个有序链表。", true],
    ]);
    expect(topics("### Correlation IDs\n\n**Problem:** the context is thread-local.\n\n**Fix:** copy it to workers.\n\n```java\nclass T {}\n```\n")).toEqual(
      [],
    );
  });

  it('keeps a follow-up in the statement ("**Follow up:** …?") a follow-up, and the approach after it the answer', () => {
    const text =
      "# Lists\n\n## Linked List Cycle\n\nGiven the head of a list, determine whether it has a cycle.\n\n**Follow up:** Can you solve it using O(1) memory?\n\n### Approach\n\nA slow and a fast pointer meet inside a cycle.\n\n### Code\n\n```python\ndef has_cycle(head): ...\n```\n";
    const [q] = parse(text).document.questions;
    expect(q?.followUps.map((f) => [f.prompt, f.answer])).toEqual([["Can you solve it using O(1) memory?", null]]);
    expect(q?.answer).toContain("A slow and a fast pointer meet inside a cycle.");
    expect(q?.answer).toContain("def has_cycle");
  });
});
