import { describe, expect, it } from "vitest";
import { halfTimeLeftMs, practiceBarState, swapNote, type ActivePractice } from "./practice-bar-state";

const practice: ActivePractice = {
  state: "active",
  peerSessionId: "peer-1",
  topic: "Caching",
  half: 1,
  roomId: "room-1",
  asking: true,
  partnerName: "Bob",
  halfStartedAt: new Date("2026-12-08T10:00:00Z"),
  halfMinutes: 25,
  halfTimeUp: false,
  swapAsked: false,
  partnerAskedSwap: false,
  partnerCame: true,
  noShowAfter: new Date(0),
};
const room = { sessionId: "room-1", peerSessionId: "peer-1" };

describe("practiceBarState", () => {
  it("runs in the half's own room, and sends a member of the other half's room there", () => {
    expect(practiceBarState(undefined, room, 0)).toEqual({ kind: "loading" });
    expect(practiceBarState(practice, room, 0)).toEqual({ kind: "running", practice });
    expect(practiceBarState({ ...practice, half: 2, roomId: "room-2" }, room, 0)).toEqual({ kind: "moved", roomId: "room-2" });
  });

  it("is finished once the session no longer runs, or another one does", () => {
    expect(practiceBarState({ state: "idle" }, room, 0)).toEqual({ kind: "finished" });
    expect(practiceBarState({ state: "waiting", topic: "Caching", joinedAt: new Date() }, room, 0)).toEqual({ kind: "finished" });
    expect(practiceBarState({ ...practice, peerSessionId: "peer-2", roomId: "room-9" }, room, 0)).toEqual({ kind: "finished" });
  });

  it("is upcoming in a booked half's room before the session opens, and finished once its time has passed", () => {
    const startsAt = new Date("2026-12-08T15:00:00Z");
    const booked = { ...room, startsAt };
    expect(practiceBarState({ state: "idle" }, booked, startsAt.getTime() - 60 * 60_000)).toEqual({ kind: "upcoming", startsAt });
    expect(practiceBarState({ state: "idle" }, booked, startsAt.getTime() + 1)).toEqual({ kind: "finished" });
    expect(practiceBarState({ ...practice, halfStartedAt: startsAt }, booked, startsAt.getTime() - 60_000)).toEqual({
      kind: "running",
      practice: { ...practice, halfStartedAt: startsAt },
    });
  });
});

describe("the half's clock and the swap", () => {
  it("counts the half down on the server's clock, stopping at zero", () => {
    const start = practice.halfStartedAt.getTime();
    expect(halfTimeLeftMs(practice, start + 60_000)).toBe(24 * 60_000);
    expect(halfTimeLeftMs(practice, start + 26 * 60_000)).toBe(0);
  });

  it("says who waits for whom, and nothing in the second half", () => {
    expect(swapNote(practice)).toBeNull();
    expect(swapNote({ ...practice, swapAsked: true })).toBe("Waiting for Bob to agree");
    expect(swapNote({ ...practice, partnerAskedSwap: true })).toBe("Bob asked to swap");
    expect(swapNote({ ...practice, halfTimeUp: true })).toBe("Time is up: swap when you are ready");
    expect(swapNote({ ...practice, half: 2, swapAsked: true })).toBeNull();
  });
});
