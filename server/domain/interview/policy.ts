import type { Role } from "@/server/domain/room";

/** Who may do what with an interview outside the live room (planning, invites, templates). */

export function canPlanInterviews(user: { isGuest: boolean }): boolean {
  return !user.isGuest;
}

export function canManageInterview(role: Role | null): boolean {
  return role === "INTERVIEWER";
}

export const PLAN_NEEDS_A_QUESTION = "Add at least one question from the bank.";

/** Why these items cannot be an interview's plan, or null: a plan asks at least one question. */
export function planItemsProblem(items: readonly unknown[]): string | null {
  return items.length === 0 ? PLAN_NEEDS_A_QUESTION : null;
}

/** The plan is frozen once anything has happened in the room: the room state was built from it. */
export function canEditPlan(session: { status: string; eventCount: number }): boolean {
  return session.status === "PLANNED" && session.eventCount === 0;
}

/** Links the owner can make: the owner is never invited. */
export const INVITABLE_ROLES = ["CANDIDATE", "CO_INTERVIEWER", "OBSERVER"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/**
 * A session has one candidate, and a candidate link admits one person, once: a used link admits nobody
 * new. Observer and co-interviewer links admit any number.
 */
export function canAcceptInvite(invite: { role: Role; used: boolean }, session: { candidateUserIds: string[] }, userId: string): boolean {
  if (invite.role !== "CANDIDATE") return true;
  return !invite.used && session.candidateUserIds.every((id) => id === userId);
}
