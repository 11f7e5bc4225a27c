import { describe, expect, it } from "vitest";
import { BOARD_LIMITS } from "../board/board";
import { BOARD_TEXT_MAX } from "../board/board-element";
import { CODE_LIMITS } from "../code/code-spec";
import { runReportSchema, type RunReport } from "../code/run-record";
import { capRunResult, RUN_RESULT_LIMITS } from "../code/run-result";
import { apply } from "./apply";
import type { Command, CommandType } from "./commands";
import { decide, type Decision } from "./decide";
import type { RoomEventType } from "./events";
import type { Actor } from "./policy";
import type { Role, RoomState } from "./room-state";
import {
  RUN,
  T0,
  at,
  boardText,
  candidate,
  coInterviewer,
  emptyRoom,
  callTab,
  idSource,
  inCallRoom,
  interviewer,
  joinedRoom,
  liveRoom,
  observer,
  ratedEndedRoom,
  releasedRoom,
  run,
} from "./test-fixtures";

const Q1 = "question_1_id";
const Q2 = "question_2_id";
const Q3 = "question_3_id";
const F1 = "followup_1_1_id";
const F2 = "followup_1_2_id";

function decideAt(state: RoomState, actor: Actor, command: Command, now = T0): Decision {
  return decide(state, actor, command, now, idSource());
}

function expectError(decision: Decision, code: string): string {
  if (decision.ok) return expect.fail(`expected ${code}, got events ${decision.events.map((event) => event.type).join(",")}`);
  expect(decision.error.code).toBe(code);
  return decision.error.message;
}

function expectEvents(decision: Decision): NonNullable<Extract<Decision, { ok: true }>["events"]> {
  if (!decision.ok) return expect.fail(`refused: ${decision.error.code} ${decision.error.message}`);
  return decision.events;
}

/** A live room with one note by the interviewer and one by the observer. */
function roomWithNotes(): RoomState {
  let state = liveRoom();
  state = run(state, interviewer, { type: "addNote", body: "interviewer note" }, T0, () => "note_interviewer").state;
  state = run(state, observer, { type: "addNote", body: "observer note" }, T0, () => "note_observer").state;
  state = run(state, coInterviewer, { type: "addNote", body: "co-interviewer note" }, T0, () => "note_co").state;
  return state;
}

const ownNote: Record<Role, string> = { INTERVIEWER: "note_interviewer", CO_INTERVIEWER: "note_co", OBSERVER: "note_observer", CANDIDATE: "note_interviewer" };
const actorFor: Record<Role, Actor> = { INTERVIEWER: interviewer, CO_INTERVIEWER: coInterviewer, OBSERVER: observer, CANDIDATE: candidate };
const STAFF: Role[] = ["INTERVIEWER", "CO_INTERVIEWER", "OBSERVER"];
const EVERYONE: Role[] = ["INTERVIEWER", "CO_INTERVIEWER", "CANDIDATE", "OBSERVER"];

interface Case {
  state: () => RoomState;
  command: (role: Role) => Command;
  allowed: Role[];
  event: RoomEventType;
}

