import { createHash, randomUUID } from "node:crypto";
import { PROTOCOL_VERSION } from "@/server/realtime/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/server/services/accounts/rate-limits";
import { CODE_LIMITS } from "@/server/domain/code/code-spec";
import type { RunReport } from "@/server/domain/code/run-record";
import { capRunResult, RUN_RESULT_LIMITS } from "@/server/domain/code/run-result";
import { TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { appCodeOf, HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";
import { createAccount, databaseDigest, interviewOf, settledDatabaseDigest, signedIn, type Account } from "../support/fixtures";

// Each attack that got through once, performed as an attacker would: from outside, over HTTP, next-auth
// and Socket.IO against the real app, with nothing but what the server hands out.

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let owner: Account;
let observer: Account;
let stranger: Account;
const clients: RoomClient[] = [];

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  [owner, observer, stranger] = (await Promise.all(["Olive", "Oscar", "Sam"].map((name) => createAccount(db, name)))) as [Account, Account, Account];
});

afterAll(async () => {
  for (const client of clients) client.close();
  await app.kill();
  await db.$disconnect();
});

async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return appCodeOf(error);
  }
  throw new Error("the call succeeded");
}

function roomClient(session: HttpSession, sessionId: string): RoomClient {
  const client = new RoomClient(app.url, session.cookieHeader(), sessionId);
  clients.push(client);
  return client;
}

