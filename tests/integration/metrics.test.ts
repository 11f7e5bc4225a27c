import { afterAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { plannedInterview } from "../support/fixtures";
import { RoomClient } from "../support/room-client";

const TOKEN = "metrics-token-for-the-test-0123";
const { url: databaseUrl, db } = await fileDatabase();
const servers: AppServer[] = [];
const clients: RoomClient[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(servers.map((server) => server.kill()));
  await db.$disconnect();
});

describe("GET /metrics", () => {
  it("answers Prometheus text with the engine's figures, only with the configured bearer token", async () => {
    const app = await startAppServer(databaseUrl, { env: { METRICS_TOKEN: TOKEN } });
    servers.push(app);
    const { sessionId, interviewer } = await plannedInterview(db, "metrics", app.url);
    const iris = new RoomClient(app.url, interviewer.session.cookieHeader(), sessionId);
    clients.push(iris);
    await iris.joined();
    expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
    expect(await iris.command({ type: "revealFollowUp", questionId: "forged", followUpId: "forged" })).toMatchObject({ ok: false });

    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer wrong-token-of-the-same-length" } })).status).toBe(401);
    const response = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toMatch(/^mockroom_room_commands_total\{type="start",result="ok"\} 1$/m);
    expect(body).toMatch(/^mockroom_room_commands_total\{type="revealFollowUp",result="(NOT_FOUND|CONFLICT)"\} 1$/m);
    expect(body).toMatch(/^mockroom_room_command_duration_seconds_count\{type="start"\} 1$/m);
    expect(body).toMatch(/^mockroom_live_rooms 1$/m);
    expect(body).toMatch(/^mockroom_sockets 1$/m);
    expect(body).toMatch(/^mockroom_room_queue_depth 0$/m);
    expect(body).toMatch(/^mockroom_room_busy_total 0$/m);
    expect(body).toMatch(/^mockroom_db_pool_connections\{state="total"\} \d+$/m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds \S+$/m);
  });

  it("does not exist without METRICS_TOKEN", async () => {
    const app = await startAppServer(databaseUrl);
    servers.push(app);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});
