import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { startRealtime, type Realtime } from "@/server/realtime/server";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/test-auth";

const redisUrl = process.env.TEST_REDIS_URL;
const nodes: Realtime[] = [];

async function startNode(): Promise<{ realtime: Realtime; url: string }> {
  const httpServer = createServer();
  const realtime = await startRealtime(httpServer, { appUrl: "http://app.example", redisUrl, log: () => {} });
  nodes.push(realtime);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return { realtime, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.close("test over")));
});

// Runs wherever a Redis is configured (CI sets TEST_REDIS_URL when one answers on 127.0.0.1:6379).
describe.skipIf(!redisUrl)("Socket.IO across two nodes through Redis", () => {
  it("delivers a room broadcast from one node to a client connected to the other", async () => {
    process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
    const a = await startNode();
    const b = await startNode();
    const room = `test-room-${Date.now()}`;
    a.realtime.io.on("connection", (socket) => void socket.join(room));

    const client = connect(a.url, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie({ id: "u1", name: "Ada" }) } });
    await new Promise<void>((resolve) => client.once("connect", () => resolve()));
    // Joining happens in the connection handler; give the adapter a moment to subscribe.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const presence = { sessionId: "s1", userId: "u2", status: "connected" as const, at: new Date(0).toISOString() };
    const received = new Promise((resolve) => client.once("presence", resolve));
    b.realtime.io.to(room).emit("presence", presence);
    expect(await received).toEqual(presence);
    client.close();
  });
});
