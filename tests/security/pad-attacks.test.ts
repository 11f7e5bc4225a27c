import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPadUpdates } from "@/server/domain/room";
import { PAD_PULL_MAX_BYTES, type PadPullResult, type Result, type ScratchpadEditMessage } from "@/server/realtime/protocol";
import { prunePadUpdates, prunesAt, PAD_PRUNE_EVERY } from "@/server/services/room/store";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { liveRoom } from "../support/live-room";
import { padClientOf, padSplice } from "../support/pad-updates";
import { RoomClient } from "../support/room-client";

// The pad attacked by a member who may type in it (the candidate), over the real Socket.IO surface:
// each attack was found by a review of the pad as an attacker reads it, and got through before.

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
async function codingRoom(tag: string) {
  const room = await liveRoom(db, server.url, tag, clients);
  const { questionId } = room;
  const push = (client: RoomClient, baseRevision: number, updates: unknown[]) =>
    client.command({ type: "editScratchpad", questionId, baseRevision, updates } as never);
  const pull = (client: RoomClient, since: number) =>
    client.socket.timeout(10_000).emitWithAck("pad:pull", { sessionId: room.sessionId, questionId, since }) as Promise<Result<PadPullResult>>;
  const stored = async () =>
    (
      await pool.query<{ version: number; clientId: string }>(
        `SELECT "version", "clientId" FROM "PadUpdate" WHERE "sessionId" = $1 AND "questionId" = $2 ORDER BY "version"`,
        [room.sessionId, questionId],
      )
    ).rows;
  return { ...room, push, pull, stored };
}

describe("the pad under attack by a member who may type", () => {
  it("refuses a change with an empty part, and the others' concurrent typing goes on", async () => {
    const room = await codingRoom("pad-empty-part");
    // [0] keeps nothing: it broke the mapping of every push rebased over it.
    for (const changes of [[0, [0, "x"]], [[0], [0, "x"]], [[0, ""]]]) {
      expect(await room.push(room.cody, 0, [{ clientID: room.cody.padClient, changes }])).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    expect(await room.stored()).toEqual([]);
    expect(await room.push(room.iris, 0, [padSplice(0, 0, 0, "def f():", room.iris.padClient)])).toMatchObject({ ok: true, revision: 1 });
    // Made on version 0, rebased over the interviewer's.
    expect(await room.push(room.cody, 0, [padSplice(0, 0, 0, "# mine\n", room.cody.padClient)])).toMatchObject({ ok: true, revision: 2 });
    const page = await room.pull(room.iris, 0);
    expect(page).toMatchObject({ ok: true, mode: "updates", more: false });
    if (!page.ok || page.mode !== "updates") return;
    expect(applyPadUpdates("", page.updates)).toBe("def f():# mine\n");
  });

  it("takes no push under another member's client id, which their editor would take for its own typing", async () => {
    const room = await codingRoom("pad-impersonation");
    const seenByIris: ScratchpadEditMessage[] = [];
    room.iris.socket.on("room:scratchpad", (message) => seenByIris.push(message));
    expect(await room.push(room.iris, 0, [padSplice(0, 0, 0, "abc", room.iris.padClient)])).toMatchObject({ ok: true, revision: 1 });
    // The candidate read the interviewer's id from the relay, and pushes under it, and under ids of no one.
    for (const clientID of [room.iris.padClient, "no-owner", `${room.iris.view!.viewer.userId}x_1`, `_${room.cody.padClient}`]) {
      expect(await room.push(room.cody, 1, [padSplice(3, 3, 3, "!", clientID)])).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await room.stored()).toEqual([{ version: 1, clientId: room.iris.padClient }]);
    expect(await room.push(room.cody, 1, [padSplice(3, 3, 3, "!", padClientOf(room.cody.view!.viewer.userId))])).toMatchObject({ ok: true, revision: 2 });
    await room.iris.until(() => seenByIris.some((message) => message.revision === 2));
    expect(seenByIris.flatMap((message) => message.updates.map((update) => update.clientID))).toEqual([room.iris.padClient, room.cody.padClient]);
  });

  it("answers pulls a page of bounded size at a time, one pull in flight per pad on a connection", async () => {
    const room = await codingRoom("pad-pull-pages");
    const big = "x".repeat(45_000);
    // Three 45,000-character pastes, each taken out again: six updates, 135,000 bytes of changes.
    let length = 0;
    for (let version = 0; version < 6; version++) {
      const update = version % 2 === 0 ? padSplice(0, 0, 0, big, room.cody.padClient) : padSplice(length, 0, length, "", room.cody.padClient);
      expect(await room.push(room.cody, version, [update])).toMatchObject({ ok: true, revision: version + 1 });
      length = version % 2 === 0 ? big.length : 0;
    }
    const first = await room.pull(room.iris, 0);
    expect(first).toMatchObject({ ok: true, mode: "updates", more: true });
    if (!first.ok || first.mode !== "updates") return;
    // 45,000 bytes and a deletion, twice: a third paste would pass the page's bytes.
    expect(first.updates.map((update) => update.version)).toEqual([1, 2, 3, 4]);
    expect(Buffer.byteLength(JSON.stringify(first.updates))).toBeLessThanOrEqual(PAD_PULL_MAX_BYTES + 1024);
    const rest: number[] = first.updates.map((update) => update.version);
    for (let since = 4, more = true; more;) {
      const page = await room.pull(room.iris, since);
      if (!page.ok || page.mode !== "updates") throw new Error("the pull was refused");
      rest.push(...page.updates.map((update) => update.version));
      since = page.updates.at(-1)?.version ?? since;
      more = page.more;
    }
    expect(rest).toEqual([1, 2, 3, 4, 5, 6]);
    // Many pulls at once on one connection: one at a time is served, the others are told to wait.
    const answers = await Promise.all(Array.from({ length: 6 }, () => room.pull(room.cody, 0)));
    expect(answers.filter((answer) => answer.ok).length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.code)).toContain("RATE_LIMITED");
  });

  it("charges pushes by their size, so a flood of large pastes is stopped long before one of keystrokes", async () => {
    const room = await codingRoom("pad-byte-budget");
    const paste = randomBytes(22_000).toString("hex");
    let version = 0;
    let taken = 0;
    let refused = 0;
    for (let i = 0; i < 40 && refused === 0; i++) {
      const updates = [padSplice(0, 0, 0, paste, room.cody.padClient), padSplice(paste.length, 0, paste.length, "", room.cody.padClient)];
      const answer = await room.push(room.cody, version, updates);
      if (answer.ok) {
        taken++;
        version += 2;
      } else {
        expect(answer.code).toBe("RATE_LIMITED");
        refused++;
      }
    }
    // 44 KB a push costs 11 of the 100 tokens a burst has (and 40 come back a second).
    expect(refused).toBe(1);
    expect(taken).toBeLessThan(20);
    expect((await room.stored()).length).toBe(2 * taken);
  });
});

