import type { Role } from "@/server/domain/room";

/** Who may do what with an interview outside the live room (planning, invites, templates). */

export function canPlanInterviews(user: { isGuest: boolean }): boolean {
  return !user.isGuest;
}

export function canManageInterview(role: Role | null): boolean {
  return role === "INTERVIEWER";
}

/**
 * Who may change who is in an interview, what it asks and when: its interviewer, unless it is a half of a
 * peer practice session, whose two people, question and time Mockroom set (the question is one the other
 * was never asked; a link or a removal would bring a third person into two strangers' session).
 */
export function canOrganiseInterview(role: Role | null, interview: { peerSessionId: string | null }): boolean {
  return canManageInterview(role) && interview.peerSessionId === null;
}

export const PEER_HALF_FIXED = "Mockroom set this practice session's people, question and time; they cannot be changed.";

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

/** What a link does for someone not yet in its session: admit them, perhaps in place of the candidate. */
export type InviteAdmission = { admit: true; replaces: string | null } | { admit: false };

/**
 * A session has one candidate, and a candidate link admits one person, once: a used link admits nobody
 * new. A candidate link the interviewer made after the candidate joined is a fresh link for the same seat
 * (the candidate moved to another device when their audio failed, say): its one use takes the seat, and
 * the candidate it replaces is taken out, so a replaced device or a leaked old link cannot come back. A
 * link made before the candidate joined admits nobody new. Observer and co-interviewer links admit any
 * number, each to its own role, never to the candidate's seat.
 */
export function inviteAdmission(invite: { role: Role; used: boolean; createdAt: Date }, candidate: { userId: string; joinedAt: Date } | null): InviteAdmission {
  if (invite.role !== "CANDIDATE") return { admit: true, replaces: null };
  if (invite.used) return { admit: false };
  if (candidate === null) return { admit: true, replaces: null };
  return invite.createdAt > candidate.joinedAt ? { admit: true, replaces: candidate.userId } : { admit: false };
}
