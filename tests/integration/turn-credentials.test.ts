import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberIceServers, type IceConfig, type MemberIceServers } from "@/server/services/call/ice-servers";
import { removeParticipant } from "@/server/services/interviews/participants";
import { ROOM_NOT_FOUND } from "@/server/services/room/store";
import { coturnInstalled, startCoturn, type Coturn } from "../support/coturn";
import { fileDatabase } from "../support/db";
import { createAccount, interviewOf, type Account } from "../support/fixtures";
import { allocate } from "../support/turn-client";

/**
 * The TURN credentials the app issues, checked by a real coturn (use-auth-secret): a member's allocates
 * a relay; one signed with another secret, one past its expiry, or one whose username was altered does not.
 */

const SECRET = "the secret coturn shares with the app";
const database = await fileDatabase();
const { db } = database;
let coturn: Coturn;
let ice: IceConfig;
let owner: Account;
let observer: Account;
let sessionId: string;

beforeAll(async () => {
  if (!coturnInstalled()) throw new Error("turnserver is missing: install Debian's coturn (apt-get install coturn; .ci/run does)");
  coturn = await startCoturn(SECRET);
  ice = { stunUrls: [], turn: { urls: [`turn:${coturn.host}:${coturn.port}?transport=udp`], secret: SECRET }, credentialLifetimeSeconds: 3600 };
  owner = await createAccount(db, "Owner");
  observer = await createAccount(db, "Observer");
  ({ sessionId } = await interviewOf(db, owner, observer, "turn"));
});

afterAll(async () => {
  await coturn?.stop();
  await db.$disconnect();
});

/** The TURN entry's login, as the browser hands it to the relay. */
function turnLogin(servers: MemberIceServers): { username: string; credential: string } {
  const entry = servers.iceServers.find((server) => server.urls.some((url) => url.startsWith("turn:")));
  return { username: entry?.username ?? "", credential: entry?.credential ?? "" };
}

const HOUR_MS = 3_600_000;

describe("TURN credentials against a real coturn", () => {
  it("a member's credential allocates a relay, whatever their role", async () => {
    for (const member of [owner, observer]) {
      const outcome = await allocate(coturn, turnLogin(await memberIceServers(db, ice, member, sessionId, new Date())));
      expect(outcome.ok, coturn.output()).toBe(true);
    }
  });

  it("one signed with another secret is refused", async () => {
    const forged = await memberIceServers(db, { ...ice, turn: { urls: ice.turn!.urls, secret: "not the secret coturn has" } }, owner, sessionId, new Date());
    expect(await allocate(coturn, turnLogin(forged))).toEqual({ ok: false, code: 401 });
  });

  it("one past its expiry is refused", async () => {
    const expired = await memberIceServers(db, ice, owner, sessionId, new Date(Date.now() - 2 * HOUR_MS));
    expect(expired.expiresAt.getTime()).toBeLessThan(Date.now());
    expect(await allocate(coturn, turnLogin(expired))).toEqual({ ok: false, code: 401 });
  });

  it("one whose username was altered (a later expiry, another user) is refused", async () => {
    const issued = turnLogin(await memberIceServers(db, ice, observer, sessionId, new Date()));
    const [expiry] = issued.username.split(":");
    const later = { ...issued, username: `${Number(expiry) + 24 * 3600}:${observer.id}` };
    const someoneElse = { ...issued, username: `${expiry}:${owner.id}` };
    expect(await allocate(coturn, later)).toEqual({ ok: false, code: 401 });
    expect(await allocate(coturn, someoneElse)).toEqual({ ok: false, code: 401 });
  });
});

describe("who is issued one", () => {
  it("a removed member, a stranger and a missing session get the same NOT_FOUND, and no credential", async () => {
    const { sessionId: other } = await interviewOf(db, owner, observer, "turn-removed");
    await removeParticipant(db, database.rooms, owner, { sessionId: other, userId: observer.id }, new Date());
    const stranger = await createAccount(db, "Stranger");
    const notFound = { code: "NOT_FOUND", message: ROOM_NOT_FOUND };
    await expect(memberIceServers(db, ice, observer, other, new Date())).rejects.toMatchObject(notFound);
    await expect(memberIceServers(db, ice, stranger, sessionId, new Date())).rejects.toMatchObject(notFound);
    await expect(memberIceServers(db, ice, owner, "no-such-session", new Date())).rejects.toMatchObject(notFound);
  });
});
