import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBankDocument } from "@/server/bank/parse-bank-document";
import { importBankDocument } from "@/server/services/bank/import";
import type { CodeSpec } from "@/server/domain/code/code-spec";
import { questionSnapshotSchema } from "@/server/domain/room/room-state";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, signedIn } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";

/**
 * A coding question's code spec through the public surface (tRPC over HTTP on the real app): filled by
 * the importer, corrected on the import review and in the question editor, exported as it was imported,
 * and copied into an interview's plan when it is planned.
 */

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let ada: HttpSession["trpc"];
let bea: HttpSession["trpc"];

const FIXTURE = "tests/fixtures/bank/leetcode-python-js.md";
const fixture = () => readFile(FIXTURE, "utf8");

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  ada = (await signedIn(app.url, await createAccount(db, "Ada"))).trpc;
  bea = (await signedIn(app.url, await createAccount(db, "Bea"))).trpc;
});

afterAll(async () => {
  await app.kill();
  await db.$disconnect();
});

/** Imports the fixture into the caller's bank under `name` and returns its Two Sum question as the bank gives it. */
async function twoSumOf(trpc: HttpSession["trpc"], name: string) {
  const [result] = await trpc.bank.import.mutate({ files: [{ name, encoding: "text", content: await fixture() }] });
  if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);
  const row = await db.bankQuestion.findFirstOrThrow({ where: { documentId: result.outcome.documentId, prompt: "Two Sum" } });
  return trpc.bank.question.query({ id: row.id });
}

const correctionOf = (question: Awaited<ReturnType<typeof twoSumOf>>) => ({
  id: question.id,
  prompt: question.prompt,
  followUps: question.followUps,
  rubric: question.rubric,
});

const spec = (patch: Partial<CodeSpec> = {}): CodeSpec => ({
  language: "javascript",
  starterCode: "function add(a, b) {\n\n}\n",
  entry: "add",
  tests: [{ name: "small", input: "[1, 2]", expected: "3" }],
  ...patch,
});

