import { z } from "zod";
import { idSchema, instantSchema } from "./primitives";
import { feedbackSchema, selfAssessmentSchema } from "../scoring/feedback";
import { scorecardSchema } from "../scoring/scorecard";
import { competencyRefSchema } from "../scoring/competency-set";
import { codeSpecSchema, testCaseSchema, type TestCase } from "../code/code-spec";
import { runRecordSchema } from "../code/run-record";
import { boardOf, boardSchema, startingDiagramSchema, type Board } from "../board/board";
import { questionProvenanceSchema } from "../bank/part-sources";

export { ID_MAX_LENGTH, idSchema, instantSchema } from "./primitives";

/** The owner interviews; a co-interviewer helps run the room and scores; an observer watches and scores. */
export const roleSchema = z.enum(["INTERVIEWER", "CO_INTERVIEWER", "CANDIDATE", "OBSERVER"]);
export type Role = z.infer<typeof roleSchema>;
export const ROLE_LABELS: Record<Role, string> = {
  INTERVIEWER: "Interviewer",
  CO_INTERVIEWER: "Co-interviewer",
  CANDIDATE: "Candidate",
  OBSERVER: "Observer",
};

export const presenceStatusSchema = z.enum(["connected", "away", "disconnected"]);
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;

export const roomStatusSchema = z.enum(["lobby", "live", "ended"]);
export type RoomStatus = z.infer<typeof roomStatusSchema>;

export const followUpSnapshotSchema = z.object({
  id: idSchema,
  prompt: z.string(),
  answer: z.string().nullable(),
  lookFor: z.array(z.string()),
});
export type FollowUpSnapshot = z.infer<typeof followUpSnapshotSchema>;

