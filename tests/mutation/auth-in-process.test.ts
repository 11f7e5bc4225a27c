import { processRuntime, closeProcessRuntime } from "@/server/platform/process-runtime";
import type { RequestInternal } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";
import { buildAuthOptions } from "@/server/auth/options";
import { userFromHeaders } from "@/server/auth/session";
import { encode } from "next-auth/jwt";
import { CLIENT_ADDRESS_HEADER } from "@/server/platform/http/client-address";
import { RATE_LIMITS } from "@/server/services/accounts/rate-limits";
import { fileDatabase } from "../support/db";
import { createAccount, interviewOf, type Account } from "../support/fixtures";

// next-auth's configuration called in process, for mutation testing only (npm run test:mutation); npm test
// exercises the same code through next-auth's endpoints (tests/security/attacks.test.ts).

const { url, db } = await fileDatabase();
// The app reads its configuration through env(), once: set before anything asks.
const SECRET = "a-test-secret-that-is-long-enough-0123456789";
Object.assign(process.env, { DATABASE_URL: url, AUTH_SECRET: SECRET });
let account: Account;

type Authorize = (credentials: Record<string, string>, req: Pick<RequestInternal, "headers">) => Promise<unknown>;
const authorize = (providerId: string): Authorize => {
  // next-auth merges a provider's options over its defaults only when it serves a request.
  const providers = buildAuthOptions(processRuntime()).providers as unknown as Array<{ id: string; options: { id?: string; authorize: Authorize } }>;
  const provider = providers.find((candidate) => (candidate.options.id ?? candidate.id) === providerId);
  if (!provider) throw new Error(`no provider ${providerId}`);
  return provider.options.authorize;
};
const from = (address: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: address } });

beforeAll(async () => {
  account = await createAccount(db, "Ada");
});

afterAll(async () => {
  await closeProcessRuntime();
  await db.$disconnect();
});

describe("sessions", () => {
  it("are 30-day JWTs, signed in on the app's own page, with the two credential providers", () => {
    const options = buildAuthOptions(processRuntime());
    expect(options.session).toEqual({ strategy: "jwt", maxAge: 30 * 24 * 60 * 60 });
    expect(options.pages).toEqual({ signIn: "/sign-in" });
    const providers = options.providers as unknown as Array<{ options: { id?: string; name?: string; credentials?: object } }>;
    expect(providers.map((provider) => provider.options.id)).toEqual(["credentials", "guest"]);
    expect(providers.map((provider) => Object.keys(provider.options.credentials ?? {}))).toEqual([
      ["email", "password"],
      ["name", "inviteToken"],
    ]);
  });

  it("are read from the session cookie only when signed with the app's secret", async () => {
    const request = (cookie?: string) => (cookie ? { cookie } : {});
    const token = await encode({ token: { sub: "u1", name: "Ada", email: "ada@example.com", isGuest: true }, secret: SECRET });
    expect(await userFromHeaders(request(`next-auth.session-token=${token}`))).toEqual({ id: "u1", name: "Ada", email: "ada@example.com", isGuest: true });
    const other = await encode({ token: { sub: "u1", name: "Ada" }, secret: "another-secret-that-is-long-enough-0123456789" });
    expect(await userFromHeaders(request(`next-auth.session-token=${other}`))).toBeNull();
    expect(await userFromHeaders(request())).toBeNull();
    const anonymous = await encode({ token: { name: "No one" }, secret: SECRET });
    expect(await userFromHeaders(request(`next-auth.session-token=${anonymous}`))).toBeNull();
  });

  it("set the identity at sign-in and ignore whatever a session update carries", async () => {
    const jwt = buildAuthOptions(processRuntime()).callbacks?.jwt;
    if (!jwt) throw new Error("no jwt callback");
    const signedIn = await jwt({ token: {}, user: { id: "u1", name: "Gus", email: null, isGuest: true } as never, account: null, trigger: "signIn" });
    expect(signedIn).toMatchObject({ sub: "u1", name: "Gus", email: null, isGuest: true });
    const updated = await jwt({
      token: { ...signedIn },
      user: undefined as never,
      account: null,
      trigger: "update",
      session: { isGuest: false, name: "Olive", email: "olive@example.com", sub: "u2" },
    });
    expect(updated).toEqual(signedIn);
    const session = await buildAuthOptions(processRuntime()).callbacks?.session?.({
      session: { expires: "" },
      token: signedIn,
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    } as never);
    expect(session).toMatchObject({ user: { id: "u1", name: "Gus", email: null, isGuest: true } });
    const withEmail = await buildAuthOptions(processRuntime()).callbacks?.session?.({
      session: { expires: "" },
      token: { sub: "u2", email: "e@example.com" },
      user: undefined as never,
    } as never);
    expect(withEmail).toMatchObject({ user: { id: "u2", name: null, email: "e@example.com", isGuest: false } });
    const noSubject = await buildAuthOptions(processRuntime()).callbacks?.session?.({
      session: { expires: "" },
      token: { name: "x" },
      user: undefined as never,
    } as never);
    expect(noSubject).toEqual({ expires: "" });
  });
});

