import type { Command } from "./commands";
import { refuse, type Refused } from "./room-error";
import { findParticipant, type Note, type Role, type RoomState } from "./room-state";

/** Who is acting or looking: the authenticated user and their role in this session (from `Participant`). */
export interface Actor {
  userId: string;
  role: Role;
}

/**
 * The only place that decides who may do what in a room. The `can*` helpers take a role so that UI can
 * hide buttons with the very rules the server enforces; `can` is what `decide` calls.
 */

export function canStart(role: Role): boolean {
  return role === "INTERVIEWER";
}

export function canNavigate(role: Role): boolean {
  return role === "INTERVIEWER";
}

export function canRevealFollowUp(role: Role): boolean {
  return role === "INTERVIEWER";
}

export function canCheckKeyPoint(role: Role): boolean {
  return role === "INTERVIEWER";
}

export function canScore(role: Role): boolean {
  return role === "INTERVIEWER";
}

export function canEnd(role: Role): boolean {
  return role === "INTERVIEWER";
}

/** The owner removes candidates and observers; interviewers are never removed. */
export function canRemoveParticipant(role: Role): boolean {
  return role === "INTERVIEWER";
}

export function canBeRemoved(role: Role): boolean {
  return role !== "INTERVIEWER";
}

/** Observers keep private notes of their own; candidates take none. */
export function canWriteNotes(role: Role): boolean {
  return role === "INTERVIEWER" || role === "OBSERVER";
}

export function canEditScratchpad(role: Role): boolean {
  return role === "CANDIDATE";
}

/** The candidate's scratchpad is shown to everyone in the room as it is written, the candidate included. */
export function canSeeScratchpad(role: Role): boolean {
  return role === "CANDIDATE" || role === "INTERVIEWER" || role === "OBSERVER";
}

/** Answers, key points, rubric, red flags, example scores, scores and the full question plan. */
export function canSeeInterviewerMaterial(role: Role): boolean {
  return role === "INTERVIEWER" || role === "OBSERVER";
}

/** Interviewers share their notes with each other; an observer's notes are theirs alone. */
export function canSeeNote(viewer: Actor, note: Pick<Note, "authorId" | "authorRole">): boolean {
  if (viewer.userId === note.authorId) return true;
  return viewer.role === "INTERVIEWER" && note.authorRole === "INTERVIEWER";
}

export function canChangeNote(actor: Actor, note: Pick<Note, "authorId">): boolean {
  return actor.userId === note.authorId;
}

const ONLY_INTERVIEWERS = "Only an interviewer can do that.";

function roleAllows(role: Role, command: Command): boolean {
  switch (command.type) {
    case "join":
    case "setPresence":
      return true;
    case "start":
      return canStart(role);
    case "nextQuestion":
    case "previousQuestion":
    case "goToQuestion":
      return canNavigate(role);
    case "revealFollowUp":
      return canRevealFollowUp(role);
    case "setKeyPointChecked":
      return canCheckKeyPoint(role);
    case "setScore":
      return canScore(role);
    case "end":
      return canEnd(role);
    case "removeParticipant":
      return canRemoveParticipant(role);
    case "addNote":
    case "editNote":
    case "deleteNote":
      return canWriteNotes(role);
    case "checkpointScratchpad":
    case "editScratchpad":
      return canEditScratchpad(role);
  }
}

function refusalFor(command: Command): string {
  switch (command.type) {
    case "addNote":
    case "editNote":
    case "deleteNote":
      return "Only interviewers and observers take notes.";
    case "checkpointScratchpad":
    case "editScratchpad":
      return "Only the candidate writes in the scratchpad.";
    default:
      return ONLY_INTERVIEWERS;
  }
}

/**
 * Whether `actor` may send `command` in `state`. Checked before anything is looked up, so a refused actor
 * learns nothing about what exists. A note the actor cannot see is NOT_FOUND, exactly like a missing one.
 */
export function can(actor: Actor, command: Command, state: RoomState): { ok: true } | Refused {
  const participant = findParticipant(state, actor.userId);
  if (participant && participant.role !== actor.role) return refuse("FORBIDDEN", "You are in this room with another role.");
  // The owner may remove someone from the plan page without having entered the room.
  if (!participant && command.type !== "join" && command.type !== "removeParticipant") return refuse("FORBIDDEN", "Join the room first.");
  if (!roleAllows(actor.role, command)) return refuse("FORBIDDEN", refusalFor(command));

  if (command.type === "editNote" || command.type === "deleteNote") {
    const note = state.notes.find((candidate) => candidate.id === command.noteId);
    if (!note || note.deletedAt !== null || !canSeeNote(actor, note)) return refuse("NOT_FOUND", "That note was not found.");
    if (!canChangeNote(actor, note)) return refuse("FORBIDDEN", "Only the author can change a note.");
  }
  return { ok: true };
}
