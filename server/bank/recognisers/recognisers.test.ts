import { describe, expect, it } from "vitest";
import type { ListItem, Unit } from "../blocks";
import { plainInline } from "../inline-text";
import { recogniseDetailsSummary } from "./details-summary";
import { recogniseFieldLabel } from "./field-label";
import { recogniseFollowUpLabel } from "./follow-up-label";
import { headingAsks, recogniseHeadingQuestion } from "./heading-question";
import { recogniseLabelledQuestion } from "./labelled-question";
import { recogniseMetaLine } from "./meta-line";
import { recogniseNumberedQuestion } from "./numbered-question";
import { recogniseQuestionList } from "./question-list";
import type { RecogniserContext } from "./recogniser";
import { isQuestionLike, setsTask } from "./recogniser";
import { recogniseScoreLine } from "./score-line";
import { namingColumn, recogniseTableQuestions } from "./table-questions";

const ctx = (over: Partial<RecogniserContext> = {}): RecogniserContext => ({
  inQuestion: false,
  headingQuestionAwaitingAnswer: false,
  hasFollowUps: false,
  inFollowUp: false,
  field: "body",
  next: null,
  section: null,
  ...over,
});
const line = (md: string): Unit => ({ kind: "line", md, text: plainInline(md), line: 1, block: 1 });
const heading = (md: string, depth = 3): Unit => ({ kind: "heading", depth, md: `${"#".repeat(depth)} ${md}`, text: plainInline(md), line: 1, block: 1 });

