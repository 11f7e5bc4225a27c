import { afterAll, describe, expect, it } from "vitest";
import { RoomEngine } from "@/server/services/room-engine";
import { joinRoom, warmLiveRooms } from "@/server/services/room-service";
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
      await acceptInvite(db, candidate, world.candidateToken, new Date());
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
