import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffView } from "@/server/domain/room";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, databaseDigest, interviewOf, signedIn, tokenOf, type Account } from "../support/fixtures";
import { appCodeOf, HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

/**
 * A guest candidate whose audio fails moves to another device: the interviewer makes a fresh candidate
 * link, and it lets the candidate back in on the new device, which replaces the old one. Driven as the
 * people would: next-auth guest sign-in, tRPC over HTTP, and the room's socket.
 */

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let owner: Account;
let observer: Account;
const clients: RoomClient[] = [];

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  [owner, observer] = await Promise.all([createAccount(db, "Ines"), createAccount(db, "Omar")]);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await app.kill();
  await db.$disconnect();
});

function roomClient(session: HttpSession, sessionId: string): RoomClient {
  const client = new RoomClient(app.url, session.cookieHeader(), sessionId);
  clients.push(client);
  return client;
}

async function guest(name: string, token: string): Promise<{ session: HttpSession; refused: string | null }> {
  const session = new HttpSession(app.url);
  return { session, refused: await session.guestSignIn(name, token) };
}

/** A live interview whose guest candidate joined on a first device and typed an answer there. */
async function candidateOnFirstDevice(tag: string) {
  const world = await interviewOf(db, owner, observer, tag);
  const interviewer = await signedIn(app.url, owner);
  const laptop = await guest("Cleo", world.candidateToken);
  expect(laptop.refused).toBeNull();
  const staff = roomClient(interviewer, world.sessionId);
  const onLaptop = roomClient(laptop.session, world.sessionId);
  await Promise.all([staff.joined(), onLaptop.joined()]);
  expect(await staff.send({ type: "start" })).toMatchObject({ ok: true });
  const question = ((await staff.until((view) => view.status === "live")) as StaffView).questions[0]!;
  expect(await onLaptop.type(question.id, `def answer_${tag}(): return 42`)).toMatchObject({ ok: true });
  await staff.until((view) => JSON.stringify(view).includes(`answer_${tag}`));
  const laptopId = (await laptop.session.session()).user?.id ?? "";
  return { ...world, interviewer, laptop: laptop.session, laptopId, staff, onLaptop, question };
}

/** Who exists and who is in the session, with its links: what a refused admission must leave as it was. */
const admissions = async (sessionId: string) => ({
  users: await db.user.count(),
  participants: await db.participant.findMany({ where: { sessionId }, orderBy: { userId: "asc" } }),
  invites: await db.invite.findMany({ where: { sessionId }, orderBy: { id: "asc" } }),
});

const candidatesOf = (sessionId: string) => db.participant.findMany({ where: { sessionId, role: "CANDIDATE" }, select: { userId: true } });