/** Every command that `decide` turns into events; live scratchpad edits are decided in scratchpad.ts. */
const cases: Record<Exclude<CommandType, "editScratchpad">, Case> = {
  addTestCase: {
    state: () => liveRoom(),
    command: () => ({ type: "addTestCase", questionId: Q1, test: { name: "edge", input: "[[]]", expected: "0" } }),
    allowed: ["INTERVIEWER", "CO_INTERVIEWER"],
    event: "testCaseAdded",
  },
  recordRun: {
    state: () => liveRoom(),
    command: () => ({ type: "recordRun", questionId: Q1, run: RUN("run-in-a-case") }),
    allowed: ["INTERVIEWER", "CO_INTERVIEWER", "CANDIDATE"],
    event: "codeRan",
  },
  drawOnBoard: {
    state: () => liveRoom(),
    command: () => ({ type: "drawOnBoard", questionId: Q1, elements: [boardText("shape", "a box", 1)] }),
    allowed: ["INTERVIEWER", "CO_INTERVIEWER", "CANDIDATE"],
    event: "boardChanged",
  },
  join: {
    state: () => emptyRoom(),
    command: () => ({ type: "join", name: "Ada" }),
    allowed: EVERYONE,
    event: "participantJoined",
  },
  setPresence: {
    state: () => joinedRoom(),
    command: () => ({ type: "setPresence", status: "connected" }),
    allowed: EVERYONE,
    event: "presenceChanged",
  },
  start: { state: () => joinedRoom(), command: () => ({ type: "start" }), allowed: ["INTERVIEWER"], event: "interviewStarted" },
  nextQuestion: { state: () => liveRoom(), command: () => ({ type: "nextQuestion", fromQuestionId: Q1 }), allowed: ["INTERVIEWER"], event: "questionChanged" },
  previousQuestion: {
    state: () => run(liveRoom(), interviewer, { type: "goToQuestion", questionId: Q2 }).state,
    command: () => ({ type: "previousQuestion", fromQuestionId: Q2 }),
    allowed: ["INTERVIEWER"],
    event: "questionChanged",
  },
  goToQuestion: { state: () => liveRoom(), command: () => ({ type: "goToQuestion", questionId: Q3 }), allowed: ["INTERVIEWER"], event: "questionChanged" },
  revealFollowUp: {
    state: () => liveRoom(),
    command: () => ({ type: "revealFollowUp", questionId: Q1, followUpId: F1 }),
    allowed: ["INTERVIEWER", "CO_INTERVIEWER"],
    event: "followUpRevealed",
  },
  setKeyPointChecked: {
    state: () => liveRoom(),
    command: () => ({ type: "setKeyPointChecked", questionId: Q1, index: 0, checked: true }),
    allowed: ["INTERVIEWER", "CO_INTERVIEWER"],
    event: "keyPointChecked",
  },
  addNote: { state: () => liveRoom(), command: () => ({ type: "addNote", body: "hm" }), allowed: STAFF, event: "noteAdded" },
  editNote: {
    state: roomWithNotes,
    command: (role) => ({ type: "editNote", noteId: ownNote[role], body: "changed" }),
    allowed: STAFF,
    event: "noteEdited",
  },
  deleteNote: {
    state: roomWithNotes,
    command: (role) => ({ type: "deleteNote", noteId: ownNote[role] }),
    allowed: STAFF,
    event: "noteDeleted",
  },
  rateCriterion: {
    state: () => liveRoom(),
    command: () => ({ type: "rateCriterion", questionId: Q1, criterion: 0, rating: 3, comment: "", evidence: [] }),
    allowed: STAFF,
    event: "scorecardChanged",
  },
  setRedFlags: {
    state: () => liveRoom(),
    command: () => ({ type: "setRedFlags", questionId: Q1, redFlags: [0], customRedFlags: ["talks over the candidate"] }),
    allowed: STAFF,
    event: "scorecardChanged",
  },
  setQuestionOverall: {
    state: () => liveRoom(),
    command: () => ({ type: "setQuestionOverall", questionId: Q1, overall: 7, comment: "" }),
    allowed: STAFF,
    event: "scorecardChanged",
  },
  setSummary: {
    state: () => liveRoom(),
    command: () => ({ type: "setSummary", recommendation: "yes", takeaways: "t", strengths: "s", improvements: "i" }),
    allowed: STAFF,
    event: "scorecardChanged",
  },
  submitScorecard: { state: ratedEndedRoom, command: () => ({ type: "submitScorecard" }), allowed: STAFF, event: "scorecardSubmitted" },
  setCompetencyWeights: {
    state: () => liveRoom(),
    command: () => ({ type: "setCompetencyWeights", weights: [{ competency: "system-design", weight: 2 }] }),
    allowed: ["INTERVIEWER"],
    event: "competencyWeightsSet",
  },
  draftFeedback: { state: () => liveRoom(), command: () => ({ type: "draftFeedback", text: "draft" }), allowed: ["INTERVIEWER"], event: "feedbackDrafted" },
  releaseFeedback: {
    state: ratedEndedRoom,
    command: () => ({ type: "releaseFeedback", text: "Thank you", includeScores: false }),
    allowed: ["INTERVIEWER"],
    event: "feedbackReleased",
  },
  finishSelfAssessment: {
    state: releasedRoom,
    command: () => ({ type: "finishSelfAssessment", ratings: [{ questionId: Q1, criterion: 0, level: 3 }] }),
    allowed: ["CANDIDATE"],
    event: "selfAssessmentFinished",
  },
  checkpointScratchpad: {
    state: () => liveRoom(),
    command: () => ({ type: "checkpointScratchpad", questionId: Q1, text: "my answer", revision: 1 }),
    allowed: ["CANDIDATE", "INTERVIEWER", "CO_INTERVIEWER"],
    event: "scratchpadUpdated",
  },
  end: { state: () => liveRoom(), command: () => ({ type: "end" }), allowed: ["INTERVIEWER"], event: "interviewEnded" },
  removeParticipant: {
    state: () => liveRoom(),
    command: (role) => ({ type: "removeParticipant", userId: role === "OBSERVER" ? candidate.userId : observer.userId }),
    allowed: ["INTERVIEWER"],
    event: "participantRemoved",
  },
  joinCall: {
    state: () => liveRoom(),
    command: (role) => ({ type: "joinCall", connectionId: callTab(actorFor[role]), media: { audio: role !== "OBSERVER", video: false } }),
    allowed: EVERYONE,
    event: "callJoined",
  },
  leaveCall: { state: inCallRoom, command: (role) => ({ type: "leaveCall", connectionId: callTab(actorFor[role]) }), allowed: EVERYONE, event: "callLeft" },
  setCallMedia: {
    state: inCallRoom,
    command: (role) => ({ type: "setCallMedia", connectionId: callTab(actorFor[role]), audio: false }),
    allowed: EVERYONE,
    event: "callMediaChanged",
  },
  setCallPolicy: {
    state: () => liveRoom(),
    command: () => ({ type: "setCallPolicy", observersMaySpeak: true }),
    allowed: ["INTERVIEWER"],
    event: "callPolicyChanged",
  },
};

