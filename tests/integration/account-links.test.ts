// The account links through the public surface only: the real app (next-auth, tRPC over HTTP,
// Socket.IO), a real SMTP server, and the link read from the email it received.
import { randomUUID } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignedLinks } from "@/server/auth/signed-links";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, signedIn, type Account } from "../support/fixtures";
import { appCodeOf, HttpSession } from "../support/http-session";
import { startSmtpSink, type ReceivedEmail, type SmtpSink } from "../support/smtp-sink";
import { TEST_AUTH_SECRET } from "../support/test-auth";

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let sink: SmtpSink;
const sockets: Socket[] = [];
const NEW_PASSWORD = "a brand new passphrase";

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await startAppServer(databaseUrl, { env: sink.env });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await app.kill();
  await sink.close();
  await db.$disconnect();
});

/** The next email to `address` whose subject matches, once it has arrived. */
async function mailTo(address: string, subject: RegExp, already = 0): Promise<ReceivedEmail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = sink.to(address).filter((email) => subject.test(email.parsed.subject ?? ""));
    if (found.length > already) return found[already]!;
    if (Date.now() > deadline)
      throw new Error(
        `no email "${subject}" to ${address}; got: ${sink
          .to(address)
          .map((e) => e.parsed.subject)
          .join(", ")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The token of the account link (`/account/<purpose>/<token>`) in an email's plain-text part. */
function linkToken(email: ReceivedEmail, purpose: string): string {
  const match = new RegExp(`${app.url}/account/${purpose}/([A-Za-z0-9_.-]+)`).exec(email.parsed.text ?? "");
  if (!match?.[1]) throw new Error(`no ${purpose} link in:\n${email.parsed.text}`);
  return match[1];
}

async function requestReset(email: string, session = new HttpSession(app.url)) {
  return session.trpc.account.requestPasswordReset.mutate({ email });
}

async function resetLinkFor(account: Account, already = 0): Promise<string> {
  await requestReset(account.email);
  return linkToken(await mailTo(account.email, /password/i, already), "reset-password");
}

function socketOutcome(session: HttpSession): Promise<string> {
  const socket = connect(app.url, { transports: ["websocket"], extraHeaders: { cookie: session.cookieHeader() }, reconnection: false });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

async function outboxTo(address: string) {
  return db.outboxEmail.findMany({ where: { to: address } });
}

describe("password reset", () => {
  it("sets a new password from the emailed link, ends every old session, and signs in with the new one", async () => {
    const ada = await createAccount(db, "Ada");
    const [laptop, phone] = [await signedIn(app.url, ada), await signedIn(app.url, ada)];
    expect((await laptop.trpc.account.me.query()).email).toBe(ada.email);
    expect(await socketOutcome(phone)).toBe("connected");
    const openSocket = sockets.at(-1)!;

    const answer = await requestReset(ada.email);
    const mail = await mailTo(ada.email, /password/i);
    expect(mail.envelopeTo).toEqual([ada.email]);
    await new HttpSession(app.url).trpc.account.resetPassword.mutate({ token: linkToken(mail, "reset-password"), password: NEW_PASSWORD });

    // The socket the old session had open is closed at once, not at its next reconnect.
    await expect.poll(() => openSocket.connected, { timeout: 5_000 }).toBe(false);
    // tRPC, pages' session endpoint and the socket handshake all refuse the old cookies.
    expect(appCodeOf(await laptop.trpc.account.me.query().catch((error: unknown) => error))).toBe("UNAUTHORIZED");
    expect((await phone.session()).user).toBeUndefined();
    expect(await socketOutcome(laptop)).toBe("unauthorized");
    expect((await laptop.fetch("/dashboard")).status).toBe(307);

    expect(await new HttpSession(app.url).signIn(ada.email, ada.password)).toBe("CredentialsSignin");
    const fresh = new HttpSession(app.url);
    expect(await fresh.signIn(ada.email, NEW_PASSWORD)).toBeNull();
    expect((await fresh.trpc.account.me.query()).email).toBe(ada.email);
    expect(await socketOutcome(fresh)).toBe("connected");
    expect(answer.emailOn).toBe(true);
  });

  it("works once: a second use, or two uses at once, change nothing more", async () => {
    const bob = await createAccount(db, "Bob");
    const token = await resetLinkFor(bob);
    const uses = await Promise.allSettled(
      ["first new password", "second new password"].map((password) => new HttpSession(app.url).trpc.account.resetPassword.mutate({ token, password })),
    );
    expect(uses.filter((use) => use.status === "fulfilled")).toHaveLength(1);
    const refused = uses.find((use) => use.status === "rejected");
    expect(appCodeOf(refused?.reason)).toBe("NOT_FOUND");
    const before = await db.user.findUniqueOrThrow({ where: { id: bob.id } });
    const again = await new HttpSession(app.url).trpc.account.resetPassword.mutate({ token, password: "third new password" }).catch((error: unknown) => error);
    expect(appCodeOf(again)).toBe("NOT_FOUND");
    expect((again as Error).message).toMatch(/expired, was already used/);
    expect(await db.user.findUniqueOrThrow({ where: { id: bob.id } })).toEqual(before);
  });

  it("refuses an expired link and a tampered one, and changes nothing", async () => {
    const cleo = await createAccount(db, "Cleo");
    const token = await resetLinkFor(cleo);
    const before = await db.user.findUniqueOrThrow({ where: { id: cleo.id } });
    const [value = "", signature = ""] = token.split(".");
    const otherId = Buffer.from(randomUUID()).toString("base64url");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    // A valid signature for another purpose is no reset link either.
    const otherPurpose = new SignedLinks(TEST_AUTH_SECRET).sign("verify-email", Buffer.from(value, "base64url").toString("utf8"));
    for (const bad of [`${value}.${flipped}`, `${otherId}.${signature}`, otherPurpose, "garbage"]) {
      const error = await new HttpSession(app.url).trpc.account.resetPassword.mutate({ token: bad, password: NEW_PASSWORD }).catch((caught: unknown) => caught);
      expect(appCodeOf(error), bad).toBe("NOT_FOUND");
    }
    await db.accountToken.updateMany({ where: { userId: cleo.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await new HttpSession(app.url).trpc.account.resetPassword.mutate({ token, password: NEW_PASSWORD }).catch((caught: unknown) => caught);
    expect(appCodeOf(expired)).toBe("NOT_FOUND");
    expect(await db.user.findUniqueOrThrow({ where: { id: cleo.id } })).toEqual(before);
    expect(await new HttpSession(app.url).signIn(cleo.email, cleo.password)).toBeNull();
  });

  it("answers an unknown address as it answers a known one, and sends it nothing", async () => {
    const dora = await createAccount(db, "Dora");
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const [known, stranger] = [await requestReset(dora.email), await requestReset(unknown)];
    expect(stranger).toEqual(known);
    await mailTo(dora.email, /password/i);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.to(unknown)).toEqual([]);
    expect(await outboxTo(unknown)).toEqual([]);
  });

  it("limits a flood of requests for one address, known or not, and sends nothing more", async () => {
    const eve = await createAccount(db, "Eve");
    const unknown = `flood-${randomUUID().slice(0, 8)}@example.com`;
    for (const address of [eve.email, unknown]) {
      const outcomes: string[] = [];
      for (let i = 0; i < 7; i++)
        outcomes.push(
          await requestReset(address).then(
            () => "ok",
            (error: unknown) => appCodeOf(error),
          ),
        );
      expect(outcomes, address).toEqual(["ok", "ok", "ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await outboxTo(eve.email)).toHaveLength(5);
  });
});

describe("email verification", () => {
  it("sends a link with the new account that confirms the address once; the link can be sent again", async () => {
    const session = new HttpSession(app.url);
    const email = `fay-${randomUUID().slice(0, 8)}@example.com`;
    await session.trpc.account.signUp.mutate({ name: "Fay", email, password: "fay's long password" });
    expect(await session.signIn(email, "fay's long password")).toBeNull();
    expect((await session.trpc.account.me.query()).emailVerified).toBe(false);

    expect(await session.trpc.account.resendVerification.mutate()).toEqual({ sent: true, emailOn: true });
    const first = linkToken(await mailTo(email, /Confirm your email/), "verify-email");
    await mailTo(email, /Confirm your email/, 1);
    expect(await new HttpSession(app.url).trpc.account.verifyEmail.mutate({ token: first })).toEqual({ email });
    expect((await session.trpc.account.me.query()).emailVerified).toBe(true);
    expect(appCodeOf(await new HttpSession(app.url).trpc.account.verifyEmail.mutate({ token: first }).catch((error: unknown) => error))).toBe("NOT_FOUND");
    // Confirmed: nothing more to send.
    expect(await session.trpc.account.resendVerification.mutate()).toEqual({ sent: false, emailOn: true });
  });
});

describe("change of address", () => {
  it("moves the account to the new address from its link, tells the old one, and ends every session", async () => {
    const gus = await createAccount(db, "Gus");
    const [here, elsewhere] = [await signedIn(app.url, gus), await signedIn(app.url, gus)];
    const newEmail = `gus-new-${randomUUID().slice(0, 8)}@example.com`;
    const wrong = await here.trpc.account.requestEmailChange.mutate({ newEmail, password: "not my password" }).catch((error: unknown) => error);
    expect(appCodeOf(wrong)).toBe("BAD_REQUEST");
    expect(await outboxTo(newEmail)).toEqual([]);

    await here.trpc.account.requestEmailChange.mutate({ newEmail, password: gus.password });
    const token = linkToken(await mailTo(newEmail, /Confirm your new email/), "change-email");
    expect((await db.user.findUniqueOrThrow({ where: { id: gus.id } })).email).toBe(gus.email);
    expect(await new HttpSession(app.url).trpc.account.confirmEmailChange.mutate({ token })).toEqual({ email: newEmail });

    const told = await mailTo(gus.email, /was changed/);
    expect(told.parsed.text).toContain(newEmail);
    for (const session of [here, elsewhere]) expect(appCodeOf(await session.trpc.account.me.query().catch((error: unknown) => error))).toBe("UNAUTHORIZED");
    const again = new HttpSession(app.url);
    expect(await again.signIn(newEmail, gus.password)).toBeNull();
    expect(await again.trpc.account.me.query()).toMatchObject({ email: newEmail, emailVerified: true });
  });

  it("answers the same for an address another account has, sends nothing to it, and refuses a link whose address was taken meanwhile", async () => {
    const [hal, ivy] = [await createAccount(db, "Hal"), await createAccount(db, "Ivy")];
    const hal1 = await signedIn(app.url, hal);
    const taken = await hal1.trpc.account.requestEmailChange.mutate({ newEmail: ivy.email, password: hal.password });
    const free = `hal-new-${randomUUID().slice(0, 8)}@example.com`;
    const open = await hal1.trpc.account.requestEmailChange.mutate({ newEmail: free, password: hal.password });
    expect(taken).toEqual(open);
    const token = linkToken(await mailTo(free, /Confirm your new email/), "change-email");
    expect(await outboxTo(ivy.email)).toEqual([]);

    await db.user.update({ where: { id: ivy.id }, data: { email: free } });
    const refused = await new HttpSession(app.url).trpc.account.confirmEmailChange.mutate({ token }).catch((error: unknown) => error);
    expect(appCodeOf(refused)).toBe("CONFLICT");
    expect((await db.user.findUniqueOrThrow({ where: { id: hal.id } })).email).toBe(hal.email);
    expect((await hal1.trpc.account.me.query()).email).toBe(hal.email);
  });
});

describe("settings and bad input", () => {
  it("saves a name and a time zone, and refuses an unknown zone and a name with a line break, writing nothing", async () => {
    const jo = await signedIn(app.url, await createAccount(db, "Jo"));
    expect(await jo.trpc.account.updateProfile.mutate({ name: "Jo Bloggs", timeZone: "europe/paris" })).toMatchObject({
      name: "Jo Bloggs",
      timeZone: "Europe/Paris",
    });
    for (const input of [
      { name: "Jo", timeZone: "Mars/Olympus_Mons" },
      { name: "Jo\r\nBcc: victim@example.com", timeZone: null },
    ]) {
      expect(appCodeOf(await jo.trpc.account.updateProfile.mutate(input).catch((error: unknown) => error))).toBe("BAD_REQUEST");
    }
    expect(await jo.trpc.account.me.query()).toMatchObject({ name: "Jo Bloggs", timeZone: "Europe/Paris" });
    expect(await jo.trpc.account.updateProfile.mutate({ name: null, timeZone: null })).toMatchObject({ name: null, timeZone: null });
  });

  it("refuses an invalid address for a reset with a clear error, and sends nothing", async () => {
    const error = await requestReset("not an address").catch((caught: unknown) => caught);
    expect(appCodeOf(error)).toBe("BAD_REQUEST");
  });
});

describe("unsubscribe", () => {
  const links = new SignedLinks(TEST_AUTH_SECRET);
  const tokenFor = (email: string, kind = "interviewReminder") => links.sign("unsubscribe", JSON.stringify({ email, kind }));

  it("shows a button on GET and records the opt-out on a one-click POST, once", async () => {
    const email = `kim-${randomUUID().slice(0, 8)}@example.com`;
    const page = await fetch(`${app.url}/unsubscribe/${tokenFor(email)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect(await db.emailOptOut.findMany({ where: { email } })).toEqual([]);
    for (let i = 0; i < 2; i++) {
      const posted = await fetch(`${app.url}/unsubscribe/${tokenFor(email)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(posted.status).toBe(200);
    }
    expect(await db.emailOptOut.findMany({ where: { email } })).toMatchObject([{ email, kind: "interviewReminder" }]);
  });

  it("answers a bad token with a 400 page and writes nothing", async () => {
    const email = `lee-${randomUUID().slice(0, 8)}@example.com`;
    const good = tokenFor(email);
    for (const bad of [`${good.slice(0, -2)}xx`, tokenFor(email, "resetPassword"), "nonsense"]) {
      const posted = await fetch(`${app.url}/unsubscribe/${bad}`, { method: "POST", body: "List-Unsubscribe=One-Click" });
      expect(posted.status, bad).toBe(400);
      expect(await posted.text()).toContain("does not work");
    }
    expect(await db.emailOptOut.findMany({ where: { email } })).toEqual([]);
  });
});