describe("a candidate who changes device", () => {
  it("gets back in with a fresh link from the interviewer, which replaces the old device and keeps their answer", async () => {
    const world = await candidateOnFirstDevice("phone");
    const { sessionId } = world;
    // The old link, on the new device: refused as before, with nothing created.
    const users = await db.user.count();
    expect((await guest("Cleo", world.candidateToken)).refused).toBe("CredentialsSignin");
    expect(await db.user.count()).toBe(users);

    const fresh = await world.interviewer.trpc.interview.createInvite.mutate({ sessionId, role: "CANDIDATE" });
    expect(await new HttpSession(app.url).trpc.invite.describe.query({ token: tokenOf(fresh.url) })).toMatchObject({ valid: true, used: false });
    const removed = new Promise<{ message: string }>((resolve) => world.onLaptop.socket.once("room:removed", resolve));
    const phone = await guest("Cleo (phone)", tokenOf(fresh.url));
    expect(phone.refused).toBeNull();
    const phoneId = (await phone.session.session()).user?.id ?? "";
    expect(await phone.session.trpc.interview.myRole.query({ sessionId })).toMatchObject({ role: "CANDIDATE" });

    // The old device is told why and what to do, and is out: its commands, its role and its rejoin.
    expect((await removed).message).toMatch(/another device.*fresh link/i);
    expect(await world.onLaptop.command({ type: "setPresence", status: "away" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await world.laptop.trpc.interview.myRole.query({ sessionId }).catch(appCodeOf)).toBe("NOT_FOUND");

    // One candidate, on the new device, with the answer typed on the old one.
    expect(await candidatesOf(sessionId)).toEqual([{ userId: phoneId }]);
    const onPhone = roomClient(phone.session, sessionId);
    await onPhone.joined();
    await onPhone.until((view) => JSON.stringify(view).includes("answer_phone"));
    const staffView = await world.staff.until((view) => view.participants.some((p) => p.userId === phoneId));
    expect(staffView.participants.filter((p) => p.role === "CANDIDATE").map((p) => p.userId)).toEqual([phoneId]);
    expect(await onPhone.type(world.question.id, "def answer_phone(): return 43")).toMatchObject({ ok: true });
    await world.staff.until((view) => JSON.stringify(view).includes("return 43"));

    // Neither link works again: the fresh one is used, the old one was replaced.
    for (const token of [tokenOf(fresh.url), world.candidateToken]) {
      const account = await signedIn(app.url, await createAccount(db, "Mallory"));
      const before = await admissions(sessionId);
      expect((await guest("Mallory", token)).refused).toBe("CredentialsSignin");
      expect(await account.trpc.invite.accept.mutate({ token }).catch(appCodeOf)).toBe("CONFLICT");
      expect(await admissions(sessionId)).toEqual(before);
    }
    expect(await candidatesOf(sessionId)).toEqual([{ userId: phoneId }]);
    // The old device cannot come back with the link it joined with.
    expect(await world.laptop.trpc.invite.accept.mutate({ token: world.candidateToken }).catch(appCodeOf)).toBe("CONFLICT");
  });

  it("seats one candidate when two candidate links are used at the same moment", async () => {
    for (let round = 0; round < 4; round++) {
      const world = await interviewOf(db, owner, observer, `at-once-${round}`);
      const interviewer = await signedIn(app.url, owner);
      const second = await interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role: "CANDIDATE" });
      const outcomes = await Promise.all([guest("Ann", world.candidateToken), guest("Ben", tokenOf(second.url))]);
      expect(outcomes.map((outcome) => outcome.refused).sort()).toEqual(["CredentialsSignin", null]);
      expect(await candidatesOf(world.sessionId)).toHaveLength(1);
      // Two fresh links at once, after that: one takes the seat, the other finds it taken.
      const fresh = await Promise.all([0, 1].map(() => interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role: "CANDIDATE" })));
      const retries = await Promise.all(fresh.map((link, n) => guest(`Device ${n}`, tokenOf(link.url))));
      expect(retries.map((outcome) => outcome.refused).sort()).toEqual(["CredentialsSignin", null]);
      expect(await candidatesOf(world.sessionId)).toHaveLength(1);
    }
  });

  it("does not let a staff link, a link made before the candidate joined, or a member take the candidate's seat", async () => {
    const world = await interviewOf(db, owner, observer, "seat");
    const interviewer = await signedIn(app.url, owner);
    const early = await interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role: "CANDIDATE" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const candidate = await guest("Cleo", world.candidateToken);
    expect(candidate.refused).toBeNull();
    const candidateId = (await candidate.session.session()).user?.id ?? "";
    const digest = await databaseDigest(db);

    // A candidate link made before the candidate joined admits nobody new.
    expect((await guest("Eve", tokenOf(early.url))).refused).toBe("CredentialsSignin");
    expect(await databaseDigest(db)).toBe(digest);

    // Staff links made afterwards admit their role, never the candidate's.
    for (const role of ["OBSERVER", "CO_INTERVIEWER"] as const) {
      const link = await interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role });
      const joined = await guest("Eve", tokenOf(link.url));
      expect(joined.refused).toBeNull();
      expect(await joined.session.trpc.interview.myRole.query({ sessionId: world.sessionId })).toMatchObject({ role });
    }
    // A member holding a fresh candidate link keeps their own role, and the link stays unused.
    const fresh = await interviewer.trpc.interview.createInvite.mutate({ sessionId: world.sessionId, role: "CANDIDATE" });
    const watching = await signedIn(app.url, observer);
    expect(await watching.trpc.invite.accept.mutate({ token: tokenOf(fresh.url) })).toMatchObject({ role: "OBSERVER" });
    expect(await interviewer.trpc.invite.accept.mutate({ token: tokenOf(fresh.url) })).toMatchObject({ role: "INTERVIEWER" });
    expect(await candidatesOf(world.sessionId)).toEqual([{ userId: candidateId }]);
    expect(await new HttpSession(app.url).trpc.invite.describe.query({ token: tokenOf(fresh.url) })).toMatchObject({ valid: true, used: false });
  });
});