describe("decide: every command for every role", () => {
  for (const [type, spec] of Object.entries(cases)) {
    for (const role of EVERYONE) {
      const allowed = spec.allowed.includes(role);
      it(`${type} by ${role} is ${allowed ? "allowed" : "refused"}`, () => {
        const decision = decideAt(spec.state(), actorFor[role], spec.command(role));
        if (allowed) {
          expect(expectEvents(decision).map((event) => event.type)).toEqual([spec.event]);
        } else {
          expectError(decision, "FORBIDDEN");
        }
      });
    }
  }

  for (const [type, spec] of Object.entries(cases)) {
    // Server-issued: entering the room, and the owner removing someone from the plan page.
    if (type === "join" || type === "removeParticipant") continue;
    it(`${type} by someone who has not joined is refused`, () => {
      const stranger: Actor = { userId: "user_stranger", role: spec.allowed[0] ?? "INTERVIEWER" };
      expect(expectError(decideAt(spec.state(), stranger, spec.command(stranger.role)), "FORBIDDEN")).toBe("Join the room first.");
    });
  }

  it("refuses an actor whose role differs from the one they joined with", () => {
    const impostor: Actor = { userId: candidate.userId, role: "INTERVIEWER" };
    expectError(decideAt(liveRoom(), impostor, { type: "revealFollowUp", questionId: Q1, followUpId: F1 }), "FORBIDDEN");
    expectError(decideAt(liveRoom(), impostor, { type: "join", name: "x" }), "FORBIDDEN");
  });
});

describe("decide: join and presence", () => {
  it("sets the display name on the first join; joining again, under any name, changes nothing", () => {
    const state = joinedRoom();
    expect(expectEvents(decideAt(state, candidate, { type: "join", name: `Name of ${candidate.userId}` }))).toEqual([]);
    expect(expectEvents(decideAt(state, candidate, { type: "join", name: "Interviewer" }))).toEqual([]);
    expect(state.participants.find((p) => p.userId === candidate.userId)?.name).toBe(`Name of ${candidate.userId}`);
  });

  it("records presence with the server time and ignores a repeat", () => {
    const state = run(joinedRoom(), candidate, { type: "setPresence", status: "away" }, at(5)).state;
    expect(state.presence[candidate.userId]).toEqual({ status: "away", since: at(5).toISOString() });
    expect(expectEvents(decideAt(state, candidate, { type: "setPresence", status: "away" }))).toEqual([]);
  });

  it("allows presence in every status", () => {
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    expect(expectEvents(decideAt(ended, candidate, { type: "setPresence", status: "disconnected" }))).toHaveLength(1);
  });
});

describe("decide: removing a participant", () => {
  it("removes a candidate or an observer from the room, with their presence", () => {
    const { state, events } = run(liveRoom(), interviewer, { type: "removeParticipant", userId: candidate.userId }, at(4));
    expect(events).toEqual([{ type: "participantRemoved", payload: { userId: candidate.userId, role: "CANDIDATE", at: at(4).toISOString() } }]);
    expect(state.participants.map((p) => p.userId)).not.toContain(candidate.userId);
    expect(state.presence[candidate.userId]).toBeUndefined();
    expectError(decideAt(state, candidate, { type: "checkpointScratchpad", questionId: Q1, text: "still here?", revision: 1 }), "FORBIDDEN");
    // Their last tab leaving afterwards succeeds and records nothing; any other presence is still refused.
    expect(expectEvents(decideAt(state, candidate, { type: "setPresence", status: "disconnected" }))).toEqual([]);
    expectError(decideAt(state, candidate, { type: "setPresence", status: "away" }), "FORBIDDEN");
  });

  it("lets an interviewer remove someone without having entered the room", () => {
    const absentOwner: Actor = { userId: "user_absent_owner", role: "INTERVIEWER" };
    expect(expectEvents(decideAt(liveRoom(), absentOwner, { type: "removeParticipant", userId: observer.userId })).map((e) => e.type)).toEqual([
      "participantRemoved",
    ]);
    expectError(
      decideAt(liveRoom(), { userId: "user_absent_observer", role: "OBSERVER" }, { type: "removeParticipant", userId: candidate.userId }),
      "FORBIDDEN",
    );
  });

  it("never removes the interviewer, removes a co-interviewer, and removing someone not in the room changes nothing", () => {
    expectError(decideAt(liveRoom(), interviewer, { type: "removeParticipant", userId: interviewer.userId }), "FORBIDDEN");
    expect(expectEvents(decideAt(liveRoom(), interviewer, { type: "removeParticipant", userId: coInterviewer.userId })).map((event) => event.type)).toEqual([
      "participantRemoved",
    ]);
    expect(expectEvents(decideAt(liveRoom(), interviewer, { type: "removeParticipant", userId: "user_never_joined" }))).toEqual([]);
  });
});

