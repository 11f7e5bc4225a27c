import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BankDocument } from "./bank-format";
import { parseBankDocument, parseBankDocumentWithReport } from "./parse-bank-document";

/** Layouts the seeds do not use, written by hand in tests/fixtures/bank/. */
const FIXTURES = new URL("../../tests/fixtures/bank/", import.meta.url);

function fixture(name: string): BankDocument {
  return parseBankDocument({ bytes: readFileSync(new URL(name, FIXTURES)), sourceFile: name });
}

function fixtureWithReport(name: string) {
  return parseBankDocumentWithReport({ bytes: readFileSync(new URL(name, FIXTURES)), sourceFile: name });
}

describe("other document layouts", () => {
  it("numbered question headings with 'Good to hear', follow-up and red-flag sections", () => {
    const doc = fixture("numbered-headings.md");
    expect(doc.title).toBe("JavaScript Interview Questions");
    expect(doc.questions.map((q) => q.prompt)).toEqual(["What is a closure?", "Explain event delegation.", "What is the difference between == and ===?"]);
    const [closure, delegation, equality] = doc.questions;
    expect(closure?.section).toEqual(["JavaScript Interview Questions", "Core language"]);
    expect(closure?.answer).toContain("```js\nfunction counter() {");
    expect(closure?.rubric).toEqual([
      {
        title: "Good to hear",
        lookFor: [
          "Functions remember the scope they were created in",
          "Used for data privacy and factories",
          "Can cause memory leaks when they capture large objects",
        ],
        competency: "technical-depth",
      },
    ]);
    expect(closure?.followUps.map((f) => f.prompt)).toEqual([
      "How would you create a private counter with a closure?",
      "What is the difference between a closure and a class?",
    ]);
    expect(delegation?.redFlags).toEqual(["Attaches a listener to every list item", "Has never heard of bubbling"]);
    expect(equality?.answer).toBe("`===` compares without type coercion; `==` coerces first.");
    expect(equality?.rubric.length).toBeGreaterThan(0);
  });

  it("<details><summary> questions", () => {
    const doc = fixture("details-summary.md");
    expect(doc.questions.map((q) => q.prompt)).toEqual(["What does the useEffect dependency array do?", "Why must keys be stable in lists?"]);
    expect(doc.questions[0]?.answer).toMatch(/^It lists the values the effect reads/);
    expect(doc.questions[0]?.answer).toContain("- An empty array runs the effect once after mount");
    expect(doc.questions[1]?.answer).toMatch(/^React matches children between renders by key/);
  });

  it("plain-text Q: / ANS: lines", () => {
    const doc = fixture("plain-qa.txt");
    expect(doc.questions.map((q) => q.prompt)).toEqual(["What is a generator in Python?", "What is the GIL?", "How do you copy a list?"]);
    expect(doc.questions[1]?.answer).toBe(
      "The global interpreter lock lets only one thread run Python bytecode at a time.\n\nIt matters for CPU-bound threads, not for I/O-bound ones.",
    );
    expect(doc.questions[0]?.rubric[0]?.lookFor.length).toBeGreaterThan(0);
  });

  it("a list of questions without answers", () => {
    const doc = fixture("question-list.md");
    expect(doc.questions).toHaveLength(4);
    expect(doc.questions[0]).toMatchObject({ prompt: "How would you design a URL shortener?", answer: null });
    // A title that names no area: the question ("design a URL shortener") decides.
    expect(doc.questions[0]?.rubric).toEqual([{ title: "Answers the question directly", lookFor: [], competency: "system-design" }]);
  });

  it("questions in a Markdown table", () => {
    const doc = fixture("table-questions.md");
    expect(doc.questions.map((q) => [q.prompt, q.meta.difficulty])).toEqual([
      ["What is an index?", "Easy"],
      ["What does EXPLAIN ANALYZE show?", "Medium"],
      ["When does a query skip an index?", "Hard"],
    ]);
    expect(doc.questions[1]?.answer).toBe("The executed plan with real timings and row counts.");
  });

  it("keeps a table's other columns with the answer, labelled, rather than dropping them", () => {
    const doc = parseBankDocument({
      bytes: new TextEncoder().encode(
        "## Design questions\n\n| Question | Reference(s) |\n|---|---|\n| Design a URL shortener | [Solution](https://example.org/url) |\n| Design a chat app | [Solution](https://example.org/chat) |\n",
      ),
      sourceFile: "design.md",
    });
    expect(doc.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ["Design a URL shortener", "**Reference(s):** [Solution](https://example.org/url)"],
      ["Design a chat app", "**Reference(s):** [Solution](https://example.org/chat)"],
    ]);
  });

  it("a README that numbers its sections with a list, with a linked table of contents and 'Back to Top' links", () => {
    const doc = fixture("awesome-js-readme.md");
    expect(doc.title).toBe("JavaScript Interview Questions & Answers");
    expect(doc.questions.map((q) => q.prompt)).toEqual([
      "What is a closure?",
      "What is hoisting?",
      "What is the difference between let and var?",
      "What is the output of below code?",
    ]);
    const [closure, , letVar, output] = doc.questions;
    expect(closure?.section).toEqual(["JavaScript Interview Questions & Answers"]);
    expect(closure?.answer).toMatch(/^A closure is the combination of a function/);
    expect(closure?.answer).toContain("```javascript\nfunction Welcome(name) {\n  var greetingInfo");
    expect(letVar?.answer).toContain("\n\n```javascript\nfunction userDetails(username) {");
    for (const q of doc.questions) expect(q.answer).not.toMatch(/Back to Top|<\/?p>|<\/details>/i);
    expect(output?.section).toEqual(["JavaScript Interview Questions & Answers", "Coding Exercise"]);
    expect(output?.context).toContain("- 4: {model");
    expect(output?.answer).toMatch(/^4\n\nThe function declarations are hoisted/);
  });

  it("<details> questions inside a numbered list", () => {
    const doc = fixture("details-numbered-list.md");
    expect(doc.questions.map((q) => [q.prompt, q.section.at(-1)])).toEqual([
      ["What is the virtual DOM?", "Basics"],
      ["What are props?", "Basics"],
      ["What is the difference between state and props?", "Basics"],
      ["Why can't hooks be called conditionally?", "Hooks"],
      ["When would you use useMemo?", "Hooks"],
    ]);
    expect(doc.questions[1]?.answer).toBe('Props are read-only inputs passed from a parent component to a child.\n\n```jsx\n<Greeting name="Ada" />\n```');
    expect(doc.questions[4]?.answer).toBe(
      "- To skip an expensive calculation when its inputs did not change\n- To keep a referentially stable object passed to a memoised child",
    );
    expect(doc.questions[4]?.rubric[0]?.lookFor).toHaveLength(2);
    expect(doc.questions.every((q) => q.meta.title === null)).toBe(true);
  });

  it("plain text with CRLF line ends, '1)' numbered questions and 'Ans:' / 'Answer -' lines, some wrapped", () => {
    const doc = fixture("plain-numbered-ans.txt");
    expect(doc.title).toBe("JAVA INTERVIEW QUESTIONS AND ANSWERS");
    expect(doc.questions.map((q) => q.prompt)).toEqual([
      "What is the difference between JDK, JRE and JVM?",
      "Why is String immutable in Java?",
      "What is the difference between == and equals()?",
      "Can we override a static method?",
      "What is a marker interface?",
    ]);
    const [jdk, string, , , marker] = doc.questions;
    expect(jdk?.answer).toBe(
      "The JVM runs bytecode. The JRE is the JVM plus the standard libraries needed to run programs.\n\nThe JDK is the JRE plus development tools such as javac and jdb.",
    );
    expect(string?.answer).toBe(
      "Strings are shared through the string pool, used as HashMap keys and passed to security\nchecks, so allowing them to change would break caching, hashing and security.",
    );
    expect(marker?.answer).toMatch(/treats it specially\.\n\nExample: class User implements Serializable \{\}$/);
    expect(marker?.rubric[0]?.lookFor[0]).toBe("An interface with no methods, e.g. Serializable and Cloneable.");
  });

  it("'## Q1:' headings with bold 'Answer:' and 'Follow-up:' labels", () => {
    const doc = fixture("bold-label-q.md");
    expect(doc.questions.map((q) => q.prompt)).toEqual([
      "What is the event loop in Node.js?",
      "How do you handle errors in async/await code?",
      "Explain the difference between process.nextTick() and setImmediate()",
    ]);
    const [loop, errors, tick] = doc.questions;
    expect(loop?.answer).toMatch(/^The event loop lets Node\.js perform non-blocking I\/O[\s\S]*between phases\.$/);
    expect(loop?.rubric[0]?.lookFor[0]).toMatch(/^The event loop lets Node\.js perform/);
    expect(loop?.followUps).toEqual([
      {
        prompt: "What is the difference between setImmediate and setTimeout(fn, 0)?",
        answer:
          "`setImmediate` runs in the check phase right after poll; `setTimeout(fn, 0)` runs in the timers phase, so inside an I/O callback `setImmediate` always fires first.",
        lookFor: [],
      },
    ]);
    expect(errors?.answer).toContain("```js\napp.get('/users/:id'");
    expect(errors?.rubric[0]?.lookFor[0]).toBe("Wrap awaited calls in try/catch, or attach .catch() to the returned promise.");
    expect(errors?.followUps[0]?.prompt).toBe("What happens to an unhandled promise rejection in Node 18?");
    expect(tick?.keyPoints).toEqual(["nextTick runs before promise microtasks", "setImmediate runs after I/O polling", "nextTick recursion starves the loop"]);
  });

  it("a Question | Answer | Difficulty table, with a links table after it", () => {
    const doc = fixture("table-qad.md");
    expect(doc.questions.map((q) => [q.prompt, q.meta.difficulty])).toEqual([
      ["What is the difference between an image and a container?", "Easy"],
      ["What does EXPOSE do in a Dockerfile?", "Easy"],
      ["How does a Kubernetes Service find its Pods?", "Medium"],
      ["What happens when a liveness probe fails?", "Medium"],
      ["Explain how a rolling update works", "Hard"],
    ]);
    expect(doc.questions[2]?.answer).toBe("Through its label **selector**; the endpoints controller tracks matching ready Pods.");
    expect(doc.questions[1]?.rubric[0]?.lookFor).toEqual(["It only documents the port; you still need -p to publish it."]);
    for (const q of doc.questions) expect(q.rubric[0]?.lookFor.length).toBeGreaterThan(0);
  });

  it("questions without answers grouped under Easy / Medium / Hard headings", () => {
    const doc = fixture("difficulty-groups.md");
    expect(doc.questions).toHaveLength(11);
    expect(doc.questions.map((q) => q.prompt)).toContain("Explain event loop");
    expect(doc.questions.map((q) => q.prompt)).not.toContain("Easy");
    expect(doc.questions[2]).toMatchObject({
      prompt: "Explain event loop",
      answer: null,
      section: ["System Design Interview Questions", "Easy"],
      meta: { difficulty: "Easy" },
    });
    expect(doc.questions[7]).toMatchObject({ prompt: "Explain consistent hashing", meta: { difficulty: "Medium" } });
    expect(doc.questions[8]).toMatchObject({ prompt: "Design Google Docs (real-time collaborative editing)", meta: { difficulty: "Hard" } });
    expect(doc.questions[10]?.rubric).toEqual([{ title: "Answers the question directly", lookFor: [], competency: "system-design" }]);
  });

  it("front matter, then questions with 'Good to hear:' and 'Red flags:' lists", () => {
    const doc = fixture("frontmatter-good-to-hear.md");
    expect(doc.title).toBe("Senior Go Engineer – Interview Guide");
    expect(doc.questions.map((q) => [q.prompt, q.section.at(-1)])).toEqual([
      ["How do goroutines differ from OS threads?", "Concurrency"],
      ["When would you use a buffered channel?", "Concurrency"],
      ["Explain errors.Is and errors.As", "Error handling"],
    ]);
    const [goroutines, , errors] = doc.questions;
    expect(goroutines?.answer).toMatch(/^Goroutines are multiplexed[\s\S]*hundreds of thousands of them\.$/);
    expect(goroutines?.rubric).toEqual([
      {
        title: "Good to hear",
        lookFor: ["M:N scheduling by the runtime", "Small, growable stacks", "Cheap creation and context switches"],
        competency: "technical-depth",
      },
    ]);
    expect(goroutines?.redFlags).toEqual(["Thinks each goroutine is an OS thread", "Cannot say what GOMAXPROCS controls"]);
    expect(errors?.rubric[0]?.lookFor).toEqual(["Wrapping with %w", "Sentinel errors vs typed errors"]);
    expect(errors?.redFlags).toEqual(["Compares error strings"]);
  });

  it("a UTF-8 file with a byte-order mark; code spans keep their underscores and asterisks", () => {
    const doc = fixture("bom-utf8.md");
    expect(doc.repairs).toMatchObject({ encoding: "utf-8", mojibakeFixed: 0 });
    expect(doc.title).toBe("Python Interview Questions — Part 1");
    expect(doc.questions.map((q) => q.prompt)).toEqual([
      "What’s the difference between a list and a tuple?",
      "What does the “with” statement do?",
      "Explain *args and **kwargs",
    ]);
    expect(doc.questions[1]?.rubric[0]?.lookFor).toEqual(["It calls __enter__ before the block and __exit__ after it, even when the block raises."]);
    expect(doc.questions[2]?.answer).toBe("`*args` collects extra positional arguments into a tuple; `**kwargs` collects extra keyword arguments into a dict.");
  });

  it("mojibake Markdown is repaired before it is read", () => {
    const doc = fixture("mojibake-windows-1252.md");
    const [q] = doc.questions;
    expect(q?.prompt).toBe("What’s the difference between a process and a thread?");
    expect(q?.answer).toBe("A process has its own memory; threads share their process’s memory — so “cheap” to create → but need locking.");
    expect(q?.rubric[0]?.lookFor).toEqual(["Isolation vs sharing", "Context-switch cost"]);
    expect(q?.followUps[0]).toMatchObject({ prompt: "When would you pick processes anyway?", answer: "When a crash must not take down the others ✅" });
    expect(doc.repairs.mojibakeFixed).toBeGreaterThan(5);
  });

  it("a legacy Windows-1252 file (not UTF-8) is decoded", () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode("Q: Qu"),
      0xe9,
      ...new TextEncoder().encode(" est un caf"),
      0xe9,
      0x3f,
      0x0a,
      ...new TextEncoder().encode("A: Un lieu.\n"),
    ]);
    const doc = parseBankDocument({ bytes, sourceFile: "legacy.txt" });
    expect(doc.repairs.encoding).toBe("windows-1252");
    expect(doc.questions[0]?.prompt).toBe("Qué est un café?");
  });

  it("a new user's note: a heading naming a problem, a statement, an answer, then bold Key points, Follow-ups and Red flags", () => {
    const { document, report } = fixtureWithReport("two-sum-note.md");
    expect(report.unused).toEqual([]);
    expect(document.questions).toHaveLength(1);
    const [q] = document.questions;
    expect(q?.prompt).toBe("Two Sum");
    expect(q?.context).toBe("Given an array of integers and a target, return the indices of the two numbers that add up to the target.");
    expect(q?.answer).toMatch(/^Walk the array once with a hash map from value to index\. .* O\(n\) time and O\(n\) space\.$/);
    expect(q?.keyPoints).toEqual(["Hash map from value to index", "Check the complement before inserting the current number", "O(n) time, O(n) extra space"]);
    expect(q?.rubric.map((c) => [c.title, c.lookFor])).toEqual([["Key points", q?.keyPoints]]);
    expect(q?.followUps.map((f) => f.prompt)).toEqual(["What if the array is sorted?", "What if you need all pairs, not just one?"]);
    expect(q?.redFlags).toEqual(["Nested loops without noticing they are O(n²)", "Sorting the array and losing the original indices"]);
  });

  it("follow-ups and red flags after the answer, as bold labels with and without a colon and as headings", () => {
    const { document, report } = fixtureWithReport("follow-ups-after-answer.md");
    expect(report.unused).toEqual([]);
    expect(document.questions.map((q) => [q.prompt, q.followUps.map((f) => f.prompt), q.redFlags])).toEqual([
      [
        "How would you rate-limit a public API?",
        ["How do you rate-limit across several gateway nodes?", "What changes when some customers pay for higher limits?"],
        ["Counts requests in each node's memory", "Cannot say what the client sees when it is limited"],
      ],
      [
        "What is the difference between a process and a thread?",
        ["When would you pick processes over threads anyway?"],
        ["Says threads cannot run at the same time"],
      ],
      [
        "Why put a CDN in front of a website?",
        ["How do you make sure users get the new assets after a deploy?"],
        ["Thinks a CDN speeds up every dynamic API call"],
      ],
    ]);
    for (const q of document.questions) {
      // The answer is the paragraph, and what scores it comes from the paragraph, not from the follow-ups or red flags.
      expect(q.answer).not.toMatch(/Follow-ups|Red flags|\n- /);
      const criteria = q.rubric.flatMap((c) => c.lookFor).join(" ");
      for (const other of [...q.followUps.map((f) => f.prompt), ...q.redFlags]) {
        expect(criteria).not.toContain(other);
        expect(q.keyPoints).not.toContain(other);
      }
    }
  });

  it("'- Follow-up: …', '- Red flag: …', '- Key point: …' and '- Hint: …' bullets go to their parts", () => {
    const { document, report } = fixtureWithReport("label-bullets.md");
    expect(report.unused).toEqual([]);
    const [queue, index] = document.questions;
    expect(queue?.answer).toBe(
      "To decouple them: the producer keeps working when the consumer is slow or down, bursts are absorbed by the queue, and consumers can be scaled on their own.",
    );
    expect(queue?.keyPoints).toEqual(["decoupling in time, the consumer can be down", "load levelling for bursts"]);
    expect(queue?.followUps.map((f) => f.prompt)).toEqual(["What happens when a message is processed twice?", "How would you keep messages in order?"]);
    expect(queue?.redFlags).toEqual(["Says a queue makes the system synchronous"]);
    expect(queue?.meta.interviewerNotes).toEqual(["think about what the producer does when the consumer is down"]);
    expect(index?.keyPoints).toEqual(["B-tree lookup", "faster reads", "slower writes"]);
    expect(index?.followUps.map((f) => f.prompt)).toEqual(["When would an index not be used?"]);
    expect(index?.redFlags).toEqual(["Add an index to every column"]);
  });

  it("an interviewer's guide: questions nested under an 'Example questions:' field beside 'Interviewer:' and 'Duration:'", () => {
    const { document, report } = fixtureWithReport("interviewer-guide.md");
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt])).toEqual([
      ["Round 1: Coding", "Merge two sorted lists into one sorted list."],
      ["Round 1: Coding", "How would you find the k most frequent words in a large file?"],
      ["Round 1: Coding", "Design an LRU cache."],
      ["Round 2: System design", "How would you design a URL shortener?"],
      ["Round 2: System design", "How would you design a news feed for ten million users?"],
      ["Round 3: Values", "Tell me about a time you changed your mind after a code review."],
      ["Round 3: Values", "What do you do when a deadline and quality pull in different directions?"],
    ]);
    expect(document.questions[1]?.followUps.map((f) => f.prompt)).toEqual(["What changes if the file does not fit in memory?"]);
    // The round's other fields are for the interviewer, on each of its questions.
    expect(document.questions[3]?.meta.interviewerNotes).toEqual(["Interviewer: staff engineer", "Duration: 60 minutes"]);
    // The introduction asks nothing; it is listed, not dropped.
    expect(report.unused.map((p) => p.line)).toEqual([3]);
  });

  it("a reStructuredText guide: over- and underlined titles are sections, bullets apart by blank lines one list, bracketed follow-ups", () => {
    const { document, report } = fixtureWithReport("python-questions-rst.txt");
    expect(document.title).toBe("Python interview questions");
    expect(document.questions.map((q) => [q.section.at(-1), q.prompt, q.followUps.map((f) => f.prompt)])).toEqual([
      ["Language basics", "What is the difference between a list and a tuple?", ["when would you pick a tuple?"]],
      ["Language basics", "How does Python manage memory?", ["How does the garbage collector find cycles?"]],
      ["Language basics", "What is a decorator? Write one that times a function.", []],
      ["Concurrency", "What is the GIL, and what does it mean for threads?", []],
      ["Concurrency", "When would you use asyncio instead of threads?", ["What happens if a coroutine blocks?"]],
      ["Data", "How would you read a 10 GB CSV file without running out of memory?", []],
    ]);
    expect(document.questions.at(-1)?.section).toEqual(["Python interview questions", "Concurrency", "Data"]);
    expect(report.unused.map((p) => p.excerpt)).toEqual(["These are the questions we ask in the first technical round."]);
  });

  it("LeetCode-style write-ups: a heading naming the problem, its statement and examples, then approach sections with numbered steps", () => {
    const { document, report } = fixtureWithReport("leetcode-notebook.md");
    expect(document.questions.map((q) => q.prompt)).toEqual(["Two Sum", "Valid Parentheses"]);
    const [twoSum, parentheses] = document.questions;
    // The statement, its worked examples and constraints are read out with the name; the approaches answer.
    expect(twoSum?.context).toMatch(/^Given an array of integers `nums`[\s\S]*\*\*Example 2:\*\*[\s\S]*Only one valid answer exists\.$/);
    expect(twoSum?.answer).toMatch(/^### Approach 1: Brute force[\s\S]*1\. Find the first number[\s\S]*Time O\(n\), space O\(n\)\.$/);
    expect(twoSum?.rubric.map((c) => c.title)).toEqual(["Approach 1: Brute force", "Approach 2: One-pass hash map"]);
    expect(twoSum?.code).toMatchObject({
      entry: "twoSum",
      tests: [
        { input: "[[2,7,11,15],9]", expected: "[0,1]" },
        { input: "[[3,2,4],6]", expected: "[1,2]" },
      ],
    });
    expect(parentheses?.context).toMatch(/determine if the input string is valid[\s\S]*Example 2: Input: s = "\(\]" Output: false$/);
    expect(parentheses?.code?.entry).toBe("isValid");
    expect(report.unused.map((p) => p.excerpt)).toEqual(["Problems I have solved, with the approaches I would explain in an interview."]);
  });
});
