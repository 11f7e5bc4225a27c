import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { createAccount, signedIn } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";
import { forgedSessionCookie } from "../support/test-auth";

const { url: databaseUrl, db } = await fileDatabase();
let app: AppServer;
let ada: HttpSession;
const sockets: Socket[] = [];

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  ada = await signedIn(app.url, await createAccount(db, "Ada"));
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await app.kill();
  await db.$disconnect();
});

function open(headers: Record<string, string>): Socket {
  const socket = connect(app.url, { transports: ["websocket"], extraHeaders: headers, reconnection: false });
  sockets.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<{ connected: true } | { connected: false; message: string }> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (error) => resolve({ connected: false, message: error.message }));
  });
}

/** Engine.IO's first request, as a browser on `origin` would send it. */
function pollingHandshake(origin: string) {
  return ada.fetch("/socket.io/?EIO=4&transport=polling", { headers: { origin } });
}

describe("Socket.IO handshake", () => {
  it("refuses a socket without a session with connect_error 'unauthorized'", async () => {
    expect(await outcome(open({}))).toEqual({ connected: false, message: "unauthorized" });
  });

  it("refuses a session cookie signed with another secret", async () => {
    const forged = await forgedSessionCookie({ id: "u1", name: "Eve" }, "some-other-secret-that-is-also-long-enough-000");
    expect(await outcome(open({ cookie: forged }))).toEqual({ connected: false, message: "unauthorized" });
  });

  it("accepts the session cookie next-auth issued and answers the clock sync", async () => {
    const socket = open({ cookie: ada.cookieHeader() });
    expect(await outcome(socket)).toEqual({ connected: true });
    const before = Date.now();
    const reply = (await socket.timeout(2000).emitWithAck("time:sync", { clientSentAt: before })) as { ok: boolean; serverNow: number };
    expect(reply.ok).toBe(true);
    expect(reply.serverNow).toBeGreaterThanOrEqual(before);
  });

  it("accepts the session token as a Bearer header, for clients without cookies", async () => {
    const token = /next-auth\.session-token=([^;]+)/.exec(ada.cookieHeader())?.[1] ?? "";
    expect(token).not.toBe("");
    expect(await outcome(open({ authorization: `Bearer ${token}` }))).toEqual({ connected: true });
  });

  it("refuses a browser on another origin even with a valid session, and accepts the app's own", async () => {
    const foreign = await pollingHandshake("http://evil.example");
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ message: "origin not allowed" });
    expect(await outcome(open({ cookie: ada.cookieHeader(), origin: "http://evil.example" }))).toMatchObject({ connected: false });

    const own = await pollingHandshake(app.url);
    expect(own.status).toBe(200);
    expect(await outcome(open({ cookie: ada.cookieHeader(), origin: app.url }))).toEqual({ connected: true });
  });

  it("tells connected clients when the server shuts down", async () => {
    const socket = open({ cookie: ada.cookieHeader() });
    await outcome(socket);
    const notice = new Promise((resolve) => socket.once("server:shutdown", resolve));
    const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
    app.process.kill("SIGTERM");
    expect(await notice).toEqual({ reason: "Server is restarting" });
    expect(await disconnected).toBe("io server disconnect");
  });
});
