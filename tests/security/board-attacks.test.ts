import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOARD_LIMITS } from "@/server/domain/board/board";
import { BOARD_COORDINATE_MAX, BOARD_TEXT_MAX, type BoardElement } from "@/server/domain/board/board-element";
import { rectangle } from "@/server/domain/board/test-elements";
import type { CandidateView, StaffView } from "@/server/domain/room";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { liveRoom } from "../support/live-room";
import { RoomClient } from "../support/room-client";

// The whiteboard attacked by a member who may draw (the candidate), over the real Socket.IO surface
// against the real app: a flood of elements, elements no whiteboard makes, a board filled to its limit.
// Each refusal is clear, writes nothing, and the room goes on working for the interviewer.

const { db, pool, url: databaseUrl } = await fileDatabase();
let server: AppServer;
const clients: RoomClient[] = [];

beforeAll(async () => {
  server = await startAppServer(databaseUrl);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.kill();
  await db.$disconnect();
  await pool.end();
});

/** A live interview on its first question, with the interviewer and the candidate in the room. */
async function drawingRoom(tag: string) {
  const room = await liveRoom(db, server.url, tag, clients);
  const { questionId, sessionId } = room;
  const draw = (client: RoomClient, elements: unknown[]) => client.command({ type: "drawOnBoard", questionId, elements } as never);
  /** The room's log: what was written, by type. */
  const logged = async () =>
    (
      await pool.query<{ type: string; count: number }>(
        `SELECT "type", count(*)::int AS "count" FROM "SessionEvent" WHERE "sessionId" = $1 GROUP BY "type" ORDER BY "type"`,
        [sessionId],
      )
    ).rows;
  const boardChanges = async () => (await logged()).find((row) => row.type === "boardChanged")?.count ?? 0;
  return { ...room, draw, logged, boardChanges };
}

const box = (id: string, fields: Partial<BoardElement> = {}) => rectangle({ id, x: 10, y: 10, ...fields } as never);

describe("the whiteboard under attack by a member who may draw", () => {
  it("stops an element flood at the socket's budget, stores only what it took, and the interviewer goes on", async () => {
    const room = await drawingRoom("board-flood");
    const started = Date.now();
    // 1,000 pushes of a new element each, all sent at once without waiting for an answer.
    const flood = Array.from({ length: 1_000 }, (_, i) => room.draw(room.cody, [box(`flood-${i}`)]));
    // Meanwhile the interviewer draws and writes a note: their socket has its own budget.
    const interviewer = [room.draw(room.iris, [box("interviewer-box")]), room.iris.command({ type: "addNote", body: "During the flood" } as never)];
    const answers = await Promise.all(flood);
    const seconds = (Date.now() - started) / 1000;
    const taken = answers.filter((answer) => answer.ok).length;
    const refused = answers.filter((answer) => !answer.ok);
    // A burst of 100 tokens and 40 more a second: the rest is refused, with the wait to retry after.
    expect(taken).toBeGreaterThanOrEqual(50);
    expect(taken).toBeLessThanOrEqual(100 + Math.ceil(40 * seconds) + 5);
    expect(refused.length).toBe(1_000 - taken);
    for (const answer of refused) expect(answer).toMatchObject({ ok: false, code: "RATE_LIMITED", retryAfterMs: expect.any(Number) });
    for (const answer of await Promise.all(interviewer)) expect(answer).toMatchObject({ ok: true });
    // One event per push taken (and the interviewer's drawing), nothing for a refused one.
    expect(await room.boardChanges()).toBe(taken + 1);
    const board = (await room.iris.until((view) => Object.keys((view as StaffView).questions[0]!.board.elements).length === taken + 1)) as StaffView;
    expect(Object.keys(board.questions[0]!.board.elements).filter((id) => id.startsWith("flood-"))).toHaveLength(taken);
  });

  it("refuses elements no whiteboard makes, each with a clear message, and writes nothing", async () => {
    const room = await drawingRoom("board-bad-elements");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = await room.logged();
    const bad: Array<[string, unknown[]]> = [
      ["not an element", [{ id: "x", type: "rectangle" }]],
      ["an image", [{ ...box("img"), type: "image", fileId: "f", status: "saved", scale: [1, 1] }]],
      ["an embed", [{ ...box("embed"), type: "embeddable" }]],
      ["text past the limit", [{ ...box("long"), type: "text", text: "t".repeat(BOARD_TEXT_MAX + 1), originalText: "t", fontSize: 20, fontFamily: 5 }]],
      ["a shape far off the board", [box("far", { x: BOARD_COORDINATE_MAX * 10 })]],
      ["a script link", [box("link", { link: "javascript:alert(1)" })]],
      ["more elements than one push may carry", Array.from({ length: BOARD_LIMITS.perPush + 1 }, (_, i) => box(`many-${i}`))],
      ["no elements", []],
    ];
    for (const [what, elements] of bad) {
      const answer = await room.draw(room.cody, elements);
      expect(answer, what).toMatchObject({ ok: false, code: "BAD_REQUEST", message: expect.stringMatching(/\w+/) });
    }
    expect(await room.logged()).toEqual(before);
    // The same member's honest drawing is taken after all that.
    expect(await room.draw(room.cody, [box("honest")])).toMatchObject({ ok: true });
  });

  it("refuses drawing past the board's size with the limit's message, and the members can still move what is there", async () => {
    const room = await drawingRoom("board-full");
    // Filled in pushes of the largest size (sent as a whiteboard does, retried when rate limited) until
    // the board refuses one: its megabyte of drawing comes before its 5,000 elements with shapes this size.
    const push = (from: number) =>
      room.cody.send({
        type: "drawOnBoard",
        questionId: room.questionId,
        elements: Array.from({ length: BOARD_LIMITS.perPush }, (_, i) => box(`full-${from + i}`)),
      } as never);
    let pushes = 0;
    let answer = await push(0);
    while (answer.ok && pushes < 20) answer = await push(++pushes * BOARD_LIMITS.perPush);
    expect(pushes).toBeGreaterThan(3);
    expect(answer).toEqual({
      ok: false,
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/^The whiteboard holds at most 5,000 elements and 1 MB of drawing, .* That drawing was not added\.$/),
    });
    const changes = await room.boardChanges();
    expect(changes).toBe(pushes);
    await room.cody.until((seen) => Object.keys((seen as CandidateView).current?.board.elements ?? {}).length === pushes * BOARD_LIMITS.perPush);
    // Moving an element the board has makes it no larger.
    expect(
      await room.iris.send({ type: "drawOnBoard", questionId: room.questionId, elements: [box("full-0", { version: 2, x: 500 })] } as never),
    ).toMatchObject({
      ok: true,
    });
    expect(await room.boardChanges()).toBe(changes + 1);
  });
});
