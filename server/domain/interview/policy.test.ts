import { describe, expect, it } from "vitest";
import { canEditPlan, canManageInterview, canOrganiseInterview, canPlanInterviews, inviteAdmission } from "./policy";

describe("interview policy", () => {
  it("lets accounts plan interviews, not guests", () => {
    expect(canPlanInterviews({ isGuest: false })).toBe(true);
    expect(canPlanInterviews({ isGuest: true })).toBe(false);
  });

  it("lets only interviewers manage an interview", () => {
    expect(canManageInterview("INTERVIEWER")).toBe(true);
    expect(canManageInterview("CANDIDATE")).toBe(false);
    expect(canManageInterview("OBSERVER")).toBe(false);
    expect(canManageInterview(null)).toBe(false);
  });

  it("lets the interviewer change people, question and time, except in a half of a peer practice session", () => {
    expect(canOrganiseInterview("INTERVIEWER", { peerSessionId: null })).toBe(true);
    expect(canOrganiseInterview("INTERVIEWER", { peerSessionId: "peer" })).toBe(false);
    expect(canOrganiseInterview("CANDIDATE", { peerSessionId: null })).toBe(false);
  });

  it("freezes the plan once the room has any event", () => {
    expect(canEditPlan({ status: "PLANNED", eventCount: 0 })).toBe(true);
    expect(canEditPlan({ status: "PLANNED", eventCount: 1 })).toBe(false);
    expect(canEditPlan({ status: "LIVE", eventCount: 0 })).toBe(false);
  });

  it("admits one candidate per session, once per candidate link, and any number of observers", () => {
    const joined = { userId: "u1", joinedAt: new Date("2026-01-01T10:00:00Z") };
    const before = new Date("2026-01-01T09:00:00Z");
    const after = new Date("2026-01-01T11:00:00Z");
    expect(inviteAdmission({ role: "CANDIDATE", used: false, createdAt: before }, null)).toEqual({ admit: true, replaces: null });
    expect(inviteAdmission({ role: "CANDIDATE", used: true, createdAt: before }, null)).toEqual({ admit: false });
    // A link made before the candidate joined admits nobody new; one made after replaces them, once.
    expect(inviteAdmission({ role: "CANDIDATE", used: false, createdAt: before }, joined)).toEqual({ admit: false });
    expect(inviteAdmission({ role: "CANDIDATE", used: false, createdAt: joined.joinedAt }, joined)).toEqual({ admit: false });
    expect(inviteAdmission({ role: "CANDIDATE", used: false, createdAt: after }, joined)).toEqual({ admit: true, replaces: "u1" });
    expect(inviteAdmission({ role: "CANDIDATE", used: true, createdAt: after }, joined)).toEqual({ admit: false });
    // Staff links admit any number, and never to the candidate's seat.
    for (const role of ["OBSERVER", "CO_INTERVIEWER"] as const) {
      expect(inviteAdmission({ role, used: true, createdAt: after }, joined)).toEqual({ admit: true, replaces: null });
    }
  });
});
