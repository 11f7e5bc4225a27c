import { describe, expect, it } from "vitest";
import { boardOf } from "../board/board";
import { eventForViewer, scratchpadEditForViewer } from "./event-for-viewer";
import type { RoomEvent } from "./events";
import { at, candidate, coInterviewer, interviewer, liveRoom, observer, question } from "./test-fixtures";

const Q1 = "question_1_id";
const Q2 = "question_2_id";
const iso = (seconds: number) => at(seconds).toISOString();
const state = liveRoom();

const interviewerNote: RoomEvent = {
  type: "noteAdded",
  payload: { noteId: "n1", authorId: interviewer.userId, authorRole: "INTERVIEWER", questionId: Q1, body: "NOTE_BODY", createdAt: iso(1) },
};
const observerNoteEdit: RoomEvent = {
  type: "noteEdited",
  payload: { noteId: "n2", authorId: observer.userId, authorRole: "OBSERVER", body: "OBSERVER_EDIT", updatedAt: iso(2) },
};
const observerNoteDelete: RoomEvent = {
  type: "noteDeleted",
  payload: { noteId: "n2", authorId: observer.userId, authorRole: "OBSERVER", deletedAt: iso(3) },
};

/** A fixture question's code as the candidate learns it when asked: its own spec and tests. */
/** The question's starting diagram, as the board the candidate is shown when it is asked. */
function boardOfQuestion(n: number) {
  return boardOf(question(n).board ?? []);
}

function codeOf(n: number) {
  const spec = question(n).code!;
  return { language: spec.language, starterCode: spec.starterCode, entry: spec.entry, tests: spec.tests };
}

describe("eventForViewer: candidate", () => {
  it("receives a reveal with the follow-up's prompt and time only", () => {
    const projected = eventForViewer(
      { type: "followUpRevealed", payload: { questionId: Q1, followUpId: "followup_1_3_id", revealedAt: iso(5) } },
      state,
      candidate,
    );
    expect(projected).toEqual({
      type: "followUpRevealed",
      payload: { questionId: Q1, followUpId: "followup_1_3_id", prompt: "PROMPT_Q1_F3_FOLLOWUP", revealedAt: iso(5) },
    });
  });

  it("receives the new question's prompt and clocks when the question changes", () => {
    const projected = eventForViewer(
      {
        type: "questionChanged",
        payload: { at: iso(60), fromQuestionId: Q1, fromAccumulatedMs: 60_000, toQuestionId: Q2, toAccumulatedMs: 0 },
      },
      state,
      candidate,
    );
    expect(projected).toEqual({
      type: "questionChanged",
      payload: {
        at: iso(60),
        from: { questionId: Q1, accumulatedMs: 60_000 },
        to: { question: { id: Q2, position: 1, prompt: "PROMPT_Q2_MAIN", timeBoxSec: 600, code: codeOf(2), board: boardOfQuestion(2) }, accumulatedMs: 0 },
      },
    });
  });

  it("receives the first question's prompt when the interview starts", () => {
    expect(eventForViewer({ type: "interviewStarted", payload: { startedAt: iso(0), questionId: Q1 } }, state, candidate)).toEqual({
      type: "interviewStarted",
      payload: { startedAt: iso(0), question: { id: Q1, position: 0, prompt: "PROMPT_Q1_MAIN", timeBoxSec: 600, code: codeOf(1), board: boardOfQuestion(1) } },
    });
  });

  it("receives presence, joins, scratchpad and the end as they are", () => {
    const passThrough: RoomEvent[] = [
      { type: "participantJoined", payload: { userId: "u", role: "OBSERVER", name: "Obs" } },
      { type: "presenceChanged", payload: { userId: "u", status: "away", at: iso(1) } },
      { type: "scratchpadUpdated", payload: { questionId: Q1, text: "x", updatedAt: iso(2) } },
      { type: "interviewEnded", payload: { endedAt: iso(3), questionId: Q1, accumulatedMs: 3_000 } },
    ];
    for (const event of passThrough) expect(eventForViewer(event, state, candidate)).toEqual(event);
  });

  it("receives nothing for notes, scores and key points", () => {
    const hidden: RoomEvent[] = [
      interviewerNote,
      observerNoteEdit,
      observerNoteDelete,
      { type: "keyPointChecked", payload: { questionId: Q1, index: 0, checked: true } },
      {
        type: "scoreSet",
        payload: { questionId: Q1, scorerId: interviewer.userId, criteria: [], overall: 5, outOf: 10, comment: "c", at: iso(4) },
      },
    ];
    for (const event of hidden) expect(eventForViewer(event, state, candidate)).toBe(null);
  });

  it("receives nothing for an event naming a question the room does not have", () => {
    expect(eventForViewer({ type: "interviewStarted", payload: { startedAt: iso(0), questionId: "gone" } }, state, candidate)).toBe(null);
    expect(eventForViewer({ type: "followUpRevealed", payload: { questionId: Q1, followUpId: "followup_2_1_id", revealedAt: iso(0) } }, state, candidate)).toBe(
      null,
    );
  });
});

describe("eventForViewer: interviewers and observers", () => {
  it("interviewers receive interviewer notes, including a co-interviewer's", () => {
    expect(eventForViewer(interviewerNote, state, interviewer)).toEqual(interviewerNote);
    expect(eventForViewer(interviewerNote, state, coInterviewer)).toEqual(interviewerNote);
    expect(eventForViewer(observerNoteEdit, state, interviewer)).toBe(null);
    expect(eventForViewer(observerNoteDelete, state, interviewer)).toBe(null);
  });

  it("an observer receives only events about their own notes", () => {
    expect(eventForViewer(interviewerNote, state, observer)).toBe(null);
    expect(eventForViewer(observerNoteEdit, state, observer)).toEqual(observerNoteEdit);
    expect(eventForViewer(observerNoteDelete, state, observer)).toEqual(observerNoteDelete);
    expect(eventForViewer(observerNoteEdit, state, { userId: "user_observer_2", role: "OBSERVER" })).toBe(null);
  });

  it("both receive key points and question changes as logged", () => {
    const events: RoomEvent[] = [
      { type: "keyPointChecked", payload: { questionId: Q1, index: 0, checked: true } },
      { type: "questionChanged", payload: { at: iso(6), fromQuestionId: Q1, fromAccumulatedMs: 6_000, toQuestionId: Q2, toAccumulatedMs: 0 } },
    ];
    for (const event of events) {
      expect(eventForViewer(event, state, interviewer)).toEqual(event);
      expect(eventForViewer(event, state, observer)).toEqual(event);
    }
  });
});

describe("scratchpadEditForViewer", () => {
  it("shows a live edit of an asked question to every member, and of any other question to nobody", () => {
    const state = liveRoom();
    const edit = { questionId: "question_1_id", revision: 1, changes: [{ from: 0, to: 0, insert: "x" }], updatedAt: at(1).toISOString() };
    for (const viewer of [interviewer, coInterviewer, observer, candidate]) {
      expect(scratchpadEditForViewer(edit, state, viewer)).toEqual(edit);
      expect(scratchpadEditForViewer({ ...edit, questionId: "question_2_id" }, state, viewer)).toBeNull();
    }
  });
});
