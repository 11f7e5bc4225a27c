import { padClientOf, padSplice } from "@/tests/support/pad-updates";
import { processRuntime } from "@/server/platform/process-runtime";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor, Command } from "@/server/domain/room";
import { AppError, RetryLaterError } from "@/server/platform/errors";
import { ENGINE_LIMITS, RoomEngine, type RoomPublisher } from "@/server/services/room/engine";
import { executeCommand, joinRoom, warmLiveRooms } from "@/server/services/room/actions";
import { fileDatabase, roomCommand } from "../support/db";
import { createAccount, interviewOf } from "../support/fixtures";
import { acceptInvite } from "@/server/services/invites/links";

const database = await fileDatabase();
const { db, pool, rooms } = database;

afterAll(async () => {
  rooms.close();
  await pool.end();
  await db.$disconnect();
});

describe("the room engine under a burst of joins", () => {
  it("admits every member of many rooms joining at once, as after a restart, with every join and presence recorded once", async () => {
    const owner = await createAccount(db, "Owner");
    const observer = await createAccount(db, "Watcher");
    const worlds = [];
    for (let i = 0; i < 40; i++) {
      const world = await interviewOf(db, owner, observer, `burst-${i}`);
      const candidate = await createAccount(db, `Cand${i}`);
      await acceptInvite(db, processRuntime().engine, candidate, world.candidateToken, new Date());
      worlds.push({ ...world, candidate });
    }
    // Everyone within a few milliseconds, twice over (two tabs each), as after a restart: joins arrive
    // while other rooms' statements are in flight and rooms wait their turn.
    const joins = worlds.flatMap((world) =>
      [owner, observer, world.candidate, owner, world.candidate].map(async (user) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
        return joinRoom(rooms, pool, {
          sessionId: world.sessionId,
          actor: { userId: user.id, role: user === owner ? "INTERVIEWER" : user === observer ? "OBSERVER" : "CANDIDATE" },
          name: user.name,
          lastSeq: null,
          now: new Date(),
          subscribedAt: performance.now(),
        });
      }),
    );
    const results = await Promise.allSettled(joins);
    expect(results.filter((result) => result.status === "rejected").map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    for (const world of worlds) {
      const log = await db.sessionEvent.findMany({ where: { sessionId: world.sessionId }, orderBy: { seq: "asc" }, select: { seq: true, type: true } });
      expect(log.map((event) => event.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log.filter((event) => event.type === "participantJoined")).toHaveLength(3);
      expect(log.filter((event) => event.type === "presenceChanged")).toHaveLength(3);
    }
  });
});

describe("warming the engine at start", () => {
  it("loads the rooms of the interviews running now, and only those, with the state a fresh load gives", async () => {
    const owner = await createAccount(db, "Warm owner");
    const observer = await createAccount(db, "Warm watcher");
    const live = await interviewOf(db, owner, observer, "warm-live");
    const planned = await interviewOf(db, owner, observer, "warm-planned");
    await roomCommand(database, live.sessionId, owner.id, { type: "join", name: "Owner" });
    await roomCommand(database, live.sessionId, owner.id, { type: "start" });
    await roomCommand(database, live.sessionId, owner.id, { type: "addNote", body: "before the restart" });
    await roomCommand(database, planned.sessionId, owner.id, { type: "join", name: "Owner" });

    const restarted = new RoomEngine(pool, { events: () => {}, scratchpadEdit: () => {}, sessionDeleted: () => {} });
    try {
      const liveNow = await db.interviewSession.count({ where: { status: "LIVE" } });
      expect(await warmLiveRooms(restarted, pool)).toBe(liveNow);
      expect(restarted.stats().rooms).toBe(liveNow);
      expect(await warmLiveRooms(restarted, pool)).toBe(0);
      // The warmed room is the room: a join decides on it and sees the note written before.
      const joined = await joinRoom(restarted, pool, {
        sessionId: live.sessionId,
        actor: { userId: owner.id, role: "INTERVIEWER" },
        name: "Owner",
        lastSeq: null,
        now: new Date(),
        subscribedAt: null,
      });
      expect(joined.mode === "snapshot" && joined.view.role === "INTERVIEWER" && joined.view.notes.map((note) => note.body)).toEqual(["before the restart"]);
      expect(restarted.stats().rooms).toBe(liveNow);
    } finally {
      restarted.close();
    }
  });
});

/** A publisher that records what the engine published, in order. */
function recorder() {
  const published: { kind: "events" | "scratchpadEdit"; seqs: number[]; revision?: number }[] = [];
  const publisher: RoomPublisher = {
    events: (_state, events) => published.push({ kind: "events", seqs: events.map((e) => e.seq) }),
    scratchpadEdit: (_state, edit) => published.push({ kind: "scratchpadEdit", seqs: [], revision: edit.revision }),
    sessionDeleted: () => {},
  };
  return { published, publisher };
}

/** A started interview with its three members joined, on an engine of its own (a node of its own). */
async function startedRoom(tag: string) {
  const owner = await createAccount(db, `Owner ${tag}`);
  const observer = await createAccount(db, `Watcher ${tag}`);
  const candidate = await createAccount(db, `Cand ${tag}`);
  const world = await interviewOf(db, owner, observer, tag);
  await acceptInvite(db, processRuntime().engine, candidate, world.candidateToken, new Date());
  const { published, publisher } = recorder();
  const engine = new RoomEngine(pool, publisher);
  const interviewer: Actor = { userId: owner.id, role: "INTERVIEWER" };
  const candidateActor: Actor = { userId: candidate.id, role: "CANDIDATE" };
  let key = 0;
  const run = (actor: Actor, command: Command, idempotencyKey = `${tag}-${++key}`) =>
    executeCommand(engine, { sessionId: world.sessionId, actor, idempotencyKey, command, now: new Date() });
  await run(interviewer, { type: "join", name: "Owner" });
  await run(candidateActor, { type: "join", name: "Cand" });
  await run(interviewer, { type: "start" });
  const events = () => db.sessionEvent.findMany({ where: { sessionId: world.sessionId }, orderBy: { seq: "asc" } });
  return { ...world, engine, published, interviewer, candidate: candidateActor, run, events };
}

describe("the room engine, command by command", () => {
  it("writes a command's events with the next sequence numbers and publishes them only after the commit", async () => {
    const room = await startedRoom("seq");
    try {
      const before = (await room.events()).length;
      const outcome = await room.run(room.interviewer, { type: "addNote", body: "first" });
      expect(outcome.events.map((e) => e.seq)).toEqual([before + 1]);
      expect(outcome.seq).toBe(before + 1);
      const log = await room.events();
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log.at(-1)?.type).toBe("noteAdded");
      expect(room.published.at(-1)).toEqual({ kind: "events", seqs: [before + 1] });
      expect(room.engine.stats()).toEqual({ rooms: 1, queued: 0 });
    } finally {
      room.engine.close();
    }
  });

  it("applies a retried command once and answers the retry with the first one's sequence number", async () => {
    const room = await startedRoom("retry");
    try {
      const first = await room.run(room.interviewer, { type: "addNote", body: "once" }, "same-key");
      const retry = await room.run(room.interviewer, { type: "addNote", body: "once" }, "same-key");
      expect(retry).toMatchObject({ seq: first.seq, events: [] });
      expect((await room.events()).filter((e) => e.type === "noteAdded")).toHaveLength(1);
      // The same key from another member is another command: keys are scoped to their sender.
      const other = await executeCommand(room.engine, {
        sessionId: room.sessionId,
        actor: room.candidate,
        idempotencyKey: "same-key",
        command: { type: "setPresence", status: "away" },
        now: new Date(),
      });
      expect(other.events).toHaveLength(1);
    } finally {
      room.engine.close();
    }
  });

  it("answers a refusal without writing, and a no-op with no events", async () => {
    const room = await startedRoom("refuse");
    try {
      const before = await room.events();
      const refused = room.run(room.candidate, { type: "addNote", body: "not mine to write" });
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ code: "FORBIDDEN" });
      // Starting a started interview changes nothing, and says so.
      const noop = await room.run(room.interviewer, { type: "start" });
      expect(noop).toMatchObject({ seq: before.length, events: [] });
      expect(await room.events()).toHaveLength(before.length);
    } finally {
      room.engine.close();
    }
  });

  it("refuses a command for an interview that does not exist, and forgets the room", async () => {
    const { publisher } = recorder();
    const engine = new RoomEngine(pool, publisher);
    try {
      await expect(
        executeCommand(engine, {
          sessionId: "no-such-session",
          actor: { userId: "nobody", role: "INTERVIEWER" },
          idempotencyKey: "k",
          command: { type: "start" },
          now: new Date(),
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(engine.stats()).toEqual({ rooms: 0, queued: 0 });
    } finally {
      engine.close();
    }
  });

  it("answers BUSY beyond the per-room queue instead of growing it, and still writes what it queued", async () => {
    const room = await startedRoom("busy");
    try {
      const sent = Array.from({ length: ENGINE_LIMITS.queuePerRoom + 20 }, (_, i) => room.run(room.interviewer, { type: "addNote", body: `n${i}` }));
      const settled = await Promise.allSettled(sent);
      const busy = settled.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason);
      expect(busy.length).toBeGreaterThan(0);
      for (const reason of busy) expect(reason).toBeInstanceOf(RetryLaterError);
      expect(busy[0]).toMatchObject({ code: "BUSY", retryAfterMs: ENGINE_LIMITS.retryAfterMs });
      const written = settled.length - busy.length;
      expect((await room.events()).filter((e) => e.type === "noteAdded")).toHaveLength(written);
      expect(room.engine.stats().queued).toBe(0);
    } finally {
      room.engine.close();
    }
  });

  it("snapshots every so many events, and before it acknowledges the end", async () => {
    const room = await startedRoom("snap");
    try {
      for (let i = 0; i < ENGINE_LIMITS.snapshotEvery; i++) await room.run(room.interviewer, { type: "addNote", body: `s${i}` });
      await expect
        .poll(async () => (await db.interviewSession.findUniqueOrThrow({ where: { id: room.sessionId } })).version)
        .toBeGreaterThanOrEqual(ENGINE_LIMITS.snapshotEvery);
      const end = await room.run(room.interviewer, { type: "end" });
      const session = await db.interviewSession.findUniqueOrThrow({ where: { id: room.sessionId } });
      expect(session.version).toBe(end.seq);
      expect(session.snapshot).toMatchObject({ status: "ended" });
    } finally {
      room.engine.close();
    }
  });

  it("with two nodes on one room, the one whose copy is behind folds in the other's events and decides again", async () => {
    const room = await startedRoom("nodes");
    const other = new RoomEngine(pool, recorder().publisher);
    try {
      const mine = await room.run(room.interviewer, { type: "addNote", body: "from node A" });
      const theirs = await executeCommand(other, {
        sessionId: room.sessionId,
        actor: room.interviewer,
        idempotencyKey: "b-1",
        command: { type: "addNote", body: "from node B" },
        now: new Date(),
      });
      expect(theirs.seq).toBe(mine.seq + 1);
      // Node A has not heard of B's write: its append finds the seq taken, reads, and writes after it.
      const next = await room.run(room.interviewer, { type: "addNote", body: "A again" });
      expect(next.seq).toBe(theirs.seq + 1);
      expect(next.state.notes.map((n) => n.body)).toEqual(["from node A", "from node B", "A again"]);
      // Told through the adapter instead, it reads before deciding.
      await executeCommand(other, {
        sessionId: room.sessionId,
        actor: room.interviewer,
        idempotencyKey: "b-2",
        command: { type: "addNote", body: "B again" },
        now: new Date(),
      });
      room.engine.advanced(room.sessionId, next.seq + 1);
      const noted = await room.run(room.interviewer, { type: "addNote", body: "A, told" });
      expect(noted.state.notes.map((n) => n.body).slice(-2)).toEqual(["B again", "A, told"]);
      const log = await room.events();
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    } finally {
      other.close();
      room.engine.close();
    }
  });

  it("stores pad updates before relaying them, outside the log, and checkpoints the draft before the question changes", async () => {
    const room = await startedRoom("pad");
    try {
      const questionId = room.questionIds[0]!;
      const view = await room.run(room.interviewer, { type: "setPresence", status: "connected" });
      const current = view.state.questions[view.state.currentIndex]!.id;
      const before = (await room.events()).length;
      const edit = await room.run(room.candidate, {
        type: "editScratchpad",
        questionId: current,
        baseRevision: 0,
        updates: [padSplice(0, 0, 0, "const x = 1;", padClientOf(room.candidate.userId))],
      });
      expect(edit).toMatchObject({ events: [], revision: 1 });
      expect(edit.state.scratchpads[current]).toMatchObject({ text: "const x = 1;", revision: 1 });
      expect(room.published.at(-1)).toEqual({ kind: "scratchpadEdit", seqs: [], revision: 1 });
      // Stored as a pad update, not as an event of the log.
      expect(await room.events()).toHaveLength(before);
      const { rows } = await pool.query(`SELECT "version", "clientId" FROM "PadUpdate" WHERE "sessionId" = $1`, [room.sessionId]);
      expect(rows).toEqual([{ version: 1, clientId: padClientOf(room.candidate.userId) }]);
      const moved = await room.run(room.interviewer, { type: "nextQuestion", fromQuestionId: current });
      const log = await room.events();
      const checkpoint = log.find((e) => e.type === "scratchpadUpdated");
      expect(checkpoint?.payload).toMatchObject({ questionId: current, text: "const x = 1;", revision: 1 });
      expect(checkpoint!.seq).toBeLessThan(moved.seq);
      expect(questionId).toBeDefined();
    } finally {
      room.engine.close();
    }
  });

  it("reloads the plan after forget, and persists every room it holds before stopping", async () => {
    const room = await startedRoom("persist");
    try {
      await room.run(room.interviewer, { type: "addNote", body: "held in memory" });
      room.engine.forget(room.sessionId);
      const after = await room.run(room.interviewer, { type: "addNote", body: "after a reload" });
      expect(after.state.notes.map((n) => n.body)).toEqual(["held in memory", "after a reload"]);
      await room.engine.persistAll();
      const session = await db.interviewSession.findUniqueOrThrow({ where: { id: room.sessionId } });
      expect(session.version).toBe(after.seq);
    } finally {
      room.engine.close();
    }
  });
});