describe("recognisers", () => {
  it("heading questions: numbered, Q-prefixed, quoted, imperative; not section titles", () => {
    expect(recogniseHeadingQuestion(heading('1. "What happens if the server restarts?"'), ctx())).toMatchObject({
      prompt: "What happens if the server restarts?",
    });
    expect(recogniseHeadingQuestion(heading("**Q16: Design a trading platform.**"), ctx())).toMatchObject({ prompt: "Design a trading platform." });
    expect(recogniseHeadingQuestion(heading("Q10. Real Incident: Clock Skew"), ctx())).toMatchObject({ prompt: "Real Incident: Clock Skew" });
    expect(recogniseHeadingQuestion(heading("Table of Contents"), ctx())).toBeNull();
    expect(recogniseHeadingQuestion(heading("When You Don't Know"), ctx())).toBeNull();
  });

  it("labelled questions, with Q: lines as follow-ups under a heading question", () => {
    expect(recogniseLabelledQuestion(line("**Q: Why Kafka?**"), ctx())).toMatchObject({ type: "question", prompt: "Why Kafka?" });
    expect(recogniseLabelledQuestion(line("**Q: Why not Redis?**"), ctx({ headingQuestionAwaitingAnswer: true }))).toMatchObject({ type: "followUp" });
    expect(recogniseLabelledQuestion(line("Question 1: The Architectural Time Bomb"), ctx())).toMatchObject({ type: "question", tentative: true });
    expect(recogniseLabelledQuestion(line("Question: “Design a system”"), ctx())).toEqual({ type: "prompt", prompt: "Design a system" });
    expect(recogniseLabelledQuestion(line("**Base Question:**"), ctx())).toEqual({ type: "prompt", prompt: "" });
  });

  it("field labels in their many spellings", () => {
    expect(recogniseFieldLabel(line("**Key Points to Cover:**"), ctx())).toMatchObject({ field: "keyPoints" });
    expect(recogniseFieldLabel(heading("Good to hear", 4), ctx())).toMatchObject({ field: "rubric" });
    expect(recogniseFieldLabel(line("ANS: Lazily."), ctx())).toEqual({ type: "field", field: "answer", inline: "Lazily." });
    expect(recogniseFieldLabel(line("**Testing:** whether you rely on guardrails"), ctx({ inFollowUp: true }))).toMatchObject({
      type: "followUpField",
      field: "lookFor",
    });
    expect(recogniseFieldLabel(line("**Testing:**"), ctx())).toBeNull();
    expect(recogniseFieldLabel(heading("10. Counter‑Questions Interviewers Ask (And What They’re Really Testing)"), ctx())).toMatchObject({
      field: "followUps",
    });
    expect(recogniseFieldLabel(line("Answer direction: do X"), ctx({ inFollowUp: true }))).toMatchObject({ type: "followUpField", field: "answer" });
    expect(recogniseFieldLabel(line("The answer is simple: yes"), ctx())).toBeNull();
  });

  it("follow-up labels, meta lines and scores", () => {
    expect(recogniseFollowUpLabel(line("**+1 Depth:** What are the prerequisites?"), ctx())).toMatchObject({ prompt: "What are the prerequisites?" });
    expect(recogniseFollowUpLabel(line("**Follow-up Q: How would you scale it?**"), ctx())).toMatchObject({ prompt: "How would you scale it?" });
    expect(recogniseMetaLine(line("Company Examples: Meta, Google"), ctx())).toEqual({ type: "meta", values: { companies: "Meta, Google" } });
    expect(recogniseMetaLine(line("Difficulty: Hard | Tags: system design, redis"), ctx())).toEqual({
      type: "meta",
      values: { difficulty: "Hard", tags: "system design, redis" },
    });
    // One part that is not meta makes the whole line prose.
    expect(recogniseMetaLine(line("Difficulty: Hard | Answer: yes"), ctx())).toBeNull();
    expect(recogniseScoreLine(line("8.5/10"), ctx({ inQuestion: true, field: "score" }))).toEqual({ type: "score", score: 8.5, outOf: 10, reasons: null });
    expect(recogniseScoreLine(line("8.5/10"), ctx({ inQuestion: true }))).toBeNull();
    expect(recogniseScoreLine(line("Score: 7/10 solid"), ctx({ inQuestion: true }))).toMatchObject({ score: 7 });
    expect(recogniseScoreLine(line("Score: 8/10 because it names the trade-off"), ctx({ inQuestion: true }))).toEqual({
      type: "score",
      score: 8,
      outOf: 10,
      reasons: "it names the trade-off",
    });
    expect(recogniseScoreLine(line("**Score:** 8/10"), ctx({ inQuestion: true }))).toMatchObject({ score: 8, outOf: 10 });
    expect(recogniseScoreLine(line("Rating: 4 out of 5"), ctx({ inQuestion: true }))).toMatchObject({ score: 4, outOf: 5 });
    expect(recogniseScoreLine(line("Score: 11/10"), ctx({ inQuestion: true }))).toBeNull();
  });

  it("details, tables and question lists", () => {
    const details: Unit = { kind: "html", value: "<details>\n<summary>What is a closure?</summary>", md: "", line: 1, block: 1 };
    expect(recogniseDetailsSummary(details, ctx())).toMatchObject({ type: "question", prompt: "What is a closure?", opener: "details" });
    // "***" marks a question still waiting for its answer; it is not part of the prompt.
    const marked: Unit = {
      kind: "html",
      value: "<details>\n<summary><b>How do you get help on the command line? ***</b></summary><br>",
      md: "",
      line: 1,
      block: 1,
    };
    expect(recogniseDetailsSummary(marked, ctx())).toMatchObject({ prompt: "How do you get help on the command line?" });
    // A summary that holds its question and code, and closes later.
    const open: Unit = {
      kind: "html",
      value: '<details>\n<summary>\n<h3>1. Guess the output <span class="level-tag">Beginner</span>',
      md: "",
      line: 1,
      block: 1,
    };
    expect(recogniseDetailsSummary(open, ctx())).toMatchObject({ type: "question", prompt: "Guess the output", inline: null });
    const close: Unit = { kind: "html", value: "</h3>\n</summary>", md: "", line: 9, block: 2 };
    expect(recogniseDetailsSummary(close, ctx({ inQuestion: true }))).toEqual({ type: "field", field: "answer", inline: null });
    const table: Unit = {
      kind: "table",
      rows: [
        ["Question", "Answer"],
        ["What is X?", "Y."],
      ],
      md: "",
      line: 1,
      block: 1,
    };
    // The row's own line: two below the header's, past the delimiter row.
    expect(recogniseTableQuestions(table, ctx())).toEqual({ type: "questions", items: [{ prompt: "What is X?", answer: "Y.", meta: {}, offset: 2 }] });
    const item = (text: string) => ({ text, md: text, lines: [text], children: [] });
    const list: Unit = { kind: "list", ordered: true, items: [item("How do you X?"), item("Why Y? because Z")], md: "", line: 1, block: 1 };
    expect(recogniseQuestionList(list, ctx())).toMatchObject({
      items: [
        { prompt: "How do you X?", answer: null },
        { prompt: "Why Y?", answer: "because Z" },
      ],
    });
    expect(recogniseQuestionList(list, ctx({ inQuestion: true }))).toBeNull();
  });

  it("a listed question asked in two parts stays whole; questions nested at any depth are its follow-ups", () => {
    const entry = (text: string, children: ListItem[] = []): ListItem => ({ text, md: text, lines: [text], children });
    const list: Unit = {
      kind: "list",
      ordered: false,
      items: [
        entry("What is an index? When would adding one make writes slower?"),
        entry("What is a deadlock?", [entry("How would you prevent it?", [entry("What if you cannot change the lock order?")]), entry("Which tools show it?")]),
      ],
      md: "",
      line: 1,
      block: 1,
    };
    expect(recogniseQuestionList(list, ctx())).toMatchObject({
      items: [
        { prompt: "What is an index? When would adding one make writes slower?", answer: null, followUps: [] },
        { prompt: "What is a deadlock?", followUps: ["How would you prevent it?", "What if you cannot change the lock order?", "Which tools show it?"] },
      ],
    });
  });

  it("a numbered question is one when an answer label follows it", () => {
    const item = (text: string) => ({ text, md: text, lines: [text], children: [] });
    const numbered: Unit = { kind: "list", ordered: true, items: [item("Why is String immutable?")], md: "", line: 1, block: 1 };
    expect(recogniseNumberedQuestion(numbered, ctx({ next: line("Answer - Because it is pooled.") }))).toMatchObject({
      type: "question",
      prompt: "Why is String immutable?",
    });
    expect(recogniseNumberedQuestion(numbered, ctx({ next: line("Because it is pooled.") }))).toBeNull();
    expect(recogniseFieldLabel(line("Answer - Because it is pooled."), ctx())).toEqual({ type: "field", field: "answer", inline: "Because it is pooled." });
  });

  it("setsTask: a problem statement sets its task in a clause after what it gives", () => {
    expect(setsTask("Given an array of integers and a target, return the indices of two numbers adding up to it.")).toBe(true);
    expect(setsTask("Given a string s containing just `(`, `)`, `{` and `}`, determine if it is valid.")).toBe(true);
    expect(setsTask("Given enough time, most teams ship.")).toBe(false);
    expect(setsTask("The loop runs callbacks when the stack is empty.")).toBe(false);
  });

  it("isQuestionLike", () => {
    expect(isQuestionLike("Your database primary fails. Walk me through what happens.")).toBe(true);
    expect(isQuestionLike("Explain event delegation.")).toBe(true);
    expect(isQuestionLike("Design Patterns")).toBe(false);
  });

  it("isQuestionLike: a question mark closed by quotes or a bracket, or followed by a note in brackets", () => {
    expect(isQuestionLike('He asked "why not a queue?"')).toBe(true);
    expect(isQuestionLike("What is a closure? (Hint: think of the scope.)")).toBe(true);
    expect(isQuestionLike("(Your favourite cache library?)  (name one)")).toBe(true);
    expect(isQuestionLike("Your favourite cache library?(name one)")).toBe(true);
    expect(isQuestionLike("Sizes (small, large) and colours (red)")).toBe(false);
    expect(isQuestionLike("Is it?(no) or not")).toBe(false);
  });

  it("a table whose column names one problem per row, as links, whatever its header", () => {
    const problem = (n: string, title: string, slug: string, level: string) => [
      n,
      `[${title}](https://leetcode.com/problems/${slug}/)`,
      `[C++](./C++/${slug}.cpp) [Python](./Python/${slug}.py)`,
      "_O(n)_",
      level,
    ];
    const table: Unit = {
      kind: "table",
      rows: [
        ["#", "Title", "Solution", "Time", "Difficulty"],
        problem("0001", "Two Sum", "two-sum", "Easy"),
        problem("0020", "Valid Parentheses", "valid-parentheses", "Easy"),
        problem("0146", "LRU Cache", "lru-cache", "Medium"),
      ],
      md: "",
      line: 1,
      block: 1,
    };
    const found = recogniseTableQuestions(table, ctx());
    expect(found?.type === "questions" && found.items.map((i) => [i.prompt, i.meta.difficulty])).toEqual([
      ["Two Sum", "Easy"],
      ["Valid Parentheses", "Easy"],
      ["LRU Cache", "Medium"],
    ]);
    expect(found?.type === "questions" && found.items[0]?.answer).toBe("[C++](./C++/two-sum.cpp) [Python](./Python/two-sum.py)\n\n**Time:** _O(n)_");
    // Links whose texts repeat ("Docs" in every row), two rows, or plain text: no column names problems.
    const rows = (cells: string[]) => cells.map((c, n) => [`${n}`, c]);
    expect(namingColumn(rows(["[Docs](a)", "[Docs](b)", "[Docs](c)"]))).toBe(-1);
    expect(namingColumn(rows(["[Two Sum](a)", "[LRU Cache](b)"]))).toBe(-1);
    expect(namingColumn(rows(["Two Sum", "LRU Cache", "Valid Parentheses"]))).toBe(-1);
    expect(namingColumn(rows(["[Two Sum](a)", "[LRU Cache](b)", "[Valid Parentheses](c)"]))).toBe(1);
  });

  it("Korean asks in its verb ending, with or without a question mark", () => {
    expect(isQuestionLike("교착상태란 무엇인가")).toBe(true);
    expect(isQuestionLike("정규화는 어떤 배경에서 생겨났는가")).toBe(true);
    expect(isQuestionLike("트랜잭션은 어떻게 동작하나요")).toBe(true);
    expect(isQuestionLike("인덱스를 왜 사용할까")).toBe(true);
    expect(isQuestionLike("교착상태의 예")).toBe(false);
    expect(isQuestionLike("데이터베이스의 특징")).toBe(false);
  });

  it("a heading that names a comparison, a difference, or (in Korean) a reason or pitfalls asks", () => {
    for (const title of [
      "Clustered Index vs Non-clustered Index",
      "Statement vs. PreparedStatement",
      "Difference between TCP and UDP",
      "TCP和UDP的区别",
      "데이터베이스를 사용하는 이유",
      "트랜잭션을 사용할 때 주의할 점",
    ]) {
      expect(headingAsks(title), title).toBe(true);
      expect(recogniseHeadingQuestion(heading(title), ctx()), title).toMatchObject({ type: "question", prompt: title });
    }
    // A long title that mentions a comparison among other things is a section, not a question.
    expect(headingAsks("PostgreSQL Indexing Deep Dive — BTREE vs GIN vs BRIN (+ EXPLAIN Drills)")).toBe(false);
    expect(headingAsks("Composite Index")).toBe(false);
    expect(headingAsks("데이터베이스의 특징")).toBe(false);
    expect(recogniseHeadingQuestion(heading("Composite Index"), ctx())).toBeNull();
  });

  it("English asks in its word order when the question mark is left off", () => {
    expect(isQuestionLike("What's the minimum requirement to set up CI/CD pipelines.")).toBe(true);
    expect(isQuestionLike("How do you manage environment-specific configurations in a pipeline.")).toBe(true);
    expect(isQuestionLike("What are the advantages and disadvantages of feature flags")).toBe(true);
    expect(isQuestionLike("How would you implement security controls in a pipeline.")).toBe(true);
    expect(isQuestionLike("How it works under the hood")).toBe(false);
    expect(isQuestionLike("What we learned from the outage")).toBe(false);
    expect(isQuestionLike("Whatever is left goes to the cache.")).toBe(false);
  });
});
