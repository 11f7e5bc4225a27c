import type { Command } from "./commands";
import { refuse, type Refused } from "./room-error";
import type { Scorecard } from "../scoring/scorecard";
import { findParticipant, type Note, type NoteAuthorRole, type Role, type RoomState } from "./room-state";
import { unreachable } from "./unreachable";

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

/** Interviewers, co-interviewers and observers: everyone in the room but the candidate. */
export function isStaff(role: Role): boolean {
  return role !== "CANDIDATE";
}

/** The owner and co-interviewers run the questions together; the owner alone starts, moves and ends. */
function runsQuestions(role: Role): boolean {
  return role === "INTERVIEWER" || role === "CO_INTERVIEWER";
}

export function canRevealFollowUp(role: Role): boolean {
  return runsQuestions(role);
}

export function canCheckKeyPoint(role: Role): boolean {
  return runsQuestions(role);
}

/** Every member of staff keeps a scorecard of their own and scores independently. */
export function canScore(role: Role): boolean {
  return isStaff(role);
}

/** The owner sets competency weights, writes the candidate's feedback and releases it. */
export function canManageFeedback(role: Role): boolean {
  return role === "INTERVIEWER";
}

export function canSelfAssess(role: Role): boolean {
  return role === "CANDIDATE";
}

/**
 * The blind rule: a scorer's card is theirs alone until they submit it, and the others' submitted cards
 * are shown only to those who have submitted their own: null (hidden) until then. Views and events both
 * take other scorers' cards from here and nowhere else.
 */
export function othersScorecardsFor(viewer: Actor, state: Pick<RoomState, "scorecards">): Scorecard[] | null {
  if (!hasSubmitted(state, viewer.userId)) return null;
  return state.scorecards.filter((card) => card.scorerId !== viewer.userId && card.submittedAt !== null);
}

export function hasSubmitted(state: Pick<RoomState, "scorecards">, userId: string): boolean {
  return state.scorecards.some((card) => card.scorerId === userId && card.submittedAt !== null);
}

/**
 * The candidate's feedback is the owner's judgement, so it follows the blind rule too: the owner sees it
 * as they write it; another scorer sees what was released (text and scores) only once their own card is
 * submitted, and never the draft.
 */
export function canSeeFeedbackDraft(viewer: Actor): boolean {
  return viewer.role === "INTERVIEWER";
}

export function canSeeReleasedFeedback(viewer: Actor, state: Pick<RoomState, "scorecards">): boolean {
  return viewer.role === "INTERVIEWER" || hasSubmitted(state, viewer.userId);
}

/**
 * The release rule: the candidate sees released feedback, and released scores only once they have rated
 * themselves or chosen not to. Never a draft, a note or anyone's card.
 */
export function canSeeReleasedScores(state: Pick<RoomState, "feedback" | "selfAssessment">): boolean {
  return state.feedback.released?.scores != null && state.selfAssessment !== null;
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
  return isStaff(role);
}

/** The candidate and the interviewers type in the pad together; observers read it. */
export function canEditScratchpad(role: Role): boolean {
  return role === "CANDIDATE" || role === "INTERVIEWER" || role === "CO_INTERVIEWER";
}

/** Who types may run: the candidate and the interviewers run the pad's code in their own browser. */
export function canRunCode(role: Role): boolean {
  return canEditScratchpad(role);
}

/** The candidate and the interviewers draw on the whiteboard together; observers watch it. */
export function canDraw(role: Role): boolean {
  return canEditScratchpad(role);
}

/** The interviewers add test cases during the interview (the candidate writes their own tests in the pad). */
export function canAddTestCase(role: Role): boolean {
  return role === "INTERVIEWER" || role === "CO_INTERVIEWER";
}

/** The pad is shown to everyone in the room as it is written, the candidate included. */
export function canSeeScratchpad(role: Role): boolean {
  return role === "CANDIDATE" || isStaff(role);
}

/** Answers, key points, rubric, red flags, example scores, scorecards and the full question plan. */
export function canSeeInterviewerMaterial(role: Role): boolean {
  return isStaff(role);
}

/** The note author role a member writes as: co-interviewers share their notes with the owner. */
export function noteAuthorRoleOf(role: Role): NoteAuthorRole {
  return role === "OBSERVER" ? "OBSERVER" : "INTERVIEWER";
}

/** Interviewers and co-interviewers share their notes with each other; an observer's notes are theirs alone. */
export function canSeeNote(viewer: Actor, note: Pick<Note, "authorId" | "authorRole">): boolean {
  if (viewer.userId === note.authorId) return true;
  return runsQuestions(viewer.role) && note.authorRole === "INTERVIEWER";
}

