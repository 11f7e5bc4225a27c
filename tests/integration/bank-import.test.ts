import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBankDocument } from "@/server/bank/parse-bank-document";
import type { BankDocument } from "@/server/bank/bank-format";
import { SHARED_BANK_SCOPE } from "@/server/domain/bank/policy";
import { exportBank } from "@/server/services/bank/export";
import { importBankDocument } from "@/server/services/bank/import";
import { bankFilesIn, importBankPaths } from "@/server/services/bank/import-paths";
import { loadBankQuestionsForSnapshot } from "@/server/services/bank/snapshot";
import { importBankFiles } from "@/server/services/bank/upload";
import { BankReader } from "@/server/services/bank/reader/bank-reader";
import { updateBankQuestion } from "@/server/services/bank/edit-question";
import { fileDatabase } from "../support/db";

const { db } = await fileDatabase();
const reader = new BankReader();
afterAll(() => Promise.all([db.$disconnect(), reader.close()]));

const SEEDS = path.resolve("content/banks");

function markdown(name: string, body: string): { bytes: Uint8Array; document: BankDocument } {
  const bytes = new TextEncoder().encode(body);
  return { bytes, document: parseBankDocument({ bytes, sourceFile: name }) };
}

const VERSION_ONE = `# Caching interview

## 1. How would you invalidate a cache?

Use write-through for hot keys and a short TTL elsewhere; the quokka pattern keeps stale reads bounded.

### Follow-up: What about thundering herds?

Request coalescing.

## 2. What is a CDN for?

Serving static assets close to users.

## 3. Why is naming hard?

Because meaning drifts.
`;

// Question 1's answer changes, question 2 is gone, question 4 is new.
const VERSION_TWO = `# Caching interview

## 1. How would you invalidate a cache?

Use write-through for hot keys, versioned keys for bulk changes, and a short TTL elsewhere.

### Follow-up: What about thundering herds?

Request coalescing and jittered expiry.

## 3. Why is naming hard?

Because meaning drifts.

## 4. When is a cache harmful?

When the hit rate is low and invalidation is complex.
`;

async function documentRows(sourceFile: string) {
  return db.bankDocument.findFirst({
    where: { sourceFile, ownerId: null },
    include: { questions: { orderBy: { position: "asc" }, include: { followUps: true, rubric: true } } },
  });
}

