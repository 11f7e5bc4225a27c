import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBankDocumentWithReport } from "./parse-bank-document";

/** Common layouts the seeds do not use, each as a small document: what is asked, and what answers it. */
const layouts: { name: string; file: string; text: string; unit: RegExp; expected: [string, string | null][] }[] = [
  {
    name: "plain-text Q1./A1. pairs",
    file: "qa.txt",
    text: "Interview questions\n\nQ1. What is REST?\nA1. An architectural style.\n\nQ2. What is idempotency?\nA2. Twice is once.\n\nQ3. Name two idempotent HTTP verbs.\nA3. PUT and DELETE.\n",
    unit: /numbered paragraphs/,
    expected: [
      ["What is REST?", "An architectural style."],
      ["What is idempotency?", "Twice is once."],
      ["Name two idempotent HTTP verbs.", "PUT and DELETE."],
    ],
  },
  {
    name: "bold-led paragraphs, one not worded as a question",
    file: "bold.md",
    text: "# JS interview\n\n**What is a closure?**\nA function with its scope.\n\n**Explain the event loop.**\nIt runs callbacks when the stack is empty.\n\n**Difference between var and let**\nlet is block scoped.\n\n**What is hoisting?**\nDeclarations move up.\n",
    unit: /bold-led paragraphs \(4 of 4; 3 of them/,
    expected: [
      ["What is a closure?", "A function with its scope."],
      ["Explain the event loop.", "It runs callbacks when the stack is empty."],
      ["Difference between var and let", "let is block scoped."],
      ["What is hoisting?", "Declarations move up."],
    ],
  },
  {
    name: "numbered tasks, each followed by its code",
    file: "sql.md",
    text: "# SQL exercises\n\n1. Return the second highest salary.\n\n```sql\nSELECT 2;\n```\n\n2. The number of active ads.\n\n```sql\nSELECT COUNT(*) FROM ads;\n```\n\n3. Find duplicate emails.\n\n```sql\nSELECT 3;\n```\n",
    unit: /numbered paragraphs \(3 of 3/,
    expected: [
      ["Return the second highest salary.", "```sql\nSELECT 2;\n```"],
      ["The number of active ads.", "```sql\nSELECT COUNT(*) FROM ads;\n```"],
      ["Find duplicate emails.", "```sql\nSELECT 3;\n```"],
    ],
  },
  {
    name: "headings of one level, most asking, one a task",
    file: "algo.md",
    text: "# Algorithms\n\n## Arrays\n\n### What is a prefix sum?\n\nA running total.\n\n### Reverse a linked list\n\nWalk it with three pointers.\n\n### How do you find a cycle?\n\nTwo pointers at different speeds.\n\n## Interview tips\n\n### Think aloud\n\nSay what you try.\n\n### Ask about input size\n\nIt decides the algorithm.\n",
    unit: /level-3 headings/,
    expected: [
      ["What is a prefix sum?", "A running total."],
      ["Reverse a linked list", "Walk it with three pointers."],
      ["How do you find a cycle?", "Two pointers at different speeds."],
    ],
  },
  {
    name: "one-line paragraphs that ask, each followed by its answer, nothing else setting them apart",
    file: "faq.md",
    text: "# Python questions\n\nWhat is a decorator?\n\nA function that returns a new one.\n\nWhat does not happen:\n- Nothing is cached\n\nWhat is a generator?\n\nA function that yields lazily.\n\nWhat is the GIL?\n\nOne thread runs bytecode at a time.\n",
    unit: /paragraphs and list entries that open on one/,
    expected: [
      ["What is a decorator?", "A function that returns a new one.\n\nWhat does not happen:\n\n- Nothing is cached"],
      ["What is a generator?", "A function that yields lazily."],
      ["What is the GIL?", "One thread runs bytecode at a time."],
    ],
  },
  {
    name: "list numbers a conversion turned into an underscore and the number",
    file: "converted.md",
    text: "# Python questions\n\n_1 What is a decorator?\n\nA function that returns a new one.\n\n_2 Explain generators.\n\nThey yield lazily.\n\n_3 What is the GIL?\n\nOne thread at a time.\n",
    unit: /numbered paragraphs \(3 of 3/,
    expected: [
      ["What is a decorator?", "A function that returns a new one."],
      ["Explain generators.", "They yield lazily."],
      ["What is the GIL?", "One thread at a time."],
    ],
  },
  {
    name: "a sub-heading at the level of numbered question headings, inside an answer",
    file: "design.md",
    text: "# System design\n\n## 1. How would you design a URL shortener?\n\nStart with the requirements.\n\n## Requirements\n\nShort links and redirects.\n\n## 2. How would you design a rate limiter?\n\nA token bucket per client.\n\n## 3. How would you design a feed?\n\nFan out on write.\n",
    unit: /level-2 headings/,
    expected: [
      ["How would you design a URL shortener?", "Start with the requirements.\n\n## Requirements\n\nShort links and redirects."],
      ["How would you design a rate limiter?", "A token bucket per client."],
      ["How would you design a feed?", "Fan out on write."],
    ],
  },
  {
    name: "section headings repeated under each unnumbered question heading, at its level, inside its answer",
    file: "design.md",
    text: "# System design\n\n## How would you design a URL shortener?\n\nStart with the API.\n\n## Trade-offs\n\nHash or counter.\n\n## How would you design a rate limiter?\n\nA token bucket per client.\n\n## Trade-offs\n\nFixed windows burst.\n\n## How would you design a feed?\n\nFan out on write.\n\n## Approach\n\nPrecompute timelines.\n",
    unit: /level-2 headings/,
    expected: [
      ["How would you design a URL shortener?", "Start with the API.\n\n## Trade-offs\n\nHash or counter."],
      ["How would you design a rate limiter?", "A token bucket per client.\n\n## Trade-offs\n\nFixed windows burst."],
      ["How would you design a feed?", "Fan out on write.\n\n## Approach\n\nPrecompute timelines."],
    ],
  },
];

describe("the repeating question unit", () => {
  it("asks a task under a bold step title whose line ends by asking, with its title, each step its own question", () => {
    const text =
      "# Scenarios\n\n**Step 1: Capacity.** Estimate the storage for a year. How many servers do you need?\n\nAbout a dozen.\n\n**Step 2: API.** Sketch the endpoint. Which status code answers a duplicate?\n\n409.\n\n**Note:** Why does this matter?\n";
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "steps.md" });
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Capacity. Estimate the storage for a year. How many servers do you need?", "About a dozen."],
      ["API. Sketch the endpoint. Which status code answers a duplicate?", "409.\n\n**Note:** Why does this matter?"],
    ]);
  });
  it("asks the bold steps under a heading's task as its follow-ups, each step's text its answer", () => {
    const text =
      "# Design a photo-sharing service\n\n**Step 1: Requirements.** What must the first version do?\n\nUpload, feed and follow.\n\n**Step 2: Capacity.** Estimate the uploads. How much storage do five years need?\n\nAbout 1 PB.\n\n**Note:** Why does this matter?\n";
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "design.md" });
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => [f.prompt, f.answer])])).toEqual([
      [
        "Design a photo-sharing service",
        [
          ["Requirements. What must the first version do?", "Upload, feed and follow."],
          ["Capacity. Estimate the uploads. How much storage do five years need?", "About 1 PB.\n\n**Note:** Why does this matter?"],
        ],
      ],
    ]);
  });
  it("reads a how-to guide's questions quoted in its instructions: the first asked, the next its follow-up, the instruction a note", () => {
    const text =
      '# Interviewer guide\n\n## Step 1: Prepare\n\nRead the CV. Ask yourself: what would you like to learn?\n\n## Step 2: Warm up\n\nStart with an easy question such as “What did you build last?” and then “What would you change about it?”\n\n## Step 3: Deep dive\n\nPick one project. Ask "How did you test it?"\n';
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "guide.md" });
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt), q.section.at(-1)])).toEqual([
      ["What did you build last?", ["What would you change about it?"], "Step 2: Warm up"],
      ["How did you test it?", [], "Step 3: Deep dive"],
    ]);
    expect(document.questions[1]?.meta.interviewerNotes).toEqual(['Pick one project. Ask "How did you test it?"']);
  });

  it.each(layouts)("$name", ({ file, text, unit, expected }) => {
    const { document, report } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: file });
    expect(report.structure).toMatch(unit);
    expect(document.questions.map((q) => [q.prompt, q.answer])).toEqual(expected);
  });

  it("reads an H3 question followed by H4 questions as questions of one section, not the H3 as their section", () => {
    const text =
      "# Go questions\n\n## Concurrency\n\n### What is a goroutine?\n\nA lightweight thread.\n\n#### How is a channel different from a mutex?\n\nChannels pass ownership.\n\n#### What does select do?\n\nIt waits on several channels.\n\n#### When does a goroutine leak?\n\nWhen nothing reads its channel.\n";
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "go.md" });
    expect(document.questions.map((q) => [q.prompt, q.section.at(-1), q.answer])).toEqual([
      ["What is a goroutine?", "Concurrency", "A lightweight thread."],
      ["How is a channel different from a mutex?", "Concurrency", "Channels pass ownership."],
      ["What does select do?", "Concurrency", "It waits on several channels."],
      ["When does a goroutine leak?", "Concurrency", "When nothing reads its channel."],
    ]);
  });

  it("leaves the numbered steps of a labelled question's answer in that answer", () => {
    const text =
      "Q: How do you deploy the service?\nA: In steps.\n\n1. Build the image.\n\ndocker build .\n\n2. Push it.\n\ndocker push\n\n3. Roll it out.\n\nkubectl apply\n\nQ: How do you roll back?\nA: kubectl rollout undo.\n";
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "steps.txt" });
    expect(document.questions.map((q) => q.prompt)).toEqual(["How do you deploy the service?", "How do you roll back?"]);
    expect(document.questions[0]?.answer).toContain("3. Roll it out.");
  });

  it("keeps siblings that mostly do not ask as sections, and lists what they hold", () => {
    const algo = layouts[3];
    if (!algo) throw new Error("no layout");
    const { report } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(algo.text), sourceFile: algo.file });
    expect(report.unused.map((u) => u.excerpt)).toEqual(["Say what you try.", "It decides the algorithm."]);
  });

  it("reads a script's step headings as steps when the questions are the lists right under them", () => {
    const text = readFileSync(new URL("../../tests/fixtures/bank/phone-screen-playbook.md", import.meta.url));
    const { document, report } = parseBankDocumentWithReport({ bytes: text, sourceFile: "phone-screen-playbook.md" });
    expect(report.structure).toMatch(/headings are sections or steps over lists of questions/);
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt])).toEqual([
      ["Discuss their background", "Walk me through the last system you built."],
      ["Discuss their background", "What part of it are you least proud of, and why?"],
      ["Check the basics", "What happens when you type a URL into a browser?"],
      ["Check the basics", "How does a database index speed up a query?"],
      ["Check the basics", "When would you not add an index?"],
    ]);
    // What the steps say to the interviewer is listed, not dropped.
    expect(report.unused.map((u) => u.excerpt)).toEqual([
      "Use this for every phone screen. Keep it to thirty minutes.",
      "Two minutes on the team, the product and what the job is.",
      "Five minutes at least.",
    ]);
  });

  it("keeps imperative question headings as questions when only one answer opens on a list of questions", () => {
    const text =
      "# CSS questions\n\n## Explain the box model.\n\n- Is padding inside the border?\n- Does margin collapse?\n\n## Describe how specificity is computed.\n\nIds beat classes.\n\n## Explain when to use flexbox.\n\nOne axis at a time.\n";
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "css.md" });
    expect(document.questions.map((q) => q.prompt)).toEqual([
      "Explain the box model.",
      "Describe how specificity is computed.",
      "Explain when to use flexbox.",
    ]);
  });

  it("reads steps as steps when their lists of questions come after an introduction or under sub-headings of their own", () => {
    const text = [
      "# Phone screen",
      "",
      "## Outline",
      "",
      "### Discuss their career",
      "",
      "> Give them space to tell their story.",
      "",
      '- "Tell me about a few of your recent projects."',
      '- "What got you interested in this position?"',
      "",
      "### Describe the role",
      "",
      "Reinforce the job post.",
      "",
      "#### Open source",
      "",
      "> We prefer open tools.",
      "",
      '- "Can you tell me about [a project you worked on]? I am looking for the tools you used."',
      '- "Have you worked in public before?"',
      "",
      "#### Cross-functional teams",
      "",
      '- "Can you describe a time you advocated for an improvement?"',
      '  - "Did your efforts succeed or fail?"',
      "",
      "#### Remote work",
      "",
      '- "How did you overcome communication barriers?"',
      '- "What makes a remote team work well?"',
      "",
      "### Close the call",
      "",
      "Thank them for their time.",
    ].join("\n");
    const { document, report } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "screen.md" });
    expect(report.structure).toMatch(/headings are sections or steps over lists of questions/);
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.followUps.map((f) => f.prompt)])).toEqual([
      ["Discuss their career", "Tell me about a few of your recent projects.", []],
      ["Discuss their career", "What got you interested in this position?", []],
      // Quoted whole, the sentence after its question mark is part of the question, not its answer.
      ["Open source", "Can you tell me about [a project you worked on]? I am looking for the tools you used.", []],
      ["Open source", "Have you worked in public before?", []],
      // One entry is a question too under a section whose siblings are over questions, with its follow-up.
      ["Cross-functional teams", "Can you describe a time you advocated for an improvement?", ["Did your efforts succeed or fail?"]],
      ["Remote work", "How did you overcome communication barriers?", []],
      ["Remote work", "What makes a remote team work well?", []],
    ]);
  });

  it("keeps a question heading whose own answer (code, a list that does not ask) comes before a list of questions", () => {
    const text = [
      "# Errors",
      "",
      "### Explain why a hook cannot be called conditionally",
      "",
      "Hooks must be called in the same order.",
      "",
      "```js",
      "if (a) useState();",
      "```",
      "",
      "- [What are the rules of hooks?](#rules)",
      "- [Why do hooks need an order?](#order)",
      "",
      '### Explain the error "Too many re-renders"',
      "",
      "A state update runs on every render.",
      "",
      "```js",
      "setCount(count + 1);",
      "```",
      "",
      "- [What is state?](#state)",
      "- [What are hooks?](#hooks)",
      "",
      "### What is a key?",
      "",
      "An identity for a list entry.",
    ].join("\n");
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "errors.md" });
    expect(document.questions.map((q) => q.prompt)).toEqual([
      "Explain why a hook cannot be called conditionally",
      'Explain the error "Too many re-renders"',
      "What is a key?",
    ]);
  });

  it("reads a numbered heading with nothing of its own over problems numbered under it as their section", () => {
    const problem = (n: string, name: string, body: string) => `### ${n} ${name}\n\n${body}\n\nUse two pointers.\n\n`;
    const text = [
      "# String problems\n\n## 1. Reverse a string\n\nThe characters of a string, in place.\n\nSwap from both ends.\n\n",
      "## 2. Palindromes\n\n",
      problem("2.1.", "Valid palindrome", "A string that reads the same both ways."),
      problem("2.2.", "Longest palindrome", "The longest palindrome some letters can make."),
      "## 3. Bracket depth\n\nThe depth of a valid bracket sequence.\n\nCount up and down.\n",
    ].join("");
    const { document } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "strings.md" });
    expect(document.questions.map((q) => q.prompt)).toEqual(["Reverse a string", "Valid palindrome", "Longest palindrome", "Bracket depth"]);
    expect(document.questions[1]?.answer).toContain("Use two pointers.");
    // With text of its own, or sub-sections not numbered under it, the heading stays the question.
    for (const group of ["## 2. Palindromes\n\nRead both ways.\n\n", "## 2. Palindromes\n\n"]) {
      const other = group.includes("Read") ? text.replace("## 2. Palindromes\n\n", group) : text.replaceAll("### 2.", "### 5.");
      const kept = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(other), sourceFile: "strings.md" }).document;
      expect(kept.questions.map((q) => q.prompt)).toEqual(["Reverse a string", "Palindromes", "Bracket depth"]);
    }
  });
});