describe("decide: start and end", () => {
  it("starts on the first question at the server time", () => {
    const [event] = expectEvents(decideAt(joinedRoom(), interviewer, { type: "start" }, at(3)));
    expect(event).toEqual({ type: "interviewStarted", payload: { startedAt: at(3).toISOString(), questionId: Q1 } });
  });

  it("starting twice is a no-op; starting after the end is a conflict", () => {
    expect(expectEvents(decideAt(liveRoom(), interviewer, { type: "start" }))).toEqual([]);
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    expectError(decideAt(ended, interviewer, { type: "start" }), "CONFLICT");
  });

  it("refuses to start an interview without questions", () => {
    let state = emptyRoom(0);
    state = run(state, interviewer, { type: "join", name: "I" }).state;
    expectError(decideAt(state, interviewer, { type: "start" }), "CONFLICT");
  });

  it("ends from the lobby without touching any question clock", () => {
    const [event] = expectEvents(decideAt(joinedRoom(), interviewer, { type: "end" }, at(9)));
    expect(event).toEqual({ type: "interviewEnded", payload: { endedAt: at(9).toISOString(), questionId: null, accumulatedMs: null } });
  });

  it("ending stops the current question's clock; ending twice is a no-op", () => {
    const [event] = expectEvents(decideAt(liveRoom(), interviewer, { type: "end" }, at(90)));
    expect(event).toEqual({ type: "interviewEnded", payload: { endedAt: at(90).toISOString(), questionId: Q1, accumulatedMs: 90_000 } });
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    expect(expectEvents(decideAt(ended, interviewer, { type: "end" }))).toEqual([]);
  });
});

describe("decide: navigation", () => {
  it("moves forward and back, carrying each question's accumulated time", () => {
    let state = liveRoom();
    const forward = expectEvents(decideAt(state, interviewer, { type: "nextQuestion", fromQuestionId: Q1 }, at(60)));
    expect(forward).toEqual([
      {
        type: "questionChanged",
        payload: { at: at(60).toISOString(), fromQuestionId: Q1, fromAccumulatedMs: 60_000, toQuestionId: Q2, toAccumulatedMs: 0 },
      },
    ]);
    state = forward.reduce(apply, state);
    const back = expectEvents(decideAt(state, interviewer, { type: "previousQuestion", fromQuestionId: Q2 }, at(100)));
    expect(back[0]?.payload).toEqual({
      at: at(100).toISOString(),
      fromQuestionId: Q2,
      fromAccumulatedMs: 40_000,
      toQuestionId: Q1,
      toAccumulatedMs: 60_000,
    });
  });

  it("a second 'next' from the same question (another tab) is a no-op, not a skip", () => {
    const state = run(liveRoom(), interviewer, { type: "nextQuestion", fromQuestionId: Q1 }).state;
    expect(expectEvents(decideAt(state, interviewer, { type: "nextQuestion", fromQuestionId: Q1 }))).toEqual([]);
    expect(expectEvents(decideAt(state, interviewer, { type: "previousQuestion", fromQuestionId: Q1 }))).toEqual([]);
    expect(state.currentIndex).toBe(1);
  });

  it("cannot go past either end", () => {
    expectError(decideAt(liveRoom(), interviewer, { type: "previousQuestion", fromQuestionId: Q1 }), "CONFLICT");
    const last = run(liveRoom(), interviewer, { type: "goToQuestion", questionId: Q3 }).state;
    expectError(decideAt(last, interviewer, { type: "nextQuestion", fromQuestionId: Q3 }), "CONFLICT");
  });

  it("going to the current question is a no-op; an unknown one is NOT_FOUND", () => {
    expect(expectEvents(decideAt(liveRoom(), interviewer, { type: "goToQuestion", questionId: Q1 }))).toEqual([]);
    expectError(decideAt(liveRoom(), interviewer, { type: "goToQuestion", questionId: "question_9_id" }), "NOT_FOUND");
  });

  it("navigation needs a live interview", () => {
    expectError(decideAt(joinedRoom(), interviewer, { type: "goToQuestion", questionId: Q2 }), "CONFLICT");
    expectError(decideAt(joinedRoom(), interviewer, { type: "nextQuestion", fromQuestionId: Q1 }), "CONFLICT");
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    expectError(decideAt(ended, interviewer, { type: "previousQuestion", fromQuestionId: Q1 }), "CONFLICT");
  });
});

describe("decide: revealing follow-ups", () => {
  it("reveals with the server time", () => {
    expect(expectEvents(decideAt(liveRoom(), interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: F2 }, at(42)))).toEqual([
      { type: "followUpRevealed", payload: { questionId: Q1, followUpId: F2, revealedAt: at(42).toISOString() } },
    ]);
  });

  it("the same follow-up revealed from two tabs produces one reveal: the second decide returns no events", () => {
    const reveal: Command = { type: "revealFollowUp", questionId: Q1, followUpId: F1 };
    const initial = liveRoom();
    // Both tabs' commands are decided in order against the state the first one produced.
    const first = run(initial, interviewer, reveal, at(10));
    const second = decideAt(first.state, coInterviewer, reveal, at(11));
    expect(first.events).toHaveLength(1);
    expect(expectEvents(second)).toEqual([]);
    expect(first.state.reveals).toEqual([{ questionId: Q1, followUpId: F1, revealedAt: at(10).toISOString() }]);
  });

  it("refuses follow-ups of another question and unknown follow-ups without echoing anything", () => {
    const state = liveRoom();
    const otherQuestion = expectError(decideAt(state, interviewer, { type: "revealFollowUp", questionId: Q2, followUpId: "followup_2_1_id" }), "CONFLICT");
    const wrongPair = expectError(decideAt(state, interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: "followup_2_1_id" }), "NOT_FOUND");
    const unknown = expectError(decideAt(state, interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: "nope" }), "NOT_FOUND");
    for (const message of [otherQuestion, wrongPair, unknown]) {
      expect(message).not.toMatch(/PROMPT|SECRET|followup_|question_/);
    }
  });

  it("a candidate trying to reveal learns nothing about which follow-ups exist", () => {
    const state = liveRoom();
    const real = decideAt(state, candidate, { type: "revealFollowUp", questionId: Q1, followUpId: F1 });
    const fake = decideAt(state, candidate, { type: "revealFollowUp", questionId: Q1, followUpId: "made_up" });
    expect(real).toEqual(fake);
    expectError(real, "FORBIDDEN");
  });

  it("needs a live interview", () => {
    expectError(decideAt(joinedRoom(), interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: F1 }), "CONFLICT");
  });
});

