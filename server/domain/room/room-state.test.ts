import { describe, expect, it } from "vitest";
import { createRoomState, questionElapsedMs, roomStateSchema, sessionElapsedMs } from "./room-state";
import { at, question } from "./test-fixtures";

describe("createRoomState", () => {
  it("opens a lobby with the questions in position order and every clock at zero", () => {
    const state = createRoomState({ sessionId: "s", questions: [question(2), question(1)] });
    expect(state.status).toBe("lobby");
    expect(state.questions.map((q) => q.id)).toEqual(["question_1_id", "question_2_id"]);
    expect(state.timing).toEqual({
      question_1_id: { startedAt: null, accumulatedMs: 0 },
      question_2_id: { startedAt: null, accumulatedMs: 0 },
    });
  });

  it("refuses duplicate question or follow-up ids, which would make reveals ambiguous", () => {
    expect(() => createRoomState({ sessionId: "s", questions: [question(1), question(1)] })).toThrow();
    const clash = { ...question(2), followUps: question(1).followUps };
    expect(() => createRoomState({ sessionId: "s", questions: [question(1), clash] })).toThrow();
  });

  it("refuses a malformed snapshot read back from the database", () => {
    const state = createRoomState({ sessionId: "s", questions: [question(1)] });
    expect(roomStateSchema.safeParse({ ...state, currentIndex: 5 }).success).toBe(false);
    expect(roomStateSchema.safeParse({ ...state, startedAt: "yesterday" }).success).toBe(false);
  });
});

describe("clocks", () => {
  it("adds the running stretch to what a question accumulated", () => {
    expect(questionElapsedMs({ startedAt: at(10).toISOString(), accumulatedMs: 5_000 }, at(40))).toBe(35_000);
    expect(questionElapsedMs({ startedAt: null, accumulatedMs: 5_000 }, at(40))).toBe(5_000);
  });

  it("never goes negative when another node's clock is slightly behind", () => {
    expect(questionElapsedMs({ startedAt: at(10).toISOString(), accumulatedMs: 0 }, at(9))).toBe(0);
  });

  it("freezes the session clock at the end", () => {
    const session = { startedAt: at(0).toISOString(), endedAt: at(100).toISOString() };
    expect(sessionElapsedMs(session, at(500))).toBe(100_000);
    expect(sessionElapsedMs({ startedAt: null, endedAt: null }, at(500))).toBe(0);
  });
});
