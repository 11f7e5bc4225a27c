/**
 * Who may do what: every tRPC procedure, every Socket.IO event and every room command, for every kind of
 * caller. tests/security/authorization.test.ts runs each cell against the real app (next-auth sign-in,
 * tRPC over HTTP, Socket.IO) in a fresh interview, and fails when a procedure, event or command has no
 * row here. docs/security.md explains the rules; this file is their one checked statement.
 *
 * An outcome is "allowed" or the error code the caller must get. A refused cell also proves that the
 * refused call wrote nothing; a cell marked `writes` proves that the allowed call did write.
 */

export const CALLERS = [
  "anonymous",
  /** Signed in with an account, and nothing to do with this interview. */
  "stranger",
  /** This interview's candidate, joined as a guest through the candidate link. */
  "guestCandidate",
  /** This interview's candidate, with an account. */
  "accountCandidate",
  /** The (account) candidate of another interview. */
  "otherCandidate",
  "observer",
  /** Invited with a co-interviewer link: runs the questions with the owner and scores. */
  "coInterviewer",
  /** Planned the interview; its interviewer. */
  "owner",
  /** Runs another interview. */
  "otherInterviewer",
] as const;

export type Caller = (typeof CALLERS)[number];
export type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT";
export type Cells = Record<Caller, Outcome>;

/** What a row calls: a tRPC procedure, a Socket.IO event, or a room command sent with `room:command`. */
export type Surface = "trpc" | "socket" | "command";

export interface Row {
  surface: Surface;
  /** The procedure path (`bank.search`), the event (`room:join`) or the command type (`addNote`). */
  name: string;
  cells: Cells;
  /** The allowed call changes the database (checked for every allowed cell). */
  writes?: boolean;
}

const everyone = (outcome: Outcome): Cells => Object.fromEntries(CALLERS.map((caller) => [caller, outcome])) as Cells;
const cells = (base: Cells, overrides: Partial<Cells> = {}): Cells => ({ ...base, ...overrides });

/** Any signed-in identity, guests included. */
const signedIn = cells(everyone("allowed"), { anonymous: "UNAUTHORIZED" });
/** Accounts only: the bank is closed to guests. */
const accounts = cells(signedIn, { guestCandidate: "FORBIDDEN" });
/** The interviewer only; members with another role are told no, outsiders learn nothing (NOT_FOUND). */
const interviewerOnly: Cells = {
  anonymous: "UNAUTHORIZED",
  stranger: "NOT_FOUND",
  guestCandidate: "FORBIDDEN",
  accountCandidate: "FORBIDDEN",
  otherCandidate: "NOT_FOUND",
  observer: "FORBIDDEN",
  coInterviewer: "FORBIDDEN",
  owner: "allowed",
  otherInterviewer: "NOT_FOUND",
};
const members: Cells = cells(interviewerOnly, { guestCandidate: "allowed", accountCandidate: "allowed", observer: "allowed", coInterviewer: "allowed" });
type RoomMember = "owner" | "coInterviewer" | "observer" | "candidates";
const STAFF: RoomMember[] = ["owner", "coInterviewer", "observer"];
/** Room commands: sent after `room:join`, which outsiders fail, so their commands are refused as not joined. */
const inRoom = (allowed: RoomMember[]): Cells => {
  const refusedMember: Outcome = "FORBIDDEN";
  return {
    anonymous: "UNAUTHORIZED",
    stranger: "FORBIDDEN",
    guestCandidate: allowed.includes("candidates") ? "allowed" : refusedMember,
    accountCandidate: allowed.includes("candidates") ? "allowed" : refusedMember,
    otherCandidate: "FORBIDDEN",
    observer: allowed.includes("observer") ? "allowed" : refusedMember,
    coInterviewer: allowed.includes("coInterviewer") ? "allowed" : refusedMember,
    owner: allowed.includes("owner") ? "allowed" : refusedMember,
    otherInterviewer: "FORBIDDEN",
  };
};

/**
 * A peer practice session's two people: the owner (who asks first) and the account candidate. Everyone
 * else is told it does not exist; guests may not practise at all.
 */
const peersOnly: Cells = cells(accounts, {
  stranger: "NOT_FOUND",
  otherCandidate: "NOT_FOUND",
  observer: "NOT_FOUND",
  coInterviewer: "NOT_FOUND",
  otherInterviewer: "NOT_FOUND",
});