describe("the pad's stored updates", () => {
  it("are pruned behind a checkpoint to the newest that fit the bound, at every so many versions", async () => {
    const room = await codingRoom("pad-prune");
    const updates = Array.from({ length: 20 }, (_, i) => ({ version: i + 1, changes: [i, [0, randomBytes(500).toString("hex")]] }));
    for (const update of updates) {
      await pool.query(
        `INSERT INTO "PadUpdate" ("sessionId", "questionId", "version", "clientId", "changes", "authorId", "createdAt") VALUES ($1, $2, $3, 'c_1', $4, 'a', now())`,
        [room.sessionId, room.questionId, update.version, JSON.stringify(update.changes)],
      );
    }
    const sizes = (
      await pool.query<{ size: number }>(`SELECT pg_column_size("changes") AS "size" FROM "PadUpdate" WHERE "sessionId" = $1 ORDER BY "version"`, [
        room.sessionId,
      ])
    ).rows.map((row) => row.size);
    // Keep what the newest four behind the checkpoint at 15 take: versions 12 to 15; 16 on are after it.
    const kept = sizes.slice(11, 15).reduce((sum, size) => sum + size, 0);
    expect(await prunePadUpdates(pool, room.sessionId, room.questionId, 15, kept)).toBe(11);
    expect((await room.stored()).map((row) => row.version)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(await prunePadUpdates(pool, room.sessionId, room.questionId, 15, kept)).toBe(0);
    expect([prunesAt(0, PAD_PRUNE_EVERY - 1), prunesAt(PAD_PRUNE_EVERY - 1, PAD_PRUNE_EVERY), prunesAt(10, 3 * PAD_PRUNE_EVERY)]).toEqual([false, true, true]);
  });
});
