import { describe, expect, it } from "vitest";
import {
  can,
  canChangeNote,
  canCheckKeyPoint,
  canEditScratchpad,
  canEnd,
  canManageFeedback,
  canSeeScratchpad,
  canSelfAssess,
  canNavigate,
  canRevealFollowUp,
  canScore,
  canSeeInterviewerMaterial,
  canSeeNote,
  canStart,
  canWriteNotes,
} from "./policy";
import type { Role } from "./room-state";
import { candidate, coInterviewer, interviewer, liveRoom, observer, run } from "./test-fixtures";

const roles: Role[] = ["INTERVIEWER", "CO_INTERVIEWER", "CANDIDATE", "OBSERVER"];
const STAFF: Role[] = ["INTERVIEWER", "CO_INTERVIEWER", "OBSERVER"];

describe("policy helpers for the UI", () => {
  const table: Array<[string, (role: Role) => boolean, Role[]]> = [
    ["canStart", canStart, ["INTERVIEWER"]],
    ["canNavigate", canNavigate, ["INTERVIEWER"]],
    ["canRevealFollowUp", canRevealFollowUp, ["INTERVIEWER", "CO_INTERVIEWER"]],
    ["canCheckKeyPoint", canCheckKeyPoint, ["INTERVIEWER", "CO_INTERVIEWER"]],
    ["canScore", canScore, STAFF],
    ["canManageFeedback", canManageFeedback, ["INTERVIEWER"]],
    ["canSelfAssess", canSelfAssess, ["CANDIDATE"]],
    ["canEnd", canEnd, ["INTERVIEWER"]],
    ["canWriteNotes", canWriteNotes, STAFF],
    ["canEditScratchpad", canEditScratchpad, ["INTERVIEWER", "CO_INTERVIEWER", "CANDIDATE"]],
    ["canSeeScratchpad", canSeeScratchpad, roles],
    ["canSeeInterviewerMaterial", canSeeInterviewerMaterial, STAFF],
  ];
  for (const [name, helper, allowed] of table) {
    it(`${name} allows exactly ${allowed.join(", ")}`, () => {
      expect(roles.filter(helper)).toEqual(allowed);
    });
  }
});

describe("note visibility", () => {
  const byInterviewer = { authorId: interviewer.userId, authorRole: "INTERVIEWER" as const };
  const byObserver = { authorId: observer.userId, authorRole: "OBSERVER" as const };

  it("interviewers share notes among themselves", () => {
    expect(canSeeNote(interviewer, byInterviewer)).toBe(true);
    expect(canSeeNote(coInterviewer, byInterviewer)).toBe(true);
    expect(canSeeNote(observer, byInterviewer)).toBe(false);
    expect(canSeeNote(candidate, byInterviewer)).toBe(false);
  });

  it("an observer's notes are visible to their author only", () => {
    expect(canSeeNote(observer, byObserver)).toBe(true);
    expect(canSeeNote(interviewer, byObserver)).toBe(false);
    expect(canSeeNote({ userId: "user_observer_2", role: "OBSERVER" }, byObserver)).toBe(false);
    expect(canSeeNote(candidate, byObserver)).toBe(false);
  });

  it("only the author changes a note", () => {
    expect(canChangeNote(interviewer, byInterviewer)).toBe(true);
    expect(canChangeNote(coInterviewer, byInterviewer)).toBe(false);
  });
});

describe("can", () => {
  it("checks the role before looking anything up", () => {
    expect(can(candidate, { type: "deleteNote", noteId: "does_not_exist" }, liveRoom())).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "Only interviewers, co-interviewers and observers take notes." },
    });
  });

  it("answers NOT_FOUND for a note the actor cannot see, FORBIDDEN for one they can see but did not write", () => {
    const state = run(liveRoom(), interviewer, { type: "addNote", body: "b" }, undefined, () => "note_i").state;
    expect(can(observer, { type: "deleteNote", noteId: "note_i" }, state)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(can(coInterviewer, { type: "deleteNote", noteId: "note_i" }, state)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(can(interviewer, { type: "deleteNote", noteId: "note_i" }, state)).toEqual({ ok: true });
  });

  it("lets anyone join, but not under a second role", () => {
    expect(can({ userId: "user_new", role: "OBSERVER" }, { type: "join", name: "N" }, liveRoom())).toEqual({ ok: true });
    expect(can({ userId: observer.userId, role: "CANDIDATE" }, { type: "join", name: "N" }, liveRoom())).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });
});
