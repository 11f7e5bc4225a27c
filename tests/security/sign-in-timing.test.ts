import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, type Account } from "../support/fixtures";
import { HttpSession } from "../support/http-session";

/**
 * Whether an address has an account must not show in how long a failed sign-in takes: a wrong password
 * and an unknown address (or an account without a password) cost the same password check. Measured
 * through next-auth's real credentials callback, as an attacker would time it.
 */

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;

beforeAll(async () => {
  // Behind a trusted proxy each attempt may come from an address of its own, so the per-address limit
  // (which counts failures) never cuts the measurement short.
  app = await startAppServer(databaseUrl, { env: { TRUST_PROXY: "true" } });
});

afterAll(async () => {
  await app.kill();
  await db.$disconnect();
});

/** Milliseconds the credentials callback takes to refuse this email and password; the CSRF round trip is not timed. */
async function timedFailure(email: string, password: string, attempt: number): Promise<number> {
  const session = new HttpSession(app.url);
  const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: app.url, json: "true" });
  const headers = { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `10.9.${attempt >> 8}.${attempt & 255}` };
  const started = performance.now();
  const response = await session.fetch("/api/auth/callback/credentials", { method: "POST", headers, body });
  const { url } = (await response.json()) as { url: string };
  const elapsed = performance.now() - started;
  expect(new URL(url).searchParams.get("error")).toBe("CredentialsSignin");
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ATTEMPTS = 30;
/** Each account takes ATTEMPTS / ACCOUNTS failures, under its lockout of 10. */
const ACCOUNTS = 4;

describe("a failed sign-in takes as long whether or not the account exists", () => {
  let accounts: Account[];
  const passwordless = Array.from({ length: ACCOUNTS }, (_, n) => `oauth-only-${n}@example.com`);

  beforeAll(async () => {
    accounts = await Promise.all(Array.from({ length: ACCOUNTS }, (_, n) => createAccount(db, `Timed${n}`)));
    // Accounts made through a provider (GitHub, Google) have an address and no password.
    await db.user.createMany({ data: passwordless.map((email) => ({ name: "OAuth only", email })) });
  });

  it("compares many interleaved attempts of each kind, round by round", async () => {
    const wrongPassword: number[] = [];
    const unknownEmail: number[] = [];
    const noPassword: number[] = [];
    // Warm up the route first: the first requests compile and connect.
    for (let n = 0; n < 3; n++) await timedFailure(`warm-${n}@example.com`, "whatever it is", n);
    for (let n = 0; n < ATTEMPTS; n++) {
      wrongPassword.push(await timedFailure(accounts[n % ACCOUNTS]!.email, `wrong password ${n}`, 100 + n));
      unknownEmail.push(await timedFailure(`nobody-${randomUUID().slice(0, 8)}@example.com`, `wrong password ${n}`, 200 + n));
      noPassword.push(await timedFailure(passwordless[n % ACCOUNTS]!, `wrong password ${n}`, 300 + n));
    }
    // Each kind against the wrong password of the same round: attempts made moments apart share the
    // machine's load, which on two busy cores varies more than the difference sought.
    const ratios = (times: number[]) => median(times.map((time, n) => time / wrongPassword[n]!));
    const summary = JSON.stringify({
      medianMs: { wrongPassword: median(wrongPassword), unknownEmail: median(unknownEmail), noPassword: median(noPassword) },
      medianRatio: { unknownEmail: ratios(unknownEmail), noPassword: ratios(noPassword) },
    });
    console.log("failed sign-in timings", summary);
    // Without the dummy check an unknown address answers in well under half the time (9 ms against 24 ms
    // on a quiet machine). The bounds are generous for two busy cores, and still far from that.
    for (const ratio of [ratios(unknownEmail), ratios(noPassword)]) {
      expect(ratio, summary).toBeGreaterThan(0.65);
      expect(ratio, summary).toBeLessThan(1 / 0.65);
    }
  });
});