describe("bank import: the five seeds", () => {
  let seedFiles: string[];
  beforeAll(async () => {
    seedFiles = await bankFilesIn(SEEDS);
  });

  it("imports every seed with the counts the parser found", async () => {
    expect(seedFiles).toHaveLength(5);
    const results = await importBankPaths(db, seedFiles);
    for (const [index, result] of results.entries()) {
      if (!result.ok) throw new Error(result.message);
      const parsed = parseBankDocument({ bytes: await readFile(seedFiles[index] ?? ""), sourceFile: path.basename(seedFiles[index] ?? "") });
      expect(result.outcome).toMatchObject({
        status: "created",
        questions: parsed.questions.length,
        followUps: parsed.questions.reduce((sum, q) => sum + q.followUps.length, 0),
        rubricCriteria: parsed.questions.reduce((sum, q) => sum + q.rubric.length, 0),
      });
      const stored = await db.bankQuestion.count({ where: { documentId: result.outcome.documentId } });
      expect(stored).toBe(parsed.questions.length);
    }
    const first = results[0];
    expect(first?.ok && first.outcome.questions).toBe(10);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await db.bankQuestion.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
    const results = await importBankPaths(db, seedFiles);
    expect(results.map((r) => r.ok && r.outcome.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(await db.bankQuestion.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("exports exactly what was imported (every field of the interchange format)", async () => {
    const exported = await exportBank(db, SHARED_BANK_SCOPE);
    for (const file of seedFiles) {
      const parsed = parseBankDocument({ bytes: await readFile(file), sourceFile: path.basename(file) });
      expect(exported.find((doc) => doc.sourceFile === parsed.sourceFile)).toEqual(parsed);
    }
  });
});

describe("bank import: a new version of a document", () => {
  it("updates questions in place, keeps their ids, and leaves interview snapshots alone", async () => {
    const v1 = markdown("caching.md", VERSION_ONE);
    const created = await importBankDocument(db, v1.document, { byteSize: v1.bytes.length, ownerId: null });
    expect(created).toMatchObject({ status: "created", questions: 3 });
    const before = await documentRows("caching.md");
    const invalidate = before?.questions[0];
    expect(invalidate?.prompt).toBe("How would you invalidate a cache?");
    if (!invalidate) throw new Error("missing question");

    const owner = await db.user.create({ data: { name: "Interviewer", email: `bank-${crypto.randomUUID()}@example.com` } });
    const [snapshot] = await loadBankQuestionsForSnapshot(db, SHARED_BANK_SCOPE, [invalidate.id]);
    if (!snapshot) throw new Error("missing snapshot");
    const session = await db.interviewSession.create({
      data: { title: "Caching", createdById: owner.id, questions: { create: { position: 0, bankQuestionId: invalidate.id, snapshot } } },
      include: { questions: true },
    });

    const v2 = markdown("caching.md", VERSION_TWO);
    const updated = await importBankDocument(db, v2.document, { byteSize: v2.bytes.length, ownerId: null });
    expect(updated).toMatchObject({ status: "updated", documentId: created.documentId, questions: 3, updated: 2, added: 1, removed: 1 });

    const after = await documentRows("caching.md");
    expect(after?.questions.map((q) => q.prompt)).toEqual(["How would you invalidate a cache?", "Why is naming hard?", "When is a cache harmful?"]);
    expect(after?.questions[0]?.id).toBe(invalidate.id);
    expect(after?.questions[0]?.answer).toContain("versioned keys");
    expect(after?.questions[0]?.followUps[0]?.answer).toContain("jittered expiry");
    expect(after?.questions[1]?.id).toBe(before?.questions[2]?.id);

    const asked = await db.sessionQuestion.findUniqueOrThrow({ where: { id: session.questions[0]?.id ?? "" } });
    expect(asked.snapshot).toEqual(session.questions[0]?.snapshot);
    expect(JSON.stringify(asked.snapshot)).toContain("quokka pattern");
    expect(asked.bankQuestionId).toBe(invalidate.id);

    expect((await exportBank(db, SHARED_BANK_SCOPE)).find((doc) => doc.sourceFile === "caching.md")).toEqual(v2.document);
  });

  it("retires instead of deleting a dropped question that an interview template uses", async () => {
    const v1 = markdown("templated.md", VERSION_ONE);
    await importBankDocument(db, v1.document, { byteSize: v1.bytes.length, ownerId: null });
    const cdn = await db.bankQuestion.findFirstOrThrow({ where: { document: { sourceFile: "templated.md" }, prompt: "What is a CDN for?" } });
    const owner = await db.user.create({ data: { name: "Planner", email: `tpl-${crypto.randomUUID()}@example.com` } });
    await db.interviewTemplate.create({ data: { ownerId: owner.id, title: "Basics", items: { create: { position: 0, bankQuestionId: cdn.id } } } });

    const v2 = markdown("templated.md", VERSION_TWO);
    expect(await importBankDocument(db, v2.document, { byteSize: v2.bytes.length, ownerId: null })).toMatchObject({ removed: 0, retired: 1 });
    expect((await db.bankQuestion.findUniqueOrThrow({ where: { id: cdn.id } })).retiredAt).not.toBeNull();
    expect((await exportBank(db, SHARED_BANK_SCOPE)).find((doc) => doc.sourceFile === "templated.md")?.questions).toHaveLength(3);

    await importBankDocument(db, v1.document, { byteSize: v1.bytes.length, ownerId: null });
    expect((await db.bankQuestion.findUniqueOrThrow({ where: { id: cdn.id } })).retiredAt).toBeNull();
  });

  it("keeps a correction made in the app when the unchanged file is imported again", async () => {
    const v1 = markdown("corrected.md", VERSION_ONE);
    const owner = await db.user.create({ data: { name: "Owner", email: `own-${crypto.randomUUID()}@example.com` } });
    const mine = { byteSize: v1.bytes.length, ownerId: owner.id };
    await importBankDocument(db, v1.document, mine);
    const question = await db.bankQuestion.findFirstOrThrow({ where: { document: { sourceFile: "corrected.md", ownerId: owner.id }, position: 0 } });
    await updateBankQuestion(db, { id: owner.id, isGuest: false }, question.id, {
      prompt: "How would you invalidate a distributed cache?",
      followUps: [{ prompt: "And across regions?", answer: null, lookFor: ["replication lag"] }],
      rubric: [{ title: "Invalidation strategy", lookFor: ["write-through", "TTL"] }],
    });
    expect(await importBankDocument(db, v1.document, mine)).toMatchObject({ status: "unchanged" });
    const stored = await db.bankQuestion.findUniqueOrThrow({ where: { id: question.id }, include: { followUps: true, rubric: true } });
    expect(stored).toMatchObject({ key: question.key, prompt: "How would you invalidate a distributed cache?" });
    expect(stored.followUps.map((f) => f.prompt)).toEqual(["And across regions?"]);
    expect(stored.rubric.map((c) => c.title)).toEqual(["Invalidation strategy"]);
  });
});

describe("bank import: failures write nothing", () => {
  it("rolls back the whole document when a write fails half-way", async () => {
    const v1 = markdown("atomic.md", VERSION_ONE);
    await importBankDocument(db, v1.document, { byteSize: v1.bytes.length, ownerId: null });
    const before = await documentRows("atomic.md");

    // A trigger that fails one of the last statements of an import, after the document, its sections and questions were written.
    await db.$executeRawUnsafe(`CREATE FUNCTION fail_bank_write() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_bank_write BEFORE INSERT ON "RubricCriterion" FOR EACH ROW EXECUTE FUNCTION fail_bank_write()`);
    try {
      const v2 = markdown("atomic.md", VERSION_TWO);
      await expect(importBankDocument(db, v2.document, { byteSize: v2.bytes.length, ownerId: null })).rejects.toThrow(/disk full/);
      const fresh = markdown("atomic-new.md", VERSION_TWO);
      await expect(importBankDocument(db, fresh.document, { byteSize: fresh.bytes.length, ownerId: null })).rejects.toThrow(/disk full/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_bank_write ON "RubricCriterion"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_bank_write()`);
    }
    expect(await documentRows("atomic.md")).toEqual(before);
    expect(await documentRows("atomic-new.md")).toBeNull();
  });

  it("reports an empty, a binary, an oversized and an unrecognisable file clearly and stores none of them", async () => {
    const documentsBefore = await db.bankDocument.count();
    const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
    const results = await importBankFiles(
      db,
      reader,
      [
        { name: "empty.md", content: "" },
        { name: "image.md", content: base64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a])) },
        { name: "huge.txt", content: base64(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61)) },
        { name: "prose.md", encoding: "text", content: "Just some notes about my week.\n\nNothing to ask here." },
        { name: "slides.odp", encoding: "text", content: "## 1. What is a queue?\n\nA line." },
        { name: "slides.pdf", encoding: "text", content: "## 1. What is a queue?\n\nA line." },
      ],
      "someone",
    );
    expect(results.map((r) => !r.ok && r.code)).toEqual(["BAD_REQUEST", "BAD_REQUEST", "PAYLOAD_TOO_LARGE", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST"]);
    expect(results.map((r) => !r.ok && r.message)).toEqual([
      expect.stringContaining("empty"),
      expect.stringMatching(/binary|not a text/),
      expect.stringContaining("5 MB"),
      expect.stringContaining("No interview questions"),
      expect.stringContaining("slides.odp is not a file the importer reads: .md, .markdown, .txt, .rst, .adoc, .asciidoc, .org, .html, .htm, .pdf, .docx"),
      expect.stringContaining("slides.pdf is not a PDF"),
    ]);
    expect(await db.bankDocument.count()).toBe(documentsBefore);
  });
});