describe("decide: key points", () => {
  it("checks and unchecks explicitly; repeating a value is a no-op", () => {
    let state = run(liveRoom(), interviewer, { type: "setKeyPointChecked", questionId: Q1, index: 1, checked: true }).state;
    expect(expectEvents(decideAt(state, coInterviewer, { type: "setKeyPointChecked", questionId: Q1, index: 1, checked: true }))).toEqual([]);
    state = run(state, interviewer, { type: "setKeyPointChecked", questionId: Q1, index: 1, checked: false }).state;
    expect(state.checkedKeyPoints[Q1]).toEqual([]);
  });

  it("refuses a missing key point, an unasked question and the lobby", () => {
    expectError(decideAt(liveRoom(), interviewer, { type: "setKeyPointChecked", questionId: Q1, index: 2, checked: true }), "NOT_FOUND");
    expectError(decideAt(liveRoom(), interviewer, { type: "setKeyPointChecked", questionId: Q2, index: 0, checked: true }), "NOT_FOUND");
    expectError(decideAt(joinedRoom(), interviewer, { type: "setKeyPointChecked", questionId: Q1, index: 0, checked: true }), "CONFLICT");
  });
});

describe("decide: notes", () => {
  it("stamps a note with the server time, a passed-in id and the current question", () => {
    const state = run(liveRoom(), interviewer, { type: "goToQuestion", questionId: Q2 }).state;
    const [event] = expectEvents(decide(state, observer, { type: "addNote", body: "good" }, at(7), () => "note_x"));
    expect(event).toEqual({
      type: "noteAdded",
      payload: { noteId: "note_x", authorId: observer.userId, authorRole: "OBSERVER", questionId: Q2, body: "good", createdAt: at(7).toISOString() },
    });
  });

  it("notes taken in the lobby or after the end belong to no question", () => {
    const lobby = expectEvents(decideAt(joinedRoom(), interviewer, { type: "addNote", body: "late" }));
    expect(lobby[0]?.type === "noteAdded" && lobby[0].payload.questionId).toBe(null);
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    const after = expectEvents(decideAt(ended, interviewer, { type: "addNote", body: "summary" }));
    expect(after[0]?.type === "noteAdded" && after[0].payload.questionId).toBe(null);
  });

  it("an observer cannot touch an interviewer's note, and cannot even tell it exists", () => {
    const state = roomWithNotes();
    const hidden = expectError(decideAt(state, observer, { type: "editNote", noteId: "note_interviewer", body: "x" }), "NOT_FOUND");
    const missing = expectError(decideAt(state, observer, { type: "editNote", noteId: "note_missing", body: "x" }), "NOT_FOUND");
    expect(hidden).toBe(missing);
    expectError(decideAt(state, interviewer, { type: "deleteNote", noteId: "note_observer" }), "NOT_FOUND");
  });

  it("a co-interviewer can read but not change another interviewer's note", () => {
    expectError(decideAt(roomWithNotes(), coInterviewer, { type: "editNote", noteId: "note_interviewer", body: "x" }), "FORBIDDEN");
    expectError(decideAt(roomWithNotes(), coInterviewer, { type: "deleteNote", noteId: "note_interviewer" }), "FORBIDDEN");
  });

  it("editing with the same body is a no-op; a deleted note is gone", () => {
    let state = roomWithNotes();
    expect(expectEvents(decideAt(state, interviewer, { type: "editNote", noteId: "note_interviewer", body: "interviewer note" }))).toEqual([]);
    state = run(state, interviewer, { type: "deleteNote", noteId: "note_interviewer" }).state;
    expectError(decideAt(state, interviewer, { type: "editNote", noteId: "note_interviewer", body: "again" }), "NOT_FOUND");
    expectError(decideAt(state, interviewer, { type: "deleteNote", noteId: "note_interviewer" }), "NOT_FOUND");
  });

  it("edit and delete events carry the author, so they can be routed without the note", () => {
    const [edited] = expectEvents(decideAt(roomWithNotes(), observer, { type: "editNote", noteId: "note_observer", body: "new" }, at(5)));
    expect(edited).toEqual({
      type: "noteEdited",
      payload: { noteId: "note_observer", authorId: observer.userId, authorRole: "OBSERVER", body: "new", updatedAt: at(5).toISOString() },
    });
  });
});

