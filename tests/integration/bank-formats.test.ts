import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, signedIn } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";

// PDF, .docx and HTML through the real upload procedures: signed in over HTTP, base64 bytes as the web page sends them.

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let member: HttpSession["trpc"];
let ownerId: string;

const fixture = (name: string) => readFileSync(`tests/fixtures/bank/formats/${name}`).toString("base64");

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  const account = await createAccount(db, "Pat");
  ownerId = account.id;
  member = (await signedIn(app.url, account)).trpc;
});

afterAll(async () => {
  await app.kill();
  await db.$disconnect();
});

const DRILLS = [
  "How does a write-ahead log make a database crash-safe?",
  "Write a function that merges overlapping intervals.",
  "When would you pick an LSM tree over a B-tree?",
];

describe("bank uploads in other formats", () => {
  it("previews a PDF, a .docx and a Google Docs export as questions, and imports them into the uploader's bank", async () => {
    const files = [
      { name: "drills.pdf", content: fixture("interview-drills.pdf") },
      { name: "drills.docx", content: fixture("interview-drills.docx") },
      { name: "networking.html", content: fixture("google-docs-export.html") },
    ];
    const previews = await member.bank.preview.mutate({ files });
    expect(previews.map((p) => p.ok)).toEqual([true, true, true]);
    for (const preview of previews.slice(0, 2)) {
      if (!preview.ok) continue;
      expect(preview.document.questions.map((q) => q.prompt)).toEqual(DRILLS);
      expect(preview.document.questions[0]?.keyPoints).toContain("Replay from the last checkpoint after a crash");
    }
    expect(previews[0]).toMatchObject({ byteSize: readFileSync("tests/fixtures/bank/formats/interview-drills.pdf").length });

    const imported = await member.bank.import.mutate({ files });
    expect(imported.map((r) => r.ok && r.outcome.status)).toEqual(["created", "created", "created"]);
    const found = await member.bank.search.query({ q: "marmoset" });
    expect(found.items.map((i) => i.prompt)).toEqual([DRILLS[0], DRILLS[0]]);
    const stored = await db.bankDocument.findMany({ where: { ownerId }, select: { sourceFile: true }, orderBy: { sourceFile: "asc" } });
    expect(stored.map((d) => d.sourceFile)).toEqual(["drills.docx", "drills.pdf", "networking.html"]);

    // The same file again changes nothing: its converted text is the same.
    const again = await member.bank.import.mutate({ files: [files[0]!] });
    expect(again[0]).toMatchObject({ ok: true, outcome: { status: "unchanged", questions: 3 } });
  });

  it("stores key points corrected on the review of a PDF", async () => {
    const name = "corrected.pdf";
    const [preview] = await member.bank.preview.mutate({ files: [{ name, content: fixture("interview-drills.pdf") }] });
    if (!preview?.ok) throw new Error("the PDF did not preview");
    const question = preview.document.questions[1]!;
    // What the review's editor sends: the whole question as corrected, key points changed.
    const correction = {
      key: question.key,
      prompt: question.prompt,
      followUps: question.followUps.map((f) => ({ prompt: f.prompt, answer: f.answer, lookFor: f.lookFor })),
      rubric: question.rubric.map((c) => ({ title: c.title, lookFor: c.lookFor })),
      keyPoints: ["Sort by start", "One pass after the sort"],
    };
    const [result] = await member.bank.import.mutate({ files: [{ name, content: fixture("interview-drills.pdf"), corrections: [correction] }] });
    expect(result).toMatchObject({ ok: true, outcome: { status: "created" } });
    const row = await db.bankQuestion.findFirst({
      where: { key: question.key, document: { sourceFile: name, ownerId } },
      select: { keyPoints: { select: { text: true }, orderBy: { position: "asc" } } },
    });
    expect(row?.keyPoints.map((k) => k.text)).toEqual(["Sort by start", "One pass after the sort"]);
  });

  it("refuses a scanned PDF and renamed binaries with a sentence, BAD_REQUEST, and stores nothing", async () => {
    const before = await db.bankDocument.count();
    const results = await member.bank.import.mutate({
      files: [
        { name: "scan.pdf", content: fixture("scanned.pdf") },
        { name: "renamed.pdf", content: fixture("interview-drills.docx") },
        { name: "renamed.docx", content: fixture("interview-drills.pdf") },
        { name: "cut.pdf", content: Buffer.from(readFileSync("tests/fixtures/bank/formats/interview-drills.pdf").subarray(0, 4000)).toString("base64") },
      ],
    });
    expect(results).toEqual([
      expect.objectContaining({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("scan.pdf has no text layer (it looks scanned)") }),
      expect.objectContaining({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("renamed.pdf is not a PDF") }),
      expect.objectContaining({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("renamed.docx is not a Word document") }),
      expect.objectContaining({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("cut.pdf could not be read as a PDF") }),
    ]);
    expect(await db.bankDocument.count()).toBe(before);
  });
});
