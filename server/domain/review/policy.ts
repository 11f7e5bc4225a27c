import { isStaff } from "../room/policy";
import type { Role } from "../room/room-state";
import type { Perspective } from "./replay";

/**
 * Who may do what with a past session. Reading it (page, replay, export) is for its members only, each
 * through the same view rules as the live room (`viewFor`, `eventForViewer`), so nothing here widens them.
 */

/**
 * The owner deletes a session, except while it is live: the room would lose its log under its members. A
 * half of a peer practice session is as much the other person's record: nobody deletes it.
 */
export function canDeleteSession(role: Role, status: string, peerHalf = false): boolean {
  return role === "INTERVIEWER" && status !== "LIVE" && !peerHalf;
}

/** Everyone but the owner may hide a session from their own history (the owner deletes it instead); both peers hide a peer half. */
export function canHideSession(role: Role, peerHalf = false): boolean {
  return role !== "INTERVIEWER" || peerHalf;
}

/** Staff may replay the room as the candidate saw it; a candidate replays their own view only. */
export function perspectivesFor(role: Role): Perspective[] {
  return isStaff(role) ? ["own", "candidate"] : ["own"];
}