describe("a guest cannot make itself an account", () => {
  it("ignores identity fields in a session update and keeps the bank closed", async () => {
    const world = await interviewOf(db, owner, observer, "forge");
    const guest = new HttpSession(app.url);
    expect(await guest.guestSignIn("Mallory", world.candidateToken)).toBeNull();
    const before = await guest.session();
    expect(before.user).toMatchObject({ isGuest: true, name: "Mallory", email: null });

    const { csrfToken } = (await (await guest.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const update = await guest.fetch("/api/auth/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ csrfToken, data: { isGuest: false, name: "Olive", email: owner.email, id: owner.id, sub: owner.id } }),
    });
    expect(update.status).toBe(200);
    expect((await guest.session()).user).toEqual(before.user);
    expect(await failure(guest.trpc.bank.search.query({}))).toBe("FORBIDDEN");
    expect(
      await failure(guest.trpc.interview.create.mutate({ title: "Mine now", items: [{ bankQuestionId: world.questionIds[0] ?? "", timeBoxSec: null }] })),
    ).toBe("FORBIDDEN");
  });
});

describe("the bank has owners, and a refused write writes nothing", () => {
  it("keeps an imported document private to its importer, editable by them alone", async () => {
    const mine = await signedIn(app.url, owner);
    const [result] = await mine.trpc.bank.import.mutate({
      files: [
        {
          name: "private.md",
          encoding: "text",
          content: "# Mine\n\n## 1. What is a zebra-owned secret?\n\n**Difficulty:** Hard\n\nA private answer about quagga.\n",
        },
      ],
    });
    if (!result?.ok) throw new Error("import failed");
    const hit = (await mine.trpc.bank.search.query({ q: "quagga" })).items[0];
    expect(hit).toMatchObject({ shared: false });
    const id = hit?.id ?? "";

    const other = await signedIn(app.url, stranger);
    expect((await other.trpc.bank.search.query({ q: "quagga" })).total).toBe(0);
    expect((await other.trpc.bank.facets.query()).documents.map((d) => d.id)).not.toContain(result.outcome.documentId);
    expect(JSON.stringify(await other.trpc.bank.export.query())).not.toContain("quagga");
    expect(await failure(other.trpc.bank.question.query({ id }))).toBe("NOT_FOUND");
    const digest = await databaseDigest(db);
    const correction = { id, prompt: "Stolen", followUps: [], rubric: [{ title: "t", lookFor: [] }] };
    expect(await failure(other.trpc.bank.updateQuestion.mutate(correction))).toBe("NOT_FOUND");
    expect(await failure(other.trpc.bank.deleteDocument.mutate({ documentId: result.outcome.documentId }))).toBe("NOT_FOUND");
    expect(await failure(other.trpc.bank.copyDocument.mutate({ documentId: result.outcome.documentId }))).toBe("NOT_FOUND");
    expect(await databaseDigest(db)).toBe(digest);

    expect((await mine.trpc.bank.updateQuestion.mutate(correction)).prompt).toBe("Stolen");
    await mine.trpc.bank.deleteDocument.mutate({ documentId: result.outcome.documentId });
    expect((await mine.trpc.bank.search.query({ q: "quagga" })).total).toBe(0);
  });

  it("shares the bundled documents read-only; a copy is the reader's own", async () => {
    const world = await interviewOf(db, owner, observer, "shared");
    const other = await signedIn(app.url, stranger);
    const question = await other.trpc.bank.question.query({ id: world.questionIds[0] ?? "" });
    expect(question.document.ownerId).toBeNull();
    const digest = await databaseDigest(db);
    expect(
      await failure(other.trpc.bank.updateQuestion.mutate({ id: question.id, prompt: "Vandalised", followUps: [], rubric: [{ title: "t", lookFor: [] }] })),
    ).toBe("FORBIDDEN");
    expect(await failure(other.trpc.bank.deleteDocument.mutate({ documentId: question.document.id }))).toBe("FORBIDDEN");
    expect(await databaseDigest(db)).toBe(digest);

    const { documentId } = await other.trpc.bank.copyDocument.mutate({ documentId: question.document.id });
    expect(await failure(other.trpc.bank.copyDocument.mutate({ documentId: question.document.id }))).toBe("CONFLICT");
    const copy = (await other.trpc.bank.search.query({ documentId })).items[0];
    expect(copy).toMatchObject({ shared: false, prompt: question.prompt });
    expect(
      (await other.trpc.bank.updateQuestion.mutate({ id: copy?.id ?? "", prompt: "My version", followUps: [], rubric: [{ title: "t", lookFor: [] }] })).prompt,
    ).toBe("My version");
    expect((await other.trpc.bank.question.query({ id: question.id })).prompt).toBe(question.prompt);
  });

  it("refuses, and writes nothing for, a candidate's edit of a question of their own unfinished interview", async () => {
    const world = await interviewOf(db, owner, observer, "edit");
    const candidateAccount = await createAccount(db, "Carla");
    const candidate = await signedIn(app.url, candidateAccount);
    await candidate.trpc.invite.accept.mutate({ token: world.candidateToken });
    const id = world.questionIds[0] ?? "";
    const digest = await databaseDigest(db);
    expect(await failure(candidate.trpc.bank.updateQuestion.mutate({ id, prompt: "x", followUps: [], rubric: [{ title: "Replaced", lookFor: [] }] }))).toBe(
      "NOT_FOUND",
    );
    expect(await databaseDigest(db)).toBe(digest);
  });
});

describe("the bank hides an unfinished interview from its candidate", () => {
  it("in search, facets, counts, export, the question page and the dashboard", async () => {
    const world = await interviewOf(db, owner, observer, "leak");
    const candidateAccount = await createAccount(db, "Cleo");
    const candidate = await signedIn(app.url, candidateAccount);
    const before = await candidate.trpc.dashboard.summary.query();
    const hardBefore = (await candidate.trpc.bank.facets.query()).difficulties.find((d) => d.value === "Hard")?.count ?? 0;
    await candidate.trpc.invite.accept.mutate({ token: world.candidateToken });

    const everything = await candidate.trpc.bank.search.query({ limit: 50 });
    expect(everything.items.map((item) => item.id)).not.toEqual(expect.arrayContaining([world.questionIds[0]]));
    for (const field of ["fu-answer-1-2", "answer-1", "redflag-1", "keypoint-2", "rubric-look-2", "fu-look-2-3"]) {
      expect((await candidate.trpc.bank.search.query({ q: world.marker(field) })).total).toBe(0);
    }
    const facets = await candidate.trpc.bank.facets.query();
    const document = facets.documents.find((d) => d.title === "Doc leak");
    expect(document?.count).toBe(0);
    // Both questions are "Hard"; other shared documents may have Hard questions the candidate may see.
    expect(facets.difficulties.find((d) => d.value === "Hard")?.count ?? 0).toBe(hardBefore - 2);
    expect(JSON.stringify(await candidate.trpc.bank.export.query())).not.toContain("MARK-leak");
    for (const id of world.questionIds) expect(await failure(candidate.trpc.bank.question.query({ id }))).toBe("NOT_FOUND");
    expect((await candidate.trpc.dashboard.summary.query()).bankQuestions).toBe(before.bankQuestions - 2);

    // The observer of the same interview, and the candidate once it ended, see it all.
    const observing = await signedIn(app.url, observer);
    expect((await observing.trpc.bank.search.query({ q: world.marker("fu-answer-1-2") })).total).toBe(1);
    await db.interviewSession.update({ where: { id: world.sessionId }, data: { status: "ENDED" } });
    expect((await candidate.trpc.bank.search.query({ q: world.marker("fu-answer-1-2") })).total).toBe(1);
  });
});

describe("text PostgreSQL cannot store is refused as bad input", () => {
  it("over tRPC, with a 400 and nothing written", async () => {
    const session = await signedIn(app.url, stranger);
    const digest = await databaseDigest(db);
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "x\udc00y"]) {
      expect(await failure(session.trpc.interview.myRole.query({ sessionId: bad }))).toBe("BAD_REQUEST");
      expect(await failure(session.trpc.bank.search.query({ q: bad }))).toBe("BAD_REQUEST");
      expect(await failure(session.trpc.interview.create.mutate({ title: `T${bad}`, items: [] }))).toBe("BAD_REQUEST");
    }
    const raw = await session.fetch(`/api/trpc/interview.myRole?input=${encodeURIComponent(JSON.stringify({ json: { sessionId: "\u0000" } }))}`);
    expect(raw.status).toBe(400);
    expect(await databaseDigest(db)).toBe(digest);
  });

  it("over Socket.IO, as BAD_REQUEST acknowledgements", async () => {
    const world = await interviewOf(db, owner, observer, "nul");
    const interviewer = await signedIn(app.url, owner);
    const client = roomClient(interviewer, world.sessionId);
    await client.joined();
    expect(await client.emit("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId: "\u0000", lastSeq: null })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    expect(await client.emit("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId: "\ud800", lastSeq: null })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    const digest = await databaseDigest(db);
    expect(await client.command({ type: "addNote", body: "note \u0000" })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await client.command({ type: "addNote", body: "half \udbff" })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await databaseDigest(db)).toBe(digest);
    expect(app.stderr()).not.toMatch(/22021|22P05|handler failed/);
  });
});

