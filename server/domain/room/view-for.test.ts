import { describe, expect, it } from "vitest";
import type { RoomState } from "./room-state";
import { T0, at, candidate, coInterviewer, interviewer, joinedRoom, liveRoom, observer, question, run } from "./test-fixtures";
import { boardOf } from "../board/board";
import { viewFor } from "./view-for";

const Q1 = "question_1_id";
const Q2 = "question_2_id";
const iso = (seconds: number) => at(seconds).toISOString();

/** Started at T0; q1 for 60 s with follow-ups 2 then 1 revealed; now on q2 since 60 s; notes, scores, ticks, scratchpad. */
function busyRoom(): RoomState {
  let state = liveRoom();
  state = run(state, candidate, { type: "setPresence", status: "connected" }, at(1)).state;
  state = run(state, interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: "followup_1_2_id" }, at(10)).state;
  state = run(state, interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: "followup_1_1_id" }, at(20)).state;
  state = run(state, interviewer, { type: "setKeyPointChecked", questionId: Q1, index: 1, checked: true }, at(21)).state;
  state = run(state, candidate, { type: "checkpointScratchpad", questionId: Q1, text: "candidate draft", revision: 1 }, at(30)).state;
  state = run(state, interviewer, { type: "addNote", body: "NOTE_BY_INTERVIEWER" }, at(40), () => "note_i").state;
  state = run(state, coInterviewer, { type: "addNote", body: "NOTE_BY_COINTERVIEWER" }, at(41), () => "note_c").state;
  state = run(state, observer, { type: "addNote", body: "NOTE_BY_OBSERVER" }, at(42), () => "note_o").state;
  state = run(state, interviewer, { type: "rateCriterion", questionId: Q1, criterion: 0, rating: 3, comment: "good", evidence: [] }, at(50)).state;
  state = run(state, interviewer, { type: "nextQuestion", fromQuestionId: Q1 }, at(60)).state;
  return state;
}

describe("viewFor: interviewer", () => {
  // Built inside each test, so that what it computes runs while the test does (mutation testing needs that).
  const view = () => viewFor(busyRoom(), interviewer, at(90));

  it("shows every question with everything the bank has", () => {
    expect(view().role).toBe("INTERVIEWER");
    expect(view().questions).toHaveLength(3);
    const q1 = view().questions[0];
    expect(q1).toMatchObject({
      id: Q1,
      prompt: "PROMPT_Q1_MAIN",
      answer: "SECRET_Q1_ANSWER",
      section: ["SECRET_Q1_SECTION"],
      redFlags: ["SECRET_Q1_REDFLAG"],
      exampleScore: { score: 7, outOf: 10, reasons: ["SECRET_Q1_EXAMPLE_REASON"] },
      meta: { level: "SECRET_Q1_META_LEVEL" },
      asked: true,
      scratchpad: { text: "candidate draft", updatedAt: iso(30), revision: 1, language: "plain" },
    });
    expect(q1?.keyPoints).toEqual([
      { index: 0, text: "SECRET_Q1_KEYPOINT_A", checked: false },
      { index: 1, text: "SECRET_Q1_KEYPOINT_B", checked: true },
    ]);
    expect(q1?.rubric.map((criterion) => criterion.title)).toEqual(["SECRET_Q1_RUBRIC_A", "SECRET_Q1_RUBRIC_B"]);
    expect(q1?.followUps.map((followUp) => [followUp.id, followUp.answer, followUp.revealedAt])).toEqual([
      ["followup_1_1_id", "SECRET_Q1_F1_ANSWER", iso(20)],
      ["followup_1_2_id", "SECRET_Q1_F2_ANSWER", iso(10)],
      ["followup_1_3_id", "SECRET_Q1_F3_ANSWER", null],
    ]);
    expect(view().scoring.mine?.questions).toEqual([
      {
        questionId: Q1,
        ratings: [{ criterion: 0, title: "SECRET_Q1_RUBRIC_A", rating: 3, comment: "good", evidence: [] }],
        redFlags: [],
        customRedFlags: [],
        overall: null,
        comment: "",
      },
    ]);
    expect(view().questions[2]?.asked).toBe(false);
  });

  it("computes the timers from server instants", () => {
    expect(view().asOf).toBe(iso(90));
    expect(view().clock).toEqual({ startedAt: T0.toISOString(), endedAt: null, elapsedMs: 90_000 });
    expect(view().currentIndex).toBe(1);
    expect(view().currentQuestionId).toBe(Q2);
    expect(view().questions[0]?.timer).toEqual({ startedAt: null, accumulatedMs: 60_000, timeBoxSec: 600, elapsedMs: 60_000 });
    expect(view().questions[1]?.timer).toEqual({ startedAt: iso(60), accumulatedMs: 0, timeBoxSec: 600, elapsedMs: 30_000 });
  });

  it("shows interviewers' notes to every interviewer, never an observer's", () => {
    expect(view().notes.map((note) => [note.id, note.mine, note.questionId])).toEqual([
      ["note_i", true, Q1],
      ["note_c", false, Q1],
    ]);
    expect(viewFor(busyRoom(), coInterviewer).notes.map((note) => [note.id, note.mine])).toEqual([
      ["note_i", false],
      ["note_c", true],
    ]);
  });

  it("drops deleted notes", () => {
    const state = run(busyRoom(), interviewer, { type: "deleteNote", noteId: "note_i" }).state;
    expect(viewFor(state, interviewer).notes.map((note) => note.id)).toEqual(["note_c"]);
    expect(JSON.stringify(viewFor(state, interviewer))).not.toContain("NOTE_BY_INTERVIEWER");
  });

  it("lists participants with their presence", () => {
    expect(view().participants).toEqual([
      { userId: interviewer.userId, role: "INTERVIEWER", name: `Name of ${interviewer.userId}`, presence: "disconnected", presenceSince: null },
      { userId: coInterviewer.userId, role: "CO_INTERVIEWER", name: `Name of ${coInterviewer.userId}`, presence: "disconnected", presenceSince: null },
      { userId: candidate.userId, role: "CANDIDATE", name: `Name of ${candidate.userId}`, presence: "connected", presenceSince: iso(1) },
      { userId: observer.userId, role: "OBSERVER", name: `Name of ${observer.userId}`, presence: "disconnected", presenceSince: null },
    ]);
  });

  it("leaves elapsed times empty without a server time", () => {
    const timeless = viewFor(busyRoom(), interviewer);
    expect(timeless.asOf).toBe(null);
    expect(timeless.clock.elapsedMs).toBe(null);
    expect(timeless.questions[1]?.timer.elapsedMs).toBe(null);
  });
});