export function canChangeNote(actor: Actor, note: Pick<Note, "authorId">): boolean {
  return actor.userId === note.authorId;
}

/** Everyone in the room may be in its call: observers listen and watch. */
export function canJoinCall(_role: Role): boolean {
  return true;
}

/**
 * Whether a member in the call may send audio and video (their camera or a screen): everyone but
 * observers, and observers when the owner lets them speak. Other members play only what this allows.
 */
export function canSpeakInCall(role: Role, call: Pick<RoomState["call"], "observersMaySpeak">): boolean {
  return role !== "OBSERVER" || call.observersMaySpeak;
}

/**
 * The owner chooses whether observers may speak, in the room (the lobby included): a plan can change
 * only before the room's first event, so a choice recorded from the plan page would freeze the plan.
 */
export function canSetCallPolicy(role: Role): boolean {
  return role === "INTERVIEWER";
}

const ONLY_INTERVIEWERS = "Only the interviewer can do that.";

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
    case "rateCriterion":
    case "setRedFlags":
    case "setQuestionOverall":
    case "setSummary":
    case "submitScorecard":
      return canScore(role);
    case "setCompetencyWeights":
    case "draftFeedback":
    case "releaseFeedback":
      return canManageFeedback(role);
    case "finishSelfAssessment":
      return canSelfAssess(role);
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
    case "recordRun":
      return canRunCode(role);
    case "drawOnBoard":
      return canDraw(role);
    case "addTestCase":
      return canAddTestCase(role);
    case "joinCall":
    case "leaveCall":
    case "setCallMedia":
      return canJoinCall(role);
    case "setCallPolicy":
      return canSetCallPolicy(role);
  }
  return unreachable(command);
}

function refusalFor(command: Command): string {
  switch (command.type) {
    case "addNote":
    case "editNote":
    case "deleteNote":
      return "Only interviewers, co-interviewers and observers take notes.";
    case "checkpointScratchpad":
    case "editScratchpad":
      return "Observers read the scratchpad; they do not write in it.";
    case "recordRun":
      return "Observers watch the runs; they do not run the code.";
    case "drawOnBoard":
      return "Observers watch the whiteboard; they do not draw on it.";
    case "rateCriterion":
    case "setRedFlags":
    case "setQuestionOverall":
    case "setSummary":
    case "submitScorecard":
      return "Only interviewers, co-interviewers and observers score.";
    case "finishSelfAssessment":
      return "Only the candidate rates themselves.";
    case "revealFollowUp":
    case "setKeyPointChecked":
    case "addTestCase":
      return "Only an interviewer or a co-interviewer can do that.";
    case "join":
    case "setPresence":
    case "joinCall":
    case "leaveCall":
    case "setCallMedia":
    case "setCallPolicy":
    case "start":
    case "nextQuestion":
    case "previousQuestion":
    case "goToQuestion":
    case "setCompetencyWeights":
    case "draftFeedback":
    case "releaseFeedback":
    case "end":
    case "removeParticipant":
      return ONLY_INTERVIEWERS;
  }
  return unreachable(command);
}

/** Commands the server sends for someone not in the room: entering it, and the owner's removals from the plan page. */
function sentFromOutsideTheRoom(command: Command): boolean {
  return command.type === "join" || command.type === "removeParticipant";
}

/** The presence a member's last socket leaves behind: leaving, which nobody is ever refused. */
export function isLeaving(command: Command): boolean {
  return command.type === "setPresence" && command.status === "disconnected";
}

/**
 * Whether `actor` may send `command` in `state`. Checked before anything is looked up, so a refused actor
 * learns nothing about what exists. A note the actor cannot see is NOT_FOUND, exactly like a missing one.
 */
export function can(actor: Actor, command: Command, state: RoomState): { ok: true } | Refused {
  const participant = findParticipant(state, actor.userId);
  if (participant && participant.role !== actor.role) return refuse("FORBIDDEN", "You are in this room with another role.");
  // The owner may remove someone from the plan page without having entered the room; and leaving always
  // succeeds, also for someone removed meanwhile (decide records nothing for a non-participant).
  if (!participant && !sentFromOutsideTheRoom(command) && !isLeaving(command)) return refuse("FORBIDDEN", "Join the room first.");
  if (!roleAllows(actor.role, command)) return refuse("FORBIDDEN", refusalFor(command));

  if (command.type === "editNote" || command.type === "deleteNote") {
    const note = state.notes.find((candidate) => candidate.id === command.noteId);
    if (!note || note.deletedAt !== null || !canSeeNote(actor, note)) return refuse("NOT_FOUND", "That note was not found.");
    if (!canChangeNote(actor, note)) return refuse("FORBIDDEN", "Only the author can change a note.");
  }
  return { ok: true };
}
