import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankFilesIn, importBankPaths } from "@/server/services/bank/import-paths";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, interviewOf, signedIn } from "../support/fixtures";
import { HttpSession } from "../support/http-session";

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let member: HttpSession["trpc"];
let guest: HttpSession["trpc"];

afterAll(async () => {
  await app.kill();
  await db.$disconnect();
});

const SMALL_DOC = `# Storage engines

## 1. How does an LSM tree absorb writes?

**Difficulty:** Hard
**Tags:** storage, databases

Writes land in a memtable, are flushed to sorted runs, and compaction merges them; the xylophone heuristic decides when.

### Follow-up: What does compaction cost?

Write amplification.
`;

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  const ada = await createAccount(db, "Ada");
  member = (await signedIn(app.url, ada)).trpc;
  const { candidateToken } = await interviewOf(db, ada, await createAccount(db, "Obi"), "api");
  const guestSession = new HttpSession(app.url);
  await guestSession.guestSignIn("Guest", candidateToken);
  guest = guestSession.trpc;
  await importBankPaths(db, await bankFilesIn(path.resolve("content/banks")));
});

describe("bank API", () => {
  it("finds a question by a word that only its answer contains, ranked first", async () => {
    const [result] = await member.bank.import.mutate({ files: [{ name: "storage.md", encoding: "text", content: SMALL_DOC }] });
    expect(result).toMatchObject({ ok: true, outcome: { status: "created", questions: 1, followUps: 1 } });
    const found = await member.bank.search.query({ q: "xylophone" });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ prompt: "How does an LSM tree absorb writes?", documentTitle: "Storage engines", followUpCount: 1 });
    expect(found.items[0]?.rubricCount).toBeGreaterThan(0);
  });

  it("searches the seeds with websearch syntax, ranks prompt matches first, and pages", async () => {
    const first = await member.bank.search.query({ q: "websocket", limit: 2 });
    expect(first.total).toBeGreaterThan(2);
    expect(first.items).toHaveLength(2);
    expect(first.items[0]?.prompt.toLowerCase()).toContain("websocket");
    expect(first.nextCursor).toBe("2");
    const second = await member.bank.search.query({ q: "websocket", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
    expect((await member.bank.search.query({ q: '"monotonic time"' })).total).toBeGreaterThan(0);
    expect((await member.bank.search.query({ q: "the a of" })).total).toBe(0);
  });

  it("filters by document, section, difficulty and tag, with facets that match", async () => {
    const facets = await member.bank.facets.query();
    expect(facets.documents.length).toBeGreaterThanOrEqual(5);
    const doc = facets.documents.find((d) => d.sourceFile === "1-senior-gotcha-questions.txt");
    expect(doc?.count).toBe(10);
    const inDoc = await member.bank.search.query({ documentId: doc?.id, limit: 50 });
    expect(inDoc.total).toBe(10);
    for (const facet of [facets.difficulties[0], facets.tags[0], facets.sections[0]]) expect(facet?.count).toBeGreaterThan(0);
    const difficulty = facets.difficulties[0];
    if (difficulty) expect((await member.bank.search.query({ difficulty: difficulty.value, limit: 50 })).total).toBe(difficulty.count);
    const tag = facets.tags[0];
    if (tag) expect((await member.bank.search.query({ tag: tag.value, limit: 50 })).total).toBe(tag.count);
    const section = facets.sections[0];
    if (section) expect((await member.bank.search.query({ section: section.value, limit: 50 })).total).toBe(section.count);
  });

  it("returns a whole question; a shared one is read-only, and a correction of one's own copy keeps its key", async () => {
    const shared = (await member.bank.search.query({ q: "server restarts websocket" })).items[0];
    if (!shared) throw new Error("no hit");
    const original = await member.bank.question.query({ id: shared.id });
    expect(original.rubric.length).toBeGreaterThan(0);
    expect(original.document).toMatchObject({ ownerId: null, sourceFile: expect.stringMatching(/\.txt$/) });
    const correction = { prompt: "Changed?", followUps: [], rubric: [{ title: "T", lookFor: [] }] };
    await expect(member.bank.updateQuestion.mutate({ id: shared.id, ...correction })).rejects.toMatchObject({ data: { appCode: "FORBIDDEN" } });
    expect(await member.bank.question.query({ id: shared.id })).toEqual(original);

    const { documentId } = await member.bank.copyDocument.mutate({ documentId: original.document.id });
    const copy = await db.bankQuestion.findFirstOrThrow({ where: { documentId, key: original.key } });
    const hit = { id: copy.id };
    const question = await member.bank.question.query({ id: hit.id });
    expect(question).toMatchObject({ key: original.key, prompt: original.prompt, document: { id: documentId, ownerId: expect.any(String) } });
    const edited = await member.bank.updateQuestion.mutate({
      id: hit.id,
      prompt: "What happens to your WebSocket connections during a deploy?",
      followUps: [{ prompt: "How do clients find out?", answer: "A close frame with 1012.", lookFor: [] }],
      rubric: [{ title: "Graceful shutdown", lookFor: ["drains connections"] }],
    });
    expect(edited).toMatchObject({ key: question.key, prompt: "What happens to your WebSocket connections during a deploy?", answer: question.answer });
    expect((await member.bank.search.query({ q: "deploy close frame 1012" })).items[0]?.id).toBe(hit.id);
    expect((await member.bank.question.query({ id: shared.id })).prompt).toBe(original.prompt);
    await expect(member.bank.updateQuestion.mutate({ id: hit.id, prompt: " ", followUps: [], rubric: [] })).rejects.toMatchObject({
      data: { appCode: "BAD_REQUEST" },
    });
  });

  it("previews without writing and reports a bad file next to a good one", async () => {
    const before = await db.bankDocument.count();
    const results = await member.bank.preview.mutate({
      files: [
        { name: "notes.md", encoding: "text", content: SMALL_DOC.replace("Storage engines", "Storage notes") },
        { name: "empty.txt", encoding: "text", content: "   " },
      ],
    });
    expect(results[0]).toMatchObject({ ok: true, document: { title: "Storage notes", questions: [{ prompt: "How does an LSM tree absorb writes?" }] } });
    expect(results[1]).toMatchObject({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("whitespace") });
    expect(await db.bankDocument.count()).toBe(before);
  });

  it("refuses guests, a paste over the 5 MB document limit, and a 50 MB request before reading it", async () => {
    await expect(guest.bank.search.query({ q: "websocket" })).rejects.toMatchObject({ data: { appCode: "FORBIDDEN" } });
    await expect(guest.bank.import.mutate({ files: [{ name: "x.md", encoding: "text", content: SMALL_DOC }] })).rejects.toMatchObject({
      data: { appCode: "FORBIDDEN" },
    });
    await expect(member.bank.preview.mutate({ files: [{ name: "paste.md", encoding: "text", content: "a".repeat(8 * 1024 * 1024) }] })).rejects.toMatchObject({
      data: { appCode: "BAD_REQUEST" },
    });
    const huge = await fetch(`${app.url}/api/trpc/bank.preview`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "a".repeat(50 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });

  it("refuses a document that would exhaust memory, answers other requests while it reads, and reads the next file", async () => {
    // Nested one-word bullets: the Markdown parser keeps a few kilobytes per line, so 2 MB of them would take
    // the server's whole heap if they were read in its process.
    const bullets = `# T\n\n10. What?\n${"   * why\n".repeat(220_000)}`;
    const before = await db.bankDocument.count();
    let previewDone = false;
    const preview = member.bank.preview.mutate({ files: [{ name: "bullets.md", encoding: "text", content: bullets }] }).finally(() => (previewDone = true));
    const health = await fetch(`${app.url}/api/health`);
    expect(health.ok).toBe(true);
    expect((await member.bank.search.query({ q: "websocket", limit: 1 })).items).toHaveLength(1);
    expect(previewDone).toBe(false);
    expect(await preview).toEqual([
      { name: "bullets.md", ok: false, code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/^bullets\.md needs more memory .*split it/) },
    ]);
    const [next] = await member.bank.preview.mutate({ files: [{ name: "notes.md", encoding: "text", content: SMALL_DOC }] });
    expect(next).toMatchObject({ ok: true, document: { questions: [{ prompt: "How does an LSM tree absorb writes?" }] } });
    expect(await db.bankDocument.count()).toBe(before);
  });

  it("previews the passages it did not use, imports the ones made questions, and refuses a stale one with nothing written", async () => {
    const notes =
      "# Interview notes\n\nRead these first.\n\n## Caching\n\n### What is a cache stampede?\n\nMany misses at once.\n\n## Scratch\n\nExplain write-behind caching.\nWrites reach the database later, narwhalcode.\n";
    const [preview] = await member.bank.preview.mutate({ files: [{ name: "unused.md", encoding: "text", content: notes }] });
    expect(preview).toMatchObject({
      ok: true,
      report: {
        unused: [
          { line: 3, endLine: 3, excerpt: "Read these first.", prompt: "Read these first." },
          { line: 13, endLine: 14, prompt: "Explain write-behind caching." },
        ],
      },
    });
    const stale = await member.bank.import.mutate({ files: [{ name: "unused.md", encoding: "text", content: notes, passagesAsQuestions: [7] }] });
    expect(stale).toEqual([{ name: "unused.md", ok: false, code: "CONFLICT", message: expect.stringContaining("no unused passage at line 7") }]);
    expect((await member.bank.search.query({ q: "narwhalcode" })).total).toBe(0);
    const [imported] = await member.bank.import.mutate({ files: [{ name: "unused.md", encoding: "text", content: notes, passagesAsQuestions: [13] }] });
    expect(imported).toMatchObject({ ok: true, outcome: { questions: 2 } });
    const found = await member.bank.search.query({ q: "narwhalcode" });
    expect(found.items.map((q) => q.prompt)).toEqual(["Explain write-behind caching."]);
  });
});