describe("membership", () => {
  it("a used candidate link creates nothing", async () => {
    const world = await interviewOf(db, owner, observer, "used");
    const first = new HttpSession(app.url);
    expect(await first.guestSignIn("Casey", world.candidateToken)).toBeNull();
    expect(await first.trpc.interview.myRole.query({ sessionId: world.sessionId })).toMatchObject({ role: "CANDIDATE" });

    const users = await db.user.count();
    for (const name of ["Eve", "Trudy"]) {
      const late = new HttpSession(app.url);
      expect(await late.guestSignIn(name, world.candidateToken)).toBe("CredentialsSignin");
      expect(late.signedIn).toBe(false);
    }
    expect(await db.user.count()).toBe(users);
    const account = await signedIn(app.url, await createAccount(db, "Late"));
    const usersWithAccount = await db.user.count();
    expect(await failure(account.trpc.invite.accept.mutate({ token: world.candidateToken }))).toBe("CONFLICT");
    expect(await db.user.count()).toBe(usersWithAccount);
    expect(await db.participant.count({ where: { sessionId: world.sessionId, role: "CANDIDATE" } })).toBe(1);
    // The candidate who used it is still let back in with it.
    expect(await first.trpc.invite.accept.mutate({ token: world.candidateToken })).toMatchObject({ role: "CANDIDATE" });
  });

  it("revoking an observer link removes the observers it admitted, live", async () => {
    const world = await interviewOf(db, owner, observer, "revoke");
    const interviewer = await signedIn(app.url, owner);
    const { url, id: inviteId } = await interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role: "OBSERVER" });
    const watcher = new HttpSession(app.url);
    expect(await watcher.guestSignIn("Watcher", url.split("/join/")[1] ?? "")).toBeNull();
    const staff = roomClient(interviewer, world.sessionId);
    const watching = roomClient(watcher, world.sessionId);
    await Promise.all([staff.joined(), watching.joined()]);
    const removed = new Promise((resolve) => watching.socket.once("room:removed", resolve));

    await interviewer.trpc.interview.revokeInvite.mutate({ inviteId });
    expect(await removed).toMatchObject({ sessionId: world.sessionId });
    const watcherId = (await watcher.session()).user?.id ?? "";
    await staff.until((view) => !view.participants.some((p) => p.userId === watcherId));
    expect(await watching.command({ type: "addNote", body: "still here" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await failure(watcher.trpc.interview.myRole.query({ sessionId: world.sessionId }))).toBe("NOT_FOUND");
    // The observer admitted by the other link stays.
    expect(await db.participant.count({ where: { sessionId: world.sessionId, userId: observer.id } })).toBe(1);
  });

  it("the owner removes a participant; nobody else can", async () => {
    const world = await interviewOf(db, owner, observer, "remove");
    const guest = new HttpSession(app.url);
    await guest.guestSignIn("Gail", world.candidateToken);
    const guestId = (await guest.session()).user?.id ?? "";
    const observing = await signedIn(app.url, observer);
    const digest = await databaseDigest(db);
    expect(await failure(observing.trpc.interview.removeParticipant.mutate({ sessionId: world.sessionId, userId: guestId }))).toBe("FORBIDDEN");
    expect(await failure(guest.trpc.interview.removeParticipant.mutate({ sessionId: world.sessionId, userId: observer.id }))).toBe("FORBIDDEN");
    expect(await databaseDigest(db)).toBe(digest);
    const interviewer = await signedIn(app.url, owner);
    expect(await failure(interviewer.trpc.interview.removeParticipant.mutate({ sessionId: world.sessionId, userId: owner.id }))).toBe("FORBIDDEN");
    await interviewer.trpc.interview.removeParticipant.mutate({ sessionId: world.sessionId, userId: guestId });
    expect(await failure(guest.trpc.interview.myRole.query({ sessionId: world.sessionId }))).toBe("NOT_FOUND");
  });

  it("answers an outsider alike for a real invite and a made-up one, on every invite and participant procedure", async () => {
    const world = await interviewOf(db, owner, observer, "oracle");
    const elsewhere = await interviewOf(db, stranger, stranger, "oracle-elsewhere");
    const otherCandidate = await createAccount(db, "Otto");
    const asOtherCandidate = await signedIn(app.url, otherCandidate);
    await asOtherCandidate.trpc.invite.accept.mutate({ token: elsewhere.candidateToken });
    const outsiders = [await signedIn(app.url, stranger), asOtherCandidate, await signedIn(app.url, await createAccount(db, "Nobody"))];
    const answer = (call: Promise<unknown>) =>
      call.then(
        () => "allowed",
        (error: unknown) => `${appCodeOf(error)}: ${(error as Error).message}`,
      );
    const digest = await databaseDigest(db);
    for (const outsider of outsiders) {
      const pairs = [
        [world.observerInviteId, "no-such-invite"].map((inviteId) => answer(outsider.trpc.interview.revokeInvite.mutate({ inviteId }))),
        [world.candidateInviteId, "c".repeat(25)].map((inviteId) => answer(outsider.trpc.interview.revokeInvite.mutate({ inviteId }))),
        [world.sessionId, "no-such-session"].map((sessionId) => answer(outsider.trpc.interview.createInvite.mutate({ sessionId, role: "OBSERVER" }))),
        [world.sessionId, "no-such-session"].map((sessionId) => answer(outsider.trpc.interview.removeParticipant.mutate({ sessionId, userId: observer.id }))),
      ];
      for (const pair of pairs) {
        const [real, madeUp] = await Promise.all(pair);
        expect(real).toMatch(/^NOT_FOUND: /);
        expect(real).toBe(madeUp);
      }
    }
    expect(await databaseDigest(db)).toBe(digest);
  });

  it("leaving always succeeds, and writes nothing for someone who is not in the room", async () => {
    const world = await interviewOf(db, owner, observer, "leave");
    const interviewer = await signedIn(app.url, owner);
    const [observing, outsiderSession] = await Promise.all([signedIn(app.url, observer), signedIn(app.url, stranger)]);
    const staff = roomClient(interviewer, world.sessionId);
    const watching = roomClient(observing, world.sessionId);
    await Promise.all([staff.joined(), watching.joined()]);
    const outsider = roomClient(outsiderSession, world.sessionId);
    const removed = new Promise((resolve) => watching.socket.once("room:removed", resolve));
    await interviewer.trpc.interview.removeParticipant.mutate({ sessionId: world.sessionId, userId: observer.id });
    await removed;

    const digest = await settledDatabaseDigest(db);
    for (const client of [watching, watching, outsider, outsider]) {
      expect(await client.emit("room:leave", { sessionId: world.sessionId })).toEqual({ ok: true });
    }
    expect(await outsider.emit("room:leave", { sessionId: "no-such-session" })).toEqual({ ok: true });
    expect(await databaseDigest(db)).toBe(digest);
    // The member still in the room leaves as always: their departure is recorded.
    expect(await staff.emit("room:leave", { sessionId: world.sessionId })).toEqual({ ok: true });
    await expect.poll(() => databaseDigest(db)).not.toBe(digest);
  });

  it("a member cannot rename themselves inside the room", async () => {
    const world = await interviewOf(db, owner, observer, "rename");
    const guest = new HttpSession(app.url);
    await guest.guestSignIn("Candice", world.candidateToken);
    const client = roomClient(guest, world.sessionId);
    await client.joined();
    const digest = await databaseDigest(db);
    expect(
      await client.emit("room:command", { sessionId: world.sessionId, idempotencyKey: randomUUID(), command: { type: "join", name: "Interviewer" } }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await databaseDigest(db)).toBe(digest);
    expect(client.view?.participants.find((p) => p.role === "CANDIDATE")?.name).toBe("Candice");
  });
});

describe("room commands", () => {
  it("a command key already used in another interview is refused there and writes nothing", async () => {
    const first = await interviewOf(db, owner, observer, "key-a");
    const second = await interviewOf(db, owner, observer, "key-b");
    const interviewer = await signedIn(app.url, owner);
    const inFirst = roomClient(interviewer, first.sessionId);
    const inSecond = roomClient(interviewer, second.sessionId);
    await Promise.all([inFirst.joined(), inSecond.joined()]);
    const key = "reused-key-0001";
    expect(await inFirst.command({ type: "addNote", body: "first" }, key)).toMatchObject({ ok: true });
    const digest = await databaseDigest(db);
    expect(await inSecond.command({ type: "addNote", body: "second" }, key)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await databaseDigest(db)).toBe(digest);
    expect(await db.note.count({ where: { sessionId: second.sessionId } })).toBe(0);
  });
});

describe("a run's report", () => {
  it("larger in all than a runner makes is refused as PAYLOAD_TOO_LARGE and writes nothing; the largest a runner makes is kept", async () => {
    const world = await interviewOf(db, owner, observer, "run-size");
    const interviewer = await signedIn(app.url, owner);
    const guest = new HttpSession(app.url);
    expect(await guest.guestSignIn("Cara", world.candidateToken)).toBeNull();
    const staff = roomClient(interviewer, world.sessionId);
    const candidate = roomClient(guest, world.sessionId);
    await Promise.all([staff.joined(), candidate.joined()]);
    expect(await staff.command({ type: "start" })).toMatchObject({ ok: true });
    const view = await candidate.until((seen) => seen.role === "CANDIDATE" && seen.current !== null);
    const questionId = view.role === "CANDIDATE" ? (view.current?.id ?? "") : "";
    // Every field at its own limit: what the schema alone let through, four times a runner's largest.
    const value = (fill: string) => fill.repeat(RUN_RESULT_LIMITS.valueChars);
    const forged: RunReport = {
      runId: `forged-${randomUUID()}`,
      language: "python",
      status: "ok",
      message: "m".repeat(RUN_RESULT_LIMITS.messageChars),
      stdout: "o".repeat(RUN_RESULT_LIMITS.stdoutChars),
      stderr: "e".repeat(RUN_RESULT_LIMITS.stderrChars),
      tests: Array.from({ length: CODE_LIMITS.testsPerQuestion }, (_, i) => ({
        name: `t${i}`.padEnd(CODE_LIMITS.testNameChars, "n"),
        passed: true,
        expected: value("a"),
        actual: value("a"),
        error: "x".repeat(RUN_RESULT_LIMITS.errorChars),
      })),
      durationMs: 5,
    };
    const digest = await settledDatabaseDigest(db);
    expect(await candidate.command({ type: "recordRun", questionId, run: forged })).toEqual({
      ok: false,
      code: "PAYLOAD_TOO_LARGE",
      message: "A run's result holds at most 65,536 characters of output and test values; this one has 287,076. It was not kept.",
    });
    expect(await databaseDigest(db)).toBe(digest);
    const honest: RunReport = { ...capRunResult(forged), runId: `honest-${randomUUID()}` };
    expect(await candidate.command({ type: "recordRun", questionId, run: honest })).toMatchObject({ ok: true });
    await staff.until((seen) => JSON.stringify(seen).includes(honest.runId));
    expect(JSON.stringify(staff.view)).not.toContain(forged.runId);
  });
});

// Before the limits: the sign-up limit below counts per address, and every test here comes from one.
describe("sign-up rules hold at the procedure", () => {
  it("refuses a password shorter than 8 characters", async () => {
    const visitor = new HttpSession(app.url);
    const users = await db.user.count();
    expect(
      await failure(visitor.trpc.account.signUp.mutate({ name: "Short", email: `short-${randomUUID().slice(0, 6)}@example.com`, password: "1234567" })),
    ).toBe("BAD_REQUEST");
    expect(await db.user.count()).toBe(users);
  });
});

describe("limits", () => {
  it("locks an account after repeated wrong passwords, even for the right one, and leaves others alone", async () => {
    const victim = await createAccount(db, "Victor");
    const attacker = new HttpSession(app.url);
    for (let attempt = 0; attempt < RATE_LIMITS.signInFailuresPerAccount.max; attempt++) {
      expect(await attacker.signIn(victim.email, `wrong-${attempt}`)).toBe("CredentialsSignin");
    }
    expect(await attacker.signIn(victim.email, victim.password)).toBe(TOO_MANY_ATTEMPTS);
    expect(attacker.signedIn).toBe(false);
    expect(await new HttpSession(app.url).signIn(owner.email, owner.password)).toBeNull();
  });

  it("limits guest sign-ins per invite link", async () => {
    const world = await interviewOf(db, owner, observer, "guests");
    const interviewer = await signedIn(app.url, owner);
    const { url } = await interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role: "OBSERVER" });
    const token = url.split("/join/")[1] ?? "";
    for (let n = 0; n < RATE_LIMITS.guestSignInsPerInvite.max; n++) expect(await new HttpSession(app.url).guestSignIn(`G${n}`, token)).toBeNull();
    const users = await db.user.count();
    expect(await new HttpSession(app.url).guestSignIn("One too many", token)).toBe(TOO_MANY_ATTEMPTS);
    expect(await db.user.count()).toBe(users);
  });

  it("limits sign-ups per address", async () => {
    const visitor = new HttpSession(app.url);
    const signUp = (n: number) =>
      visitor.trpc.account.signUp.mutate({ name: `Bot ${n}`, email: `bot-${n}-${randomUUID().slice(0, 6)}@example.com`, password: "long enough password" });
    for (let n = 0; n < RATE_LIMITS.signUpsPerAddress.max; n++) await signUp(n);
    const users = await db.user.count();
    expect(await failure(signUp(99))).toBe("RATE_LIMITED");
    expect(await db.user.count()).toBe(users);
  });
});

