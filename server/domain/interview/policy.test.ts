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

  it("admits one candidate per candidate link, any number of observers", () => {
    expect(canAcceptInvite({ role: "CANDIDATE" }, { candidateUserIds: [] }, "u1")).toBe(true);
    expect(canAcceptInvite({ role: "CANDIDATE" }, { candidateUserIds: ["u1"] }, "u1")).toBe(true);
    expect(canAcceptInvite({ role: "CANDIDATE" }, { candidateUserIds: ["u1"] }, "u2")).toBe(false);
    expect(canAcceptInvite({ role: "OBSERVER" }, { candidateUserIds: ["u1"] }, "u2")).toBe(true);
  });
});
