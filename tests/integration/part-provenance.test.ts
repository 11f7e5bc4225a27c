import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CandidateView, StaffView } from "@/server/domain/room";
import { passageFor } from "@/server/domain/bank/part-sources";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, signedIn, tokenOf } from "../support/fixtures";
import { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

/**
 * Where each part of a question comes from, through the public surface (tRPC over HTTP and the room's socket on
 * the real app): read on import, kept for what a correction (the import review's, then the editor's) left alone
 * and marked for what it changed, exported, copied into an interview's plan with the passages around the parts,
 * shown to the interviewer there, and never to the candidate, on any channel.
 */

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let ada: HttpSession;
const clients: RoomClient[] = [];

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  ada = await signedIn(app.url, await createAccount(db, "Ada"));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await app.kill();
  await db.$disconnect();
});

/** Markers on the document's lines: only a passage carries the lines between parts ("CONTEXT_ONLY"). */
const DOCUMENT = [
  "# Queues", // 1
  "", // 2
  "## 1. Why put a queue between two services?", // 3
  "", // 4
  "**Answer:** It decouples them in time. ANSWER_MARKER", // 5
  "", // 6
  "**Key points**", // 7
  "- KP_ALPHA decoupling in time", // 8
  "- KP_BETA load levelling", // 9
  "", // 10
  "**Red flags**", // 11
  "- RF_GAMMA says a queue makes it synchronous", // 12
  "- RF_DELTA forgets retries", // 13
  "", // 14
  "**Follow-ups**", // 15
  "- What happens when a message is processed twice?", // 16
  "", // 17
  "## 2. How would you keep messages in order?", // 18
  "", // 19
  "**Answer:** Partition by key.", // 20
  "",
].join("\n");

const line = (n: number) => ({ lines: { from: n, to: n }, origin: "document" });

