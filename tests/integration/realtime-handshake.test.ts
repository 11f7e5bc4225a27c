import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRealtime, type Realtime } from "@/server/realtime/server";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/test-auth";

let httpServer: HttpServer;
let realtime: Realtime;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  httpServer = createServer();
  realtime = await startRealtime(httpServer, { appUrl: "http://app.example", log: () => {} });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await realtime.close("test over");
});

function open(headers: Record<string, string>): Socket {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: headers, reconnection: false });
  sockets.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<{ connected: true } | { connected: false; message: string }> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (error) => resolve({ connected: false, message: error.message }));
  });
}

describe("Socket.IO handshake", () => {
  it("refuses a socket without a session with connect_error 'unauthorized'", async () => {
    expect(await outcome(open({}))).toEqual({ connected: false, message: "unauthorized" });
  });

  it("refuses a session cookie signed with another secret", async () => {
    const forged = await sessionCookie({ id: "u1", name: "Eve" }, "some-other-secret-that-is-also-long-enough-000");
    expect(await outcome(open({ cookie: forged }))).toEqual({ connected: false, message: "unauthorized" });
  });

  it("accepts the app's session cookie and answers the clock sync", async () => {
    const socket = open({ cookie: await sessionCookie({ id: "u1", name: "Ada" }) });
    expect(await outcome(socket)).toEqual({ connected: true });
    const before = Date.now();
    const reply = (await socket.timeout(2000).emitWithAck("time:sync", { clientSentAt: before })) as { ok: boolean; serverNow: number };
    expect(reply.ok).toBe(true);
    expect(reply.serverNow).toBeGreaterThanOrEqual(before);
  });

  it("accepts the session token as a Bearer header, for clients without cookies", async () => {
    const token = (await sessionCookie({ id: "bot", name: "Load bot" })).split("=")[1] ?? "";
    expect(await outcome(open({ authorization: `Bearer ${token}` }))).toEqual({ connected: true });
  });

  it("refuses a browser on another origin even with a valid session", async () => {
    const socket = open({ cookie: await sessionCookie({ id: "u1", name: "Ada" }), origin: "http://evil.example" });
    const result = await outcome(socket);
    expect(result.connected).toBe(false);
  });

  it("accepts the configured app origin", async () => {
    const socket = open({ cookie: await sessionCookie({ id: "u1", name: "Ada" }), origin: "http://app.example" });
    expect(await outcome(socket)).toEqual({ connected: true });
  });

  it("tells connected clients when the server shuts down", async () => {
    const socket = open({ cookie: await sessionCookie({ id: "u2", name: "Bob" }) });
    await outcome(socket);
    const notice = new Promise((resolve) => socket.once("server:shutdown", resolve));
    const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
    await realtime.close("maintenance");
    expect(await notice).toEqual({ reason: "maintenance" });
    expect(await disconnected).toBe("io server disconnect");
  });
});
