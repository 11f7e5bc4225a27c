import { processRuntime, closeProcessRuntime } from "@/server/platform/process-runtime";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { clientErrorOf, createCallerFactory, createContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import { createGuest } from "@/server/services/accounts/guest";
import { fileDatabase, roomCommand } from "../support/db";
import { createAccount, interviewOf, tokenOf, type Account } from "../support/fixtures";

// Invite links, templates and the dashboard called in process, for mutation testing only (npm run
// test:mutation): what each answer holds, beyond the outcome codes the authorisation table checks. npm test
// covers the same over HTTP (tests/security/attacks.test.ts, tests/integration/room-flow.test.ts).

const database = await fileDatabase();
process.env.DATABASE_URL = database.url;
const caller = createCallerFactory(appRouter);
const as = (user: SessionUser | null) => caller(createContext(processRuntime(), user, "in-process"));
const codeOf = (error: unknown) => (error instanceof TRPCError ? clientErrorOf(error).code : String(error));

let owner: Account;
let observer: Account;
let candidate: Account;
let other: Account;

beforeAll(async () => {
  owner = await createAccount(database.db, "Owen");
  observer = await createAccount(database.db, "Olga");
  candidate = await createAccount(database.db, "Cara");
  other = await createAccount(database.db, "Otto");
}, 60_000);

afterAll(async () => {
  await closeProcessRuntime();
  await database.db.$disconnect();
  await database.pool.end();
});

describe("invite links in process", () => {
  it("describes a link as it stands: valid with its session, then used, revoked, expired or unknown", async () => {
    const world = await interviewOf(database.db, owner, observer, "links");
    const anyone = as(null).invite.describe;
    expect(await anyone({ token: world.candidateToken })).toEqual({
      valid: true,
      sessionTitle: "Interview links",
      interviewerName: "Owen",
      role: "CANDIDATE",
      status: "PLANNED",
      used: false,
    });
    expect(await as(candidate).invite.accept({ token: world.candidateToken })).toEqual({ sessionId: world.sessionId, role: "CANDIDATE" });
    expect(await anyone({ token: world.candidateToken })).toMatchObject({ valid: true, used: true });
    // A used candidate link admits nobody else, and creates nothing.
    expect(await as(other).invite.accept({ token: world.candidateToken }).catch(codeOf)).toBe("CONFLICT");
    expect(await database.db.participant.count({ where: { sessionId: world.sessionId, userId: other.id } })).toBe(0);

    const link = await as(owner).interview.createInvite({ sessionId: world.sessionId, role: "OBSERVER" });
    const token = tokenOf(link.url);
    expect(await anyone({ token })).toMatchObject({ valid: true, role: "OBSERVER", used: false });
    await database.db.invite.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await anyone({ token })).toEqual({ valid: false, reason: "expired" });
    expect(await as(other).invite.accept({ token }).catch(codeOf)).toBe("NOT_FOUND");
    await database.db.invite.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() + 60_000), revokedAt: new Date() } });
    expect(await anyone({ token })).toEqual({ valid: false, reason: "revoked" });
    expect(await as(other).invite.accept({ token }).catch(codeOf)).toBe("NOT_FOUND");
    expect(await anyone({ token: `${token}x` })).toEqual({ valid: false, reason: "unknown" });
  });

  it("revokes: an observer link takes its observers out, a candidate link keeps its candidate", async () => {
    const world = await interviewOf(database.db, owner, observer, "revoke");
    await as(candidate).invite.accept({ token: world.candidateToken });
    const link = await as(owner).interview.createInvite({ sessionId: world.sessionId, role: "OBSERVER" });
    await as(other).invite.accept({ token: tokenOf(link.url) });
    await roomCommand(database, world.sessionId, other.id, { type: "join", name: "Otto" });
    const members = () => database.db.participant.findMany({ where: { sessionId: world.sessionId }, select: { userId: true }, orderBy: { userId: "asc" } });
    const before = (await members()).map((member) => member.userId);
    expect(before).toContain(other.id);

    await as(owner).interview.revokeInvite({ inviteId: world.candidateInviteId });
    expect((await members()).map((member) => member.userId)).toEqual(before);
    expect((await database.db.invite.findUniqueOrThrow({ where: { id: world.candidateInviteId } })).revokedAt).not.toBeNull();

    await as(owner).interview.revokeInvite({ inviteId: link.id });
    const after = (await members()).map((member) => member.userId);
    expect(after).not.toContain(other.id);
    // The observer admitted by the fixtures' own link, and the candidate, stay.
    expect(after).toEqual(expect.arrayContaining([owner.id, observer.id, candidate.id]));
    expect(await as(owner).interview.revokeInvite({ inviteId: "no-such-invite" }).catch(codeOf)).toBe("NOT_FOUND");
  });
});

describe("templates in process", () => {
  it("saves the plan's questions in order with their time boxes, and lists only the owner's", async () => {
    const world = await interviewOf(database.db, owner, observer, "template");
    const { id } = await as(owner).interview.saveTemplate({ sessionId: world.sessionId, title: "Backend loop" });
    const stored = await database.db.templateItem.findMany({ where: { templateId: id }, orderBy: { position: "asc" } });
    expect(stored.map((item) => [item.bankQuestionId, item.position, item.timeBoxSec])).toEqual(world.questionIds.map((questionId, i) => [questionId, i, 600]));
    const listed = await as(owner).interview.templates();
    expect(listed).toEqual([{ id, title: "Backend loop", itemCount: 2, createdAt: expect.any(Date) }]);
    expect(await as(other).interview.templates()).toEqual([]);
    const planned = await as(owner).interview.create({ title: "From template", templateId: id, items: [] });
    expect(await database.db.sessionQuestion.count({ where: { sessionId: planned.id } })).toBe(2);
  });
});