describe("decide: scratchpad", () => {
  it("accepts updates for any asked question while live, so in-flight typing is not lost", () => {
    const state = run(liveRoom(), interviewer, { type: "nextQuestion", fromQuestionId: Q1 }).state;
    expect(expectEvents(decideAt(state, candidate, { type: "checkpointScratchpad", questionId: Q1, text: "late keystrokes", revision: 1 }, at(3)))).toEqual([
      { type: "scratchpadUpdated", payload: { questionId: Q1, text: "late keystrokes", updatedAt: at(3).toISOString(), revision: 1, language: "plain" } },
    ]);
  });

  it("refuses an unasked question, the lobby and after the end; the same text is a no-op", () => {
    expectError(decideAt(liveRoom(), candidate, { type: "checkpointScratchpad", questionId: Q2, text: "x", revision: 1 }), "NOT_FOUND");
    expectError(decideAt(joinedRoom(), candidate, { type: "checkpointScratchpad", questionId: Q1, text: "x", revision: 1 }), "CONFLICT");
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    expectError(decideAt(ended, candidate, { type: "checkpointScratchpad", questionId: Q1, text: "x", revision: 1 }), "CONFLICT");
    const written = run(liveRoom(), candidate, { type: "checkpointScratchpad", questionId: Q1, text: "same", revision: 1 }).state;
    expect(expectEvents(decideAt(written, candidate, { type: "checkpointScratchpad", questionId: Q1, text: "same", revision: 1 }))).toEqual([]);
  });
});

describe("decide: purity", () => {
  it("does not change the state it is given and is deterministic", () => {
    const state = liveRoom();
    const before = structuredClone(state);
    const command: Command = { type: "addNote", body: "x" };
    const a = decide(state, interviewer, command, at(1), () => "n1");
    const b = decide(state, interviewer, command, at(1), () => "n1");
    expect(a).toEqual(b);
    expect(state).toEqual(before);
  });
});

describe("decide: every refusal says why", () => {
  const message = (state: RoomState, actor: Actor, command: Command, code: string) => expectError(decideAt(state, actor, command), code);

  it("names the state that stops a command", () => {
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    const last = run(liveRoom(), interviewer, { type: "goToQuestion", questionId: Q3 }).state;
    expect(message(joinedRoom(), interviewer, { type: "goToQuestion", questionId: Q2 }, "CONFLICT")).toBe("The interview has not started yet.");
    expect(message(ended, interviewer, { type: "goToQuestion", questionId: Q2 }, "CONFLICT")).toBe("The interview has ended.");
    expect(message(ended, interviewer, { type: "start" }, "CONFLICT")).toBe("The interview has ended.");
    expect(message(run(emptyRoom(0), interviewer, { type: "join", name: "I" }).state, interviewer, { type: "start" }, "CONFLICT")).toBe(
      "This interview has no questions.",
    );
    expect(message(liveRoom(), interviewer, { type: "previousQuestion", fromQuestionId: Q1 }, "CONFLICT")).toBe("This is already the first question.");
    expect(message(last, interviewer, { type: "nextQuestion", fromQuestionId: Q3 }, "CONFLICT")).toBe("This is already the last question.");
    expect(message(last, interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: F1 }, "CONFLICT")).toBe(
      "Follow-ups can only be revealed for the current question.",
    );
  });

  it("names what was not found", () => {
    expect(message(liveRoom(), interviewer, { type: "goToQuestion", questionId: "nope" }, "NOT_FOUND")).toBe("That question is not in this interview.");
    expect(message(liveRoom(), interviewer, { type: "revealFollowUp", questionId: Q1, followUpId: "nope" }, "NOT_FOUND")).toBe(
      "That follow-up is not part of the current question.",
    );
    expect(message(liveRoom(), interviewer, { type: "setKeyPointChecked", questionId: Q1, index: 99, checked: true }, "NOT_FOUND")).toBe(
      "That key point was not found.",
    );
    expect(message(liveRoom(), candidate, { type: "checkpointScratchpad", questionId: Q3, text: "x", revision: 1 }, "NOT_FOUND")).toBe(
      "That question has not been asked in this interview.",
    );
    expect(message(liveRoom(), interviewer, { type: "rateCriterion", questionId: Q1, criterion: 9, rating: 3, comment: "", evidence: [] }, "BAD_REQUEST")).toBe(
      "That criterion is not on this question's rubric.",
    );
  });

  it("names who may do it", () => {
    const notes = run(
      run(liveRoom(), coInterviewer, { type: "addNote", body: "co" }, T0, () => "note_co").state,
      interviewer,
      { type: "addNote", body: "mine" },
      T0,
      () => "note_mine",
    ).state;
    expect(message(liveRoom(), candidate, { type: "addNote", body: "x" }, "FORBIDDEN")).toBe("Only interviewers, co-interviewers and observers take notes.");
    expect(message(liveRoom(), candidate, { type: "editNote", noteId: "note_mine", body: "x" }, "FORBIDDEN")).toBe(
      "Only interviewers, co-interviewers and observers take notes.",
    );
    expect(message(liveRoom(), observer, { type: "checkpointScratchpad", questionId: Q1, text: "x", revision: 1 }, "FORBIDDEN")).toBe(
      "Observers read the scratchpad; they do not write in it.",
    );
    expect(message(liveRoom(), candidate, { type: "start" }, "FORBIDDEN")).toBe("Only the interviewer can do that.");
    expect(message(liveRoom(), { userId: candidate.userId, role: "INTERVIEWER" }, { type: "end" }, "FORBIDDEN")).toBe(
      "You are in this room with another role.",
    );
    expect(message(notes, interviewer, { type: "editNote", noteId: "note_co", body: "x" }, "FORBIDDEN")).toBe("Only the author can change a note.");
    expect(message(notes, observer, { type: "deleteNote", noteId: "note_mine" }, "NOT_FOUND")).toBe("That note was not found.");
    expect(message(liveRoom(), interviewer, { type: "removeParticipant", userId: interviewer.userId }, "FORBIDDEN")).toBe(
      "The interviewer cannot be removed from the room.",
    );
  });
});