export const rubricCriterionSchema = z.object({
  title: z.string(),
  lookFor: z.array(z.string()),
  /** From the bank: absent in sessions planned before criteria had competencies (see competencyOf). */
  competency: competencyRefSchema.optional(),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const exampleScoreSchema = z.object({
  score: z.number(),
  outOf: z.number().positive(),
  reasons: z.array(z.string()),
});
export type ExampleScore = z.infer<typeof exampleScoreSchema>;

/** A question exactly as it is asked in this session (`SessionQuestion.snapshot`), immune to later bank edits. */
export const questionSnapshotSchema = z.object({
  /** The SessionQuestion id. */
  id: idSchema,
  position: z.number().int().min(0),
  timeBoxSec: z.number().int().positive().nullable(),
  prompt: z.string(),
  section: z.array(z.string()),
  answer: z.string().nullable(),
  keyPoints: z.array(z.string()),
  rubric: z.array(rubricCriterionSchema),
  followUps: z.array(followUpSnapshotSchema),
  redFlags: z.array(z.string()),
  exampleScore: exampleScoreSchema.nullable(),
  /** The bank question's code spec as planned; null for other questions and for plans made before it existed. */
  code: codeSpecSchema.nullable().default(null),
  /** The question's starting diagram from the bank, drawn on its whiteboard before anyone draws. */
  board: startingDiagramSchema.nullable().default(null),
  meta: z.record(z.string(), z.unknown()),
  /**
   * Where each part came from in its bank document, with the passages around them, as planned; null for a
   * question whose parts have no known source and for plans made before it existed. Staff only, like the answer.
   */
  provenance: questionProvenanceSchema.nullable().default(null),
});
export type QuestionSnapshot = z.infer<typeof questionSnapshotSchema>;

export const participantSchema = z.object({
  userId: idSchema,
  role: roleSchema,
  name: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

export const presenceSchema = z.object({
  status: presenceStatusSchema,
  since: instantSchema,
});
export type Presence = z.infer<typeof presenceSchema>;

/** Made by a tab, once per page load: the call is one tab's, and signals name the tab they are for. */
export const callConnectionIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** What a member in the call is sending: shown to everyone, and other members play only what is on here. */
export const callMediaSchema = z.object({ audio: z.boolean(), video: z.boolean(), screen: z.boolean() });
export type CallMedia = z.infer<typeof callMediaSchema>;

export const callMemberSchema = z.object({
  /** The tab in the call: one user joining from a second tab takes the first one's place. */
  connectionId: callConnectionIdSchema,
  joinedAt: instantSchema,
  media: callMediaSchema,
});
export type CallMember = z.infer<typeof callMemberSchema>;

/** The room's call: who is in it (by user id), and the owner's choice whether observers may speak. */
export const callSchema = z.object({
  observersMaySpeak: z.boolean(),
  members: z.record(idSchema, callMemberSchema),
});
export type Call = z.infer<typeof callSchema>;
export const NO_CALL: Call = { observersMaySpeak: false, members: {} };

/**
 * A question's clock: the instant it was last shown (null while it is not current) plus the time it was
 * current before that. Elapsed time is always derived from server instants, never counted by a client.
 */
export const questionTimingSchema = z.object({
  startedAt: instantSchema.nullable(),
  accumulatedMs: z.number().int().min(0),
});
export type QuestionTiming = z.infer<typeof questionTimingSchema>;

/** Reveals are a list, not a map: Postgres `jsonb` reorders object keys, and the candidate sees reveal order. */
export const revealSchema = z.object({
  questionId: idSchema,
  followUpId: idSchema,
  revealedAt: instantSchema,
});
export type Reveal = z.infer<typeof revealSchema>;

/** Only staff write notes; the author's role decides who else may read one (co-interviewers write as INTERVIEWER). */
export const noteAuthorRoleSchema = z.enum(["INTERVIEWER", "OBSERVER"]);
export type NoteAuthorRole = z.infer<typeof noteAuthorRoleSchema>;

export const noteSchema = z.object({
  id: idSchema,
  authorId: idSchema,
  authorRole: noteAuthorRoleSchema,
  /** The question that was current when the note was written; null for notes taken in the lobby or after the end. */
  questionId: idSchema.nullable(),
  body: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Deleted notes stay as tombstones so that a replayed edit or delete still finds its author. */
  deletedAt: instantSchema.nullable(),
});
export type Note = z.infer<typeof noteSchema>;

/** A score of the first cut (0 to `outOf` per criterion), logged before the anchored scorecard; see scoring/legacy.ts. */
export const legacyScoreSchema = z.object({
  questionId: idSchema,
  scorerId: idSchema,
  criteria: z.array(z.object({ title: z.string(), score: z.number().min(0).nullable(), comment: z.string() })),
  overall: z.number().min(0).nullable(),
  outOf: z.number().positive(),
  comment: z.string(),
});
export type LegacyScore = z.infer<typeof legacyScoreSchema>;

/** The languages the scratchpad highlights; "plain" is text without highlighting. */
export const SCRATCHPAD_LANGUAGES = ["plain", "javascript", "typescript", "python", "java", "cpp", "go", "sql"] as const;
export const scratchpadLanguageSchema = z.enum(SCRATCHPAD_LANGUAGES);
export type ScratchpadLanguage = z.infer<typeof scratchpadLanguageSchema>;

export const scratchpadSchema = z.object({
  text: z.string(),
  updatedAt: instantSchema,
  /** Counts the edits: a client's edit names the revision it was made on. Older snapshots lack it. */
  revision: z.number().int().min(0).default(0),
  /** The candidate's choice, so that everyone sees the text highlighted alike. Older snapshots lack it. */
  language: scratchpadLanguageSchema.default("plain"),
});
export type Scratchpad = z.infer<typeof scratchpadSchema>;

/**
 * What changes while the interview runs: small, stored as the room's snapshot every few events. The
 * questions are not part of it; they are the plan (`SessionQuestion.snapshot`), stored once.
 */
const roomProgressShape = {
  sessionId: idSchema,
  status: roomStatusSchema,
  currentIndex: z.number().int().min(0),
  /** Questions that have been current at least once, in the order they were first shown. */
  visitedQuestionIds: z.array(idSchema),
  timing: z.record(idSchema, questionTimingSchema),
  startedAt: instantSchema.nullable(),
  endedAt: instantSchema.nullable(),
  reveals: z.array(revealSchema),
  /** Ticked key points per question, as sorted indexes into `keyPoints`. */
  checkedKeyPoints: z.record(idSchema, z.array(z.number().int().min(0))),
  notes: z.array(noteSchema),
  /** One per scorer; defaults keep snapshots taken before scorecards readable. */
  scorecards: z.array(scorecardSchema).default([]),
  /** Competency weights the interviewer set, by competency key; a competency not named weighs 1. */
  weights: z.record(z.string(), z.number().min(0)).default({}),
  feedback: feedbackSchema.default({ draft: "", released: null }),
  selfAssessment: selfAssessmentSchema.nullable().default(null),
  scratchpads: z.record(idSchema, scratchpadSchema),
  presence: z.record(idSchema, presenceSchema),
  participants: z.array(participantSchema),
  /** Snapshots taken before the call existed have none. */
  call: callSchema.default(NO_CALL),
  /** Test cases the interviewers added during the interview, by question, after the question's own. */
  addedTests: z.record(idSchema, z.array(testCaseSchema)).default({}),
  /** Every run of the pad's code, in the order they were recorded. */
  runs: z.array(runRecordSchema).default([]),
  /** Each asked question's whiteboard once someone drew on it, its starting diagram included. */
  boards: z.record(idSchema, boardSchema).default({}),
};
export const roomProgressSchema = z.object(roomProgressShape);
export type RoomProgress = z.infer<typeof roomProgressSchema>;

export const roomStateSchema = z.object({ ...roomProgressShape, questions: z.array(questionSnapshotSchema) }).superRefine((state, ctx) => {
  const questionIds = new Set<string>();
  const followUpIds = new Set<string>();
  for (const question of state.questions) {
    if (questionIds.has(question.id)) ctx.addIssue({ code: "custom", message: "duplicate question id", path: ["questions"] });
    questionIds.add(question.id);
    for (const followUp of question.followUps) {
      if (followUpIds.has(followUp.id)) ctx.addIssue({ code: "custom", message: "duplicate follow-up id", path: ["questions"] });
      followUpIds.add(followUp.id);
    }
  }
  if (state.questions.length > 0 && state.currentIndex >= state.questions.length) {
    ctx.addIssue({ code: "custom", message: "currentIndex out of range", path: ["currentIndex"] });
  }
});
export type RoomState = z.infer<typeof roomStateSchema>;

/** The part of the state that is snapshotted; the plan is stored apart from it. */
export function progressOf(state: RoomState): RoomProgress {
  const { questions: _plan, ...progress } = state;
  return progress;
}

export interface NewRoom {
  sessionId: string;
  questions: QuestionSnapshot[];
  participants?: Participant[];
}

/**
 * The state of a room nobody has acted in yet. Validated, so that duplicate question or follow-up ids
 * (which would make reveals ambiguous) are caught when the session is created, not mid-interview.
 */
export function createRoomState(room: NewRoom): RoomState {
  const questions = [...room.questions].sort((a, b) => a.position - b.position);
  return roomStateSchema.parse({
    sessionId: room.sessionId,
    status: "lobby",
    questions,
    currentIndex: 0,
    visitedQuestionIds: [],
    timing: Object.fromEntries(questions.map((question) => [question.id, { startedAt: null, accumulatedMs: 0 }])),
    startedAt: null,
    endedAt: null,
    reveals: [],
    checkedKeyPoints: {},
    notes: [],
    scorecards: [],
    weights: {},
    feedback: { draft: "", released: null },
    selfAssessment: null,
    scratchpads: {},
    presence: {},
    participants: room.participants ?? [],
    call: NO_CALL,
    addedTests: {},
    runs: [],
    boards: {},
  });
}

export function currentQuestion(state: RoomState): QuestionSnapshot | null {
  if (state.status === "lobby") return null;
  return state.questions[state.currentIndex] ?? null;
}

export function findQuestion(state: Pick<RoomState, "questions">, questionId: string): QuestionSnapshot | undefined {
  return state.questions.find((question) => question.id === questionId);
}

export function findParticipant(state: RoomState, userId: string): Participant | undefined {
  return state.participants.find((participant) => participant.userId === userId);
}

/** A question's test cases as runs check them: its own, then those added during the interview. */
export function testsOf(state: Pick<RoomState, "addedTests">, question: Pick<QuestionSnapshot, "id" | "code">): TestCase[] {
  return [...(question.code?.tests ?? []), ...(state.addedTests[question.id] ?? [])];
}

/** A question's whiteboard: what was drawn on it, else its starting diagram (empty without one). */
export function boardFor(state: Pick<RoomState, "boards">, question: Pick<QuestionSnapshot, "id" | "board">): Board {
  return state.boards[question.id] ?? boardOf(question.board ?? []);
}

export function timingOf(state: RoomState, questionId: string): QuestionTiming {
  return state.timing[questionId] ?? { startedAt: null, accumulatedMs: 0 };
}

/** Milliseconds between two server instants, never negative even if node clocks disagree slightly. */
export function msBetween(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from));
}

/** Time a question has been current, as of `now` (a server instant, or a client's offset-corrected clock). */
export function questionElapsedMs(timing: QuestionTiming, now: Date): number {
  return timing.accumulatedMs + (timing.startedAt ? msBetween(timing.startedAt, now.toISOString()) : 0);
}

/** Time since the interview started, frozen at its end. */
export function sessionElapsedMs(session: { startedAt: string | null; endedAt: string | null }, now: Date): number {
  if (!session.startedAt) return 0;
  return msBetween(session.startedAt, session.endedAt ?? now.toISOString());
}