describe("email and password sign-in", () => {
  it("answers the account for the right password and nothing for a wrong one or bad input", async () => {
    const signIn = authorize("credentials");
    expect(await signIn({ email: account.email, password: account.password }, from("10.0.0.1"))).toMatchObject({ id: account.id, isGuest: false });
    expect(await signIn({ email: account.email, password: "wrong password" }, from("10.0.0.1"))).toBeNull();
    expect(await signIn({ email: "not an email", password: "x" }, from("10.0.0.1"))).toBeNull();
  });

  it("refuses an account after repeated failures, from any address, even with the right password", async () => {
    const victim = await createAccount(db, "Victor");
    const signIn = authorize("credentials");
    for (let n = 0; n < RATE_LIMITS.signInFailuresPerAccount.max; n++)
      expect(await signIn({ email: victim.email, password: `wrong ${n}` }, from(`10.1.0.${n}`))).toBeNull();
    await expect(signIn({ email: victim.email, password: victim.password }, from("10.2.0.1"))).rejects.toThrow(TOO_MANY_ATTEMPTS);
  });

  it("refuses an address after repeated failures across accounts", async () => {
    const signIn = authorize("credentials");
    for (let n = 0; n < RATE_LIMITS.signInFailuresPerAddress.max; n++) await signIn({ email: `nobody-${n}@example.com`, password: "guess" }, from("10.9.9.9"));
    await expect(signIn({ email: account.email, password: account.password }, from("10.9.9.9"))).rejects.toThrow(TOO_MANY_ATTEMPTS);
    expect(await signIn({ email: account.email, password: account.password }, from("10.9.9.10"))).toMatchObject({ id: account.id });
  });
});

describe("guest sign-in", () => {
  it("admits one guest with a candidate link, then creates nothing more", async () => {
    const observer = await createAccount(db, "Obi");
    const world = await interviewOf(db, account, observer, "guest-auth");
    const join = authorize("guest");
    expect(await join({ name: "Gail", inviteToken: world.candidateToken }, from("10.3.0.1"))).toMatchObject({ isGuest: true, name: "Gail" });
    const users = await db.user.count();
    expect(await join({ name: "Eve", inviteToken: world.candidateToken }, from("10.3.0.2"))).toBeNull();
    expect(await join({ name: "Eve", inviteToken: "no-such-token-000" }, from("10.3.0.2"))).toBeNull();
    expect(await db.user.count()).toBe(users);
  });

  it("limits guest sign-ins per link", async () => {
    const observer = await createAccount(db, "Obe");
    const world = await interviewOf(db, account, observer, "guest-limit");
    const join = authorize("guest");
    for (let n = 0; n < RATE_LIMITS.guestSignInsPerInvite.max; n++) await join({ name: `G${n}`, inviteToken: world.candidateToken }, from("10.4.0.1"));
    await expect(join({ name: "Late", inviteToken: world.candidateToken }, from("10.4.0.1"))).rejects.toThrow(TOO_MANY_ATTEMPTS);
  });
});