describe("decide: the call", () => {
  const join = (actor: Actor, media = { audio: true, video: true }, connectionId = callTab(actor)): Command => ({ type: "joinCall", connectionId, media });

  it("joins with what the member chose, never sharing a screen; a retry from the same tab changes nothing", () => {
    const [joined] = expectEvents(decideAt(liveRoom(), candidate, join(candidate, { audio: true, video: false })));
    expect(joined).toEqual({
      type: "callJoined",
      payload: { userId: candidate.userId, connectionId: callTab(candidate), media: { audio: true, video: false, screen: false }, at: T0.toISOString() },
    });
    const state = run(liveRoom(), candidate, join(candidate)).state;
    expect(expectEvents(decideAt(state, candidate, join(candidate)))).toEqual([]);
  });

  it("is open in the lobby and after the end", () => {
    expect(expectEvents(decideAt(joinedRoom(), candidate, join(candidate)))).toHaveLength(1);
    const ended = run(liveRoom(), interviewer, { type: "end" }).state;
    expect(expectEvents(decideAt(ended, candidate, join(candidate)))).toHaveLength(1);
  });

  it("moves the call to a member's second tab, and the first tab can then neither leave nor change it", () => {
    const state = run(inCallRoom(), candidate, join(candidate, { audio: true, video: true }, "tab_second")).state;
    expect(state.call.members[candidate.userId]?.connectionId).toBe("tab_second");
    expect(expectEvents(decideAt(state, candidate, { type: "leaveCall", connectionId: callTab(candidate) }))).toEqual([]);
    const message = expectError(decideAt(state, candidate, { type: "setCallMedia", connectionId: callTab(candidate), audio: false }), "CONFLICT");
    expect(message).toBe("Your call moved to another tab.");
  });

  it("keeps observers silent unless the owner lets them speak", () => {
    expect(expectError(decideAt(liveRoom(), observer, join(observer)), "FORBIDDEN")).toMatch(/not let observers speak/);
    const listening = run(liveRoom(), observer, join(observer, { audio: false, video: false })).state;
    for (const media of [{ audio: true }, { video: true }, { screen: true }]) {
      expectError(decideAt(listening, observer, { type: "setCallMedia", connectionId: callTab(observer), ...media }), "FORBIDDEN");
    }
    const allowed = run(listening, interviewer, { type: "setCallPolicy", observersMaySpeak: true }).state;
    expect(expectEvents(decideAt(allowed, observer, { type: "setCallMedia", connectionId: callTab(observer), audio: true }))).toHaveLength(1);
  });

  it("silencing observers turns off what they send, in the same step", () => {
    const events = expectEvents(decideAt(inCallRoom(), interviewer, { type: "setCallPolicy", observersMaySpeak: false }));
    expect(events).toEqual([
      { type: "callPolicyChanged", payload: { observersMaySpeak: false, at: T0.toISOString() } },
      { type: "callMediaChanged", payload: { userId: observer.userId, media: { audio: false, video: false, screen: false }, at: T0.toISOString() } },
    ]);
  });

  it("changes only the media named, and a change to what already holds records nothing", () => {
    const state = run(inCallRoom(), candidate, { type: "setCallMedia", connectionId: callTab(candidate), screen: true }).state;
    expect(state.call.members[candidate.userId]?.media).toEqual({ audio: true, video: true, screen: true });
    expect(expectEvents(decideAt(state, candidate, { type: "setCallMedia", connectionId: callTab(candidate), screen: true, audio: true }))).toEqual([]);
    expect(expectError(decideAt(liveRoom(), candidate, { type: "setCallMedia", connectionId: callTab(candidate), audio: true }), "CONFLICT")).toBe(
      "Join the call first.",
    );
  });

  it("leaving the room or being removed from it leaves the call", () => {
    const gone = expectEvents(decideAt(inCallRoom(), candidate, { type: "setPresence", status: "disconnected" }));
    expect(gone.map((event) => event.type)).toEqual(["callLeft", "presenceChanged"]);
    expect(gone[0]?.payload).toMatchObject({ userId: candidate.userId, reason: "disconnected" });
    const removed = expectEvents(decideAt(inCallRoom(), interviewer, { type: "removeParticipant", userId: candidate.userId }));
    expect(removed.map((event) => event.type)).toEqual(["callLeft", "participantRemoved"]);
    const away = expectEvents(decideAt(inCallRoom(), candidate, { type: "setPresence", status: "away" }));
    expect(away.map((event) => event.type)).toEqual(["presenceChanged"]);
  });
});