describe("dashboard in process", () => {
  it("counts interviews run and taken once started, and lists the planned and live ones with the user's role", async () => {
    const started = await interviewOf(database.db, owner, observer, "dash-live");
    await as(candidate).invite.accept({ token: started.candidateToken });
    await roomCommand(database, started.sessionId, owner.id, { type: "join", name: "Owen" });
    await roomCommand(database, started.sessionId, owner.id, { type: "start" });
    const planned = await interviewOf(database.db, owner, observer, "dash-planned");
    const mine = await as(owner).dashboard.summary();
    expect(mine.interviewsRun).toBe(1);
    expect(mine.interviewsTaken).toBe(0);
    expect(mine.upcoming.slice(0, 2)).toEqual([
      { id: planned.sessionId, title: "Interview dash-planned", status: "PLANNED", createdAt: expect.any(Date), myRole: "INTERVIEWER" },
      { id: started.sessionId, title: "Interview dash-live", status: "LIVE", createdAt: expect.any(Date), myRole: "INTERVIEWER" },
    ]);
    const theirs = await as(candidate).dashboard.summary();
    expect(theirs.interviewsTaken).toBe(1);
    expect(theirs.interviewsRun).toBe(0);
    expect(theirs.upcoming.find((session) => session.id === started.sessionId)?.myRole).toBe("CANDIDATE");
    expect(theirs.upcoming.map((session) => session.id)).not.toContain(planned.sessionId);
    expect((await as(observer).dashboard.summary()).upcoming.find((session) => session.id === planned.sessionId)?.myRole).toBe("OBSERVER");
    expect(mine.bankQuestions).toBeGreaterThan(0);
    expect(mine.bankDocuments).toBeGreaterThan(0);
  });
});

describe("removing a participant in process", () => {
  it("removes a member from the plan and the room, never an interviewer, and finishes a half-done removal", async () => {
    const world = await interviewOf(database.db, owner, observer, "remove");
    await as(candidate).invite.accept({ token: world.candidateToken });
    for (const [account, name] of [
      [owner, "Owen"],
      [observer, "Olga"],
      [candidate, "Cara"],
    ] as const) {
      await roomCommand(database, world.sessionId, account.id, { type: "join", name });
    }
    const inRoom = async () =>
      (await as(owner).review.session({ sessionId: world.sessionId })).view.participants.map((participant) => participant.userId).sort();
    const remove = (userId: string) => as(owner).interview.removeParticipant({ sessionId: world.sessionId, userId });

    expect(await remove(owner.id).catch(codeOf)).toBe("FORBIDDEN");
    expect(await remove(other.id).catch(codeOf)).toBe("NOT_FOUND");
    expect(await inRoom()).toEqual([owner.id, observer.id, candidate.id].sort());

    expect(await remove(candidate.id)).toEqual({ removed: true });
    expect(await database.db.participant.count({ where: { sessionId: world.sessionId, userId: candidate.id } })).toBe(0);
    expect(await inRoom()).toEqual([owner.id, observer.id].sort());
    expect(await remove(candidate.id).catch(codeOf)).toBe("NOT_FOUND");

    // The membership gone but the room not told yet (a failed second step): calling again finishes it.
    await database.db.participant.delete({ where: { sessionId_userId: { sessionId: world.sessionId, userId: observer.id } } });
    expect(await inRoom().catch(codeOf)).toEqual([owner.id, observer.id].sort());
    expect(await remove(observer.id)).toEqual({ removed: true });
    expect(await inRoom()).toEqual([owner.id]);
  });
});

describe("sign-up in process", () => {
  it("claims the guest identity a guest signs up from, and refuses an email in use with a field error", async () => {
    const world = await interviewOf(database.db, owner, observer, "signup");
    const guest = await createGuest(database.db, processRuntime().engine, "Gus", world.candidateToken, new Date());
    if (!guest) throw new Error("guest refused");
    const email = `gus-${guest.id}@example.com`;
    const claimed = await as(guest).account.signUp({ name: "Gus Grant", email, password: "long enough password" });
    expect(claimed).toEqual({ id: guest.id, name: "Gus Grant", email });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: guest.id }, select: { isGuest: true } })).toEqual({ isGuest: false });
    expect(await database.db.participant.count({ where: { sessionId: world.sessionId, userId: guest.id } })).toBe(1);

    // An account signed in (not a guest) signs up a new, separate account.
    const fresh = await as(owner).account.signUp({ name: "New", email: `new-${guest.id}@example.com`, password: "long enough password" });
    expect(fresh.id).not.toBe(owner.id);
    expect(await database.db.user.findUniqueOrThrow({ where: { id: fresh.id }, select: { isGuest: true, name: true } })).toEqual({
      isGuest: false,
      name: "New",
    });

    const taken = await as(null)
      .account.signUp({ name: "Again", email, password: "long enough password" })
      .catch((error: unknown) => (error instanceof TRPCError ? clientErrorOf(error) : null));
    expect(taken).toMatchObject({ code: "CONFLICT", fieldErrors: { email: ["An account with this email already exists. Sign in instead?"] } });
    // A used candidate link makes no guest.
    expect(await createGuest(database.db, processRuntime().engine, "Late", world.candidateToken, new Date())).toBeNull();
  });
});
