import { describe, expect, it } from "vitest";
import { apply, applyAll } from "./apply";
import { roomEventSchema, type RoomEvent, type RoomEventType } from "./events";
import { roomStateSchema, testsOf, type RoomState } from "./room-state";
import { RUN, T0, at, boardText, candidate, interviewer, joinedRoom, liveRoom, observer } from "./test-fixtures";

const Q1 = "question_1_id";
const Q2 = "question_2_id";
const iso = (seconds: number) => at(seconds).toISOString();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Applies to a frozen state, so any mutation throws, and checks the result is still a valid state. */
function applied(state: RoomState, event: RoomEvent): RoomState {
  const next = apply(deepFreeze(structuredClone(state)), event);
  expect(roomStateSchema.safeParse(next).success).toBe(true);
  return next;
}

const covered = new Set<RoomEventType>();
function covers(type: RoomEventType): RoomEventType {
  covered.add(type);
  return type;
}

describe("apply", () => {
  it(covers("participantJoined"), () => {
    const state = applied(joinedRoom(), { type: "participantJoined", payload: { userId: "user_new", role: "OBSERVER", name: "New" } });
    expect(state.participants.at(-1)).toEqual({ userId: "user_new", role: "OBSERVER", name: "New" });
    const renamed = applied(state, { type: "participantJoined", payload: { userId: "user_new", role: "OBSERVER", name: "Renamed" } });
    expect(renamed.participants.filter((p) => p.userId === "user_new")).toEqual([{ userId: "user_new", role: "OBSERVER", name: "Renamed" }]);
  });

  it(covers("presenceChanged"), () => {
    const state = applied(joinedRoom(), { type: "presenceChanged", payload: { userId: candidate.userId, status: "away", at: iso(4) } });
    expect(state.presence[candidate.userId]).toEqual({ status: "away", since: iso(4) });
  });

  const media = { audio: true, video: false, screen: false };
  const inCall = () => applied(joinedRoom(), { type: "callJoined", payload: { userId: candidate.userId, connectionId: "tab_one_1", media, at: iso(1) } });

  it(covers("callJoined"), () => {
    expect(inCall().call.members[candidate.userId]).toEqual({ connectionId: "tab_one_1", joinedAt: iso(1), media });
    const moved = applied(inCall(), { type: "callJoined", payload: { userId: candidate.userId, connectionId: "tab_two_2", media, at: iso(2) } });
    expect(moved.call.members[candidate.userId]?.connectionId).toBe("tab_two_2");
  });

  it(covers("callLeft"), () => {
    const state = applied(inCall(), { type: "callLeft", payload: { userId: candidate.userId, reason: "left", at: iso(2) } });
    expect(state.call.members).toEqual({});
  });

  it(covers("callMediaChanged"), () => {
    const screen = { audio: false, video: true, screen: true };
    expect(
      applied(inCall(), { type: "callMediaChanged", payload: { userId: candidate.userId, media: screen, at: iso(2) } }).call.members[candidate.userId]?.media,
    ).toEqual(screen);
    // Someone not in the call: nothing to change.
    expect(applied(joinedRoom(), { type: "callMediaChanged", payload: { userId: candidate.userId, media: screen, at: iso(2) } }).call.members).toEqual({});
  });

  it(covers("callPolicyChanged"), () => {
    expect(applied(joinedRoom(), { type: "callPolicyChanged", payload: { observersMaySpeak: true, at: iso(2) } }).call.observersMaySpeak).toBe(true);
  });

  it(covers("interviewStarted"), () => {
    const state = applied(joinedRoom(), { type: "interviewStarted", payload: { startedAt: iso(0), questionId: Q1 } });
    expect(state.status).toBe("live");
    expect(state.startedAt).toBe(iso(0));
    expect(state.currentIndex).toBe(0);
    expect(state.visitedQuestionIds).toEqual([Q1]);
    expect(state.timing[Q1]).toEqual({ startedAt: iso(0), accumulatedMs: 0 });
  });

  it(covers("questionChanged"), () => {
    const state = applied(liveRoom(), {
      type: "questionChanged",
      payload: { at: iso(60), fromQuestionId: Q1, fromAccumulatedMs: 60_000, toQuestionId: Q2, toAccumulatedMs: 5_000 },
    });
    expect(state.currentIndex).toBe(1);
    expect(state.visitedQuestionIds).toEqual([Q1, Q2]);
    expect(state.timing[Q1]).toEqual({ startedAt: null, accumulatedMs: 60_000 });
    expect(state.timing[Q2]).toEqual({ startedAt: iso(60), accumulatedMs: 5_000 });
  });

  it(covers("followUpRevealed"), () => {
    const event: RoomEvent = { type: "followUpRevealed", payload: { questionId: Q1, followUpId: "followup_1_2_id", revealedAt: iso(9) } };
    const state = applied(liveRoom(), event);
    expect(state.reveals).toEqual([{ questionId: Q1, followUpId: "followup_1_2_id", revealedAt: iso(9) }]);
    expect(applied(state, { ...event, payload: { ...event.payload, revealedAt: iso(10) } }).reveals).toEqual(state.reveals);
  });

  it(covers("keyPointChecked"), () => {
    let state = applied(liveRoom(), { type: "keyPointChecked", payload: { questionId: Q1, index: 1, checked: true } });
    state = applied(state, { type: "keyPointChecked", payload: { questionId: Q1, index: 0, checked: true } });
    expect(state.checkedKeyPoints[Q1]).toEqual([0, 1]);
    state = applied(state, { type: "keyPointChecked", payload: { questionId: Q1, index: 1, checked: false } });
    expect(state.checkedKeyPoints[Q1]).toEqual([0]);
  });

  const added: RoomEvent = {
    type: "noteAdded",
    payload: { noteId: "n1", authorId: observer.userId, authorRole: "OBSERVER", questionId: Q1, body: "first", createdAt: iso(1) },
  };

  it(covers("noteAdded"), () => {
    const state = applied(liveRoom(), added);
    expect(state.notes).toEqual([
      { id: "n1", authorId: observer.userId, authorRole: "OBSERVER", questionId: Q1, body: "first", createdAt: iso(1), updatedAt: iso(1), deletedAt: null },
    ]);
    expect(applied(state, added).notes).toHaveLength(1);
  });

  it(covers("noteEdited"), () => {
    const state = applied(applied(liveRoom(), added), {
      type: "noteEdited",
      payload: { noteId: "n1", authorId: observer.userId, authorRole: "OBSERVER", body: "second", updatedAt: iso(2) },
    });
    expect(state.notes[0]).toMatchObject({ body: "second", createdAt: iso(1), updatedAt: iso(2), deletedAt: null });
  });

  it(covers("noteDeleted"), () => {
    const state = applied(applied(liveRoom(), added), {
      type: "noteDeleted",
      payload: { noteId: "n1", authorId: observer.userId, authorRole: "OBSERVER", deletedAt: iso(3) },
    });
    expect(state.notes[0]).toMatchObject({ id: "n1", authorId: observer.userId, body: "", deletedAt: iso(3) });
  });

  it(covers("scoreSet"), () => {
    // A first-cut score (0 to 5) becomes a draft on the anchored scale: 0 → 1, 5 → 4, and overall /10.
    const payload = {
      questionId: Q1,
      scorerId: interviewer.userId,
      criteria: [
        { title: "SECRET_Q1_RUBRIC_A", score: 5, comment: "great" },
        { title: "SECRET_Q1_RUBRIC_B", score: 0, comment: "" },
        { title: "not on the rubric", score: 3, comment: "" },
      ],
      overall: 3,
      outOf: 5,
      comment: "fine",
      at: iso(10),
    };
    let state = applied(liveRoom(), { type: "scoreSet", payload });
    state = applied(state, { type: "scoreSet", payload: { ...payload, overall: 4, at: iso(20) } });
    expect(state.scorecards).toHaveLength(1);
    const [card] = state.scorecards;
    expect(card?.submittedAt).toBeNull();
    expect(card?.questions[0]?.ratings.map((rating) => [rating.criterion, rating.rating, rating.comment])).toEqual([
      [0, 4, "great"],
      [1, 1, ""],
    ]);
    expect(card?.questions[0]).toMatchObject({ overall: 8, comment: "fine" });
  });

  const change = { kind: "overall" as const, questionId: Q1, overall: 6, comment: "c" };

  it(covers("scorecardChanged"), () => {
    let state = applied(liveRoom(), { type: "scorecardChanged", payload: { scorerId: observer.userId, change, at: iso(3), amendment: null } });
    state = applied(state, {
      type: "scorecardChanged",
      payload: {
        scorerId: observer.userId,
        change: { ...change, overall: 7 },
        at: iso(4),
        amendment: { id: "a1", at: iso(4), reason: "r", change: "overall" },
      },
    });
    expect(state.scorecards).toEqual([
      expect.objectContaining({ scorerId: observer.userId, updatedAt: iso(4), amendments: [{ id: "a1", at: iso(4), reason: "r", change: "overall" }] }),
    ]);
    expect(state.scorecards[0]?.questions[0]).toMatchObject({ overall: 7, comment: "c" });
  });

  it(covers("scorecardSubmitted"), () => {
    const card = {
      scorerId: observer.userId,
      questions: [],
      summary: { recommendation: "yes" as const, takeaways: "", strengths: "", improvements: "" },
      submittedAt: iso(9),
      amendments: [],
      updatedAt: iso(9),
    };
    const state = applied(liveRoom(), { type: "scorecardSubmitted", payload: { scorerId: observer.userId, card, at: iso(9) } });
    expect(state.scorecards).toEqual([card]);
  });

  it(covers("competencyWeightsSet"), () => {
    expect(applied(liveRoom(), { type: "competencyWeightsSet", payload: { weights: { design: 2 }, at: iso(1) } }).weights).toEqual({ design: 2 });
  });

  it(covers("feedbackDrafted"), () => {
    expect(applied(liveRoom(), { type: "feedbackDrafted", payload: { text: "so far", at: iso(1) } }).feedback).toEqual({ draft: "so far", released: null });
  });

  it(covers("feedbackReleased"), () => {
    const release = { text: "well done", releasedAt: iso(2), scores: null };
    expect(applied(liveRoom(), { type: "feedbackReleased", payload: release }).feedback).toEqual({ draft: "well done", released: release });
  });

  it(covers("selfAssessmentFinished"), () => {
    const assessment = { ratings: [{ questionId: Q1, criterion: 0, level: 2 as const }], finishedAt: iso(3) };
    expect(applied(liveRoom(), { type: "selfAssessmentFinished", payload: assessment }).selfAssessment).toEqual(assessment);
  });

  it(covers("testCaseAdded"), () => {
    const test = { name: "edge", input: "[[]]", expected: "0" };
    const state = applied(liveRoom(), { type: "testCaseAdded", payload: { questionId: Q1, test, addedBy: "user_interviewer", at: iso(3) } });
    expect(state.addedTests[Q1]).toEqual([test]);
    expect(testsOf(state, state.questions[0]!).map((added) => added.name)).toEqual(["PROMPT_Q1_TEST", "edge"]);
  });

  it(covers("codeRan"), () => {
    const run = { ...RUN("run-first"), questionId: Q1, by: "user_candidate", at: iso(4), revision: 3 };
    expect(applied(liveRoom(), { type: "codeRan", payload: run }).runs).toEqual([run]);
  });

  it(covers("boardChanged"), () => {
    // The first drawing joins the starting diagram; a later version of an element replaces it, an older one does not.
    const first = applied(liveRoom(), {
      type: "boardChanged",
      payload: { questionId: Q1, elements: [boardText("box", "v1", 1)], by: "user_candidate", at: iso(4) },
    });
    expect(Object.keys(first.boards[Q1]!.elements).sort()).toEqual(["box", "start_1"]);
    const later = applied(first, {
      type: "boardChanged",
      payload: { questionId: Q1, elements: [boardText("box", "v2", 2)], by: "user_interviewer", at: iso(5) },
    });
    expect(later.boards[Q1]!.elements.box).toMatchObject({ text: "v2", version: 2 });
    const stale = applied(later, {
      type: "boardChanged",
      payload: { questionId: Q1, elements: [boardText("box", "v0", 1, -1)], by: "user_candidate", at: iso(6) },
    });
    expect(stale.boards[Q1]!.elements.box).toMatchObject({ text: "v2" });
    expect(applied(later, { type: "boardChanged", payload: { questionId: "gone", elements: [boardText("x", "x", 1)], by: "u", at: iso(6) } })).toEqual(later);
  });

  it(covers("scratchpadUpdated"), () => {
    const state = applied(liveRoom(), { type: "scratchpadUpdated", payload: { questionId: Q1, text: "abc", updatedAt: iso(8), revision: 7 } });
    expect(state.scratchpads[Q1]).toEqual({ text: "abc", updatedAt: iso(8), revision: 7, language: "plain" });
    const python = applied(state, {
      type: "scratchpadUpdated",
      payload: { questionId: Q1, text: "def f(): ...", updatedAt: iso(8), revision: 8, language: "python" },
    });
    expect(python.scratchpads[Q1]).toMatchObject({ revision: 8, language: "python" });
    // Logged before edits were counted: one past the last checkpoint.
    const older = applied(state, { type: "scratchpadUpdated", payload: { questionId: Q1, text: "abcd", updatedAt: iso(9) } });
    expect(older.scratchpads[Q1]).toEqual({ text: "abcd", updatedAt: iso(9), revision: 8, language: "plain" });
  });

  it(covers("interviewEnded"), () => {
    const state = applied(liveRoom(), { type: "interviewEnded", payload: { endedAt: iso(120), questionId: Q1, accumulatedMs: 120_000 } });
    expect(state.status).toBe("ended");
    expect(state.endedAt).toBe(iso(120));
    expect(state.timing[Q1]).toEqual({ startedAt: null, accumulatedMs: 120_000 });
    const fromLobby = applied(joinedRoom(), { type: "interviewEnded", payload: { endedAt: iso(1), questionId: null, accumulatedMs: null } });
    expect(fromLobby.status).toBe("ended");
    expect(fromLobby.startedAt).toBe(null);
  });

  it(covers("participantRemoved"), () => {
    const state = applied(liveRoom(), { type: "participantRemoved", payload: { userId: candidate.userId, role: "CANDIDATE", at: iso(30) } });
    expect(state.participants.map((p) => p.userId)).not.toContain(candidate.userId);
    expect(state.presence[candidate.userId]).toBeUndefined();
    expect(state.participants).toHaveLength(liveRoom().participants.length - 1);
  });

  it("ignores events about questions that do not exist instead of crashing a replay", () => {
    const state = liveRoom();
    expect(apply(state, { type: "interviewStarted", payload: { startedAt: iso(0), questionId: "missing" } })).toBe(state);
    expect(
      apply(state, {
        type: "questionChanged",
        payload: { at: iso(1), fromQuestionId: Q1, fromAccumulatedMs: 1, toQuestionId: "missing", toAccumulatedMs: 0 },
      }),
    ).toBe(state);
  });

  it("applyAll folds in order and survives a JSON round trip of the state", () => {
    const events: RoomEvent[] = [
      { type: "interviewStarted", payload: { startedAt: T0.toISOString(), questionId: Q1 } },
      { type: "followUpRevealed", payload: { questionId: Q1, followUpId: "followup_1_1_id", revealedAt: iso(5) } },
    ];
    const state = applyAll(joinedRoom(), events);
    expect(roomStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it("covers every event type", () => {
    const all = roomEventSchema.options.map((option) => option.shape.type.value);
    expect([...covered].sort()).toEqual([...all].sort());
  });
});