describe("the pad's code", () => {
  it("takes an interviewer's test case only in the shape a run can use, and at most 50 per question", () => {
    const added = (input: string) =>
      decide(liveRoom(), interviewer, { type: "addTestCase", questionId: Q1, test: { name: "t", input, expected: "1" } }, at(1), idSource());
    expect(added("[[1]]")).toMatchObject({ ok: true });
    // Q1's tests call a function: the input is its arguments as a JSON array.
    expect(added("1 2 3")).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", message: expect.stringContaining("JSON array of the arguments") } });
    let state = liveRoom();
    for (let i = 0; i < 49; i++)
      state = run(state, interviewer, { type: "addTestCase", questionId: Q1, test: { name: `t${i}`, input: "[[1]]", expected: "1" } }).state;
    expect(
      decide(state, interviewer, { type: "addTestCase", questionId: Q1, test: { name: "one more", input: "[[1]]", expected: "1" } }, at(2), idSource()),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "A question has at most 50 test cases." },
    });
  });

  it("refuses a run larger in all than a runner makes, writing nothing, and keeps the largest a runner does make", () => {
    const value = "v".repeat(RUN_RESULT_LIMITS.valueChars);
    const forged: RunReport = {
      ...RUN("run-too-large"),
      message: "m".repeat(RUN_RESULT_LIMITS.messageChars),
      stdout: "o".repeat(RUN_RESULT_LIMITS.stdoutChars),
      stderr: "e".repeat(RUN_RESULT_LIMITS.stderrChars),
      tests: Array.from({ length: CODE_LIMITS.testsPerQuestion }, (_, i) => ({
        name: `test ${i} `.padEnd(CODE_LIMITS.testNameChars, "n"),
        passed: true,
        expected: value,
        actual: value,
        error: "x".repeat(RUN_RESULT_LIMITS.errorChars),
      })),
    };
    // Each field is within its own limit: only the whole is too large.
    expect(runReportSchema.safeParse(forged).success).toBe(true);
    expect(decide(liveRoom(), candidate, { type: "recordRun", questionId: Q1, run: forged }, at(3), idSource())).toEqual({
      ok: false,
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: expect.stringMatching(/^A run's result holds at most 65,536 characters .*; this one has 287,076\. It was not kept\.$/),
      },
    });
    const honest: RunReport = { ...capRunResult(forged), runId: "run-largest-honest" };
    expect(decide(liveRoom(), candidate, { type: "recordRun", questionId: Q1, run: honest }, at(3), idSource())).toMatchObject({
      ok: true,
      events: [{ type: "codeRan", payload: { runId: "run-largest-honest" } }],
    });
  });

  it("refuses drawing once a whiteboard's changes fill its history, though the board itself stays small, keeping what came before", () => {
    // The same text box moved again and again: one element on the board, every move in the log.
    const moved = (version: number) => boardText("note", "n".repeat(BOARD_TEXT_MAX), version);
    let state = liveRoom();
    const startingElements = Object.keys(state.boards[Q1]?.elements ?? {}).length || (state.questions[0]!.board?.length ?? 0);
    let version = 1;
    let refused: Decision | null = null;
    // About 20 MB / 10 KB moves; bounded, so that a broken rule fails rather than hangs.
    for (; version < 3_000 && !refused; version++) {
      const decision = decide(state, candidate, { type: "drawOnBoard", questionId: Q1, elements: [moved(version)] }, at(3), idSource());
      if (decision.ok) state = decision.events.reduce(apply, state);
      else refused = decision;
    }
    expect(refused).toEqual({ ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("20 MB of changes") } });
    const board = state.boards[Q1]!;
    expect(board.size.elements).toBe(startingElements + 1);
    expect(board.size.history).toBeLessThanOrEqual(BOARD_LIMITS.historyChars);
    expect(board.size.history).toBeGreaterThan(BOARD_LIMITS.historyChars - 2 * BOARD_TEXT_MAX - 1_000);
    expect(board.elements.note!.version).toBe(version - 2);
  });

  it("keeps runs up to so many characters of output in all, then refuses more, keeping the earlier ones", () => {
    const big = (runId: string): RunReport => ({ ...RUN(runId), stdout: "y".repeat(60_000) });
    let state = liveRoom();
    let kept = 0;
    for (let i = 0; state.runs.length === kept && i < 60; i++) {
      const decision = decide(state, candidate, { type: "recordRun", questionId: Q1, run: big(`run-big-${i}`) }, at(3), idSource());
      if (!decision.ok) {
        expect(decision.error).toEqual({ code: "CONFLICT", message: expect.stringContaining("2,000,000 characters of run output") });
        break;
      }
      state = decision.events.reduce(apply, state);
      kept++;
    }
    // 60,000 characters and a little more a run: 33 fit in 2,000,000.
    expect(state.runs).toHaveLength(33);
    expect(decide(state, candidate, { type: "recordRun", questionId: Q1, run: RUN("run-small") }, at(3), idSource()).ok).toBe(true);
  });

  it("keeps a run once, on the pad's revision, and refuses one for a question not asked", () => {
    const first = run(liveRoom(), candidate, { type: "recordRun", questionId: Q1, run: RUN("run-kept-once") }).state;
    expect(first.runs).toHaveLength(1);
    expect(first.runs[0]).toMatchObject({ by: candidate.userId, revision: 0, questionId: Q1 });
    expect(decide(first, candidate, { type: "recordRun", questionId: Q1, run: RUN("run-kept-once") }, at(3), idSource())).toEqual({ ok: true, events: [] });
    expect(decide(first, candidate, { type: "recordRun", questionId: Q2, run: RUN("run-elsewhere") }, at(3), idSource())).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});
