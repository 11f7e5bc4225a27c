import { afterAll, describe, expect, it } from "vitest";
import { joinRoom } from "@/server/services/room-service";
import { fileDatabase } from "../support/db";
import { createAccount, interviewOf } from "../support/fixtures";
import { acceptInvite } from "@/server/services/interviews";

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
