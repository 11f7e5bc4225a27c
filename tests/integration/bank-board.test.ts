import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrow, rectangle } from "@/server/domain/board/test-elements";
import { boardText } from "@/server/domain/room/test-fixtures";
import { boardOf } from "@/server/domain/board/board";
import type { BoardElement } from "@/server/domain/board/board-element";
import type { CandidateView } from "@/server/domain/room";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, signedIn, tokenOf } from "../support/fixtures";
import { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

/**
 * A question's starting diagram through the public surface (tRPC over HTTP and the room's socket on the
 * real app): read from a document's excalidraw block on import, exported, set and removed by its owner's
 * correction, copied into an interview's plan, and on the candidate's whiteboard once the question is asked.
 */

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let ada: HttpSession["trpc"];
let adaCookie: string;
let bea: HttpSession["trpc"];
const clients: RoomClient[] = [];

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  const adaSession = await signedIn(app.url, await createAccount(db, "Ada"));
  ada = adaSession.trpc;
  adaCookie = adaSession.cookieHeader();
  bea = (await signedIn(app.url, await createAccount(db, "Bea"))).trpc;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await app.kill();
  await db.$disconnect();
});

const DIAGRAM: BoardElement[] = [
  rectangle({ id: "api", x: 0, y: 0, index: "a0" }),
  arrow({ id: "call", x: 100, y: 30, index: "a1" }),
  { ...boardText("label", "CURRENT_ARCHITECTURE", 1), index: "a2" },
];

/** A design question whose statement carries the diagram as Excalidraw's clipboard JSON, and one without. */
function document(elements: unknown = DIAGRAM): string {
  const clipboard = JSON.stringify({ type: "excalidraw/clipboard", elements, files: {} }, null, 2);
  return [
    "# Scaling notes",
    "",
    "## 1. What breaks at 10x?",
    "",
    "Here is the current architecture.",
    "",
    "```excalidraw",
    clipboard,
    "```",
    "",
    "**Answer:** The single database.",
    "",
    "## 2. How would you cache the feed?",
    "",
    "**Answer:** Per user, in Redis.",
    "",
  ].join("\n");
}

async function imported(name: string, content = document()) {
  const [result] = await ada.bank.import.mutate({ files: [{ name, encoding: "text", content }] });
  if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);
  const rows = await db.bankQuestion.findMany({ where: { documentId: result.outcome.documentId }, orderBy: { position: "asc" } });
  return { documentId: result.outcome.documentId, design: await ada.bank.question.query({ id: rows[0]!.id }), plain: rows[1]! };
}