describe("invite links", () => {
  it("are stored only as the hash of their token", async () => {
    const world = await interviewOf(db, owner, observer, "hash");
    const interviewer = await signedIn(app.url, owner);
    const { url, id } = await interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role: "CANDIDATE" });
    const token = url.split("/join/")[1] ?? "";
    const row = await db.invite.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const dump = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "Invite"`));
    expect(dump).not.toContain(token);
  });
});

describe("security headers", () => {
  it("are on pages, API answers and errors, and the page policy carries a fresh nonce", async () => {
    const visitor = new HttpSession(app.url);
    const [page, again, api, missing] = await Promise.all([
      visitor.fetch("/sign-in"),
      visitor.fetch("/sign-in"),
      visitor.fetch("/api/health"),
      visitor.fetch("/no-such-page"),
    ]);
    for (const response of [page, api, missing]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      // The call's devices for this origin's pages only; any other origin added here fails.
      expect(response.headers.get("permissions-policy")).toBe("camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()");
    }
    const policy = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // ICE is not governed by connect-src, so the STUN/TURN servers are not listed: the page talks to the app alone.
    expect(policy).toContain("connect-src 'self';");
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
    expect(await page.text()).toContain(`nonce="${nonce}"`);
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("give the code runner's files the workers' policy: this host's runtimes folder only, WebAssembly, no eval", async () => {
    const response = await new HttpSession(app.url).fetch("/runtimes/python.worker.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const folder = `${new URL(app.url).host}/runtimes/`;
    expect(response.headers.get("content-security-policy")).toBe(
      `default-src 'none'; script-src ${folder} 'wasm-unsafe-eval'; connect-src ${folder}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    );
  });
});
