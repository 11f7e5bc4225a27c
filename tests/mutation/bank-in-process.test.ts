import { processRuntime, closeProcessRuntime } from "@/server/platform/process-runtime";
import { mkdtemp, mkdir, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { createCallerFactory, createContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import type { QuestionSnapshot } from "@/server/domain/room";
import { bankFilesIn, describeOutcome, importBankPaths } from "@/server/services/bank/import-paths";
import { internQuestion } from "@/server/services/room/plan-interning";
import { fileDatabase } from "../support/db";
import { createAccount, type Account } from "../support/fixtures";

// The bank's search, facets and file import called in process, for mutation testing only (npm run
// test:mutation): StrykerJS sees which code a test runs only in the test's own process. npm test covers
// the same over HTTP (tests/integration/bank-api.test.ts, bank-import.test.ts) and in the browser.

const database = await fileDatabase();
process.env.DATABASE_URL = database.url;
const caller = createCallerFactory(appRouter);
const as = (user: SessionUser) => caller(createContext(processRuntime(), user, "in-process"));

let ada: Account;
let bob: Account;

const STORAGE = `# Storage engines

## Write path

### 1. How does an LSM tree absorb writes?

**Difficulty:** Hard
**Tags:** storage, databases
**Companies:** Acme, Initech

Writes land in a memtable and are flushed to sorted runs; compaction merges them.

**Red flags:**
- Thinks compaction is free (quokkaflag)

#### Follow-up: What does compaction cost?

Write amplification, the wombatcost.

### 2. What is a B-tree page split?

**Difficulty:** Medium
**Tags:** storage

A full page is divided in two and the parent gains a key.

## Read path

### 3. Why do bloom filters help reads on an LSM tree?

**Difficulty:** Medium
**Tags:** probabilistic

They skip runs that cannot hold the key; mention the false positive rate.
`;

beforeAll(async () => {
  ada = await createAccount(database.db, "Ada");
  bob = await createAccount(database.db, "Bob");
  const [result] = await as(ada).bank.import({ files: [{ name: "storage.md", encoding: "text", content: STORAGE }] });
  expect(result).toMatchObject({ ok: true, outcome: { questions: 3 } });
});

afterAll(async () => {
  await closeProcessRuntime();
  await database.pool.end();
  await database.db.$disconnect();
});

describe("bank search, in process", () => {
  it("ranks a question whose prompt holds the words above one that only mentions them, and counts all matches", async () => {
    const found = await as(ada).bank.search({ q: "LSM tree" });
    expect(found.total).toBe(2);
    expect(found.items.map((q) => q.prompt)).toEqual(["How does an LSM tree absorb writes?", "Why do bloom filters help reads on an LSM tree?"]);
    expect(found.nextCursor).toBeNull();
  });

  it("finds a question by its follow-up's answer, its red flags and its companies, and describes it", async () => {
    for (const word of ["wombatcost", "quokkaflag", "Initech"]) {
      const found = await as(ada).bank.search({ q: word });
      expect(
        found.items.map((q) => q.prompt),
        word,
      ).toEqual(["How does an LSM tree absorb writes?"]);
    }
    const [lsm] = (await as(ada).bank.search({ q: "wombatcost" })).items;
    expect(lsm).toMatchObject({
      section: ["Storage engines", "Write path"],
      documentTitle: "Storage engines",
      shared: false,
      difficulty: "Hard",
      tags: ["storage", "databases"],
      followUpCount: 1,
    });
    expect(lsm?.rubricCount).toBeGreaterThan(0);
  });

  it("narrows by section, difficulty, tag and document, and lists in document order without words", async () => {
    const all = await as(ada).bank.search({});
    expect(all.items.map((q) => q.prompt)).toEqual([
      "How does an LSM tree absorb writes?",
      "What is a B-tree page split?",
      "Why do bloom filters help reads on an LSM tree?",
    ]);
    expect((await as(ada).bank.search({ section: "Read path" })).items.map((q) => q.prompt)).toEqual(["Why do bloom filters help reads on an LSM tree?"]);
    expect((await as(ada).bank.search({ difficulty: "Medium" })).total).toBe(2);
    expect((await as(ada).bank.search({ tag: "storage" })).total).toBe(2);
    expect((await as(ada).bank.search({ tag: "storage", difficulty: "Hard" })).total).toBe(1);
    expect((await as(ada).bank.search({ documentId: all.items[0]!.documentId })).total).toBe(3);
    expect((await as(ada).bank.search({ documentId: "another-document" })).total).toBe(0);
  });

  it("pages with a cursor until the last page, which has none", async () => {
    const first = await as(ada).bank.search({ limit: 2 });
    expect(first).toMatchObject({ total: 3, nextCursor: "2" });
    expect(first.items).toHaveLength(2);
    const second = await as(ada).bank.search({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((q) => q.prompt)).toEqual(["Why do bloom filters help reads on an LSM tree?"]);
    expect(second.nextCursor).toBeNull();
    expect((await as(ada).bank.search({ limit: 2, cursor: "9" })).items).toEqual([]);
  });

  it("shows another account nothing of a private document", async () => {
    expect((await as(bob).bank.search({ q: "LSM" })).total).toBe(0);
    expect((await as(bob).bank.facets({})).documents).toEqual([]);
  });
});

describe("what a question is found by", () => {
  // Imported inside the test, so that the search text built at import counts as this test's code.
  it("finds a question by every part of it, each part a word of its own", async () => {
    const doc = [
      "# Findable",
      "",
      "## Sectionword",
      "",
      "### Interview Question 1: Titleword",
      "",
      "**Question:** How do you find everything?",
      "",
      "**Difficulty:** Difficultyword",
      "**Role:** Roleword",
      "**Level:** Levelword",
      "**Companies:** Companyword",
      "**Tags:** Tagword",
      "",
      "Contextword is the scenario.",
      "",
      "**Answer:** Answerword explains it.",
      "",
      "**Key points:**",
      "- Keypointword",
      "",
      "**What this question tests:**",
      "- Criterionword: Lookforword",
      "",
      "**Red flags:**",
      "- Redflagword",
      "",
      "**Follow-up:** What about followupword?",
      "**Answer:** Followanswerword.",
      "**Testing:** Followlookforword",
      "",
    ].join("\n");
    const cy = await createAccount(database.db, "Cy");
    const [result] = await as(cy).bank.import({ files: [{ name: "findable.md", encoding: "text", content: doc }] });
    expect(result).toMatchObject({ ok: true, outcome: { questions: 1 } });
    const words = ["Sectionword", "Titleword", "Difficultyword", "Roleword", "Levelword", "Companyword", "Tagword", "Answerword"];
    words.push("Keypointword", "Criterionword", "Lookforword", "Redflagword", "followupword", "Followanswerword", "Followlookforword");
    const found: Record<string, number> = {};
    for (const word of words) found[word] = (await as(cy).bank.search({ q: word })).total;
    expect(found).toEqual(Object.fromEntries(words.map((word) => [word, 1])));
  });
});

describe("bank facets, in process", () => {
  it("counts what the reader may filter by, leaving out the document's own title as a section", async () => {
    const facets = await as(ada).bank.facets({});
    expect(facets.documents).toEqual([expect.objectContaining({ title: "Storage engines", sourceFile: "storage.md", shared: false, count: 3 })]);
    expect(facets.sections).toEqual([
      { value: "Write path", count: 2 },
      { value: "Read path", count: 1 },
    ]);
    expect(facets.difficulties).toEqual([
      { value: "Hard", count: 1 },
      { value: "Medium", count: 2 },
    ]);
    expect(facets.tags).toEqual([
      { value: "storage", count: 2 },
      { value: "databases", count: 1 },
      { value: "probabilistic", count: 1 },
    ]);
    const inDocument = await as(ada).bank.facets({ documentId: facets.documents[0]!.id });
    expect(inDocument.tags).toEqual(facets.tags);
    expect((await as(ada).bank.facets({ documentId: "another-document" })).tags).toEqual([]);
  });
});

describe("importing files from disk", () => {
  it("imports good files as shared documents and reports each bad one without stopping", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bank-paths-"));
    await writeFile(path.join(dir, "b-good.md"), STORAGE.replace("Storage engines", "Shared storage"));
    await writeFile(path.join(dir, "a-empty.md"), "");
    await writeFile(path.join(dir, "notes.pdf"), "%PDF");
    await mkdir(path.join(dir, "c-folder.md"));
    const huge = path.join(dir, "d-huge.md");
    await writeFile(huge, "");
    await truncate(huge, 5 * 1024 * 1024 + 1);
    const files = await bankFilesIn(dir);
    expect(files.map((f) => path.basename(f))).toEqual(["a-empty.md", "b-good.md", "c-folder.md", "d-huge.md"]);
    const results = await importBankPaths(database.db, [...files, path.join(dir, "missing.md")]);
    expect(results.map((r) => (r.ok ? `ok ${r.outcome.status}` : r.message))).toEqual([
      expect.stringMatching(/a-empty\.md is empty/),
      "ok created",
      `${path.join(dir, "c-folder.md")} cannot be read (it is a folder).`,
      expect.stringMatching(/d-huge\.md is 5\.0 MB; question banks are limited to 5 MB\./),
      `${path.join(dir, "missing.md")} cannot be read (no such file).`,
    ]);
    const good = results[1];
    expect(good?.ok && good.outcome).toMatchObject({ questions: 3, followUps: 1 });
    expect((await as(bob).bank.search({ q: "bloom" })).items).toEqual([expect.objectContaining({ documentTitle: "Shared storage", shared: true })]);
    expect(await bankFilesIn(path.join(dir, "no-such-folder"))).toEqual([]);
    const again = await importBankPaths(database.db, [path.join(dir, "b-good.md")]);
    expect(again[0]?.ok && again[0].outcome.status).toBe("unchanged");
  });

  it("describes each outcome in words", () => {
    const base = {
      sourceFile: "x.md",
      documentId: "d",
      title: "X",
      questions: 3,
      followUps: 1,
      rubricCriteria: 5,
      added: 1,
      updated: 2,
      removed: 0,
      retired: 0,
    };
    expect(describeOutcome({ ...base, status: "created" })).toBe("created (3 questions, 1 follow-ups, 5 rubric criteria)");
    expect(describeOutcome({ ...base, status: "unchanged" })).toBe("unchanged (3 questions, 1 follow-ups, 5 rubric criteria)");
    expect(describeOutcome({ ...base, status: "updated" })).toBe("updated: 2 updated, 1 added, 0 removed (3 questions, 1 follow-ups, 5 rubric criteria)");
    expect(describeOutcome({ ...base, status: "updated", retired: 1 })).toBe(
      "updated: 2 updated, 1 added, 0 removed, 1 retired (used by a template) (3 questions, 1 follow-ups, 5 rubric criteria)",
    );
  });
});

describe("interning plan texts", () => {
  // Sharing itself is invisible to a test (equal strings compare equal); what must hold is that no value changes.
  it("changes no value, at any depth, long or short", () => {
    const long = "A long reference answer that rooms planned from one bank question all hold.";
    const question = (text: string) => ({ id: "q", prompt: "Short", answer: text, keyPoints: [text, "tiny"], nested: { deep: [text] }, n: 3, none: null });
    const a = internQuestion(question(long) as unknown as QuestionSnapshot) as unknown as ReturnType<typeof question>;
    const b = internQuestion(question(`${long.slice(0, 10)}${long.slice(10)}`) as unknown as QuestionSnapshot) as unknown as ReturnType<typeof question>;
    expect(b).toEqual(question(long));
    expect(a).toEqual(b);
  });
});