export const AUTHORIZATION_TABLE: Row[] = [
  // ---- accounts and the dashboard
  { surface: "trpc", name: "account.signUp", cells: everyone("allowed"), writes: true },
  // The same answer for every address, known or not; this server sends no email, so nothing is queued.
  { surface: "trpc", name: "account.requestPasswordReset", cells: everyone("allowed") },
  // An emailed link is the only key: without a valid one (here a forged token) everyone is refused alike.
  { surface: "trpc", name: "account.resetPassword", cells: everyone("NOT_FOUND") },
  { surface: "trpc", name: "account.verifyEmail", cells: everyone("NOT_FOUND") },
  { surface: "trpc", name: "account.confirmEmailChange", cells: everyone("NOT_FOUND") },
  // One's own account only: the procedures take no user id, so nobody can name another's.
  { surface: "trpc", name: "account.me", cells: signedIn },
  { surface: "trpc", name: "account.resendVerification", cells: signedIn },
  // Guests have no address or settings; the change of address also needs the current password.
  { surface: "trpc", name: "account.requestEmailChange", cells: accounts },
  { surface: "trpc", name: "account.updateProfile", cells: accounts, writes: true },
  // The unsubscribe link's one-click POST: the signed link is the only key (here a forged one).
  { surface: "trpc", name: "email.unsubscribe", cells: everyone("NOT_FOUND") },
  { surface: "trpc", name: "dashboard.summary", cells: signedIn },

  // ---- peer practice: accounts only; one's own profile, ticket and status (the procedures take no user
  // id); a match or session only for its two people
  { surface: "trpc", name: "practice.topics", cells: accounts },
  { surface: "trpc", name: "practice.profile", cells: accounts },
  { surface: "trpc", name: "practice.saveProfile", cells: accounts, writes: true },
  { surface: "trpc", name: "practice.status", cells: accounts },
  { surface: "trpc", name: "practice.join", cells: accounts, writes: true },
  { surface: "trpc", name: "practice.leave", cells: accounts },
  { surface: "trpc", name: "practice.stillHere", cells: accounts },
  { surface: "trpc", name: "practice.accept", cells: peersOnly, writes: true },
  { surface: "trpc", name: "practice.decline", cells: peersOnly, writes: true },
  { surface: "trpc", name: "practice.swap", cells: peersOnly, writes: true },
  { surface: "trpc", name: "practice.block", cells: peersOnly, writes: true },
  { surface: "trpc", name: "practice.session", cells: peersOnly },
  { surface: "trpc", name: "practice.sessions", cells: accounts },
  { surface: "trpc", name: "practice.submitFeedback", cells: peersOnly, writes: true },
  { surface: "trpc", name: "practice.report", cells: peersOnly, writes: true },
  // Five minutes after the session began, with the partner never in the room.
  { surface: "trpc", name: "practice.leaveNoShow", cells: peersOnly, writes: true },
  // Book a slot: one's own bookings and counts of others' (no names); a booking is cancelled by its owner only.
  { surface: "trpc", name: "practice.slots", cells: accounts },
  { surface: "trpc", name: "practice.book", cells: accounts, writes: true },
  { surface: "trpc", name: "practice.cancelBooking", cells: cells(peersOnly, { accountCandidate: "NOT_FOUND" }), writes: true },

  // ---- the question bank: shared documents for every account, private ones for their owner, and never
  // the questions of the reader's unfinished interview as its candidate
  { surface: "trpc", name: "bank.search", cells: accounts },
  { surface: "trpc", name: "bank.facets", cells: accounts },
  { surface: "trpc", name: "bank.export", cells: accounts },
  { surface: "trpc", name: "bank.question", cells: cells(accounts, { accountCandidate: "NOT_FOUND" }) },
  { surface: "trpc", name: "bank.preview", cells: accounts },
  // Pure: a previewed question, corrected; nothing is read or written.
  { surface: "trpc", name: "bank.previewCorrection", cells: accounts },
  { surface: "trpc", name: "bank.import", cells: accounts, writes: true },
  // The candidate's interview uses every question of the document: nothing of it can be copied yet.
  { surface: "trpc", name: "bank.copyDocument", cells: cells(accounts, { accountCandidate: "NOT_FOUND" }), writes: true },
  {
    surface: "trpc",
    name: "bank.updateQuestion",
    cells: cells(accounts, {
      stranger: "NOT_FOUND",
      accountCandidate: "NOT_FOUND",
      otherCandidate: "NOT_FOUND",
      observer: "NOT_FOUND",
      coInterviewer: "NOT_FOUND",
      otherInterviewer: "NOT_FOUND",
    }),
    writes: true,
  },
  {
    surface: "trpc",
    name: "bank.updateCompetencies",
    cells: cells(accounts, {
      stranger: "NOT_FOUND",
      accountCandidate: "NOT_FOUND",
      otherCandidate: "NOT_FOUND",
      observer: "NOT_FOUND",
      coInterviewer: "NOT_FOUND",
      otherInterviewer: "NOT_FOUND",
    }),
    writes: true,
  },
  {
    surface: "trpc",
    name: "bank.deleteDocument",
    cells: cells(accounts, {
      stranger: "NOT_FOUND",
      accountCandidate: "NOT_FOUND",
      otherCandidate: "NOT_FOUND",
      observer: "NOT_FOUND",
      coInterviewer: "NOT_FOUND",
      otherInterviewer: "NOT_FOUND",
    }),
    writes: true,
  },

  // ---- planning
  { surface: "trpc", name: "interview.create", cells: cells(accounts, { accountCandidate: "NOT_FOUND" }), writes: true },
  { surface: "trpc", name: "interview.list", cells: signedIn },
  { surface: "trpc", name: "interview.templates", cells: signedIn },
  { surface: "trpc", name: "interview.myRole", cells: members },
  { surface: "trpc", name: "interview.plan", cells: interviewerOnly },
  { surface: "trpc", name: "interview.updatePlan", cells: interviewerOnly, writes: true },
  { surface: "trpc", name: "interview.createInvite", cells: interviewerOnly, writes: true },
  { surface: "trpc", name: "interview.revokeInvite", cells: interviewerOnly, writes: true },
  { surface: "trpc", name: "interview.removeParticipant", cells: interviewerOnly, writes: true },
  { surface: "trpc", name: "interview.saveTemplate", cells: interviewerOnly, writes: true },
  // The owner deletes a session (not while it is live); everything of it goes.
  { surface: "trpc", name: "interview.delete", cells: interviewerOnly, writes: true },
  // When it happens and who is told: the owner schedules, invites by email and cancels; a refused call
  // queues no email (the outbox is in the digest).
  { surface: "trpc", name: "interview.schedule", cells: interviewerOnly, writes: true },
  { surface: "trpc", name: "interview.cancel", cells: interviewerOnly, writes: true },
  { surface: "trpc", name: "interview.inviteByEmail", cells: interviewerOnly, writes: true },
  { surface: "trpc", name: "interview.withdrawInvitation", cells: interviewerOnly, writes: true },

  // ---- review: each member through their own view of the room; outsiders learn nothing
  { surface: "trpc", name: "review.history", cells: signedIn },
  { surface: "trpc", name: "review.progress", cells: signedIn },
  { surface: "trpc", name: "review.session", cells: members },
  { surface: "trpc", name: "review.replay", cells: members },
  { surface: "trpc", name: "review.export", cells: members },
  // Hiding is for members other than the owner, who deletes instead.
  { surface: "trpc", name: "review.setHidden", cells: cells(members, { owner: "FORBIDDEN" }), writes: true },

  // Anyone holding a link may read what it is for, and join with it (a member keeps their role).
  { surface: "trpc", name: "invite.describe", cells: everyone("allowed") },
  { surface: "trpc", name: "invite.accept", cells: signedIn },

  // ---- the call: STUN and TURN servers with a short-lived TURN credential of the member's own
  { surface: "trpc", name: "rtc.iceServers", cells: members },

  // ---- Socket.IO: the handshake refuses anyone without a session
  { surface: "socket", name: "room:join", cells: members, writes: true },
  { surface: "socket", name: "room:leave", cells: signedIn },
  { surface: "socket", name: "time:sync", cells: signedIn },
  // WebRTC signalling, relayed between tabs in the same call and written nowhere (the caller joins the call first).
  { surface: "socket", name: "call:signal", cells: inRoom([...STAFF, "candidates"]) },
  // The pad's updates after a version, for any member who sees the pad; a cursor, relayed and written nowhere, from those who type.
  { surface: "socket", name: "pad:pull", cells: inRoom([...STAFF, "candidates"]) },
  { surface: "socket", name: "pad:cursor", cells: inRoom(["owner", "coInterviewer", "candidates"]) },
  // A pointer on a whiteboard, relayed and written nowhere, from those who draw.
  { surface: "socket", name: "board:pointer", cells: inRoom(["owner", "coInterviewer", "candidates"]) },

  // ---- room commands (the interview is live on its first question)
  { surface: "command", name: "setPresence", cells: inRoom([...STAFF, "candidates"]), writes: true },
  { surface: "command", name: "start", cells: inRoom(["owner"]) },
  { surface: "command", name: "nextQuestion", cells: inRoom(["owner"]), writes: true },
  { surface: "command", name: "previousQuestion", cells: inRoom(["owner"]), writes: true },
  { surface: "command", name: "goToQuestion", cells: inRoom(["owner"]), writes: true },
  { surface: "command", name: "revealFollowUp", cells: inRoom(["owner", "coInterviewer"]), writes: true },
  { surface: "command", name: "setKeyPointChecked", cells: inRoom(["owner", "coInterviewer"]), writes: true },
  { surface: "command", name: "end", cells: inRoom(["owner"]), writes: true },
  { surface: "command", name: "addNote", cells: inRoom(STAFF), writes: true },
  { surface: "command", name: "editNote", cells: inRoom(STAFF), writes: true },
  { surface: "command", name: "deleteNote", cells: inRoom(STAFF), writes: true },
  // Scoring: every member of staff keeps a card of their own; the owner weighs, writes and releases feedback.
  { surface: "command", name: "rateCriterion", cells: inRoom(STAFF), writes: true },
  { surface: "command", name: "setRedFlags", cells: inRoom(STAFF), writes: true },
  { surface: "command", name: "setQuestionOverall", cells: inRoom(STAFF), writes: true },
  { surface: "command", name: "setSummary", cells: inRoom(STAFF), writes: true },
  // (the interview ended, and every criterion rated by every scorer)
  { surface: "command", name: "submitScorecard", cells: inRoom(STAFF), writes: true },
  { surface: "command", name: "setCompetencyWeights", cells: inRoom(["owner"]), writes: true },
  { surface: "command", name: "draftFeedback", cells: inRoom(["owner"]), writes: true },
  // (the interview ended)
  { surface: "command", name: "releaseFeedback", cells: inRoom(["owner"]), writes: true },
  // (the interview ended, the owner's card submitted and released with its scores)
  { surface: "command", name: "finishSelfAssessment", cells: inRoom(["candidates"]), writes: true },
  // A live edit is kept in memory and relayed; it is written by a checkpoint seconds later.
  // The pad: the candidate and the interviewers type in it (stored as PadUpdate rows); observers read it.
  { surface: "command", name: "editScratchpad", cells: inRoom(["owner", "coInterviewer", "candidates"]), writes: true },
  { surface: "command", name: "drawOnBoard", cells: inRoom(["owner", "coInterviewer", "candidates"]), writes: true },
  // The pad's code: interviewers add test cases; whoever types may record a run (their browser ran it).
  { surface: "command", name: "addTestCase", cells: inRoom(["owner", "coInterviewer"]), writes: true },
  { surface: "command", name: "recordRun", cells: inRoom(["owner", "coInterviewer", "candidates"]), writes: true },
  // The call: every member may be in it; observers only listen and watch unless the owner lets them speak.
  { surface: "command", name: "joinCall", cells: inRoom([...STAFF, "candidates"]), writes: true },
  { surface: "command", name: "leaveCall", cells: inRoom([...STAFF, "candidates"]), writes: true },
  { surface: "command", name: "setCallMedia", cells: inRoom(["owner", "coInterviewer", "candidates"]), writes: true },
  { surface: "command", name: "setCallPolicy", cells: inRoom(["owner"]), writes: true },
];

const SHORT: Record<Outcome, string> = { allowed: "✓", UNAUTHORIZED: "401", FORBIDDEN: "403", NOT_FOUND: "404", CONFLICT: "409" };

/** The table as Markdown, for docs/security.md (tests/security/authorization-doc.test.ts keeps the two equal). */
export function authorizationTableMarkdown(): string {
  const header = `| ${["What", ...CALLERS].join(" | ")} |`;
  const rule = `| ${["---", ...CALLERS.map(() => ":-:")].join(" | ")} |`;
  const label: Record<Surface, (name: string) => string> = {
    trpc: (name) => `\`${name}\``,
    socket: (name) => `socket \`${name}\``,
    command: (name) => `command \`${name}\``,
  };
  const rows = AUTHORIZATION_TABLE.map((row) => `| ${[label[row.surface](row.name), ...CALLERS.map((caller) => SHORT[row.cells[caller]])].join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
}
