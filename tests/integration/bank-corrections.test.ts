import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionSnapshotSchema } from "@/server/domain/room/room-state";
import type { BankQuestion } from "@/server/bank/bank-format";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, databaseDigest, signedIn } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";

/**
 * Correcting a question through the public surface (tRPC over HTTP on the real app, each procedure with its
 * input schema): on the import review (bank.preview, bank.previewCorrection, bank.import with corrections)
 * and in the question editor (bank.updateQuestion). Every field the importer fills is corrected and stored as
 * written; what was derived from a corrected field follows it; a planned interview carries the corrected
 * question into the room.
 */

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let ada: HttpSession["trpc"];

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  ada = (await signedIn(app.url, await createAccount(db, "Ada"))).trpc;
});

afterAll(async () => {
  await app.kill();
  await db.$disconnect();
});

const note = (name: string) => readFile(`tests/fixtures/bank/${name}`, "utf8");

/** Every field as the review and the editor show it, the way they send a correction. */
const asShown = (q: BankQuestion) => ({
  prompt: q.prompt,
  context: q.context,
  answer: q.answer,
  keyPoints: q.keyPoints,
  redFlags: q.redFlags,
  difficulty: q.meta.difficulty,
  tags: q.meta.tags,
  followUps: q.followUps,
  rubric: q.rubric,
  code: q.code,
});

async function previewOf(name: string) {
  const [result] = await ada.bank.preview.mutate({ files: [{ name, encoding: "text", content: await note(name) }] });
  if (!result?.ok) throw new Error(`preview failed: ${JSON.stringify(result)}`);
  return result.document;
}

describe("a correction on the import review", () => {
  it("is shown as importing will store it, key points' criterion following corrected key points, and is stored so", async () => {
    const document = await previewOf("two-sum-note.md");
    const [question] = document.questions;
    if (!question) throw new Error("no question");
    const keyPoints = ["Hash map from value to index", "Look up target minus the number before storing it"];
    const shown = await ada.bank.previewCorrection.mutate({
      document,
      question,
      correction: { ...asShown(question), keyPoints, redFlags: ["Sorts and loses the indices"], difficulty: "Easy", tags: ["arrays", "hashing"] },
    });
    expect(shown).toMatchObject({ keyPoints, redFlags: ["Sorts and loses the indices"], meta: { difficulty: "Easy", tags: ["arrays", "hashing"] } });
    expect(shown.rubric).toEqual([{ title: "Key points", lookFor: keyPoints, competency: expect.any(String) }]);

    const [imported] = await ada.bank.import.mutate({
      files: [{ name: "two-sum-note.md", encoding: "text", content: await note("two-sum-note.md"), corrections: [{ key: question.key, ...asShown(shown) }] }],
    });
    if (!imported?.ok) throw new Error(`import failed: ${JSON.stringify(imported)}`);
    const [exported] = await ada.bank.export.query({ documentId: imported.outcome.documentId });
    expect(exported?.questions).toEqual([shown]);
    const found = await ada.bank.search.query({ q: "hashing" });
    expect(found.items.map((i) => i.prompt)).toContain("Two Sum");
  });

  it("refuses a field the schema does not take, and writes nothing", async () => {
    const document = await previewOf("two-sum-note.md");
    const [question] = document.questions;
    if (!question) throw new Error("no question");
    const before = await databaseDigest(db);
    await expect(
      ada.bank.previewCorrection.mutate({ document, question, correction: { ...asShown(question), keyPoints: ["fine", "  "] } }),
    ).rejects.toMatchObject({ data: { appCode: "BAD_REQUEST" } });
    const [refused] = await ada.bank.import
      .mutate({
        files: [
          {
            name: "refused.md",
            encoding: "text",
            content: await note("two-sum-note.md"),
            corrections: [{ key: question.key, ...asShown(question), rubric: [{ title: "Depth", lookFor: [], competency: "no-such-competency" }] }],
          },
        ],
      })
      .catch((error: unknown) => [error]);
    expect(refused).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await databaseDigest(db)).toBe(before);
  });
});

describe("a correction in the question editor", () => {
  it("stores the answer, and the rubric and key points the importer made from it follow", async () => {
    const [imported] = await ada.bank.import.mutate({
      files: [{ name: "follow-ups-after-answer.md", encoding: "text", content: await note("follow-ups-after-answer.md") }],
    });
    if (!imported?.ok) throw new Error("import failed");
    const row = await db.bankQuestion.findFirstOrThrow({ where: { documentId: imported.outcome.documentId, position: 0 } });
    const stored = await ada.bank.question.query({ id: row.id });
    expect(stored.rubric[0]?.title).toBe("Covers the reference answer");

    const answer = "Use a sliding window per API key in Redis.\n\n- Count requests per key and window\n- Answer 429 with Retry-After when over the limit";
    const edited = await ada.bank.updateQuestion.mutate({ id: row.id, ...asShown(stored), answer, context: "The API is public and has paying tiers." });
    expect(edited).toMatchObject({
      answer,
      context: "The API is public and has paying tiers.",
      key: stored.key,
      followUps: stored.followUps,
      redFlags: stored.redFlags,
    });
    expect(edited.rubric.map((c) => [c.title, c.lookFor])).toEqual([
      ["Key points", ["Count requests per key and window", "Answer 429 with Retry-After when over the limit"]],
    ]);
    expect(edited.keyPoints).toEqual(["Count requests per key and window", "Answer 429 with Retry-After when over the limit"]);
    expect((await ada.bank.search.query({ q: "sliding window" })).items[0]?.id).toBe(row.id);
  });

  it("is what a planned interview asks: the room's copy has the corrected key points and answer", async () => {
    const [imported] = await ada.bank.import.mutate({ files: [{ name: "label-bullets.md", encoding: "text", content: await note("label-bullets.md") }] });
    if (!imported?.ok) throw new Error("import failed");
    const row = await db.bankQuestion.findFirstOrThrow({ where: { documentId: imported.outcome.documentId, position: 0 } });
    const stored = await ada.bank.question.query({ id: row.id });
    const keyPoints = ["Producer and consumer scale on their own", "Bursts wait in the queue"];
    await ada.bank.updateQuestion.mutate({ id: row.id, ...asShown(stored), keyPoints, answer: "Decoupling in time and in load." });

    const { id: sessionId } = await ada.interview.create.mutate({ title: "Queues", items: [{ bankQuestionId: row.id, timeBoxSec: 600 }] });
    const asked = await db.sessionQuestion.findFirstOrThrow({ where: { sessionId } });
    const snapshot = questionSnapshotSchema.parse({ ...(asked.snapshot as object), id: asked.id, position: asked.position, timeBoxSec: asked.timeBoxSec });
    expect(snapshot).toMatchObject({ keyPoints, answer: "Decoupling in time and in load.", redFlags: stored.redFlags });
    expect(snapshot.rubric.map((c) => [c.title, c.lookFor])).toEqual([["Key points", keyPoints]]);
  });
});