describe("a question's code, in the bank", () => {
  it("is imported from a write-up, stored as JSON (SQL NULL when none), and exported exactly as parsed", async () => {
    const twoSum = await twoSumOf(ada, "leetcode.md");
    expect(twoSum.code).toMatchObject({ language: "python", entry: "twoSum", tests: [{ input: "[[2,7,11,15],9]", expected: "[0,1]" }, { name: "Example 2" }] });
    expect(twoSum.answer).toContain("seen[n] = i");
    expect(twoSum.code?.starterCode).not.toContain("seen");

    const stored = await db.$queryRaw<Array<{ prompt: string; code: unknown }>>`
      SELECT "prompt", "code" FROM "BankQuestion" WHERE "documentId" = ${twoSum.document.id} ORDER BY "position"`;
    expect(stored.find((row) => row.prompt === "Two Sum")?.code).toEqual(twoSum.code);

    const [exported] = await ada.bank.export.query({ documentId: twoSum.document.id });
    const parsed = parseBankDocument({ bytes: new TextEncoder().encode(await fixture()), sourceFile: "leetcode.md" });
    expect(exported).toEqual(parsed);
    expect(parsed.questions.filter((q) => q.code !== null)).toHaveLength(3);

    const notes =
      "# Storage notes\n\n## 1. What is a B-tree?\n\n**Difficulty:** Easy\n\nA balanced tree.\n\n## 2. What is an LSM tree?\n\n**Difficulty:** Hard\n\nSorted runs.\n";
    const [plain] = await ada.bank.import.mutate({ files: [{ name: "plain.md", encoding: "text", content: notes }] });
    if (!plain?.ok) throw new Error(`import failed: ${JSON.stringify(plain)}`);
    const nulls = await db.$queryRaw<
      Array<{ isNull: boolean }>
    >`SELECT "code" IS NULL AS "isNull" FROM "BankQuestion" WHERE "documentId" = ${plain.outcome.documentId}`;
    expect(nulls).toEqual([{ isNull: true }, { isNull: true }]);
  });

  it("goes with a shared document copied to one's own bank", async () => {
    const bytes = new TextEncoder().encode(await fixture());
    const shared = parseBankDocument({ bytes, sourceFile: "shared-leetcode.md" });
    const { documentId } = await importBankDocument(db, shared, { byteSize: bytes.length, ownerId: null });
    const copy = await bea.bank.copyDocument.mutate({ documentId });
    const [exported] = await bea.bank.export.query({ documentId: copy.documentId });
    expect(exported?.questions.map((q) => q.code)).toEqual(shared.questions.map((q) => q.code));
    expect(exported?.questions.filter((q) => q.code !== null)).toHaveLength(3);
  });

  it("is set, kept and removed by its owner's correction; limits and unusable tests are refused clearly and write nothing", async () => {
    const question = await twoSumOf(ada, "editable.md");
    const edited = await ada.bank.updateQuestion.mutate({ ...correctionOf(question), code: spec() });
    expect(edited.code).toEqual(spec());
    expect((await ada.bank.search.query({ q: "add", documentId: question.document.id })).items.map((item) => item.id)).toContain(question.id);
    expect((await ada.bank.updateQuestion.mutate(correctionOf(question))).code, "left out, it is kept").toEqual(spec());

    const before = await ada.bank.question.query({ id: question.id });
    const refusals: Array<[CodeSpec, string, string]> = [
      [
        spec({ tests: Array.from({ length: 51 }, (_, i) => ({ name: `t${i}`, input: "[1, 2]", expected: "3" })) }),
        "code.tests",
        "A question has at most 50 test cases.",
      ],
      [
        spec({ tests: [{ name: "big", input: `[${"1,".repeat(5_000)}1]`, expected: "3" }] }),
        "code.tests.0.input",
        "A test's input holds at most 10,000 characters.",
      ],
      [
        spec({ tests: [{ name: "big", input: "[1]", expected: "x".repeat(10_001) }] }),
        "code.tests.0.expected",
        "A test's expected output holds at most 10,000 characters.",
      ],
      [spec({ tests: [{ name: "prose", input: "1 and 2", expected: "3" }] }), "code.tests.0.input", "Test 1's input is the JSON array of the arguments"],
      [spec({ tests: [{ name: "words", input: "[1, 2]", expected: "three" }] }), "code.tests.0.expected", "Test 1's expected value is JSON"],
      [spec({ language: "sql", entry: "add" }), "code.entry", "A SQL question calls no function"],
      [spec({ entry: "two sum" }), "code.entry", "The function to call is a plain identifier"],
    ];
    for (const [code, field, message] of refusals) {
      const refused = ada.bank.updateQuestion.mutate({ ...correctionOf(question), code });
      await expect(refused, field).rejects.toMatchObject({ data: { appCode: "BAD_REQUEST", fieldErrors: { [field]: [expect.stringContaining(message)] } } });
    }
    expect(await ada.bank.question.query({ id: question.id })).toEqual(before);

    await expect(bea.bank.updateQuestion.mutate({ ...correctionOf(question), code: null })).rejects.toMatchObject({ data: { appCode: "NOT_FOUND" } });
    expect((await ada.bank.updateQuestion.mutate({ ...correctionOf(question), code: null })).code).toBeNull();
    const row = await db.$queryRaw<Array<{ isNull: boolean }>>`SELECT "code" IS NULL AS "isNull" FROM "BankQuestion" WHERE "id" = ${question.id}`;
    expect(row).toEqual([{ isNull: true }]);
  });

  it("is corrected on the import review; an unusable correction refuses the file and stores nothing", async () => {
    const content = await fixture();
    const [preview] = await ada.bank.preview.mutate({ files: [{ name: "reviewed.md", encoding: "text", content }] });
    if (!preview?.ok) throw new Error("preview failed");
    const twoSum = preview.document.questions.find((q) => q.prompt === "Two Sum");
    if (!twoSum?.code) throw new Error("no code in the preview");
    const fixed = { ...twoSum.code, tests: [...twoSum.code.tests, { name: "Negative numbers", input: "[[-1,-2,-3],-5]", expected: "[1,2]" }] };
    const correction = { key: twoSum.key, prompt: twoSum.prompt, followUps: twoSum.followUps, rubric: twoSum.rubric };

    const documents = await db.bankDocument.count();
    const [refused] = await ada.bank.import.mutate({
      files: [
        {
          name: "reviewed.md",
          encoding: "text",
          content,
          corrections: [{ ...correction, code: { ...fixed, tests: [{ name: "bad", input: "nums", expected: "[0,1]" }] } }],
        },
      ],
    });
    expect(refused).toMatchObject({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("Test 1's input is the JSON array") });
    expect(await db.bankDocument.count()).toBe(documents);

    const [imported] = await ada.bank.import.mutate({
      files: [{ name: "reviewed.md", encoding: "text", content, corrections: [{ ...correction, code: fixed }] }],
    });
    if (!imported?.ok) throw new Error("import failed");
    const [exported] = await ada.bank.export.query({ documentId: imported.outcome.documentId });
    expect(exported?.questions.find((q) => q.key === twoSum.key)?.code).toEqual(fixed);
    expect(exported?.questions.find((q) => q.prompt === "Climbing Stairs")?.code?.entry).toBe("climbStairs");
  });

  it("is copied into an interview's plan when planned; later edits leave the plan as it was", async () => {
    const question = await twoSumOf(ada, "planned.md");
    const { id: sessionId } = await ada.interview.create.mutate({ title: "Coding", items: [{ bankQuestionId: question.id, timeBoxSec: 1800 }] });
    await ada.bank.updateQuestion.mutate({ ...correctionOf(question), code: spec() });

    const asked = await db.sessionQuestion.findFirstOrThrow({ where: { sessionId } });
    const snapshot = questionSnapshotSchema.parse({ ...(asked.snapshot as object), id: asked.id, position: asked.position, timeBoxSec: asked.timeBoxSec });
    expect(snapshot.code).toEqual(question.code);

    // A plan stored before questions had code reads with none.
    const { code: _code, ...older } = asked.snapshot as Record<string, unknown>;
    expect(questionSnapshotSchema.parse({ ...older, id: asked.id, position: 0, timeBoxSec: null }).code).toBeNull();
  });
});
