import { describe, expect, it } from "vitest";
import { parseBankDocumentWithReport } from "./parse-bank-document";

/**
 * Notes as a new user writes them for themselves, in the plainest layouts: each must import as a careful
 * person would structure it by hand (questions, answers, follow-ups, key points, red flags in their places).
 */
function parse(text: string, file = "notes.md") {
  return parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: file }).document;
}

describe("a new user's own notes", () => {
  it("Q:/A: pairs: a follow-up under one question leaves the next Q: a question of its own", () => {
    const document = parse(
      "Backend notes\n\nQ: What is a database index?\nA: A lookup structure.\n\nQ: When would you denormalise?\nA: When reads dominate.\nFollow-up: What do you lose?\n\nQ: Explain eventual consistency.\nA: Replicas converge.\n",
      "notes.txt",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt)])).toEqual([
      ["What is a database index?", "A lookup structure.", []],
      ["When would you denormalise?", "When reads dominate.", ["What do you lose?"]],
      ["Explain eventual consistency.", "Replicas converge.", []],
    ]);
  });

  it("question bullets with their parts named in bullets under them: each part in its place", () => {
    const document = parse(
      "# JavaScript\n\n- What is a closure?\n  - A function bundled with its scope.\n  - Follow-up: How can closures leak memory?\n  - Red flag: confuses closures with classes.\n- What is the event loop?\n  - It runs callbacks when the stack is empty.\n  - Follow-up: Where do promises go?\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt), q.redFlags])).toEqual([
      ["What is a closure?", "A function bundled with its scope.", ["How can closures leak memory?"], ["confuses closures with classes."]],
      ["What is the event loop?", "It runs callbacks when the stack is empty.", ["Where do promises go?"], []],
    ]);
  });

  it("an interviewer's guide: one question alone in its section, with what to look for and red flags under it", () => {
    const document = parse(
      "# Interview guide\n\n## Ownership\n\n- Tell me about a project you owned end to end.\n  - Look for: scope, trade-offs, result measured\n  - Red flag: only describes the team's work\n- Describe a time you disagreed with your manager.\n  - Look for: respectful escalation\n\n## Technical depth\n\n- How would you debug a memory leak in production?\n  - Look for: heap snapshots, reproduce, bisect\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.section.at(-1), q.rubric.flatMap((c) => c.lookFor), q.redFlags])).toEqual([
      ["Tell me about a project you owned end to end.", "Ownership", ["scope", "trade-offs", "result measured"], ["only describes the team's work"]],
      ["Describe a time you disagreed with your manager.", "Ownership", ["respectful escalation"], []],
      ["How would you debug a memory leak in production?", "Technical depth", ["heap snapshots", "reproduce", "bisect"], []],
    ]);
  });

  it("plain-text Q./Ans. pairs, and a numbered list with each answer after a dash on the question's line", () => {
    const qa = parse(
      "JAVA QUESTIONS\n\nQ. What is the JVM?\nAns. The machine that runs bytecode.\n\nQ. What is garbage collection?\nAns. Reclaiming unreachable objects.\n",
      "java.txt",
    );
    expect(qa.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is the JVM?", "The machine that runs bytecode."],
      ["What is garbage collection?", "Reclaiming unreachable objects."],
    ]);
    const list = parse(
      "# Quick fire\n\n1. What is a mutex? — A lock one thread holds.\n2. What is a semaphore? - A counter of permits.\n3. What is a deadlock? Threads waiting forever.\n",
    );
    expect(list.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a mutex?", "A lock one thread holds."],
      ["What is a semaphore?", "A counter of permits."],
      ["What is a deadlock?", "Threads waiting forever."],
    ]);
  });

  it("a table with columns for what to look for, follow-ups and red flags: each column fills its part", () => {
    const document = parse(
      "# Phone screen\n\n| Question | What to look for | Follow-up | Red flags |\n|---|---|---|---|\n| How do you review a pull request? | Reads tests first<br>Asks about intent | What do you block on? | Nitpicks only |\n| What happens when you type a URL? | DNS, TCP, TLS | Where does caching happen? | |\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.rubric.flatMap((c) => c.lookFor), q.followUps.map((f) => f.prompt), q.redFlags])).toEqual([
      ["How do you review a pull request?", null, ["Reads tests first", "Asks about intent"], ["What do you block on?"], ["Nitpicks only"]],
      ["What happens when you type a URL?", null, ["DNS, TCP, TLS"], ["Where does caching happen?"], []],
    ]);
  });

  it("a problem named by its heading: the statement is read out with it, whichever parts follow", () => {
    const document = parse(
      "# Practice\n\n## Two Sum\n\nGiven an array and a target, return the two indices that add up to it.\n\nKeep a map from value to index.\n\n**Red flags**\n- Quadratic time\n\n## Valid Parentheses\n\nGiven a string of brackets, decide whether it is balanced.\n\nPush openers on a stack and pop on closers.\n\n**Follow-ups**\n- What about several bracket types?\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer])).toEqual([
      ["Two Sum", "Given an array and a target, return the two indices that add up to it.", "Keep a map from value to index."],
      ["Valid Parentheses", "Given a string of brackets, decide whether it is balanced.", "Push openers on a stack and pop on closers."],
    ]);
  });

  it("a short .md file with little Markdown in it is read as Markdown: a numbered list nested in an answer stays in it", () => {
    const document = parse(
      "# OOP\n\n1. What are the SOLID principles?\n   1. Single responsibility\n   2. Open/closed\n2. What is dependency injection?\n   Passing collaborators in.\n3. What is composition over inheritance?\n   Building from parts.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What are the SOLID principles?", "1. Single responsibility\n2. Open/closed"],
      ["What is dependency injection?", "Passing collaborators in."],
      ["What is composition over inheritance?", "Building from parts."],
    ]);
  });

  it("headings with an attribute block for the renderer ('{#id .class}') ask without it", () => {
    const document = parse(
      "# FAQ\n\n## Who maintains it? {#who}\n\nA core team.\n\n## Pourquoi est-ce rapide ? {#pourquoi .faq}\n\nLe DOM virtuel.\n\n## Is it production ready? { #ready }\n\nYes.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Who maintains it?", "A core team."],
      ["Pourquoi est-ce rapide ?", "Le DOM virtuel."],
      ["Is it production ready?", "Yes."],
    ]);
  });

  it("Obsidian callouts titled with the question, their body the answer", () => {
    const document = parse(
      "# Redis\n\n> [!question] What is Redis used for?\n> Caching and queues.\n\n> [!faq]- How does it persist data?\n> Snapshots and a log.\n\n> [!question] What is a cluster?\n> Sharding by hash slot.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is Redis used for?", "Caching and queues."],
      ["How does it persist data?", "Snapshots and a log."],
      ["What is a cluster?", "Sharding by hash slot."],
    ]);
  });

  it("a task list's boxes are not words of its questions", () => {
    const document = parse("# Prep\n\n- [ ] What is a B-tree?\n  A balanced tree.\n- [x] How does an index speed up a query?\n  It avoids a scan.\n");
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a B-tree?", "A balanced tree."],
      ["How does an index speed up a query?", "It avoids a scan."],
    ]);
  });

  it("a Google Docs export: '**Question 2**' alone on its line, the prompt and '**Answer**' below, never in the answer above", () => {
    const document = parse(
      "**Backend questions**\n\n**Question 1**\n\nWhat is the CAP theorem?\n\n**Answer**\n\nAt most two of three.\n\n**Question 2**\n\nWhat is idempotency?\n\n**Answer**\n\nTwice is once.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is the CAP theorem?", "At most two of three."],
      ["What is idempotency?", "Twice is once."],
    ]);
  });

  it("a quiz with its answer key at the end: each numbered answer goes to the question of its number", () => {
    const document = parse(
      "# Quiz\n\n1. What does HTTP stand for?\n2. Which port does HTTPS use?\n3. What is a 404?\n\n## Answers\n\n1. HyperText Transfer Protocol\n2. 443\n3. Not Found\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What does HTTP stand for?", "HyperText Transfer Protocol"],
      ["Which port does HTTPS use?", "443"],
      ["What is a 404?", "Not Found"],
    ]);
    // Three answers for two questions are not their key.
    const mismatched = parse("# Quiz\n\n1. What is TCP?\n2. What is UDP?\n\n## Answers\n\n1. A stream.\n2. Datagrams.\n3. Extra.\n");
    expect(mismatched.questions.map((q) => q.answer)).toEqual([null, null]);
  });

  it("a README's table of contents and '[[↑] Back to top]' links are neither a section nor part of an answer", () => {
    const document = parse(
      "# Code problems\n\n## Contents\n\n- [Reverse a string](#reverse-a-string)\n- [Find the missing number](#find-the-missing-number)\n\n### Reverse a string\n\nSwap from both ends.\n\n[[↑] Back to top](#code-problems)\n\n### Find the missing number\n\nSubtract the sum from n(n+1)/2.\n\n[[↑] Back to top](#code-problems)\n\n### Check balanced brackets\n\nUse a stack.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.section, q.answer])).toEqual([
      ["Reverse a string", ["Code problems"], "Swap from both ends."],
      ["Find the missing number", ["Code problems"], "Subtract the sum from n(n+1)/2."],
      ["Check balanced brackets", ["Code problems"], "Use a stack."],
    ]);
  });

  it("notes in Chinese: a bold two-character label over its list ('**追问**', '**常见错误**') fills its part", () => {
    const document = parse(
      "# 数据库\n\n## 什么是索引？\n\n加快查询的数据结构。\n\n**追问**\n- 什么时候不该建索引？\n\n**常见错误**\n- 给每一列都建索引\n\n## 什么是事务？\n\n一组原子操作。\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt), q.redFlags])).toEqual([
      ["什么是索引？", "加快查询的数据结构。", ["什么时候不该建索引？"], ["给每一列都建索引"]],
      ["什么是事务？", "一组原子操作。", [], []],
    ]);
  });

  it("notes in Korean and Japanese: a short question that asks with its mark, and 'フォローアップ' over its follow-ups", () => {
    const korean = parse(
      "# 데이터베이스\n\n## 인덱스란 무엇인가요?\n\n검색을 빠르게 하는 자료구조입니다.\n\n## 트랜잭션이란?\n\n원자적인 작업의 묶음입니다.\n",
    );
    expect(korean.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["인덱스란 무엇인가요?", "검색을 빠르게 하는 자료구조입니다."],
      ["트랜잭션이란?", "원자적인 작업의 묶음입니다."],
    ]);
    const japanese = parse(
      "# データベース\n\n## インデックスとは何ですか？\n\n検索を速くする構造です。\n\n**フォローアップ**\n- 書き込みが遅くなるのはいつですか？\n\n## トランザクションとは？\n\n操作のまとまりです。\n",
    );
    expect(japanese.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt)])).toEqual([
      ["インデックスとは何ですか？", ["書き込みが遅くなるのはいつですか？"]],
      ["トランザクションとは？", []],
    ]);
  });

  it("a difficulty tagged on the prompt ('[Easy] …', '… (Hard)') is the question's difficulty, not its words", () => {
    const document = parse(
      "# Algorithms\n\n- [Easy] What is binary search?\n- How would you find the median of two sorted arrays? (Hard)\n- What is a stack?\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.meta.difficulty])).toEqual([
      ["What is binary search?", "Easy"],
      ["How would you find the median of two sorted arrays?", "Hard"],
      ["What is a stack?", null],
    ]);
  });

  it("an answer label in italics ('*Answer:* …') leaves no marker in the answer", () => {
    const document = parse(
      "# Go\n\n### What is a goroutine?\n\n*Answer:* A function run by the scheduler.\n\n### What is a channel?\n\n_Answer:_ A typed conduit.\n\n### What does defer do?\n\n**Answer:** Runs a call on return.\n",
    );
    expect(document.questions.map((q) => q.answer)).toEqual(["A function run by the scheduler.", "A typed conduit.", "Runs a call on return."]);
  });

  it("'**Q.**' and '**A.**' pairs; a bold 'A.' over a 'B.' is an option, not the answer", () => {
    const document = parse(
      "# CSS\n\n**Q.** What is the cascade?\n**A.** The order rules apply in.\n\n**Q.** What is flexbox?\n**A.** One-dimensional layout.\n\n**Q.** Which unit is relative to the root font size?\n**A.** em\n**B.** rem\n\nAnswer: rem\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is the cascade?", "The order rules apply in."],
      ["What is flexbox?", "One-dimensional layout."],
      ["Which unit is relative to the root font size?", "rem"],
    ]);
  });

  it("a short note of two questions, bold or plain, each with its answer under it", () => {
    const pairs = [
      ["What is normalisation?", "Organising tables to reduce redundancy."],
      ["What is an index?", "A structure that speeds up lookups."],
    ];
    const bold = parse(
      "# Databases\n\n**What is normalisation?**\n\nOrganising tables to reduce redundancy.\n\n**What is an index?**\n\nA structure that speeds up lookups.\n",
    );
    expect(bold.questions.map((q) => [q.prompt, q.answer])).toEqual(pairs);
    const plain = parse(
      "What is normalisation?\nOrganising tables to reduce redundancy.\n\nWhat is an index?\nA structure that speeds up lookups.\n",
      "db.txt",
    );
    expect(plain.questions.map((q) => [q.prompt, q.answer])).toEqual(pairs);
  });

  it("a snippet under a topic heading, then the question about it: the snippet is shown with the question", () => {
    const document = parse(
      "# Tricky snippets\n\n## Closures in loops\n\n```js\nfor (var i = 0; i < 3; i++) setTimeout(() => console.log(i));\n```\n\nWhat does this print, and why?\n\nIt prints 3 three times: `var` is function-scoped.\n\n## Hoisting\n\n```js\nconsole.log(a); var a = 1;\n```\n\nWhat is logged?\n\n`undefined`: only the declaration is hoisted.\n",
    );
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.context, q.answer])).toEqual([
      [
        "Closures in loops",
        "What does this print, and why?",
        "```js\nfor (var i = 0; i < 3; i++) setTimeout(() => console.log(i));\n```",
        "It prints 3 three times: `var` is function-scoped.",
      ],
      ["Hoisting", "What is logged?", "```js\nconsole.log(a); var a = 1;\n```", "`undefined`: only the declaration is hoisted."],
    ]);
  });

  it("a note that mixes bold questions with a snippet's question under a heading: both kinds are questions", () => {
    const document = parse(
      "# My prep notes\n\n**What is an index?**\n\nA sorted structure that avoids a scan.\n\n**Follow-ups:** When would you not add one?\n\n**Why is a hash map O(1) on average?**\n\nHashing spreads keys over buckets.\n\n## Closures in loops\n\n```js\nfor (var i = 0; i < 3; i++) setTimeout(() => console.log(i));\n```\n\nWhat does this print, and why?\n\nIt prints 3 three times: `var` is function-scoped.\n",
    );
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.context, q.answer, q.followUps.map((f) => f.prompt)])).toEqual([
      ["My prep notes", "What is an index?", null, "A sorted structure that avoids a scan.", ["When would you not add one?"]],
      ["My prep notes", "Why is a hash map O(1) on average?", null, "Hashing spreads keys over buckets.", []],
      [
        "Closures in loops",
        "What does this print, and why?",
        "```js\nfor (var i = 0; i < 3; i++) setTimeout(() => console.log(i));\n```",
        "It prints 3 three times: `var` is function-scoped.",
        [],
      ],
    ]);
  });

  it("a phone-screen note mixing three layouts ('Interviewer asks:', a lone bold question, a snippet's question) is three questions", () => {
    const document = parse(
      "# Phone screen notes\n\nInterviewer asks: How would you design a rate limiter?\n\nGood answer: token bucket per user, in Redis.\n\nBad answer: One global counter.\n\n**What is an index?**\n\nA lookup structure that makes reads fast and writes slower.\n\nKey points: lookup speed, write cost, selectivity\n\n-> Follow-up: When would you not add one?\n\n## Closures in loops\n\n```js\nfor (var i = 0; i < 3; i++) setTimeout(() => console.log(i));\n```\n\nWhat does this print, and why?\n\nIt prints 3 three times: `var` is function-scoped.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer, q.followUps.map((f) => f.prompt), q.redFlags])).toEqual([
      ["How would you design a rate limiter?", null, "token bucket per user, in Redis.", [], ["One global counter."]],
      ["What is an index?", null, "A lookup structure that makes reads fast and writes slower.", ["When would you not add one?"], []],
      [
        "What does this print, and why?",
        "```js\nfor (var i = 0; i < 3; i++) setTimeout(() => console.log(i));\n```",
        "It prints 3 three times: `var` is function-scoped.",
        [],
        [],
      ],
    ]);
    expect(document.questions[1]?.keyPoints).toEqual(["lookup speed", "write cost", "selectivity"]);
  });

  it("plain text with each question on a group's first line and its answer under it: a follow-up does not make the title the question", () => {
    const document = parse(
      "JAVASCRIPT INTERVIEW\n\nWhat is a closure?\nA function that remembers the scope it was created in.\nFollow up: how can a closure leak memory?\n\nWhat is the event loop?\nIt takes callbacks off the queue when the stack is empty.\n\nExplain arrow functions.\nThey take this from the scope around them.\n",
      "notes.txt",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => [f.prompt, f.answer])])).toEqual([
      ["What is a closure?", "A function that remembers the scope it was created in.", [["how can a closure leak memory?", null]]],
      ["What is the event loop?", "It takes callbacks off the queue when the stack is empty.", []],
      ["Explain arrow functions.", "They take this from the scope around them.", []],
    ]);
  });

  it("groups of lines led by a statement among questions ('Consider a table with …') are not a question unit of their own", () => {
    const document = parse(
      "Indexes\n\nWhat is an index?\nIt speeds reads.\n\nConsider a table with name and age.\nIndexing age helps range scans.\n\nWhy not index gender?\nToo few distinct values.\n",
      "notes.txt",
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["What is an index?", "Why not index gender?"]);
  });

  it("a plain-text note's first line, a few words alone, is its title: the questions' section, not a passage left unused", () => {
    const { document, report } = parseBankDocumentWithReport({
      bytes: new TextEncoder().encode(
        "Senior Engineer Phone Screen\n\n1) Tell me about yourself.\n   Keep it to two minutes.\n\n2) Why do you want to leave?\n   Red flag: speaks badly of the employer.\n",
      ),
      sourceFile: "screen.txt",
    });
    expect(report.unused).toEqual([]);
    expect(document.questions.map((q) => [q.prompt, q.section])).toEqual([
      ["Tell me about yourself.", ["Senior Engineer Phone Screen"]],
      ["Why do you want to leave?", ["Senior Engineer Phone Screen"]],
    ]);
  });

  it("a numbered question whose own further lines name its parts ('   Answer: …', '   Follow-up: …', '   Red flag: …')", () => {
    const document = parse(
      "1. Tell me about a conflict with a coworker.\n   Answer: We wrote both designs down and asked the consumers.\n   Follow-up: What would you do differently?\n   Red flag: blames the coworker.\n\n2. Describe a time you missed a deadline.\n   Answer: I said early that we would be late.\n   Follow-up: How did you tell the stakeholders?\n\n3. What is your biggest weakness?\n   Answer: I take on too much.\n",
      "behavioural.md",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt), q.redFlags])).toEqual([
      [
        "Tell me about a conflict with a coworker.",
        "We wrote both designs down and asked the consumers.",
        ["What would you do differently?"],
        ["blames the coworker."],
      ],
      ["Describe a time you missed a deadline.", "I said early that we would be late.", ["How did you tell the stakeholders?"], []],
      ["What is your biggest weakness?", "I take on too much.", [], []],
    ]);
  });

  it("flashcards marked with arrows ('-> Q: …', '-> A: …') or emoji ('❓ …', '❌ …'): the marks are their labels", () => {
    const arrows = parse(
      "# Flashcards\n\n-> Q: What is consistent hashing?\n-> A: Keys spread so that a new node moves few.\n\n-> Q: Why shard?\n-> A: To spread writes.\n",
    );
    expect(arrows.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is consistent hashing?", "Keys spread so that a new node moves few."],
      ["Why shard?", "To spread writes."],
    ]);
    const emoji = parse(
      "# React prep\n\n❓ What is the virtual DOM?\nA tree React diffs.\n❌ Says it is always faster.\n\n❓ What does useEffect do?\nRuns effects after render.\n🚩 Fetching in render.\n",
    );
    expect(emoji.questions.map((q) => [q.prompt, q.answer, q.redFlags])).toEqual([
      ["What is the virtual DOM?", "A tree React diffs.", ["Says it is always faster."]],
      ["What does useEffect do?", "Runs effects after render.", ["Fetching in render."]],
    ]);
  });

  it("a numbered question in bold with its answer after it on the line ('**Q1. What is X?** It is …', '**2. …?** …')", () => {
    const labelled = parse(
      "**Q1. What is a hash map?** Keys mapped to values by a hash.\n\n**Q2. What is a collision?** Two keys in one bucket.\n\n**Q3. What is the load factor?** Entries per bucket.\n",
    );
    const numbered = parse(
      "**1. What is a hash map?** Keys mapped to values by a hash.\n\n**2. What is a collision?** Two keys in one bucket.\n\n**3. What is the load factor?** Entries per bucket.\n",
    );
    for (const document of [labelled, numbered]) {
      expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
        ["What is a hash map?", "Keys mapped to values by a hash."],
        ["What is a collision?", "Two keys in one bucket."],
        ["What is the load factor?", "Entries per bucket."],
      ]);
    }
  });

  it("a scorecard's 'Scoring:' levels are notes for the interviewer, not a passage left unused", () => {
    const { document, report } = parseBankDocumentWithReport({
      bytes: new TextEncoder().encode(
        "# Scorecard\n\n## Question 1: Design a URL shortener\n\n**What good looks like:** a key-value store and caching of hot links.\n\n**Red flags:** ignores collisions.\n\n**Scoring:**\n- 1: no working design\n- 4: scales and names the trade-offs\n\n## Question 2: Tell me about an outage you caused\n\n**What good looks like:** owns it.\n",
      ),
      sourceFile: "scorecard.md",
    });
    expect(report.unused).toEqual([]);
    expect(document.questions[0]?.meta.interviewerNotes).toEqual(["1: no working design", "4: scales and names the trade-offs"]);
  });

  it("questions listed right under a question, before its answer, are its follow-ups (under a heading, or nested in a numbered entry)", () => {
    const heading = parse(
      "# Concurrency\n\n## What is a mutex?\n\n1. How is it different from a semaphore?\n2. What is priority inversion?\n\nA lock one thread holds at a time.\n\n## What is a spinlock?\n\nA lock that busy-waits.\n",
    );
    const numbered = parse(
      "# Concurrency\n\n1. What is a mutex?\n   1. How is it different from a semaphore?\n   2. What is priority inversion?\n\nA lock one thread holds at a time.\n\n2. What is a condition variable?\n\nA queue threads wait on.\n\n3. What is a spinlock?\n\nA lock that busy-waits.\n",
    );
    for (const document of [heading, numbered]) {
      expect(document.questions[0]).toMatchObject({ prompt: "What is a mutex?", answer: "A lock one thread holds at a time." });
      expect(document.questions[0]?.followUps.map((f) => f.prompt)).toEqual(["How is it different from a semaphore?", "What is priority inversion?"]);
    }
  });

  it("a quiz whose options are a task list with the right one checked: the options are shown without their boxes, the checked one answers", () => {
    const document = parse(
      "## Git\n\n#### Q1. How can you check your git version?\n\n- [ ] git --v\n- [x] git --version\n- [ ] git --current\n\n#### Q2. What do these commands do?\n\n```bash\ngit reset --soft HEAD^\n```\n\n- [x] Undo the last commit, keeping its changes staged\n- [ ] Delete every commit\n\n**Explanation:** HEAD^ is the commit before HEAD.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer])).toEqual([
      ["How can you check your git version?", "- git --v\n- git --version\n- git --current", "git --version"],
      [
        "What do these commands do?",
        "```bash\ngit reset --soft HEAD^\n```\n\n- Undo the last commit, keeping its changes staged\n- Delete every commit",
        "Undo the last commit, keeping its changes staged\n\n**Explanation:** HEAD^ is the commit before HEAD.",
      ],
    ]);
  });

  it("a README's 'Related Topics' list of links, like its 'Table of Contents', is not a question among the question headings", () => {
    const document = parse(
      "# Node.js Basics\n\n## Related Topics\n\n* [HTML Basics](https://example.com/html)\n* [CSS Basics](https://example.com/css)\n\n## Q. What is Node.js?\n\nA JavaScript runtime.\n\n## Q. What is npm?\n\nIts package manager.\n\n## Q. What is the event loop?\n\nWhat runs callbacks.\n",
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["What is Node.js?", "What is npm?", "What is the event loop?"]);
  });

  it("interview topics under titled headings, each asking in a paragraph, some with a link after it: every topic is a question", () => {
    const linked = ["Globals Are Evil", "Inversion of Control", "Law of Demeter"];
    const plain = ["Index 0", "TDD", "Refactoring", "Code Comments", "Early Testing", "Closures", "Generics", "Namespaces", "Exceptions"];
    const topic = (t: string, link: boolean) => `#### ${t}\nWhat do you think of ${t.toLowerCase()}?${link ? "<br/>\n[Resources](notes.md)" : ""}\n`;
    const document = parse(
      `# Back-End Developer Interview Questions\n\n## Design Patterns\n\n${linked.map((t, i) => topic(t, i < 2)).join("\n")}\n## Code Design\n\n${plain.map((t) => topic(t, false)).join("\n")}`,
      "backend-questions.md",
    );
    expect(document.questions.map((q) => q.prompt)).toEqual([...linked, ...plain]);
  });

  it("a section heading's link back to the top ('[[↑]](#toc)') and closing colon are no part of its name; its red flags still apply", () => {
    const document = parse(
      "# Questions\n\n### [[↑]](#toc) Questions about Design Patterns:\n\n**Red flags:** never heard of the pattern.\n\n#### What is a singleton?\n\nOne instance.\n\n#### What is a factory?\n\nAn object that makes others.\n\n#### What is a facade?\n\nA simple front.\n",
    );
    expect(document.questions.map((q) => [q.section, q.redFlags])).toEqual(
      Array(3).fill([["Questions", "Questions about Design Patterns"], ["never heard of the pattern."]]),
    );
  });

  it("a STAR answer titled by a sub-heading that quotes a comparison or repeats the question is that question's answer, not a question", () => {
    const document = parse(
      '# Behavioural\n\n## 1. Tell me about a time you had to hire fast.\n\n### The "Speed vs. Bar" Answer\n\n#### Situation\nWe had to double.\n\n## 2. Describe a time you coached a manager.\n\n### Describe a time you coached a manager.\n\n#### Situation\nA new manager struggled.\n',
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["Tell me about a time you had to hire fast.", "Describe a time you coached a manager."]);
    expect(document.questions[1]?.answer).toBe("#### Situation\n\nA new manager struggled.");
  });

  it("a file that is one question, titled in its front matter with its difficulty and tags, its parts under Spanish headings", () => {
    const { document, report } = parseBankDocumentWithReport({
      bytes: new TextEncoder().encode(
        "---\ntitle: ¿Cuándo usarías signals en vez de NgRx?\ndifficulty: hard\ntags: [state, signals]\nlastReviewed: 2026-04-04\n---\n\nUna pregunta sobre estado.\n\n## Qué evalúa el entrevistador\n- Si distingues estado local y compartido\n\n## Respuesta sólida\nSignals para estado local; NgRx cuando muchos componentes lo comparten.\n",
      ),
      sourceFile: "q12.md",
    });
    expect(report.unused).toEqual([]);
    expect(document.questions).toHaveLength(1);
    expect(document.questions[0]).toMatchObject({
      prompt: "¿Cuándo usarías signals en vez de NgRx?",
      answer: "Signals para estado local; NgRx cuando muchos componentes lo comparten.",
      meta: { difficulty: "hard", tags: ["state", "signals"] },
    });
    expect(document.questions[0]?.rubric.flatMap((c) => c.lookFor)).toEqual(["Si distingues estado local y compartido"]);
  });

  it("'# Question 1 - Abstract Classes' over '## What is an abstract class?': the numbered topic titles the question under it", () => {
    const document = parse(
      "# Question 1 - Abstract Classes\n\n## What is an abstract class in C#?\n\nA class that cannot be instantiated.\n",
      "AC-Question01.md",
    );
    expect(document.questions.map((q) => [q.prompt, q.meta.title, q.answer])).toEqual([
      ["What is an abstract class in C#?", "Abstract Classes", "A class that cannot be instantiated."],
    ]);
  });

  it("a task heading over a paragraph that ends asking: the paragraph is shown with the question, not its answer; one under a label stays the answer", () => {
    const document = parse(
      "# System design\n\n## Design a URL shortener\n\nHow would you design a service like bit.ly? What are its parts?\n\n**Follow-ups**\n- How do you generate codes?\n\n## Design a chat system\n\nUsers message each other in real time. How would you build it?\n\n## Explain how you would triage a slow service\n\n**ELI8:**\nIs the kitchen slow because chefs are few?\n\nCheck CPU, pools, then downstreams.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer])).toEqual([
      ["Design a URL shortener", "How would you design a service like bit.ly? What are its parts?", null],
      ["Design a chat system", "Users message each other in real time. How would you build it?", null],
      ["Explain how you would triage a slow service", null, "**ELI8:**\nIs the kitchen slow because chefs are few?\n\nCheck CPU, pools, then downstreams."],
    ]);
  });

  it("a paragraph that asks in one of an answer's parts, or in the introduction over a section's questions, stays where it is", () => {
    const parts = parse(
      "# Arrays\n\n**How do you empty an array?**\n\n#### Method 1\n\nAssign a new array.\n\n#### Method 2\n\nSet its length to 0.\n\n#### Method 3\n\nLibraries have a helper.\n\nWhy not use one?\n\nOnly if it is already there.\n\n**How do you copy an array?**\n\nSpread it.\n\n**How do you sort numbers?**\n\nPass a comparator.\n",
    );
    expect(parts.questions.map((q) => q.prompt)).toEqual(["How do you empty an array?", "How do you copy an array?", "How do you sort numbers?"]);
    const introduction = parse(
      "# Objects\n\nWhy do objects matter so much?\n\nThey are everywhere.\n\n### What is a prototype?\n\nThe object another inherits from.\n\n### What does Object.freeze do?\n\nIt stops changes.\n\n### What is a getter?\n\nA property read through a function.\n",
    );
    expect(introduction.questions.map((q) => q.prompt)).toEqual(["What is a prototype?", "What does Object.freeze do?", "What is a getter?"]);
  });

  it("sub-headings under a bold question ('#### Method 1', '### Example') are parts of its answer, not passages left unused", () => {
    const { document, report } = parseBankDocumentWithReport({
      bytes: new TextEncoder().encode(
        "# Arrays\n\n## Emptying\n\n**How do you empty an array?**\n\n#### Method 1\n\nAssign a new array.\n\n#### Method 2\n\nSet its length to 0.\n\n## Copying\n\n**How do you copy an array?**\n\nSpread it.\n\n### Example\n\n```js\nconst copy = [...items];\n```\n\n**How do you sort numbers?**\n\nPass a comparator.\n",
      ),
      sourceFile: "notes.md",
    });
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.answer])).toEqual([
      ["Emptying", "How do you empty an array?", "#### Method 1\n\nAssign a new array.\n\n#### Method 2\n\nSet its length to 0."],
      ["Copying", "How do you copy an array?", "Spread it.\n\n### Example\n\n```js\nconst copy = [...items];\n```"],
      ["Copying", "How do you sort numbers?", "Pass a comparator."],
    ]);
    expect(report.unused).toEqual([]);
  });

  it("a definition list ('What is TCP?' / ': A stream …'): the definition answers without its marker", () => {
    const document = parse("# Networking\n\nWhat is TCP?\n: A reliable byte stream.\n\nWhat is UDP?\n: Datagrams without guarantees.\n");
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is TCP?", "A reliable byte stream."],
      ["What is UDP?", "Datagrams without guarantees."],
    ]);
  });

  it("'Question 1 - …' numbers a question as 'Question 1:' does, and a heading's closing colon is no part of its prompt", () => {
    const numbered = parse(
      "Question 1 - What is an API gateway?\nAnswer - A single entry point.\n\nQuestion 2 - What is a circuit breaker?\nAnswer - It stops calls to a failing service.\n\nQuestion 3 - What is idempotency?\nAnswer - Repeating it changes nothing more.\n",
      "notes.txt",
    );
    expect(numbered.questions.map((q) => q.prompt)).toEqual(["What is an API gateway?", "What is a circuit breaker?", "What is idempotency?"]);
    const colons = parse(
      "# Design prompts\n\n## Describe how you would shard a users table:\n\nBy a hash of the user id.\n\n## List three ways to invalidate a cache:\n\nTTL, write-through, purge.\n",
    );
    expect(colons.questions.map((q) => q.prompt)).toEqual(["Describe how you would shard a users table", "List three ways to invalidate a cache"]);
  });

  it("'Q - …' / 'A - …' pairs, and 'Interviewer asks:' with a good and a bad answer, are questions with their parts", () => {
    const dashed = parse(
      "Q - What is a process?\nA - A running program.\n\nQ - What is a thread?\nA - A unit of execution.\n\nQ - Which is the capital of France?\nA - Lyon\nB - Paris\nAnswer: B\n",
      "notes.txt",
    );
    expect(dashed.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a process?", "A running program."],
      ["What is a thread?", "A unit of execution."],
      ["Which is the capital of France?", "B"],
    ]);
    const guide = parse(
      "# Phone screen\n\nInterviewer asks: How would you design a rate limiter?\nGood answer: A token bucket per user.\nBad answer: A global counter.\n\nInterviewer asks: How do you find a slow query?\nGood answer: EXPLAIN ANALYZE.\nBad answer: Indexes everywhere.\n",
    );
    expect(guide.questions.map((q) => [q.prompt, q.answer, q.redFlags])).toEqual([
      ["How would you design a rate limiter?", "A token bucket per user.", ["A global counter."]],
      ["How do you find a slow query?", "EXPLAIN ANALYZE.", ["Indexes everywhere."]],
    ]);
  });

  it("key points and red flags written inline after their label are one item a phrase; a sentence stays whole", () => {
    const document = parse(
      "# DB\n\n## What is an index?\n\nA B-tree over a column.\n\nKey points: lookup speed, write cost, selectivity\n\nRed flags: doesn't mention writes, selectivity, or size\n\n## What is a transaction?\n\nAn atomic unit of work.\n\nKey points: ACID, isolation levels\n\nRed flags: blames the database, no rollback plan\n",
    );
    expect(document.questions.map((q) => [q.keyPoints, q.redFlags])).toEqual([
      [["lookup speed", "write cost", "selectivity"], ["doesn't mention writes, selectivity, or size"]],
      [
        ["ACID", "isolation levels"],
        ["blames the database", "no rollback plan"],
      ],
    ]);
  });

  it("follow-ups marked with an arrow ('-> Follow-up: …') or lettered under their question ('a. …') are follow-ups without the mark", () => {
    const arrows = parse(
      "# Caching\n\n## What is a cache stampede?\n\nMany misses at once.\n\n-> Follow-up: How do you prevent it?\n→ Follow-up: What is request coalescing?\n\n## What is write-through?\n\nWrites go to both.\n",
    );
    expect(arrows.questions.map((q) => [q.answer, q.followUps.map((f) => f.prompt)])).toEqual([
      ["Many misses at once.", ["How do you prevent it?", "What is request coalescing?"]],
      ["Writes go to both.", []],
    ]);
    const lettered = parse(
      "# Systems\n\n1. How does DNS resolution work?\n   a. What is a recursive resolver?\n   b. What does TTL control?\n\n   A resolver walks the root, TLD and authoritative servers.\n\n2. What happens when you type a URL?\n\n   DNS, TCP, TLS, HTTP, render.\n",
    );
    expect(lettered.questions[0]?.followUps.map((f) => f.prompt)).toEqual(["What is a recursive resolver?", "What does TTL control?"]);
  });

  it("behavioural prep: what they want to hear is looked for, what to avoid is a red flag, the STAR sample is the answer", () => {
    const document = parse(
      "# Behavioural questions\n\n### Tell me about a time you failed.\n\n**What they want to hear:** ownership and what you learned.\n\n**Sample answer (STAR):**\n- *Situation:* A release broke checkout.\n- *Result:* No repeat in a year.\n\n**Avoid:** blaming others.\n\n### Describe a conflict with a teammate.\n\n**What we're looking for:** empathy and resolution.\n\n**Don't say:** \"I've never had a conflict.\"\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.rubric.flatMap((c) => c.lookFor), q.redFlags, q.answer])).toEqual([
      [
        "Tell me about a time you failed.",
        ["ownership and what you learned."],
        ["blaming others."],
        "- *Situation:* A release broke checkout.\n- *Result:* No repeat in a year.",
      ],
      ["Describe a conflict with a teammate.", ["empathy and resolution."], ["I've never had a conflict."], null],
    ]);
  });

  it("a prep guide's question headings with a list of the questions behind each: the headings are the questions, a polite one too", () => {
    const document = parse(
      '# DEI questions\n\n#### 1. "Please share with us what inclusion means to you."\n\n**What they\'re really asking:**\n\n- Are you able to work with everyone?\n- Will you damage our brand?\n\n**Framework for answering:**\n\n- Define the term personally\n\n#### 2. "What is the hardest part of working in a diverse team?"\n\n**What they\'re really asking:**\n\n- How do you deal with conflict?\n- How do you manage stress?\n\n#### 3. "How would you handle a colleague being insensitive?"\n\n**What they\'re really asking:**\n\n- Can you resolve conflict respectfully?\n- Are you a follower or a leader?\n',
    );
    expect(document.questions.map((q) => [q.prompt, q.followUps.length, q.meta.answerFramework ?? null])).toEqual([
      ["Please share with us what inclusion means to you.", 0, "- Define the term personally"],
      ["What is the hardest part of working in a diverse team?", 0, null],
      ["How would you handle a colleague being insensitive?", 0, null],
    ]);
  });

  it("Chinese problem write-ups: numbered '10.1' or '24' titles lose their numbers, a 思考题 is a follow-up, the 解法 after it the answer", () => {
    const document = parse(
      "# 剑指 Offer\n\n## 10.1 斐波那契数列\n\n### 题目描述\n\n输入一个整数 n ，求斐波那契数列的第 n 项。\n\n**思考题**：如果只能使用 O(1) 的额外空间，该怎么做呢？\n\n### 解法\n\n采用递归方式。\n\n## 24 反转链表\n\n### 题目描述\n\n输入一个链表，反转链表后，输出新链表的表头。\n\n**思考题**\n\n- 能否用递归实现？\n\n### 解法\n\n利用头插法解决。\n",
    );
    expect(
      document.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt), q.answer?.includes("采用递归方式") || q.answer?.includes("利用头插法解决")]),
    ).toEqual([
      ["斐波那契数列", ["如果只能使用 O(1) 的额外空间，该怎么做呢？"], true],
      ["反转链表", ["能否用递归实现？"], true],
    ]);
  });

  it("a follow-up written on its label's own line, '**Follow-ups:** …' or '**追问**：…', is the question's follow-up (it was dropped)", () => {
    const document = parse(
      "# Notes\n\n## What is a cache?\n\nA fast store.\n\n**Follow-ups:** When does it go stale?\n\n## What is a queue?\n\nA FIFO buffer.\n\n**追问**：如何保证顺序？\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.followUps.map((f) => f.prompt)])).toEqual([
      ["What is a cache?", "A fast store.", ["When does it go stale?"]],
      ["What is a queue?", "A FIFO buffer.", ["如何保证顺序？"]],
    ]);
  });

  it("a score written without a number ('**Score:** strong hire') is listed as unused, not dropped", () => {
    const parsed = parseBankDocumentWithReport({
      bytes: new TextEncoder().encode("# Notes\n\n## What is a cache?\n\nA fast store.\n\n**Score:** strong hire, clear on eviction\n"),
      sourceFile: "notes.md",
    });
    expect(parsed.document.questions.map((q) => [q.prompt, q.answer, q.exampleScore])).toEqual([["What is a cache?", "A fast store.", null]]);
    expect(parsed.report.unused.map((u) => u.excerpt)).toEqual(["Score: strong hire, clear on eviction"]);
  });

  it("a template's '### Question' and '### Answer' headings, and an answer hidden under 'Show answer'", () => {
    const template = parse(
      "# Redis\n\n### Question\n\nWhat is Redis persistence?\n\n### Answer\n\nRDB snapshots and the AOF log.\n\n### Question\n\nWhat is eviction?\n\n### Answer\n\nRemoving keys when memory is full.\n",
    );
    expect(template.questions.map((q) => [q.section, q.prompt, q.answer])).toEqual([
      [["Redis"], "What is Redis persistence?", "RDB snapshots and the AOF log."],
      [["Redis"], "What is eviction?", "Removing keys when memory is full."],
    ]);
    const hidden = parse(
      "# Kafka\n\n## What is a consumer group?\n\n<details>\n<summary>Show answer</summary>\n\nConsumers sharing a topic's partitions.\n\n</details>\n\n## What is log compaction?\n\n<details>\n<summary>Click to see the solution</summary>\n\nKeeping the latest value per key.\n\n</details>\n",
    );
    expect(hidden.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a consumer group?", "Consumers sharing a topic's partitions."],
      ["What is log compaction?", "Keeping the latest value per key."],
    ]);
  });

  it("a multiple-choice quiz in a numbered list: the options are shown with the question, the labelled line is the answer", () => {
    const document = parse(
      "# Networking quiz\n\n1. Which layer does TCP work at?\n   a) Network\n   b) Transport\n   c) Session\n\n   **Answer:** b) Transport\n\n2. What port does HTTPS use by default?\n   a) 80\n   b) 443\n\n   **Answer:** b) 443\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer])).toEqual([
      ["Which layer does TCP work at?", "a) Network\nb) Transport\nc) Session", "b) Transport"],
      ["What port does HTTPS use by default?", "a) 80\nb) 443", "b) 443"],
    ]);
  });

  it("'Tips:' on answering is how to answer, for the interviewer, not context read out with the question", () => {
    const document = parse(
      "# Behavioural screen\n\n## Tell me about a time you disagreed with your manager.\n\nTips:\n- Keep it to two minutes.\n- End with what you learned.\n\nSample answer: I showed the risk with numbers and we agreed on a test.\n",
    );
    expect(document.questions.map((q) => [q.context, q.meta.answerFramework, q.answer])).toEqual([
      [null, "- Keep it to two minutes.\n- End with what you learned.", "I showed the risk with numbers and we agreed on a test."],
    ]);
  });

  it("a question alone in its list, its answer on the lines after it, is a question as its neighbours in longer lists are", () => {
    const document = parse(
      "# Frontend interview\n\n## HTML\n\n- What does the doctype do?\n  It tells the browser to use standards mode.\n- What are data attributes for?\n  Storing custom data on elements.\n\n## CSS\n\n- What is the box model?\n  Content, padding, border and margin.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What does the doctype do?", "It tells the browser to use standards mode."],
      ["What are data attributes for?", "Storing custom data on elements."],
      ["What is the box model?", "Content, padding, border and margin."],
    ]);
  });

  it("a document without a title is named after its file, not after its first question", () => {
    expect(
      parse("Q1. What is polymorphism?\nA1. One interface, many implementations.\n\nQ2. What is encapsulation?\nA2. Hiding state.\n", "oop.txt").title,
    ).toBe("oop.txt");
    expect(parse("## Q. What is hoisting?\n\n**A.** Declarations move up.\n\n## Q. What is a promise?\n\n**A.** A later value.\n", "js.md").title).toBe(
      "js.md",
    );
    expect(parse("## Two Sum\n\nGiven an array, return two indices.\n\nUse a hash map.\n\n**Follow-ups**\n- What if sorted?\n").title).toBe("Two Sum");
  });

  it("<details> blocks one after another without blank lines are one question each, their HTML answers read as text", () => {
    const document = parse(
      "# Behavioral questions\n\n<details>\n<summary><b>Tell me about a conflict with a teammate.</b></summary>\n<ul>\n    <li>\n        <b>Situation: </b>We disagreed about a migration.\n    </li>\n    <li><b>Result: </b>A phased rollout.</li>\n</ul>\n</details>\n<details>\n<summary><b>Why do you want to leave?</b></summary>\n<p>I want larger systems.</p>\n</details>\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Tell me about a conflict with a teammate.", "- Situation: We disagreed about a migration.\n- Result: A phased rollout."],
      ["Why do you want to leave?", "I want larger systems."],
    ]);
  });

  it("a styled accordion: <summary> tags with attributes, questions inside a category's <details>, all one HTML block", () => {
    const item = (asked: string, answer: string, attributes: string) =>
      `<details>\n  <summary ${attributes}><b>${asked}</b>\n    <span style="float:right;">✅🟩🟩</span>\n  </summary>\n  <div class="accordion-content">\n    <p>${answer}</p>\n  </div>\n</details>\n`;
    const document = parse(
      `<details open class="section-box">\n  <summary><span class="accordion-title">기본 면접 Q&A</span></summary>\n  <div class="accordion-content">\n${item("Q1. 자바의 특징은 무엇인가요?", "플랫폼 독립적입니다.", 'style="font-size:1rem;"')}${item("Q2. 오버로딩과 오버라이딩의 차이는?", "시그니처와 재정의의 차이입니다.", 'class="q"')}  </div>\n</details>\n`,
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["자바의 특징은 무엇인가요?", "플랫폼 독립적입니다."],
      ["오버로딩과 오버라이딩의 차이는?", "시그니처와 재정의의 차이입니다."],
    ]);
  });

  it("a <details> inside a question's own stays with that question: the answer after an inner 'Interviewer notes' block is still its answer", () => {
    const document = parse(
      "# Interview\n\n<details>\n<summary>Explain the CAP theorem.</summary>\n<details>\n<summary>Interviewer notes</summary>\nLook for partition tolerance.\n</details>\nConsistency, availability, partition tolerance: pick two.\n</details>\n<details>\n<summary>What is sharding?</summary>\nSplitting data.\n</details>\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.context])).toEqual([
      ["Explain the CAP theorem.", null],
      ["What is sharding?", null],
    ]);
    expect(document.questions[0]?.answer).toContain("pick two.");
    expect(document.questions[1]?.answer).toBe("Splitting data.");
  });

  it("a <details> answer in its own HTML block, under an 'Answer' label, ends at </details>; '#1' numbers the summary; Korean requests ask", () => {
    const block = (n: number, asked: string, answer: string) =>
      `<details>\n<summary>#${n} ${asked}</summary>\n\n<blockquote class="info"><p><strong><u>Answer</u></strong><br>\n${answer}</p></blockquote>\n</details>\n\n`;
    const document = parse(
      `## 예상 질문\n\n${block(1, "우리 회사에 대해 아시나요?", "네, 압니다.")}${block(2, "인상 깊게 읽은 책에 대해 설명해 주세요.", "머니볼입니다.")}`,
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["우리 회사에 대해 아시나요?", "네, 압니다."],
      ["인상 깊게 읽은 책에 대해 설명해 주세요.", "머니볼입니다."],
    ]);
  });

  it("qualified follow-up labels ('Good follow-ups:', 'Probing questions') head follow-ups", () => {
    for (const label of ["Good Follow-ups", "Suggested follow-up questions", "Follow-up questions to expect", "Probing questions"]) {
      const document = parse(
        `# Guide\n\n## How is the app structured?\n\nLayers and data flow.\n\n**${label}:**\n- What are the trade-offs?\n- How would it scale?\n`,
      );
      expect(
        document.questions.map((q) => q.followUps.map((f) => f.prompt)),
        label,
      ).toEqual([["What are the trade-offs?", "How would it scale?"]]);
    }
  });

  it("behavioural prompts that start 'Provide an example', 'Talk about', 'Recall a time', 'Think of a time' ask", () => {
    const document = parse(
      "# Behavioural\n\n### Communication\n  * Provide an example where you explained a decision to a non-engineer.\n  * Describe a situation where you changed a mind.\n### Reflection\n  * Talk about a time you received feedback you disagreed with.\n  * Recall a time you said no to your manager.\n  * Think of a time you missed a deadline. What happened?\n",
    );
    expect(document.questions.map((q) => q.prompt.split(" ").slice(0, 2).join(" "))).toEqual([
      "Provide an",
      "Describe a",
      "Talk about",
      "Recall a",
      "Think of",
    ]);
  });

  it("Chinese numbered questions, '1、…' with '答：' answers, in a plain-text file", () => {
    const document = parse(
      "面试题\n===\n1、说出3种web安全问题\n答：sql注入、XSS、CSRF。\n2、数组移除第一个元素的方法有哪些？\n答：shift。\n3、ajax请求的时候get和post方式的区别\n答：GET把参数放在URL里。\n",
      "notes.txt",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["说出3种web安全问题", "sql注入、XSS、CSRF。"],
      ["数组移除第一个元素的方法有哪些？", "shift。"],
      ["ajax请求的时候get和post方式的区别", "GET把参数放在URL里。"],
    ]);
  });

  it("question labels in other languages ('**Вопрос:**', '**Soru:**') and in list entries leave the prompt", () => {
    const russian = parse(
      "# JavaScript\n\n### 1. Event Loop\n\n**Вопрос:** Объясните, как работает Event Loop.\n\n**Ответ:**\n\nОн выполняет асинхронный код.\n\n### 2. Замыкания\n\n**Вопрос:** Что такое замыкания?\n\n**Ответ:**\n\nФункция с окружением.\n",
    );
    expect(russian.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Объясните, как работает Event Loop.", "Он выполняет асинхронный код."],
      ["Что такое замыкания?", "Функция с окружением."],
    ]);
    const listed = parse("# Quiz\n\n## Level 1\n* **Soru:** Singleton tasarım kalıbı nedir?\n* **Question:** What is a value type?\n");
    expect(listed.questions.map((q) => q.prompt)).toEqual(["Singleton tasarım kalıbı nedir?", "What is a value type?"]);
  });

  it("a rubric whose sections list sample questions stays their questions when a 'Scoring scale' label heading stands over them", () => {
    const document = parse(
      '# Interview rubric\n\nUse this rubric for every loop.\n\n## Scoring scale\n\n| Score | Label |\n|---|---|\n| 3 | Hire |\n| 1 | No hire |\n\n### Technical deep dive\n\nSample questions:\n- "Walk me through a hard bug you fixed recently"\n- "How would you speed up a slow SQL report?"\n\n**What to look for:**\n- Structured thinking\n\n### Behavioral\n\nSample questions:\n- "Tell me about a time you disagreed with a teammate"\n- "How do you prioritize when everything is urgent?"\n\n**What to look for:**\n- Self-awareness\n',
    );
    expect(document.questions.map((q) => [q.prompt, q.rubric.flatMap((c) => c.lookFor)])).toEqual([
      ["Walk me through a hard bug you fixed recently", ["Structured thinking"]],
      ["How would you speed up a slow SQL report?", ["Structured thinking"]],
      ["Tell me about a time you disagreed with a teammate", ["Self-awareness"]],
      ["How do you prioritize when everything is urgent?", ["Self-awareness"]],
    ]);
  });

  it("a quiz's lettered options with '**Answer:** B' as the last entry: options shown without it, the chosen option the answer", () => {
    const document = parse("# Networking quiz\n\n**Q1.** Which layer does TCP belong to?\n\n* A. Network\n* B. Transport\n* C. Session\n* **Answer:** B\n");
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer, q.keyPoints])).toEqual([
      ["Which layer does TCP belong to?", "- A. Network\n- B. Transport\n- C. Session", "**B:** Transport", ["B: Transport"]],
    ]);
  });

  it("'Red flags from companies' in a job-search note are the companies', not red flags in the candidate's answers", () => {
    const document = parse(
      "# Job search notes\n\n## Questions they ask\n\n### Why are you leaving?\n\nGrowth, not escape.\n\n## Red flags from companies\n\n- Interviewer shows up late\n- Pushes an offer on the spot\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.redFlags])).toEqual([["Why are you leaving?", []]]);
  });

  it("a title that asks over bold numbered questions is their document's title; an answer in a heading ('#### RTA: …') answers", () => {
    const document = parse(
      "# ¿BACKEND O FRONTEND?\n\n**1. ¿Qué es la programación?**\n##### RTA: El proceso de crear programas.\n\n**2. ¿Qué es el desarrollo web?**\n#### RTA: Crear sitios web.\n\n**3. ¿Qué es FRONTEND?**\n#### ANS: La parte que ve el usuario.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["¿Qué es la programación?", "El proceso de crear programas."],
      ["¿Qué es el desarrollo web?", "Crear sitios web."],
      ["¿Qué es FRONTEND?", "La parte que ve el usuario."],
    ]);
  });

  it("a Chinese quiz: '### 题目' over the prompt, options, and the answer behind '查看答案' as '正确答案：B' with its '解析'", () => {
    const item = (n: number, asked: string) =>
      `## 第 ${n} 题\n\n**类型：** 单选题\n\n### 题目\n\n${asked}\n\n**选项：**\n- A. git reset --hard HEAD~1\n- B. git reset --soft HEAD~1\n\n<details>\n<summary>查看答案</summary>\n\n### ✅ 正确答案：B\n\n### 📖 解析\n\n#### 命令对比\n\n--soft 只移动 HEAD。\n\n</details>\n\n`;
    const document = parse(`# Git 面试题\n\n${item(1, "哪个命令可以撤销最近一次提交？")}${item(2, "哪个命令保留改动？")}`);
    expect(document.questions.map((q) => [q.prompt, q.answer?.split("\n")[0]])).toEqual([
      ["哪个命令可以撤销最近一次提交？", "**B:** git reset --soft HEAD~1"],
      ["哪个命令保留改动？", "**B:** git reset --soft HEAD~1"],
    ]);
    expect(document.questions.map((q) => q.context)).toEqual([
      "**选项：**\n\n- A. git reset --hard HEAD~1\n- B. git reset --soft HEAD~1",
      "**选项：**\n\n- A. git reset --hard HEAD~1\n- B. git reset --soft HEAD~1",
    ]);
  });

  it("a tagline under the title ('### [ … ]') does not hide the level sections over lists of questions after it", () => {
    const document = parse(
      "# MÜLAKAT SORULARI\n### [ SEKTÖRDE KENDİNİZİ KANITLAYIN ]\n\nTeorik bilgileri savunun.\n\n---\n\n## 🟢 1. SEVİYE: JUNIOR\n*   **Soru:** Singleton tasarım kalıbı nedir?\n*   **Soru:** Veritabanında Indexleme nasıl çalışır?\n\n## 🔴 2. SEVİYE: MİMARİ\n*   **Soru:** Mikroservis mimarisinin avantajları nelerdir?\n*   **Soru:** Ölçeklenebilirlik nedir?\n\n## 🟣 3. SEVİYE: LİDERLİK\n*   **Soru:** Bir ekibi nasıl yönetirsin?\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.section.at(-1)])).toEqual([
      ["Singleton tasarım kalıbı nedir?", "SEVİYE: JUNIOR"],
      ["Veritabanında Indexleme nasıl çalışır?", "SEVİYE: JUNIOR"],
      ["Mikroservis mimarisinin avantajları nelerdir?", "SEVİYE: MİMARİ"],
      ["Ölçeklenebilirlik nedir?", "SEVİYE: MİMARİ"],
      ["Bir ekibi nasıl yönetirsin?", "SEVİYE: LİDERLİK"],
    ]);
  });

  it("an interviewer's cheat sheet: a question quoted whole under each topic heading is that topic's question, answered or not", () => {
    const document = parse(
      '# Interviewer cheat sheet\n\n## Key facts\n\n### Stack\n- Backend: .NET 9\n- Frontend: Angular 20\n\n## Conversation starters\n\n### Performance\n*"The dashboard loads every task at once. How would you optimize it?"*\n\n### Security\n*"Tokens live in localStorage. What are the implications?"*\n\n### Scalability\n*"When would you move from JSON files to a database?"*\n',
    );
    expect(document.questions.map((q) => [q.prompt, q.section.at(-1)])).toEqual([
      ["The dashboard loads every task at once. How would you optimize it?", "Performance"],
      ["Tokens live in localStorage. What are the implications?", "Security"],
      ["When would you move from JSON files to a database?", "Scalability"],
    ]);
  });

  it("a German guide: „…“ quotes leave the prompt, 'Worauf du achtest' heads the look-fors, and its ❌ entries are red flags", () => {
    const document = parse(
      "# Interview-Fragen\n\n### Frage: Code Review\n\n> „Du siehst diesen Code in einem Pull Request. Was fällt dir auf?“\n\n**Follow-ups:**\n- „Wie würdest du das umbauen?“\n\n**Worauf du achtest:**\n- ✅ Sieht strukturelle Probleme\n- ❌ Nur theoretisch\n\n### Frage: Bug\n\n> „Ein Login funktioniert manchmal nicht. Was machst du?“\n\n**Worauf du achtest:**\n- ✅ Systematischer Ansatz\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt), q.rubric.flatMap((c) => c.lookFor), q.redFlags])).toEqual([
      [
        "Du siehst diesen Code in einem Pull Request. Was fällt dir auf?",
        ["Wie würdest du das umbauen?"],
        ["Sieht strukturelle Probleme"],
        ["Nur theoretisch"],
      ],
      ["Ein Login funktioniert manchmal nicht. Was machst du?", [], ["Systematischer Ansatz"], []],
    ]);
  });

  it("a bilingual list: the question's translation nested under it is said with it, not a follow-up", () => {
    const document = parse(
      "# Backend Engineer\n\n## 専門的な質問\n\n- What is a reverse proxy?\n  - リバースプロキシとは何ですか？\n- When is refactoring useful?\n  - リファクタリングはどのような場合に有益ですか？\n- Why is the cache stale?\n  - How do you know?\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt)])).toEqual([
      ["What is a reverse proxy? (リバースプロキシとは何ですか？)", []],
      ["When is refactoring useful? (リファクタリングはどのような場合に有益ですか？)", []],
      ["Why is the cache stale?", ["How do you know?"]],
    ]);
  });

  it("a quiz whose options carry notes keeps them out of what the candidate sees; the answer's explanation stays with it", () => {
    const document = parse(
      "# Quiz\n\n**Q1.** Which layer do routers work at?\n\n* A. Transport\n  * Wrong: end to end.\n* B. Network\n  * Right: layer 3.\n* C. Session\n* **Answer:** B\n\n**Q2.** Default HTTPS port?\n\n* A. 80\n* B. 443\n* C. 21\n* **Answer:** B\n  Port 443 is TLS.\n",
    );
    const [routers, https] = document.questions;
    expect(routers?.context ?? "").not.toContain("Right");
    expect(https?.answer).toBe("**B:** 443\n\nPort 443 is TLS.");
  });

  it("a problem written up in sections beside its name ('## House Robber', '## Problem Description', '## Solution', '## Code') is one question", () => {
    const document = parse(
      "## House Robber\n\nhttps://leetcode.com/problems/house-robber/\n\n## Problem Description\n\nGiven the money in each house, return the most you can rob without robbing two adjacent houses.\n\n## Prerequisites\n\n- Dynamic programming\n\n## Solution\n\nKeep the best total with and without the last house.\n\n## Code\n\n```js\nconst rob = (nums) => nums.reduce(([a, b], n) => [b, Math.max(b, a + n)], [0, 0])[1];\n```\n",
    );
    expect(document.questions).toHaveLength(1);
    const [question] = document.questions;
    expect(question?.prompt).toBe("House Robber");
    expect(question?.context).toContain("Given the money in each house");
    expect(question?.answer).toContain("Keep the best total");
    expect(question?.answer).toContain("const rob");
  });

  it("'## Problem (104. Maximum depth)' over '## Title description', its approaches a level down: named by the heading, stated before them", () => {
    const document = parse(
      "## Problem (104. Maximum depth of a binary tree)\n\n## Title description\n\nGiven a binary tree, find its maximum depth.\n\n## Company\n\n- Ali\n\n## Recursion\n\n### Idea\n\nOne more than the deeper subtree.\n\n### Code\n\n```js\nconst depth = (t) => (t ? 1 + Math.max(depth(t.left), depth(t.right)) : 0);\n```\n\n## Iteration\n\n### Idea\n\nCount the levels of a breadth-first walk.\n",
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["Maximum depth of a binary tree"]);
    const [question] = document.questions;
    expect(question?.context).toContain("Given a binary tree");
    expect(question?.context).not.toContain("One more than");
    expect(question?.answer).toContain("One more than the deeper subtree.");
    expect(question?.answer).toContain("breadth-first");
  });

  it("a bare '## Problem' over a link, first in its file, is named by the file; two problems written up one after the other stay two", () => {
    const single = parse(
      "## Problem\n\nhttps://leetcode.com/problems/two-sum\n\n## Problem Description\n\nReturn the indices of the two numbers that add up to the target.\n\n## Solution\n\nRemember each number's index in a map.\n",
      "1.two-sum.en.md",
    );
    expect(single.questions.map((q) => q.prompt)).toEqual(["Two sum"]);
    const two = parse(
      "# Arrays\n\n## Two Sum\n\n## Description\n\nReturn the indices of two numbers adding up to a target.\n\n## Solution\n\nA map of seen numbers.\n\n## Three Sum\n\n## Description\n\nFind all triples that sum to zero.\n\n## Solution\n\nSort, then two pointers.\n",
    );
    expect(two.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Two Sum", "A map of seen numbers."],
      ["Three Sum", "Sort, then two pointers."],
    ]);
  });

  it("a category named 'Red Flag Detectors' is a section, not a red-flags label; a question's own '- *Red flag:* …' is kept", () => {
    const document = parse(
      '# Question bank\n\n## Category 1: Opening\n\n*Purpose: put them at ease*\n\n### Questions\n\n1. **"Walk me through your background."**\n   - *Listen for:* a coherent story\n\n## Red Flag Detectors\n\n*Questions designed to surface concerns*\n\n### Questions\n\n2. **"What would your last boss say about you?"**\n   - *Red flag:* cannot imagine any criticism\n',
    );
    expect(document.questions.map((q) => [q.prompt, q.section.at(1), q.redFlags])).toEqual([
      ["Walk me through your background.", "Category 1: Opening", []],
      ["What would your last boss say about you?", "Red Flag Detectors", ["cannot imagine any criticism"]],
    ]);
  });

  it("'Follow-up probes (use any):' under a question heads its follow-ups; 'Answer framework (STAR):' heads how to answer", () => {
    const document = parse(
      '# Guide\n\n## Ownership\n\n**Question:** "Tell me about a project you owned."\n\n**Follow-up probes (use any):**\n- What was the hardest call?\n- What would you change?\n\n## Stakeholders\n\n**Question:**\n"Tell me about a difficult stakeholder."\n\n**Answer Framework (STAR):**\n\n1. **Situation**: set the context.\n2. **Result**: share the outcome.\n',
    );
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt), q.answer, q.meta.answerFramework])).toEqual([
      ["Tell me about a project you owned.", ["What was the hardest call?", "What would you change?"], null, null],
      ["Tell me about a difficult stakeholder.", [], null, "1. **Situation**: set the context.\n2. **Result**: share the outcome."],
    ]);
  });

  it("'Question' in other languages: a Vietnamese heading's 'Câu hỏi 1:', a Polish 'Pytanie 2:' line, German 'F: \"…\"' cards", () => {
    const vietnamese = parse(
      "# Phỏng vấn\n\n### Câu hỏi 1: Giới thiệu về bản thân bạn?\nHọ và tên.\n\n### Câu hỏi 2: Bạn làm cách nào để giải quyết áp lực?\nNêu ví dụ cụ thể.\n",
    );
    expect(vietnamese.questions.map((q) => q.prompt)).toEqual(["Giới thiệu về bản thân bạn?", "Bạn làm cách nào để giải quyết áp lực?"]);
    const polish = parse(
      "# Rozmowa\n\n**Pytanie 1:** Czym jest indeks w bazie danych?\n\nStruktura do szybkiego wyszukiwania.\n\n**Pytanie 2:** Co to jest transakcja?\n\nJednostka pracy.\n",
    );
    expect(polish.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Czym jest indeks w bazie danych?", "Struktura do szybkiego wyszukiwania."],
      ["Co to jest transakcja?", "Jednostka pracy."],
    ]);
    const german = parse(
      '# Interview-Karten\n\n**F: "Warum Kafka statt RabbitMQ?"**\n> **A:** Wir brauchten Replays.\n\n**F: "Was lief nicht gut?"**\n> **A:** Die Testumgebung kam zu spät.\n',
    );
    expect(german.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Warum Kafka statt RabbitMQ?", "Wir brauchten Replays."],
      ["Was lief nicht gut?", "Die Testumgebung kam zu spät."],
    ]);
  });

  it("a template of label headings: '# Question' over a quotation, '## Answer' with sub-headings of its own, '## Follow-ups'", () => {
    const document = parse(
      "# Question (EN)\n> Explain the QuickSelect algorithm.\n\n## Answer (EN)\n\nIt partitions as QuickSort does but recurses into one side.\n\n### Why is it fast?\n\n1. Average case O(n)\n2. Worst case O(n²)\n\n### When is it slow?\n\nWith a bad pivot every time.\n\n## Follow-ups\n\n- When would you prefer a heap?\n",
      "q-quickselect.md",
    );
    expect(document.questions).toHaveLength(1);
    const [question] = document.questions;
    expect(question?.prompt).toBe("Explain the QuickSelect algorithm.");
    expect(question?.answer).toContain("recurses into one side");
    expect(question?.answer).toContain("Worst case O(n²)");
    expect(question?.answer).toContain("With a bad pivot every time.");
    expect(question?.followUps.map((f) => f.prompt)).toEqual(["When would you prefer a heap?"]);
  });

  it("a write-up's statement read out to the candidate ends where a section states no more of the problem ('## Explanation', '### Key insight')", () => {
    const siblings = parse(
      "## Two Sum\n\n## Problem Description\n\nReturn the indices of the two numbers that add up to a target.\n\n## Explanation\n\nThe trick is a hash map from value to index.\n\n## Code\n\n```python\nseen = {}\n```\n",
    );
    const insight = parse(
      "## Two Sum\n\n## Problem Description\n\nReturn the indices of the two numbers that add up to a target.\n\n### Example\n\nInput: [2,7], 9. Output: [0,1]\n\n### Key insight\n\nThe trick is a hash map from value to index.\n\n## Solution\n\nOne pass.\n",
    );
    for (const document of [siblings, insight]) {
      const [question] = document.questions;
      expect(question?.context).toContain("Return the indices");
      expect(question?.context).not.toContain("hash map");
      expect(question?.answer).toContain("The trick is a hash map from value to index.");
    }
    expect(insight.questions[0]?.context).toContain("Output: [0,1]");
  });

  it("each question of a list points at its own entry's line, for the source beside it, in Markdown and in plain text", () => {
    const markdown = parse(
      "### Redis\n1. Why is it fast though single-threaded?\n    - in memory\n    - no locks\n\n2. How do you avoid key contention?\n    - shard the keys\n",
    );
    expect(markdown.questions.map((q) => [q.prompt, q.source.line])).toEqual([
      ["Why is it fast though single-threaded?", 2],
      ["How do you avoid key contention?", 6],
    ]);
    const text = parse("Networking\n\n- What is TCP?\n- What is UDP?\n- What is QUIC?\n", "notes.txt");
    expect(text.questions.map((q) => q.source.line)).toEqual([3, 4, 5]);
  });

  it("a numbered question answered by its own bullets: each bullet is a key point, not one run-on line", () => {
    const document = parse(
      "### Redis\n1. Why is Redis fast though single-threaded?\n    - in memory\n    - no locks\n    - written in C\n\n2. How do you avoid key contention?\n    - shard the keys\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.keyPoints])).toEqual([
      ["Why is Redis fast though single-threaded?", ["in memory", "no locks", "written in C"]],
      ["How do you avoid key contention?", ["shard the keys"]],
    ]);
  });

  it("a title that asks over numbered question headings is their title, its introduction unused, not a question", () => {
    const document = parse(
      "# What is asked at a Java interview?\n\nAn introduction to this list.\n\n### 1. What is the JVM?\nIt runs bytecode.\n\n### 2. What is garbage collection?\nIt frees memory.\n",
    );
    expect(document.title).toBe("What is asked at a Java interview?");
    expect(document.questions.map((q) => q.prompt)).toEqual(["What is the JVM?", "What is garbage collection?"]);
  });

  it("bold question bullets answered after their list, beside a list of bold question bullets answered in their entries: all questions", () => {
    const document = parse(
      "## Variables\n\n- **What is the scope of `let`?**  \n```\nfor (let i = 0; i < 5; i++) {}\n```\n\n- **What is the scope of `var`?**  \n```\nfor (var i = 0; i < 5; i++) {}\n```\n\n- **Can I change a `const`?**  \nNo. It throws.  \n\n- **Can I change a `let`?**  \nYes.  \n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is the scope of let?", "```\nfor (let i = 0; i < 5; i++) {}\n```"],
      ["What is the scope of var?", "```\nfor (var i = 0; i < 5; i++) {}\n```"],
      ["Can I change a const?", "No. It throws."],
      ["Can I change a let?", "Yes."],
    ]);
  });

  it("a plain-text FAQ numbered within its sections: the sections, the questions without their numbers, wrapped ones whole", () => {
    const document = parse(
      'GNU Midnight Commander\nFrequently Asked Questions\n\n1 Getting started\n\n1.1 What is Midnight Commander?\n\n   A file manager and a visual shell. If it breaks, it is a bug (see\n   Question 4.1.)\n\n4 Display\n\n4.1 Why do I keep getting "Terminal not powerful enough" or\n    "Terminal too small"?\n\n   Your terminfo databases lack your terminal.\n\n4.2 I am using ksh.  Can I use functions defined in the .kshrc within\nMC?\n\n   Sorry, MC only supports bash, tcsh and zsh functions.\n',
      "faq.txt",
    );
    expect(document.title).toBe("GNU Midnight Commander Frequently Asked Questions");
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.answer])).toEqual([
      ["Getting started", "What is Midnight Commander?", "A file manager and a visual shell. If it breaks, it is a bug (see\nQuestion 4.1.)"],
      ["Display", 'Why do I keep getting "Terminal not powerful enough" or "Terminal too small"?', "Your terminfo databases lack your terminal."],
      ["Display", "I am using ksh. Can I use functions defined in the .kshrc within MC?", "Sorry, MC only supports bash, tcsh and zsh functions."],
    ]);
  });

  it("a question table headed in another language, each row pointing at its own line", () => {
    const document = parse(
      "# Java\n\n| Câu hỏi | Tag | Câu trả lời |\n|---|---|---|\n| Khối static là gì? | java | Chạy một lần khi lớp được tải. |\n| Throw và Throws | java | Ném và khai báo ngoại lệ. |\n\n| 问题 | 答案 |\n|---|---|\n| 什么是 JVM？ | 执行字节码的虚拟机。 |\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.meta.tags, q.source.line])).toEqual([
      ["Khối static là gì?", "Chạy một lần khi lớp được tải.", ["java"], 5],
      ["Throw và Throws", "Ném và khai báo ngoại lệ.", ["java"], 6],
      ["什么是 JVM？", "执行字节码的虚拟机。", [], 10],
    ]);
  });

  it("answer labels and reveal buttons in other languages: the answer without them", () => {
    const document = parse(
      "# Notlar\n\n**Soru 1: Array ile List arasındaki fark nedir?**\n**Cevap:** Array sabittir.\n\n**Soru 2: Dictionary nasıl çalışır?**\n**Cevap:** Hash ile.\n\n## ¿Qué es el Virtual DOM?\n\n<details>\n<summary>Ver respuesta</summary>\n\nUna copia ligera del DOM.\n\n</details>\n\n## IoC란 무엇인가요?\n\n<details>\n<summary>답변 보기</summary>\n\n제어의 역전입니다.\n\n</details>\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Array ile List arasındaki fark nedir?", "Array sabittir."],
      ["Dictionary nasıl çalışır?", "Hash ile."],
      ["¿Qué es el Virtual DOM?", "Una copia ligera del DOM."],
      ["IoC란 무엇인가요?", "제어의 역전입니다."],
    ]);
  });

  it("a 'Q:' question wrapped over the lines before its 'A:' is one prompt; without an 'A:' the next line answers", () => {
    const document = parse(
      "Senior questions\n======\n\nQ: How are dict and set implemented? How much memory \ndo they use?  \nA:\n\nQ: You have a memory leak in production. \nHow would you start debugging it?  \nA: Take heap snapshots and compare them.\n\nQ: What is the GIL?\nA lock around the interpreter.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["How are dict and set implemented? How much memory do they use?", null],
      ["You have a memory leak in production. How would you start debugging it?", "Take heap snapshots and compare them."],
      ["What is the GIL?", "A lock around the interpreter."],
    ]);
  });

  it("an interviewer's guide of bold topics, each over bullets naming what to look for and a weak answer: a question each", () => {
    const document = parse(
      "# Response guide\n\n## Technical\n\n**Projects regarded by management**\n- Look for: specific examples, impact metrics\n- Weak answer: vague descriptions\n\n**Weaknesses and improvement**\n- Look for: self-awareness\n- Weak answer: a cliché\n\n## Problem solving\n\n**Current position problems**\n- Look for: ownership\n- Weak answer: blames others\n",
    );
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.rubric.flatMap((c) => c.lookFor), q.redFlags])).toEqual([
      ["Technical", "Projects regarded by management", ["specific examples", "impact metrics"], ["vague descriptions"]],
      ["Technical", "Weaknesses and improvement", ["self-awareness"], ["a cliché"]],
      ["Problem solving", "Current position problems", ["ownership"], ["blames others"]],
    ]);
  });

  it("a heading question's sub-headings that mostly name parts of its answer are its answer, one that reads as a task too", () => {
    const document = parse(
      "# LLM questions\n\n## 1. How do LLMs differ from n-gram models?\n\n### Architecture\n\nTransformers against counts.\n\n### Scale and Capacity\n\nBillions of parameters.\n\n### Training Approach\n\nSelf-supervised pre-training.\n\n## 2. What are positional encodings?\n\nPosition added to each token.\n",
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["How do LLMs differ from n-gram models?", "What are positional encodings?"]);
    expect(document.questions[0]?.answer).toContain("### Scale and Capacity\n\nBillions of parameters.\n\n### Training Approach");
  });

  it("short probes in a list of questions ('- Why?', '- And G1?') are follow-ups of the question before them", () => {
    const document = parse("# Java\n\n## Garbage collection\n\n- Describe how the garbage collector works\n- Why?\n- And G1?\n- What is a memory leak?\n");
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt)])).toEqual([
      ["Describe how the garbage collector works", ["Why?", "And G1?"]],
      ["What is a memory leak?", []],
    ]);
  });

  it("an unanswered question heading, then a deeper section over a list of questions: the section's questions are questions", () => {
    const document = parse(
      "# Asked questions\n\n## Career highlight?\n## Future in career?\n\n### Technical\n1. What is a database index?\n  A structure that avoids scanning the table.\n1. Tell me all you know about garbage collection\n",
    );
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.answer])).toEqual([
      ["Asked questions", "Career highlight?", null],
      ["Asked questions", "Future in career?", null],
      ["Technical", "What is a database index?", "A structure that avoids scanning the table."],
      ["Technical", "Tell me all you know about garbage collection", null],
    ]);
  });

  it("an answer in a code block that holds a fenced block of its own ends where its author closed it", () => {
    const document = parse(
      "# Backend\n\n**Q1: How do you handle async database work?**\n\n**Answer:**\n```\nUse a connection pool.\n\nCode example:\n```python\nawait store.get(id)\n```\n```\n\n**Q2: How do you manage model versions?**\n\n**Answer:**\n```\nA registry with stages.\n```\n",
    );
    expect(document.questions.map((q) => q.prompt)).toEqual(["How do you handle async database work?", "How do you manage model versions?"]);
    expect(document.questions[0]?.answer).toContain("```python\nawait store.get(id)\n```");
    expect(document.questions[1]?.answer).toContain("A registry with stages.");
  });

  it("follow-ups asked on their label's line are one each, and 'Q: … → A: …' follow-ups keep their answers apart, in Chinese too", () => {
    const document = parse(
      "## 题 1：Spring Boot 的启动流程是什么？\n\n**答题要点**：\n\n1. 创建 SpringApplication。\n\n**追问方向**：和 Spring MVC 的启动有什么区别？ · 内嵌容器在哪一步启动？\n\n## What is W?\n\nIt is V.\n\n**Follow-ups**:\n- Q: Is it fast? → A: Yes, very.\n- Q: Why not Z?\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => [f.prompt, f.answer])])).toEqual([
      [
        "Spring Boot 的启动流程是什么？",
        [
          ["和 Spring MVC 的启动有什么区别？", null],
          ["内嵌容器在哪一步启动？", null],
        ],
      ],
      [
        "What is W?",
        [
          ["Is it fast?", "Yes, very."],
          ["Why not Z?", null],
        ],
      ],
    ]);
    expect(document.questions[0]?.answer).toBe("1. 创建 SpringApplication。");
  });

  it("a scenario, then 'Question:', then response paths: the question asked with its scenario, the paths its answer", () => {
    const document = parse(
      "# Engineering manager\n\n## 1. Tech Debt vs Features\n\n**Scenario:** Product wants features.\n\n**Question:** How do you balance technical debt with features?\n\n### Candidate Response Paths\n*   **Junior**: We just do features.\n*   **Senior**: Reserve capacity for debt.\n\n## 2. Team Morale\n\n**Scenario:** Burnout.\n\n**Question:** How do you prevent burnout in your team?\n\n### Candidate Response Paths\n*   **Senior**: Watch 1:1 sentiment.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.context, q.answer])).toEqual([
      [
        "How do you balance technical debt with features?",
        "**Scenario:** Product wants features.",
        "*   **Junior**: We just do features.\n*   **Senior**: Reserve capacity for debt.",
      ],
      ["How do you prevent burnout in your team?", "**Scenario:** Burnout.", "*   **Senior**: Watch 1:1 sentiment."],
    ]);
  });

  it("'Why asked' says what a question tests, and a 'Strong sample answer' after 'Common mistakes' is its answer", () => {
    const document = parse(
      "# MLOps\n\n## Question 1: Design a model serving platform\n\n### Why Asked\n- Tests system design\n\n### Common Mistakes\n- Ignoring tenant isolation\n\n### Strong Sample Answer\n\nA gateway routing per tenant.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer, q.rubric.flatMap((c) => c.lookFor), q.redFlags])).toEqual([
      ["Design a model serving platform", "A gateway routing per tenant.", ["Tests system design"], ["Ignoring tenant isolation"]],
    ]);
  });

  it("a self-check set in quotations ('> **Question 1:** …' / '> **Answer:** …'): questions with their answers, in any language", () => {
    const document = parse(
      "# Sliding window\n\n## Self-check\n\n> **Câu hỏi 1:** Vì sao thời gian vẫn tuyến tính?\n>\n> **Trả lời:** Mỗi con trỏ chỉ tăng.\n\n> **Question 2:** What breaks with negative numbers?\n>\n> **Answer:** The sum no longer grows.\n\n> A quotation that asks nothing stays one.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Vì sao thời gian vẫn tuyến tính?", "Mỗi con trỏ chỉ tăng."],
      ["What breaks with negative numbers?", "The sum no longer grows.\n\n> A quotation that asks nothing stays one."],
    ]);
  });

  it("plain-text lines join only what the line above left unfinished: an answer without a full stop, or a bracket in a question, keep their places", () => {
    const merged = parse(
      "Networking questions\n\nWhat is a CDN?\nEdge servers that cache content close to users\nHow does DNS resolution work?\nThe resolver asks the root, then the TLD\nWhat is TCP slow start?\nThe window grows until loss\n",
      "notes.txt",
    );
    expect(merged.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["What is a CDN?", "Edge servers that cache content close to users"],
      ["How does DNS resolution work?", "The resolver asks the root, then the TLD"],
      ["What is TCP slow start?", "The window grows until loss"],
    ]);
    const bracket = parse(
      "Regex questions\n\nHow do you match a literal ( in a regex?\nEscape it with a backslash.\nRed flag: says it cannot be matched.\n\nWhat is a lookahead?\nA zero-width assertion.\n",
      "notes.txt",
    );
    expect(bracket.questions.map((q) => [q.prompt, q.answer, q.redFlags])).toEqual([
      ["How do you match a literal ( in a regex?", "Escape it with a backslash.", ["says it cannot be matched."]],
      ["What is a lookahead?", "A zero-width assertion.", []],
    ]);
  });

  it("short questions that ask on their own ('Strengths?', 'Closures?') stay questions; sentence-case sub-headings that ask stay questions", () => {
    const short = parse("# Behavioural\n\n- Tell me about yourself.\n- Why Google?\n- Strengths?\n- Weaknesses?\n");
    expect(short.questions.map((q) => [q.prompt, q.followUps.length])).toEqual([
      ["Tell me about yourself.", 0],
      ["Why Google?", 0],
      ["Strengths?", 0],
      ["Weaknesses?", 0],
    ]);
    const rounds = parse(
      "# Behavioural round\n\n## What will they ask?\n\n### Tell me about yourself\n\nTwo minutes on your role.\n\n### Describe a conflict with a teammate\n\nUse STAR.\n\n### Logistics\n\nThe round is 45 minutes.\n\n### Scoring\n\nScored 1-4.\n\n### Resources\n\nThe principles page.\n",
    );
    expect(rounds.questions.map((q) => q.prompt)).toEqual(["What will they ask?", "Tell me about yourself", "Describe a conflict with a teammate"]);
  });

  it("numbered lines one under another, each a question with its answer after a label on the line, are questions", () => {
    const document = parse(
      "# Quiz\n\n1 - *O que é o JDK?* **Resposta:** Um kit de desenvolvimento.\n2 - *O que é a JVM?* **Resposta:** A máquina virtual.\n3 - *Quais são os pilares da POO?* **Resposta:** Herança e encapsulamento.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["O que é o JDK?", "Um kit de desenvolvimento."],
      ["O que é a JVM?", "A máquina virtual."],
      ["Quais são os pilares da POO?", "Herança e encapsulamento."],
    ]);
  });

  it("a GNU FAQ in plain text: 'Section A:  The Basics' over 'A1)  What is it?', each question of its section", () => {
    const document = parse(
      "This is the Bash FAQ.\n\nSection A:  The Basics\n\nA1)  What is it?\n\nBash is a shell.\n\nA2)  Where can I find it?\n\nOn ftp.gnu.org.\n\nSection B:  The latest version\n\nB1)  What's new in version 4.3?\n\nA third revision.\n",
      "FAQ.txt",
    );
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.answer])).toEqual([
      ["Section A: The Basics", "What is it?", "Bash is a shell."],
      ["Section A: The Basics", "Where can I find it?", "On ftp.gnu.org."],
      ["Section B: The latest version", "What's new in version 4.3?", "A third revision."],
    ]);
  });

  it("a singular 'Follow-up:' over a list, a follow-up answered after an arrow, and a Spanish 'Repregunta probable:'", () => {
    const document = parse(
      '# Guide\n\n### Q1: Query optimisation\n**Question:** How do you avoid the N+1 problem?\n\n**Answer:**\nUse select_related.\n\n**Follow-up:**\n- How do you log a user out?\n  - *Answer: Keep a deny-list in Redis.*\n\n### Q2. What is server-driven UI?\n**Skeleton:** The backend sends a layout schema.\n**Follow-up:** vs a WebView? → Native performance.\n\n## P3. ¿Cuándo un monolito?\n\nCuando el equipo es pequeño.\n\n**🔁 Repregunta probable:** *"¿Y si ya decidieron microservicios?"* → "Defino las fronteras primero."\n',
    );
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => [f.prompt, f.answer])])).toEqual([
      ["How do you avoid the N+1 problem?", [["How do you log a user out?", "Keep a deny-list in Redis."]]],
      ["What is server-driven UI?", [["vs a WebView?", "Native performance."]]],
      ["¿Cuándo un monolito?", [["¿Y si ya decidieron microservicios?", "Defino las fronteras primero."]]],
    ]);
  });

  it("numbered entries worded as tasks or noun phrases, each with an 'Answer:' line of its own, are questions", () => {
    const document = parse(
      "## Basics\n\n### Operators\n1. Explain operator precedence.  \n   **Answer:** Parentheses first.\n2. Difference between `==` and `is`.  \n   **Answer:** Values against identity.\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Explain operator precedence.", "Parentheses first."],
      ["Difference between == and is.", "Values against identity."],
    ]);
  });

  it("'Q.' / 'A.' pairs, numbered or not: the questions without 'Q.', the answers without 'A.'", () => {
    const plain = parse("# Library\n\n### FAQ\n\nQ. Why so many warnings?\n\nA. Deprecated calls.\n\nQ. When is the next version?\n\nA. Soon.\n");
    expect(plain.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Why so many warnings?", "Deprecated calls."],
      ["When is the next version?", "Soon."],
    ]);
    const numbered = parse(
      "MORE INFORMATION\n================\n\n1. Q. Where is the manual?\n\n  A. In the docs folder.\n\n2. Q. Can old clients run?\n\n  A. Yes.\n",
      "kb.txt",
    );
    expect(numbered.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Where is the manual?", "In the docs folder."],
      ["Can old clients run?", "Yes."],
    ]);
  });

  it("a problem table whose titles are plain text, with the solution linked beside them: a question a row", () => {
    const document = parse(
      "# leetcode\n\n| Number | Title | Solution | Difficulty |\n| - | - | - | - |\n| 23 | Merge k Sorted Lists | [go](/Hard/23.md) | Hard |\n| 42 | Trapping Rain Water | [go](/Hard/42.md) | Hard |\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.meta.difficulty, q.source.line])).toEqual([
      ["Merge k Sorted Lists", "Hard", 5],
      ["Trapping Rain Water", "Hard", 6],
    ]);
    // A table with a "Title" column and nothing of a problem list beside it is no list of questions.
    expect(() => parse("# Books\n\n| Title | Author |\n| - | - |\n| Dune | Herbert |\n| Emma | Austen |\n")).toThrow(/No interview questions/);
  });

  it("a sentence under a rubric's label, not a list, is what to look for; in Portuguese and Spanish labels too", () => {
    const document = parse(
      '# Banca\n\n### 1. "Se a arquitetura é elástica, por que o gargalo aconteceu?"\n\n**O que eles querem testar:**\nSe você entende cotas e limites de concorrência.\n\n### 2. Does scale-to-zero hurt latency?\n\n**What the interviewer is looking for:**\n\nCold starts and when they matter.\n',
    );
    expect(document.questions.map((q) => [q.prompt, q.rubric.flatMap((c) => c.lookFor), q.answer])).toEqual([
      ["Se a arquitetura é elástica, por que o gargalo aconteceu?", ["Se você entende cotas e limites de concorrência."], null],
      ["Does scale-to-zero hurt latency?", ["Cold starts and when they matter."], null],
    ]);
  });

  it("a VitePress container ('::: details Câu trả lời' … ':::') is the answer it holds, its fences no text of it", () => {
    const document = parse(
      "# Java\n\n#### Constructor là gì?\n\n::: details Câu trả lời\nMột method đặc biệt dùng để khởi tạo object.\n:::\n\n#### Keyword final là gì?\n\n::: details Câu trả lời\n- **Biến final**: không thể gán lại.\n    ::: tip\n    Dùng cho hằng số.\n    :::\n:::\n",
    );
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Constructor là gì?", "Một method đặc biệt dùng để khởi tạo object."],
      // The tip nested in the answer's container stays with the entry it follows.
      ["Keyword final là gì?", "- **Biến final**: không thể gán lại.\n**Tip**\nDùng cho hằng số."],
    ]);
  });

  it("what the attacker review of these layouts found stays fixed: records, dialogues, red flags, sample tables", () => {
    // A document titled "History" asks freely; only a project's records below the title hold no questions.
    const history = parse("# History\n\n## The Roman Empire\n\n- When was Rome founded?\n- Who was the first emperor?\n- Why did the West fall?\n");
    expect(history.questions.map((q) => q.prompt)).toEqual(["When was Rome founded?", "Who was the first emperor?", "Why did the West fall?"]);
    // A quoted dialogue under the question that asks about it is its material, not a question of its own.
    const dialogue = parse(
      "# Communication\n\n## Critique the answer\n\nA candidate was asked the question below. What is wrong with their answer?\n\n> Q: How would you scale the database?\n> A: Just add more servers.\n\n**Answer:** It ignores the bottleneck.\n",
    );
    expect(dialogue.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["A candidate was asked the question below. What is wrong with their answer?", "It ignores the bottleneck."],
    ]);
    // A red flag that opens on "Context:" stays a red flag; the candidate never sees it.
    const flags = parse(
      "# Leadership\n\n## 2. Team morale\n\n**Red flags:**\nContext: a candidate who blames the team is a red flag.\n\n**Question:** How do you handle a missed deadline?\n\n**Answer:** Own it.\n",
    );
    expect(flags.questions.map((q) => [q.prompt, q.context, q.redFlags])).toEqual([
      ["How do you handle a missed deadline?", null, ["Context: a candidate who blames the team is a red flag."]],
    ]);
    // A table of sample rows ("| id | name | …") is data, not a list of problems.
    const sample = parse(
      "# SQL\n\n| id | name | salary |\n| - | - | - |\n| 1 | Alice | 100 |\n| 2 | Bob | 90 |\n\n### How do you find the second highest salary?\n\nWith a window function.\n",
    );
    expect(sample.questions.map((q) => q.prompt)).toEqual(["How do you find the second highest salary?"]);
  });
});