describe("a question's starting diagram", () => {
  it("is read from an excalidraw block in a question's statement, stored as JSON (SQL NULL when none) and exported", async () => {
    const { documentId, design, plain } = await imported("scaling.md");
    expect(design.board).toEqual(DIAGRAM);
    expect(design.context).toBe("Here is the current architecture.");
    const stored = await db.$queryRaw<Array<{ board: unknown; isNull: boolean }>>`
      SELECT "board", "board" IS NULL AS "isNull" FROM "BankQuestion" WHERE "documentId" = ${documentId} ORDER BY "position"`;
    expect(stored).toEqual([
      { board: DIAGRAM, isNull: false },
      { board: null, isNull: true },
    ]);
    const [exported] = await ada.bank.export.query({ documentId });
    expect(exported?.questions[0]?.board).toEqual(DIAGRAM);
    expect(exported?.questions[1]?.board).toBeUndefined();
    expect(JSON.stringify(exported).match(/"board"/g)).toHaveLength(1);
    expect((await ada.bank.question.query({ id: plain.id })).board).toBeUndefined();
  });

  it("refuses a document whose block is not a diagram the whiteboard takes, saying where and why, and stores nothing", async () => {
    const documents = await db.bankDocument.count();
    const image = [{ ...DIAGRAM[0], id: "photo", type: "image", fileId: "f1" }];
    const [refused] = await ada.bank.import.mutate({ files: [{ name: "image.md", encoding: "text", content: document(image) }] });
    expect(refused).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^image\.md, line 3 \(“What breaks at 10x\?”\): .*element 1 \(type\)/),
    });
    const [preview] = await ada.bank.preview.mutate({
      files: [{ name: "broken.md", encoding: "text", content: document().replace('"elements"', '"elements" ,,') }],
    });
    expect(preview).toMatchObject({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("is not JSON") });
    expect(await db.bankDocument.count()).toBe(documents);
  });

  it("is set, kept and removed by its owner's correction; a bad element is refused by field and writes nothing", async () => {
    const { design } = await imported("editable.md");
    const correction = { id: design.id, prompt: design.prompt, followUps: design.followUps, rubric: design.rubric };
    const redrawn = [rectangle({ id: "cache", x: 40, y: 40, index: "a0" })];
    expect((await ada.bank.updateQuestion.mutate({ ...correction, board: redrawn })).board).toEqual(redrawn);
    expect((await ada.bank.updateQuestion.mutate(correction)).board, "left out, it is kept").toEqual(redrawn);

    const before = await ada.bank.question.query({ id: design.id });
    const bad = [{ ...redrawn[0]!, strokeColor: "url(javascript:alert(1))" }];
    await expect(ada.bank.updateQuestion.mutate({ ...correction, board: bad })).rejects.toMatchObject({
      data: { appCode: "BAD_REQUEST", fieldErrors: { "board.0.strokeColor": ["is not a colour"] } },
    });
    await expect(bea.bank.updateQuestion.mutate({ ...correction, board: null })).rejects.toMatchObject({ data: { appCode: "NOT_FOUND" } });
    expect(await ada.bank.question.query({ id: design.id })).toEqual(before);

    expect((await ada.bank.updateQuestion.mutate({ ...correction, board: null })).board).toBeUndefined();
    const row = await db.$queryRaw<Array<{ isNull: boolean }>>`SELECT "board" IS NULL AS "isNull" FROM "BankQuestion" WHERE "id" = ${design.id}`;
    expect(row).toEqual([{ isNull: true }]);
  });

  it("is copied into an interview's plan, and is on the candidate's whiteboard once the question is asked, not before", async () => {
    const { design, plain } = await imported("planned.md");
    const { id: sessionId } = await ada.interview.create.mutate({
      title: "Design",
      items: [
        { bankQuestionId: plain.id, timeBoxSec: 600 },
        { bankQuestionId: design.id, timeBoxSec: 600 },
      ],
    });
    // A later edit of the bank leaves the plan as it was.
    await ada.bank.updateQuestion.mutate({ id: design.id, prompt: design.prompt, followUps: design.followUps, rubric: design.rubric, board: null });

    const invite = await ada.interview.createInvite.mutate({ sessionId, role: "CANDIDATE" });
    const cody = new HttpSession(app.url);
    expect(await cody.guestSignIn("Cody", tokenOf(invite.url))).toBeNull();
    const iris = new RoomClient(app.url, adaCookie, sessionId);
    const candidate = new RoomClient(app.url, cody.cookieHeader(), sessionId);
    clients.push(iris, candidate);
    await Promise.all([iris.joined(), candidate.joined()]);

    expect(await iris.send({ type: "start" })).toMatchObject({ ok: true });
    await candidate.until((view) => view.status === "live");
    expect(JSON.stringify(candidate.view)).not.toContain("CURRENT_ARCHITECTURE");

    expect(await iris.send({ type: "nextQuestion", fromQuestionId: (candidate.view as CandidateView).current!.id })).toMatchObject({ ok: true });
    const asked = (await candidate.until((view) => (view as CandidateView).current?.position === 1)) as CandidateView;
    expect(asked.current?.board).toEqual(boardOf(DIAGRAM));
    // A fresh join builds the same board from the plan.
    const rejoined = new RoomClient(app.url, cody.cookieHeader(), sessionId);
    clients.push(rejoined);
    await rejoined.joined();
    expect((rejoined.view as CandidateView).current?.board).toEqual(boardOf(DIAGRAM));
  });
});
