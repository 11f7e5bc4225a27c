// Issue 20, item 2: the request limits hold for a body that declares no length (chunked), on every route:
// the server cuts it as it arrives instead of reading it whole. A stranger gets 1 MB anywhere; only a
// signed-in bank upload may carry 32 MB.
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, interviewOf, signedIn } from "../support/fixtures";
import { HttpSession } from "../support/http-session";

const MB = 1024 * 1024;
const ATTACK = 100 * MB;
const CHUNK = Buffer.alloc(256 * 1024, "a");

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
});

afterAll(async () => {
  await app.kill();
  await db.$disconnect();
});

interface Outcome {
  status: number | undefined;
  body: string;
  /** Bytes the client had handed to its socket when the answer arrived. */
  sentWhenAnswered: number | undefined;
  /** From the answer to the server closing the connection while the client was still sending. */
  closedAfterAnswerMs: number | undefined;
  /** Whether the whole body was sent before the connection ended. */
  sentWhole: boolean;
}

/**
 * POSTs `prefix` then `total` bytes with no Content-Length: as fast as the server reads them until it
 * answers, then on and on, a chunk every 100 ms, as a client that does not read answers early would.
 * Resolves once the connection is closed.
 */
function streamChunked(path: string, contentType: string, prefix: string, total: number, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { status: undefined, body: "", sentWhenAnswered: undefined, closedAfterAnswerMs: undefined, sentWhole: false };
    let sent = 0;
    let answeredAt = 0;
    const req = request(`${app.url}${path}`, { method: "POST", headers: { ...headers, "content-type": contentType, "transfer-encoding": "chunked" } });
    req.on("response", (res) => {
      answeredAt = performance.now();
      outcome.status = res.statusCode;
      outcome.sentWhenAnswered = sent;
      res.setEncoding("utf8");
      res.on("data", (text: string) => (outcome.body += text));
      res.on("error", () => {});
    });
    req.on("error", () => {});
    req.on("close", () => {
      if (answeredAt) outcome.closedAfterAnswerMs = performance.now() - answeredAt;
      resolve(outcome);
    });
    const write = () => {
      while (sent < total && !req.destroyed) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once("drain", write);
        if (answeredAt) return void setTimeout(write, 100);
      }
      if (sent >= total && !req.destroyed) req.end(() => (outcome.sentWhole = true));
    };
    req.write(prefix);
    write();
  });
}

function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

function expectCut(outcome: Outcome, limitMb: number): void {
  expect(outcome.status).toBe(413);
  expect(JSON.parse(outcome.body)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: `Requests are limited to ${limitMb} MB.` } });
  // Answered once the limit was passed, long before the client had sent it all.
  expect(outcome.sentWhenAnswered).toBeGreaterThan(limitMb * MB);
  expect(outcome.sentWhenAnswered).toBeLessThan(limitMb * MB + 16 * MB);
  // And the rest is not read: the server closed the connection within seconds of its answer.
  expect(outcome.sentWhole).toBe(false);
  expect(outcome.closedAfterAnswerMs).toBeLessThan(8_000);
}

describe("a chunked request body past the limit", () => {
  it("is cut at 1 MB with 413 on a tRPC procedure, without signing in", async () => {
    const pid = app.process.pid ?? 0;
    const before = residentBytes(pid);
    expectCut(await streamChunked("/api/trpc/account.signUp", "application/json", '{"json":{"name":"', ATTACK), 1);
    // Before the cut, 100 MB grew the server by about 400 MB; what may be held now is at most the limit's worth.
    expect(residentBytes(pid) - before).toBeLessThan(100 * MB);
  });

  it("is cut at 1 MB with 413 on the next-auth credentials callback", async () => {
    expectCut(await streamChunked("/api/auth/callback/credentials", "application/x-www-form-urlencoded", "email=", ATTACK), 1);
  });

  it("is cut at 1 MB on the bank upload for a stranger, at 32 MB for someone signed in", async () => {
    const path = "/api/trpc/bank.preview,bank.import?batch=1";
    // tRPC may refuse the stranger (401) before it reads the body; either way no more than 1 MB is read.
    const stranger = await streamChunked(path, "application/json", '{"0":{"json":{"files":[{"name":"a.md","content":"', ATTACK);
    expect([401, 413]).toContain(stranger.status);
    expect(stranger.sentWhenAnswered).toBeLessThan(1 * MB + 16 * MB);
    expect(stranger.sentWhole).toBe(false);
    // A guest (a candidate who joined by link) may not import, so gets no more than a stranger.
    const world = await interviewOf(db, await createAccount(db, "Iris"), await createAccount(db, "Olga"), "body-limit");
    const guest = new HttpSession(app.url);
    expect(await guest.guestSignIn("Gus", world.candidateToken)).toBeFalsy();
    const asGuest = await streamChunked(path, "application/json", '{"0":{"json":{"files":[{"name":"a.md","content":"', ATTACK, {
      cookie: guest.cookieHeader(),
    });
    expect([403, 413]).toContain(asGuest.status);
    expect(asGuest.sentWhenAnswered).toBeLessThan(1 * MB + 16 * MB);
    const session = await signedIn(app.url, await createAccount(db, "Uma"));
    const cookie = { cookie: session.cookieHeader() };
    expectCut(await streamChunked(path, "application/json", '{"0":{"json":{"files":[{"name":"a.md","content":"', ATTACK, cookie), 32);
  });

  it("leaves a chunked body under the limit to the app, and the server serving", async () => {
    const email = `chunked-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const body = JSON.stringify({ json: { name: "Chunked Carol", email, password: "correct horse battery" } });
    const answer = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      const req = request(`${app.url}/api/trpc/account.signUp`, {
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode, body: text }));
      });
      req.on("error", reject);
      for (let i = 0; i < body.length; i += 16) req.write(body.slice(i, i + 16));
      req.end();
    });
    expect(answer.status).toBe(200);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    // A cut request is a client gone away to whoever was reading it, not a failure to log.
    expect(app.stderr()).toBe("");
  });
});