describe("viewFor: observer", () => {
  // Built inside each test, so that what it computes runs while the test does (mutation testing needs that).
  const view = () => viewFor(busyRoom(), observer, at(90));

  it("is the interviewer's view of the questions", () => {
    const asInterviewer = viewFor(busyRoom(), interviewer, at(90));
    expect(view().role).toBe("OBSERVER");
    expect(view().questions).toEqual(asInterviewer.questions);
    expect(view().clock).toEqual(asInterviewer.clock);
  });

  it("shows only the observer's own notes", () => {
    expect(view().notes.map((note) => [note.id, note.mine, note.body])).toEqual([["note_o", true, "NOTE_BY_OBSERVER"]]);
    expect(JSON.stringify(view())).not.toContain("NOTE_BY_INTERVIEWER");
  });

  it("never shows an observer another observer's notes", () => {
    const other = { userId: "user_observer_2", role: "OBSERVER" as const };
    const state = run(busyRoom(), other, { type: "join", name: "Second observer" }).state;
    expect(viewFor(state, other).notes).toEqual([]);
  });
});

describe("viewFor: candidate", () => {
  // Built inside each test, so that what it computes runs while the test does (mutation testing needs that).
  const view = () => viewFor(busyRoom(), candidate, at(90));

  it("shows the current question's prompt and timer", () => {
    expect(view().role).toBe("CANDIDATE");
    expect(view().status).toBe("live");
    expect(view().questionCount).toBe(3);
    expect(view().current).toEqual({
      id: Q2,
      position: 1,
      prompt: "PROMPT_Q2_MAIN",
      timer: { startedAt: iso(60), accumulatedMs: 0, timeBoxSec: 600, elapsedMs: 30_000 },
      followUps: [],
      scratchpad: null,
      code: expect.objectContaining({ language: "python", entry: "PROMPT_Q2_STARTER" }),
      runs: [],
      board: boardOf(question(2).board ?? []),
    });
    expect(view().clock).toEqual({ startedAt: T0.toISOString(), endedAt: null, elapsedMs: 90_000 });
  });

  it("shows earlier questions with their revealed follow-ups in reveal order, and the scratchpad", () => {
    expect(view().earlier).toEqual([
      {
        id: Q1,
        position: 0,
        prompt: "PROMPT_Q1_MAIN",
        timer: { startedAt: null, accumulatedMs: 60_000, timeBoxSec: 600, elapsedMs: 60_000 },
        followUps: [
          { id: "followup_1_2_id", prompt: "PROMPT_Q1_F2_FOLLOWUP", revealedAt: iso(10) },
          { id: "followup_1_1_id", prompt: "PROMPT_Q1_F1_FOLLOWUP", revealedAt: iso(20) },
        ],
        scratchpad: { text: "candidate draft", updatedAt: iso(30), revision: 1, language: "plain" },
        code: expect.objectContaining({ tests: [{ name: "PROMPT_Q1_TEST", input: "[[1, 2]]", expected: "3" }] }),
        runs: [],
        board: boardOf(question(1).board ?? []),
      },
    ]);
  });

  it("has exactly the fields it is built from, nothing more", () => {
    expect(Object.keys(view()).sort()).toEqual(
      ["asOf", "call", "clock", "current", "earlier", "feedback", "participants", "questionCount", "role", "sessionId", "status", "viewer"].sort(),
    );
    expect(Object.keys(view().current ?? {}).sort()).toEqual(["board", "code", "followUps", "id", "position", "prompt", "runs", "scratchpad", "timer"]);
  });

  it("shows no question in the lobby", () => {
    const lobby = viewFor(joinedRoom(), candidate, at(0));
    expect(lobby.status).toBe("lobby");
    expect(lobby.current).toBe(null);
    expect(lobby.earlier).toEqual([]);
    expect(JSON.stringify(lobby)).not.toContain("PROMPT");
  });

  it("keeps the last question and frozen clocks after the end", () => {
    const ended = run(busyRoom(), interviewer, { type: "end" }, at(100)).state;
    const endedView = viewFor(ended, candidate, at(500));
    expect(endedView.status).toBe("ended");
    expect(endedView.clock).toEqual({ startedAt: T0.toISOString(), endedAt: iso(100), elapsedMs: 100_000 });
    expect(endedView.current?.timer).toEqual({ startedAt: null, accumulatedMs: 40_000, timeBoxSec: 600, elapsedMs: 40_000 });
  });
});