describe("the sources of a question's parts", () => {
  let questionId = "";

  it("are read on import, and the import review's correction keeps what it left alone and marks what it changed", async () => {
    const [preview] = await ada.trpc.bank.preview.mutate({ files: [{ name: "queues.md", encoding: "text", content: DOCUMENT }] });
    if (!preview?.ok) throw new Error(`preview failed: ${JSON.stringify(preview)}`);
    const previewed = preview.document.questions[0]!;
    expect(previewed.partSources?.keyPoints).toEqual([line(8), line(9)]);
    expect(previewed.partSources?.redFlags).toEqual([line(12), line(13)]);
    expect(previewed.partSources?.followUps).toEqual([line(16)]);
    // The review opens each part's passage: the preview sends the document's lines around every part's source.
    const kpPassage = preview.report.sourcePassages.find((p) => p.from <= 8 && p.from + p.lines.length > 8);
    expect(kpPassage?.lines[8 - kpPassage.from]).toBe("- KP_ALPHA decoupling in time");
    expect(preview.report.sourcePassages.flatMap((p) => p.lines)).toContain("- RF_DELTA forgets retries");

    const correction = {
      key: previewed.key,
      prompt: previewed.prompt,
      followUps: previewed.followUps,
      rubric: previewed.rubric,
      keyPoints: ["KP_ALPHA decoupling in time", "KP_BETA load levelling across bursts"],
    };
    const [result] = await ada.trpc.bank.import.mutate({ files: [{ name: "queues.md", encoding: "text", content: DOCUMENT, corrections: [correction] }] });
    if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);
    const row = await db.bankQuestion.findFirstOrThrow({ where: { documentId: result.outcome.documentId, position: 0 } });
    questionId = row.id;

    const question = await ada.trpc.bank.question.query({ id: questionId });
    expect(question.partSources?.keyPoints).toEqual([line(8), { lines: null, origin: "edited" }]);
    expect(question.partSources?.redFlags).toEqual([line(12), line(13)]);
    // The passages around the parts are the document's own lines, a few of context included.
    const passage = passageFor(question.passages, { from: 8, to: 8 });
    expect(passage?.lines).toContain("- KP_ALPHA decoupling in time");
    expect(passage?.lines).toContain("**Key points**");
    const document = await db.bankDocument.findUniqueOrThrow({ where: { id: result.outcome.documentId } });
    expect(document.sourceText).toBe(DOCUMENT);
  });

  it("are kept by the editor's correction for what it left alone, marked for what it added, and exported", async () => {
    const before = await ada.trpc.bank.question.query({ id: questionId });
    const corrected = await ada.trpc.bank.updateQuestion.mutate({
      id: questionId,
      prompt: before.prompt,
      followUps: before.followUps,
      rubric: before.rubric,
      keyPoints: before.keyPoints,
      redFlags: [...before.redFlags, "Ignores poison messages"],
    });
    expect(corrected.partSources?.redFlags).toEqual([line(12), line(13), { lines: null, origin: "added" }]);
    expect(corrected.partSources?.keyPoints).toEqual(before.partSources?.keyPoints);
    expect(corrected.partSources?.followUps).toEqual([line(16)]);

    const [exported] = await ada.trpc.bank.export.query({ documentId: before.document.id });
    expect(exported?.questions[0]?.partSources).toEqual(corrected.partSources);
  });

  it("go into an interview's plan with their passages: the interviewer has them, the candidate none of it, on any channel", async () => {
    const { id: sessionId } = await ada.trpc.interview.create.mutate({ title: "Queues", items: [{ bankQuestionId: questionId, timeBoxSec: 600 }] });
    const planned = await ada.trpc.bank.question.query({ id: questionId });
    // A later edit of the bank leaves the plan as it was.
    await ada.trpc.bank.updateQuestion.mutate({ id: questionId, prompt: planned.prompt, followUps: planned.followUps, rubric: planned.rubric, redFlags: [] });

    const invite = await ada.trpc.interview.createInvite.mutate({ sessionId, role: "CANDIDATE" });
    const cody = new HttpSession(app.url);
    expect(await cody.guestSignIn("Cody", tokenOf(invite.url))).toBeNull();
    const iris = new RoomClient(app.url, ada.cookieHeader(), sessionId);
    const candidate = new RoomClient(app.url, cody.cookieHeader(), sessionId);
    clients.push(iris, candidate);
    await Promise.all([iris.joined(), candidate.joined()]);

    const staffQuestion = (iris.view as StaffView).questions[0];
    expect(staffQuestion?.provenance?.sources).toEqual(planned.partSources);
    expect(staffQuestion?.provenance?.sources.redFlags).toHaveLength(3);
    expect(passageFor(staffQuestion?.provenance?.passages ?? [], { from: 12, to: 12 })?.lines).toContain("- RF_GAMMA says a queue makes it synchronous");

    expect(await iris.send({ type: "start" })).toMatchObject({ ok: true });
    const live = (await candidate.until((view) => view.status === "live")) as CandidateView;
    expect(live.current?.prompt).toContain("Why put a queue");
    const followUpId = staffQuestion?.followUps[0]?.id ?? "";
    expect(await iris.send({ type: "revealFollowUp", questionId: staffQuestion?.id ?? "", followUpId })).toMatchObject({ ok: true });
    await candidate.until((view) => ((view as CandidateView).current?.followUps.length ?? 0) > 0);
    // A fresh join (the catch-up path) and the candidate's pages and procedures.
    const rejoined = new RoomClient(app.url, cody.cookieHeader(), sessionId);
    clients.push(rejoined);
    await rejoined.joined();
    const pages = await Promise.all(
      [`/room/${sessionId}`, `/bank/questions/${questionId}`].flatMap((path) => [cody.fetch(path).then((response) => response.text()), cody.rsc(path)]),
    );
    const procedures = await Promise.all([
      cody.trpc.interview.myRole.query({ sessionId }).catch((error: unknown) => String(error)),
      cody.trpc.bank.question.query({ id: questionId }).catch((error: unknown) => String(error)),
      cody.trpc.review.session.query({ sessionId }).catch((error: unknown) => String(error)),
      cody.trpc.review.replay.query({ sessionId, perspective: "candidate" }).catch((error: unknown) => String(error)),
    ]);
    const everything = [JSON.stringify(candidate.received), JSON.stringify(rejoined.received), JSON.stringify(procedures), ...pages].join("\n");
    for (const marker of ["KP_ALPHA", "KP_BETA", "RF_GAMMA", "ANSWER_MARKER", "partSources", "provenance", "passages"])
      expect(everything).not.toContain(marker);
  });
});
