// docs/review-api.md: tRPC over HTTP takes the session token as `Authorization: Bearer <token>`, for
// clients without cookies, with the same rule as the Socket.IO handshake.
import { createTRPCClient, httpLink } from "@trpc/client";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/api/root";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, interviewOf } from "../support/fixtures";
import { appCodeOf, signedUpSession, type HttpSession } from "../support/http-session";
import { forgedSessionCookie, TEST_AUTH_SECRET } from "../support/test-auth";

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let ada: HttpSession;

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  ({ session: ada } = await signedUpSession(app.url, "Ada"));
});

afterAll(async () => {
  await app.kill();
  await db.$disconnect();
});

/** The token next-auth issued at a real sign-in, as a cookie-less client would keep it. */
function tokenOf(session: HttpSession): string {
  const token = /next-auth\.session-token=([^;]+)/.exec(session.cookieHeader())?.[1] ?? "";
  expect(token).not.toBe("");
  return token;
}

function bearerClient(authorization: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${app.url}/api/trpc`, transformer: superjson, headers: { authorization } })],
  });
}

/** The raw HTTP answer to interview.list with this Authorization header and no cookie. */
async function listWith(authorization: string): Promise<{ status: number; appCode: string | undefined }> {
  const response = await fetch(`${app.url}/api/trpc/interview.list`, { headers: { authorization } });
  // Errors are superjson-encoded like every answer.
  const body = (await response.json()) as { error?: { json?: { data?: { appCode?: string } } } };
  return { status: response.status, appCode: body.error?.json?.data?.appCode };
}

describe("tRPC over HTTP with a bearer session token", () => {
  it("answers as the signed-in person whose token it is", async () => {
    const user = (await ada.session()).user;
    if (!user) throw new Error("Ada is not signed in");
    const bob = await createAccount(db, "Bob");
    const { sessionId } = await interviewOf(db, { ...user, isGuest: false }, bob, "bearer");

    const asAda = bearerClient(`Bearer ${tokenOf(ada)}`);
    expect((await asAda.interview.list.query()).map((interview) => interview.id)).toContain(sessionId);
    expect((await asAda.review.session.query({ sessionId })).session.id).toBe(sessionId);

    const { session: cy } = await signedUpSession(app.url, "Cy");
    const asCy = bearerClient(`Bearer ${tokenOf(cy)}`);
    expect(await asCy.interview.list.query()).toEqual([]);
    expect(appCodeOf(await asCy.review.session.query({ sessionId }).catch((error: unknown) => error))).toBe("NOT_FOUND");
  });

  it("refuses a forged, expired or garbage token with 401 UNAUTHORIZED, never a 500", async () => {
    const user = (await ada.session()).user;
    if (!user) throw new Error("Ada is not signed in");
    const forged = (await forgedSessionCookie({ id: user.id, name: "Ada" }, "some-other-secret-that-is-also-long-enough-000")).split("=")[1];
    // Signed with the server's own secret, so only its expiry can refuse it.
    const expired = await encode({ token: { sub: user.id, name: "Ada", isGuest: false }, secret: TEST_AUTH_SECRET, maxAge: -3600 });
    const refused = [`Bearer ${forged}`, `Bearer ${expired}`, "Bearer not-a-token", "Bearer %E0%A4%A", "Bearer", `Basic ${tokenOf(ada)}`, "Bearer a.b.c.d.e"];
    for (const authorization of refused) {
      expect({ authorization, ...(await listWith(authorization)) }).toEqual({ authorization, status: 401, appCode: "UNAUTHORIZED" });
    }
    expect(app.stderr()).not.toMatch(/error/i);
  });

  it("grants no cross-origin caller the right to send it (no CORS)", async () => {
    const preflight = await fetch(`${app.url}/api/trpc/interview.list`, {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-headers")).toBeNull();
  });
});
