import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CandidateView, Command, StaffView } from "@/server/domain/room";
import { DEFAULT_COMPETENCIES } from "@/server/domain/scoring/competency-set";
import { bankFilesIn, importBankPaths } from "@/server/services/bank/import-paths";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, settledDatabaseDigest, signedIn, tokenOf } from "../support/fixtures";
import { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

/**
 * Competencies through the public surface: correcting a criterion's competency and a document's set over
 * tRPC, then a real interview over Socket.IO whose released scores the candidate's /progress charts by
 * competency, counting only the competencies that were rated.
 */

const { db, url: databaseUrl } = await fileDatabase();
let server: AppServer;
const clients: RoomClient[] = [];
let ada: HttpSession;
let bea: HttpSession;

beforeAll(async () => {
  server = await startAppServer(databaseUrl);
  await importBankPaths(db, await bankFilesIn(path.resolve("content/banks")));
  ada = await signedIn(server.url, await createAccount(db, "Ada"));
  bea = await signedIn(server.url, await createAccount(db, "Bea"));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.kill("SIGKILL");
  await db.$disconnect();
});

const PROMPT = "What happens to your WebSocket connection if the server restarts?";

/** Ada's own copy of the bundled document with the question above, and that question as the bank gives it. */
async function ownCopy() {
  const shared = (await ada.trpc.bank.search.query({ q: "websocket connection server restarts" })).items.find((item) => item.prompt === PROMPT);
  if (!shared) throw new Error("the bundled question is missing");
  const original = await ada.trpc.bank.question.query({ id: shared.id });
  const own = await db.bankDocument.findFirst({ where: { ownerId: { not: null }, sourceFile: original.document.sourceFile }, select: { id: true } });
  const documentId = own?.id ?? (await ada.trpc.bank.copyDocument.mutate({ documentId: original.document.id })).documentId;
  const row = await db.bankQuestion.findFirstOrThrow({ where: { documentId, key: original.key } });
  return { shared: original, question: await ada.trpc.bank.question.query({ id: row.id }) };
}

const correctionOf = (question: Awaited<ReturnType<typeof ownCopy>>["question"]) => ({
  id: question.id,
  prompt: question.prompt,
  followUps: question.followUps,
  rubric: question.rubric,
});

describe("a criterion's competency, in the bank", () => {
  it("comes from the importer for every bundled criterion, one of the document's set", async () => {
    const { shared } = await ownCopy();
    expect(shared.document.competencies).toEqual(DEFAULT_COMPETENCIES);
    expect(shared.rubric.map((criterion) => [criterion.title, criterion.competency])).toEqual([
      ["Connection handling", "reliability"],
      ["State recovery", "reliability"],
      ["Message delivery", "system-design"],
      ["Graceful shutdown", "reliability"],
    ]);
  });

  it("is corrected in one's own copy; an unknown one is refused with a clear error and writes nothing, as is someone else's question", async () => {
    const { shared, question } = await ownCopy();
    const fixed = correctionOf(question);
    fixed.rubric = fixed.rubric.map((criterion, index) => (index === 0 ? { ...criterion, competency: "communication" } : criterion));
    const edited = await ada.trpc.bank.updateQuestion.mutate(fixed);
    expect(edited.rubric.map((criterion) => criterion.competency)).toEqual(["communication", "reliability", "system-design", "reliability"]);
    expect((await ada.trpc.bank.export.query({ documentId: question.document.id }))[0]?.questions.find((q) => q.key === question.key)?.rubric[0]).toEqual({
      title: "Connection handling",
      lookFor: question.rubric[0]!.lookFor,
      competency: "communication",
    });

    const before = await settledDatabaseDigest(db);
    const unknown = { ...fixed, rubric: fixed.rubric.map((criterion, index) => (index === 1 ? { ...criterion, competency: "astrology" } : criterion)) };
    await expect(ada.trpc.bank.updateQuestion.mutate(unknown)).rejects.toMatchObject({
      message: expect.stringMatching(/“astrology” is not a competency of this document \(it has problem-solving, .*collaboration\)\./),
      data: { appCode: "BAD_REQUEST" },
    });
    const malformed = { ...fixed, rubric: [{ title: "T", lookFor: [], competency: "Not a key!" }] };
    await expect(ada.trpc.bank.updateQuestion.mutate(malformed)).rejects.toMatchObject({
      data: { appCode: "BAD_REQUEST", fieldErrors: { "rubric.0.competency": [expect.stringContaining("is not a competency key")] } },
    });
    await expect(bea.trpc.bank.updateQuestion.mutate(fixed)).rejects.toMatchObject({ data: { appCode: "NOT_FOUND" } });
    await expect(ada.trpc.bank.updateQuestion.mutate({ ...fixed, id: shared.id })).rejects.toMatchObject({ data: { appCode: "FORBIDDEN" } });
    expect(await databaseDigest()).toBe(before);
  });

  it("a document's set is renamed, added to and cut in one's own copy; the criteria of a removed competency move to a proposal", async () => {
    const { shared, question } = await ownCopy();
    const documentId = question.document.id;
    const edits = [
      ...DEFAULT_COMPETENCIES.filter((competency) => competency.key !== "reliability").map((competency) =>
        competency.key === "system-design" ? { ...competency, name: "Architecture" } : competency,
      ),
      { name: "Realtime systems", description: "Sockets, pub/sub and delivery guarantees." },
    ];

    const before = await settledDatabaseDigest(db);
    await expect(bea.trpc.bank.updateCompetencies.mutate({ documentId, competencies: edits })).rejects.toMatchObject({ data: { appCode: "NOT_FOUND" } });
    await expect(ada.trpc.bank.updateCompetencies.mutate({ documentId: shared.document.id, competencies: edits })).rejects.toMatchObject({
      data: { appCode: "FORBIDDEN" },
    });
    await expect(
      ada.trpc.bank.updateCompetencies.mutate({ documentId, competencies: [...edits, { key: "astrology", name: "Stars", description: "" }] }),
    ).rejects.toMatchObject({
      message: "“astrology” is not a competency of this document; leave the key out to add one.",
      data: { appCode: "BAD_REQUEST" },
    });
    await expect(
      ada.trpc.bank.updateCompetencies.mutate({ documentId, competencies: [...edits, { name: "architecture", description: "" }] }),
    ).rejects.toMatchObject({
      message: "Competencies: “architecture” is used twice.",
      data: { appCode: "BAD_REQUEST" },
    });
    expect(await databaseDigest()).toBe(before);

    const result = await ada.trpc.bank.updateCompetencies.mutate({ documentId, competencies: edits });
    expect(result.competencies.map((competency) => competency.key)).toEqual([
      ...DEFAULT_COMPETENCIES.filter((competency) => competency.key !== "reliability").map((competency) => competency.key),
      "realtime-systems",
    ]);
    expect(result.moved).toBeGreaterThan(0);
    const after = await ada.trpc.bank.question.query({ id: question.id });
    expect(after.document.competencies.find((competency) => competency.key === "system-design")?.name).toBe("Architecture");
    const keys = new Set(result.competencies.map((competency) => competency.key));
    for (const criterion of after.rubric) expect(keys.has(criterion.competency!)).toBe(true);
    expect(after.rubric[0]?.competency).toBe("communication");
    // The shared document is untouched.
    expect((await ada.trpc.bank.question.query({ id: shared.id })).rubric).toEqual(shared.rubric);
    // A removed default comes back under its own key.
    const restored = await ada.trpc.bank.updateCompetencies.mutate({ documentId, competencies: DEFAULT_COMPETENCIES });
    expect(restored.competencies).toEqual(DEFAULT_COMPETENCIES);
  });
});

async function databaseDigest(): Promise<string> {
  return settledDatabaseDigest(db);
}

describe("a candidate's progress", () => {
  it("charts the competencies of the released scores, and only those that were rated", async () => {
    const { question } = await ownCopy();
    // Criterion 0 under communication, 1 and 3 under reliability (back in the set), 2 under system design.
    const fixed = correctionOf(question);
    const chosen = ["communication", "reliability", "system-design", "reliability"];
    fixed.rubric = fixed.rubric.map((criterion, index) => ({ ...criterion, competency: chosen[index] }));
    await ada.trpc.bank.updateQuestion.mutate(fixed);
    const { id: sessionId } = await ada.trpc.interview.create.mutate({ title: "Competencies", items: [{ bankQuestionId: question.id, timeBoxSec: 600 }] });
    const link = await ada.trpc.interview.createInvite.mutate({ sessionId, role: "CANDIDATE" });
    const cody = new HttpSession(server.url);
    expect(await cody.guestSignIn("Cody", tokenOf(link.url))).toBeNull();

    const iris = new RoomClient(server.url, ada.cookieHeader(), sessionId);
    const candidate = new RoomClient(server.url, cody.cookieHeader(), sessionId);
    clients.push(iris, candidate);
    await Promise.all([iris.joined(), candidate.joined()]);
    const send = async (command: Command) => expect(await iris.send(command)).toMatchObject({ ok: true });
    await send({ type: "start" });
    const asked = ((await iris.until((view) => view.status === "live")) as StaffView).questions[0]!;
    expect(asked.rubric.map((criterion) => criterion.competency)).toEqual([
      { key: "communication", name: "Communication" },
      { key: "reliability", name: "Operations & reliability" },
      { key: "system-design", name: "System design" },
      { key: "reliability", name: "Operations & reliability" },
    ]);
    const ratings = [3, "no_evidence", 2, "no_evidence"] as const;
    for (const [criterion, rating] of ratings.entries())
      await send({ type: "rateCriterion", questionId: asked.id, criterion, rating, comment: "", evidence: [] });
    await send({ type: "end" });
    await send({ type: "submitScorecard" });
    await send({ type: "releaseFeedback", text: "Thanks", includeScores: true });
    await candidate.until((view) => (view as CandidateView).feedback !== null);
    expect(await candidate.send({ type: "finishSelfAssessment", ratings: [] })).toMatchObject({ ok: true });
    await candidate.until((view) => (view as CandidateView).feedback?.scores != null);

    const progress = await cody.trpc.review.progress.query();
    expect(progress.candidate?.competencies).toEqual([
      { key: "communication", title: "Communication", sessions: 1, mean: 3, latest: 3 },
      { key: "system-design", title: "System design", sessions: 1, mean: 2, latest: 2 },
    ]);
    expect(progress.candidate?.sessions).toEqual([expect.objectContaining({ sessionId, competencies: { communication: 3, "system-design": 2 } })]);
    // Neither a criterion's title nor the unrated competency is charted.
    expect(JSON.stringify(progress.candidate?.competencies)).not.toMatch(/Connection handling|Graceful shutdown|reliability/);
  });
});
