import { describe, expect, it } from "vitest";
import { canAcceptInvite, canEditPlan, canManageInterview, canPlanInterviews } from "./policy";

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

  it("freezes the plan once the room has any event", () => {
    expect(canEditPlan({ status: "PLANNED", eventCount: 0 })).toBe(true);
    expect(canEditPlan({ status: "PLANNED", eventCount: 1 })).toBe(false);
    expect(canEditPlan({ status: "LIVE", eventCount: 0 })).toBe(false);
  });

  it("admits one candidate per session, once per candidate link, and any number of observers", () => {
    const fresh = { role: "CANDIDATE", used: false } as const;
    expect(canAcceptInvite(fresh, { candidateUserIds: [] }, "u1")).toBe(true);
    expect(canAcceptInvite(fresh, { candidateUserIds: ["u1"] }, "u2")).toBe(false);
    // The candidate already admitted may come back.
    expect(canAcceptInvite(fresh, { candidateUserIds: ["u1"] }, "u1")).toBe(true);
    expect(canAcceptInvite({ role: "CANDIDATE", used: true }, { candidateUserIds: [] }, "u2")).toBe(false);
    expect(canAcceptInvite({ role: "OBSERVER", used: false }, { candidateUserIds: ["u1"] }, "u2")).toBe(true);
  });
});
