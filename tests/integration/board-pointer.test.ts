import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffView } from "@/server/domain/room";
import type { BoardPointerMessage } from "@/server/realtime/protocol";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { plannedInterview } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";
import { RoomClient } from "../support/room-client";

// Whiteboard pointers over real Socket.IO against the real server: relayed to the other members who see
// the board, from those who draw, on an asked question of a live interview; written nowhere.

const { db, url: databaseUrl } = await fileDatabase();
let server: AppServer;
const clients: RoomClient[] = [];

beforeAll(async () => {
  server = await startAppServer(databaseUrl);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.kill("SIGKILL");
  await db.$disconnect();
});

async function connect(session: HttpSession, sessionId: string): Promise<RoomClient> {
  const client = new RoomClient(server.url, session.cookieHeader(), sessionId);
  clients.push(client);
  await client.joined();
  return client;
}

function pointersTo(client: RoomClient): BoardPointerMessage[] {
  const received: BoardPointerMessage[] = [];
  client.socket.on("board:pointer", (message) => received.push(message));
  return received;
}

/** Lets anything relayed arrive before asserting that it did not. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("whiteboard pointers", () => {
  it("reach the other members on an asked question's board, and nobody on one not asked or from an observer", async () => {
    const { sessionId, interviewer, candidate, observer } = await plannedInterview(db, "board-pointer", server.url);
    const iris = await connect(interviewer.session, sessionId);
    const cody = await connect(candidate.session, sessionId);
    const olga = await connect(observer.session, sessionId);
    const [toIris, toCody, toOlga] = [pointersTo(iris), pointersTo(cody), pointersTo(olga)];
    const [asked, notAsked] = (iris.view as StaffView).questions.map((question) => question.id);
    const pointer = (questionId: string | undefined) => ({ sessionId, questionId, x: 140.5, y: -20, button: "down", tool: "laser" });

    // Before the interview starts, no board is open.
    expect(await iris.emit("board:pointer", pointer(asked))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
    await cody.until((view) => view.status === "live");
    const events = await db.sessionEvent.count({ where: { sessionId } });

    expect(await cody.emit("board:pointer", pointer(asked))).toEqual({ ok: true });
    await settle();
    const relayed = { ...pointer(asked), userId: candidate.id };
    expect(toIris).toEqual([relayed]);
    expect(toOlga).toEqual([relayed]);
    expect(toCody).toEqual([]);

    // Staff see the second question's board already; it is not drawn on, nor pointed at, before it is asked.
    expect(await iris.emit("board:pointer", pointer(notAsked))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await olga.emit("board:pointer", pointer(asked))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await cody.emit("board:pointer", { ...pointer(asked), x: Number.MAX_VALUE })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    await settle();
    expect(toCody).toEqual([]);
    expect(toIris).toHaveLength(1);
    expect(toOlga).toHaveLength(1);
    expect(await db.sessionEvent.count({ where: { sessionId } })).toBe(events);
  });
});
