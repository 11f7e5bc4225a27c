import { describe, expect, it } from "vitest";
import { HEARTBEAT_MS, PracticeQueue, type PracticeApi, type PracticeStatus } from "./practice-queue";

const idle: PracticeStatus = { state: "idle" };
const waiting: PracticeStatus = { state: "waiting", topic: "Caching", joinedAt: new Date("2026-12-08T10:00:00Z") };
const proposed = (accepted = false): PracticeStatus => ({
  state: "proposed",
  proposalId: "p1",
  topic: "Caching",
  partner: { name: "Bob", level: "MID" },
  answerBy: new Date("2026-12-08T10:01:00Z"),
  accepted,
  partnerAccepted: false,
});
const active: PracticeStatus = {
  state: "active",
  peerSessionId: "p1",
  topic: "Caching",
  half: 1,
  roomId: "room-1",
  asking: true,
  partnerName: "Bob",
  halfStartedAt: new Date("2026-12-08T10:01:00Z"),
  halfMinutes: 25,
  halfTimeUp: false,
  swapAsked: false,
  partnerAskedSwap: false,
  partnerCame: true,
  noShowAfter: new Date(0),
};

/** A server whose status is whatever the test set last, recording every call. */
function fakeServer(start: PracticeStatus) {
  let clock = 0;
  const calls: string[] = [];
  const server = {
    status: start as PracticeStatus,
    queued: true,
    failStatus: false,
    refuse: null as Error | null,
    holdNextStatus: null as Promise<void> | null,
  };
  const api: PracticeApi = {
    status: async () => {
      calls.push("status");
      if (server.failStatus) throw new Error("offline");
      const answer = server.status;
      const hold = server.holdNextStatus;
      server.holdNextStatus = null;
      if (hold) await hold;
      return answer;
    },
    join: async (topic) => {
      calls.push(`join ${topic}`);
      if (server.refuse) throw server.refuse;
      server.status = { state: "waiting", topic, joinedAt: new Date("2026-12-08T10:00:00Z") };
    },
    leave: async () => {
      calls.push("leave");
      server.status = idle;
    },
    stillHere: async () => {
      calls.push("stillHere");
      return { queued: server.queued };
    },
    accept: async (id) => {
      calls.push(`accept ${id}`);
      if (server.refuse) throw server.refuse;
    },
    decline: async (id) => {
      calls.push(`decline ${id}`);
      server.status = idle;
    },
    leaveOnExit: () => void calls.push("leaveOnExit"),
  };
  const queue = new PracticeQueue({ api, now: () => clock, describe: (error) => (error as Error).message }, start);
  return { queue, server, calls, advance: (ms: number) => (clock += ms) };
}

describe("PracticeQueue", () => {
  it("joins, polls while waiting, renews the ticket every 20 s, and polls nothing while idle", async () => {
    const { queue, calls, advance } = fakeServer(idle);
    expect(await queue.tick()).toBe("unchanged");
    expect(calls).toEqual([]);

    expect(await queue.join("Caching")).toBe("changed");
    expect(queue.getSnapshot()).toMatchObject({ status: { state: "waiting", topic: "Caching" }, pending: null, error: null });
    calls.length = 0;

    // The join itself renewed the ticket: the next beat is due 20 s later.
    advance(2_000);
    expect(await queue.tick()).toBe("unchanged");
    expect(calls).toEqual(["status"]);
    advance(HEARTBEAT_MS);
    await queue.tick();
    expect(calls).toEqual(["status", "stillHere", "status"]);
  });

  it("renews at once on a page opened while already waiting", async () => {
    const { queue, calls } = fakeServer(waiting);
    await queue.tick();
    expect(calls).toEqual(["stillHere", "status"]);
  });

  it("shows a proposal, accepts it, and says once where to go when the session starts", async () => {
    const { queue, server, calls } = fakeServer(waiting);
    server.status = proposed();
    expect(await queue.tick()).toBe("changed");
    expect(queue.getSnapshot().status).toMatchObject({ state: "proposed", partner: { name: "Bob" } });

    server.status = proposed(true);
    expect(await queue.accept()).toBe("changed");
    expect(calls).toContain("accept p1");
    expect(queue.getSnapshot().status).toMatchObject({ state: "proposed", accepted: true });

    server.status = active;
    expect(await queue.tick()).toBe("enter-room");
    expect(queue.getSnapshot().enterRoom).toBe("room-1");
    // In a session, the page polls no more.
    calls.length = 0;
    expect(await queue.tick()).toBe("unchanged");
    expect(calls).toEqual([]);
  });

  it("enters the room straight from the accept that started the session", async () => {
    const { queue, server } = fakeServer(proposed());
    server.status = active;
    expect(await queue.accept()).toBe("enter-room");
    expect(queue.getSnapshot().enterRoom).toBe("room-1");
  });

  it("explains a match that fell through, a lapsed match and a dropped ticket", async () => {
    const { queue, server } = fakeServer(proposed(true));
    server.status = waiting;
    await queue.tick();
    expect(queue.getSnapshot().notice).toMatch(/match with Bob fell through.*still looking.*Caching/);
    // The notice stays while it is true.
    await queue.tick();
    expect(queue.getSnapshot().notice).toMatch(/fell through/);

    server.status = idle;
    await queue.tick();
    expect(queue.getSnapshot().notice).toMatch(/no longer in the queue.*a minute without checking in/);

    const lapsed = fakeServer(proposed(false));
    lapsed.server.status = idle;
    await lapsed.queue.tick();
    expect(lapsed.queue.getSnapshot().notice).toMatch(/lapsed before you accepted/);
  });

  it("declining and leaving are the person's own doing: no notice", async () => {
    const { queue } = fakeServer(proposed());
    await queue.decline();
    expect(queue.getSnapshot()).toMatchObject({ status: idle, notice: null });
    const other = fakeServer(waiting);
    await other.queue.leave();
    expect(other.queue.getSnapshot()).toMatchObject({ status: idle, notice: null });
  });

  it("shows a refusal in the server's words and still reads where the person stands", async () => {
    const { queue, server, calls } = fakeServer(idle);
    server.refuse = new Error("You are already looking for a partner (perhaps in another tab).");
    server.status = waiting;
    expect(await queue.join("Caching")).toBe("changed");
    expect(queue.getSnapshot()).toMatchObject({ status: { state: "waiting" }, error: /already looking/, pending: null });
    expect(calls).toEqual(["join Caching", "status"]);
  });

  it("drops a poll answered after an action began: an old answer never overwrites a newer one", async () => {
    const { queue, server } = fakeServer(waiting);
    let release!: () => void;
    server.holdNextStatus = new Promise<void>((resolve) => (release = resolve));
    const poll = queue.refresh();
    server.status = idle;
    await queue.leave();
    release();
    expect(await poll).toBe("stale");
    expect(queue.getSnapshot().status).toEqual(idle);
  });

  it("ignores a second action while one is on its way", async () => {
    const { queue, calls } = fakeServer(idle);
    const first = queue.join("Caching");
    expect(await queue.join("Caching")).toBe("unchanged");
    await first;
    expect(calls.filter((call) => call.startsWith("join"))).toHaveLength(1);
  });

  it("says the server is unreachable after two failed polls, and recovers on the next answer", async () => {
    const { queue, server } = fakeServer(waiting);
    server.failStatus = true;
    expect(await queue.refresh()).toBe("unchanged");
    expect(queue.getSnapshot().unreachable).toBe(false);
    expect(await queue.refresh()).toBe("changed");
    expect(queue.getSnapshot()).toMatchObject({ unreachable: true, status: { state: "waiting" } });
    server.failStatus = false;
    expect(await queue.refresh()).toBe("changed");
    expect(queue.getSnapshot().unreachable).toBe(false);
  });

  it("reads the standing when the ticket is gone, without waiting for the next poll", async () => {
    const { queue, server, calls } = fakeServer(waiting);
    server.queued = false;
    server.status = idle;
    expect(await queue.tick()).toBe("changed");
    expect(calls).toEqual(["stillHere", "status"]);
  });

  it("leaves the queue on the way out only when queued, and explains it if the page comes back", async () => {
    const { queue, server, calls } = fakeServer(waiting);
    expect(queue.pageHidden()).toBe(true);
    expect(calls).toEqual(["leaveOnExit"]);
    server.status = idle;
    await queue.refresh();
    expect(queue.getSnapshot().notice).toBe("You left the queue when you left this page.");

    const inSession = fakeServer(active);
    expect(inSession.queue.pageHidden()).toBe(false);
    expect(inSession.calls).toEqual([]);
  });
});
