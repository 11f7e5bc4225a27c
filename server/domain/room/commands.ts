import { z } from "zod";
import { dbText } from "../db-text";
import { WEIGHT_MAX } from "../scoring/competencies";
import { OVERALL_MAX, ratingSchema, recommendationSchema } from "../scoring/scale";
import { selfRatingSchema } from "../scoring/scorecard";
import { testCaseSchema } from "../code/code-spec";
import { runReportSchema } from "../code/run-record";
import { boardElementSchema } from "../board/board-element";
import { BOARD_LIMITS } from "../board/board";
import { callConnectionIdSchema, idSchema, presenceStatusSchema, scratchpadLanguageSchema } from "./room-state";

export const NOTE_MAX_LENGTH = 10_000;
export const SCRATCHPAD_MAX_LENGTH = 50_000;
/** What the candidate is told, at the editor and in the server's refusal alike, when a change would pass the limit. */
export const SCRATCHPAD_TOO_LONG = `The scratchpad holds at most ${SCRATCHPAD_MAX_LENGTH.toLocaleString("en")} characters.`;
export const NAME_MAX_LENGTH = 100;
export const COMMENT_MAX_LENGTH = 2_000;
/** More criteria than any rubric in the bank has; only a bound on payload size. */
export const CRITERIA_MAX = 50;
export const EVIDENCE_MAX = 20;
export const RED_FLAG_MAX_LENGTH = 500;
export const CUSTOM_RED_FLAGS_MAX = 20;
export const SUMMARY_MAX_LENGTH = 5_000;
export const FEEDBACK_MAX_LENGTH = 10_000;
export const AMENDMENT_REASON_MAX_LENGTH = 1_000;

const noteBodySchema = dbText.min(1).max(NOTE_MAX_LENGTH);

/** Required once the scorecard is submitted: every later change is an amendment, with its reason kept. */
const amendmentReason = dbText.trim().min(1).max(AMENDMENT_REASON_MAX_LENGTH).optional();

/**
 * Commands only the server issues, for the authenticated user: entering the room (with the name of the
 * account or guest, fixed for the session) and being removed by the owner. A client cannot send them.
 */
const serverCommandSchemas = [
  z.object({ type: z.literal("join"), name: dbText.trim().min(1).max(NAME_MAX_LENGTH) }),
  /** `replaced`: a fresh candidate link let the candidate in on another device, which takes this one's place. */
  z.object({ type: z.literal("removeParticipant"), userId: idSchema, replaced: z.literal(true).optional() }),
  /** The candidate's live scratchpad text, stored: every few seconds, before the question changes, on leave. */
  z.object({
    type: z.literal("checkpointScratchpad"),
    questionId: idSchema,
    text: dbText.max(SCRATCHPAD_MAX_LENGTH),
    revision: z.number().int().min(0),
    /** The draft's language; the scratchpad's so far when absent. */
    language: scratchpadLanguageSchema.optional(),
  }),
] as const;

/** The most a client may say its pad updates insert or keep in one part: far past the pad's limit. */
const PAD_SPAN_MAX = 10 * SCRATCHPAD_MAX_LENGTH;
/**
 * Parts of one push's changes, all its updates together: a paste of many lines, or many cursors typing
 * at once. Rebasing and applying cost time in the parts, so this bounds what one push can cost.
 */
export const PAD_PUSH_PARTS_MAX = 20_000;

/**
 * One part of a `ChangeSet` in JSON: a kept span, or `[deleted, ...inserted lines]`. CodeMirror never makes
 * an empty part, and one breaks the mapping of every concurrent update over it, so it is refused.
 */
const padPartSchema = z.union([
  z.number().int().min(1).max(PAD_SPAN_MAX),
  z
    .tuple([z.number().int().min(0).max(PAD_SPAN_MAX)])
    .rest(dbText.max(SCRATCHPAD_MAX_LENGTH, SCRATCHPAD_TOO_LONG))
    .refine(([deleted, ...inserted]) => deleted > 0 || inserted.length > 1 || (inserted[0] ?? "") !== "", "A change must delete or insert something."),
]);

/**
 * One of a client's updates to the pad: a CodeMirror `ChangeSet` in its JSON form, and the client's id,
 * by which the server tells an update it already accepted from one sent again. The id names its member
 * (`newPadClientID`), so no member can pass for another's editor.
 */
export const padUpdateSchema = z.object({
  clientID: z
    .string()
    .min(1)
    .max(96)
    .regex(/^[A-Za-z0-9_-]+$/),
  changes: z.array(padPartSchema).min(1).max(PAD_PUSH_PARTS_MAX),
});
export type PadUpdate = z.infer<typeof padUpdateSchema>;
/** More updates than a burst of typing makes between two sends; only a bound on payload size. */
export const PAD_UPDATES_MAX = 100;

/** What a client may send over `room:command`. */
const clientCommandSchemas = [
  z.object({ type: z.literal("setPresence"), status: presenceStatusSchema }),
  z.object({ type: z.literal("start") }),
  /**
   * Relative moves name the question the sender was looking at, so that two tabs clicking "next" at
   * once move one question, not two: the second click is based on a question that is no longer current.
   */
  z.object({ type: z.literal("nextQuestion"), fromQuestionId: idSchema }),
  z.object({ type: z.literal("previousQuestion"), fromQuestionId: idSchema }),
  z.object({ type: z.literal("goToQuestion"), questionId: idSchema }),
  z.object({ type: z.literal("revealFollowUp"), questionId: idSchema, followUpId: idSchema }),
  /** An explicit value rather than a toggle, so that two tabs ticking the same point agree. */
  z.object({
    type: z.literal("setKeyPointChecked"),
    questionId: idSchema,
    index: z.number().int().min(0),
    checked: z.boolean(),
  }),
  z.object({ type: z.literal("addNote"), body: noteBodySchema }),
  z.object({ type: z.literal("editNote"), noteId: idSchema, body: noteBodySchema }),
  z.object({ type: z.literal("deleteNote"), noteId: idSchema }),
  /**
   * One criterion of one asked question on the sender's scorecard. Each field is optional: what is left out
   * stays as it is, so a comment saved as the scorer clicks a level is not overwritten by either.
   */
  z.object({
    type: z.literal("rateCriterion"),
    questionId: idSchema,
    criterion: z.number().int().min(0).max(CRITERIA_MAX),
    rating: ratingSchema.nullable().optional(),
    comment: dbText.max(COMMENT_MAX_LENGTH).optional(),
    /** The sender's own notes, cited as evidence (the whole list). */
    evidence: z.array(idSchema).max(EVIDENCE_MAX).optional(),
    amendmentReason,
  }),
  z.object({
    type: z.literal("setRedFlags"),
    questionId: idSchema,
    /** Indexes of the question's red flags seen. */
    redFlags: z.array(z.number().int().min(0).max(CRITERIA_MAX)).max(CRITERIA_MAX),
    /** Red flags the document does not list, in the scorer's words. */
    customRedFlags: z.array(dbText.trim().min(1).max(RED_FLAG_MAX_LENGTH)).max(CUSTOM_RED_FLAGS_MAX),
    amendmentReason,
  }),
  z.object({
    type: z.literal("setQuestionOverall"),
    questionId: idSchema,
    /** Either field may be left out to keep it. */
    overall: z.number().int().min(0).max(OVERALL_MAX).nullable().optional(),
    comment: dbText.max(COMMENT_MAX_LENGTH).optional(),
    amendmentReason,
  }),
  /** Any field left out stays as it is. */
  z.object({
    type: z.literal("setSummary"),
    recommendation: recommendationSchema.nullable().optional(),
    takeaways: dbText.max(SUMMARY_MAX_LENGTH).optional(),
    strengths: dbText.max(SUMMARY_MAX_LENGTH).optional(),
    improvements: dbText.max(SUMMARY_MAX_LENGTH).optional(),
    amendmentReason,
  }),
  /** Locks the sender's scorecard; allowed once the interview has ended and every criterion is rated or "no evidence". */
  z.object({ type: z.literal("submitScorecard") }),
  /** How much each competency counts in the session score; competencies not named weigh 1. */
  z.object({
    type: z.literal("setCompetencyWeights"),
    weights: z.array(z.object({ competency: dbText.min(1).max(NAME_MAX_LENGTH * 2), weight: z.number().min(0).max(WEIGHT_MAX) })).max(CRITERIA_MAX * 4),
  }),
  /** The feedback for the candidate as it is written; only released feedback reaches them. */
  z.object({ type: z.literal("draftFeedback"), text: dbText.max(FEEDBACK_MAX_LENGTH) }),
  z.object({ type: z.literal("releaseFeedback"), text: dbText.trim().min(1).max(FEEDBACK_MAX_LENGTH), includeScores: z.boolean() }),
  /** The candidate's own ratings before they see released scores; empty to see them without rating themselves. */
  z.object({ type: z.literal("finishSelfAssessment"), ratings: z.array(selfRatingSchema).max(CRITERIA_MAX * 4) }),
  /**
   * Typing in the pad: the updates this client made since the version it last saw (`baseRevision`),
   * moved by the server over those accepted since (see scratchpad.ts), stored and relayed to the room.
   */
  z.object({
    type: z.literal("editScratchpad"),
    questionId: idSchema,
    baseRevision: z.number().int().min(0),
    /** Empty when the push only picks the language. */
    updates: z
      .array(padUpdateSchema)
      .max(PAD_UPDATES_MAX)
      .refine(
        (updates) => updates.reduce((parts, update) => parts + update.changes.length, 0) <= PAD_PUSH_PARTS_MAX,
        `A push holds at most ${PAD_PUSH_PARTS_MAX.toLocaleString("en")} change parts.`,
      ),
    /** The language to highlight and run the text in, when a member picks one. */
    language: scratchpadLanguageSchema.optional(),
  }),
  /** An interviewer adds a test case to a question during the interview; everyone's runs check it from then on. */
  z.object({ type: z.literal("addTestCase"), questionId: idSchema, test: testCaseSchema }),
  /** What a run of the pad's code showed, in the browser of whoever ran it; the room keeps it for everyone. */
  z.object({ type: z.literal("recordRun"), questionId: idSchema, run: runReportSchema }),
  /**
   * Drawing on a question's whiteboard: the elements this member changed since their last push, each
   * whole, at its new version (Excalidraw's). The server keeps those that supersede what it has.
   */
  z.object({ type: z.literal("drawOnBoard"), questionId: idSchema, elements: z.array(boardElementSchema).min(1).max(BOARD_LIMITS.perPush) }),
  z.object({ type: z.literal("end") }),
  /** `connectionId` is the joining tab's; joining again from another tab moves the call there. */
  z.object({
    type: z.literal("joinCall"),
    connectionId: callConnectionIdSchema,
    media: z.object({ audio: z.boolean(), video: z.boolean() }),
  }),
  /** Name the tab, so that a tab the call has moved away from cannot end or change the call of the new one. */
  z.object({ type: z.literal("leaveCall"), connectionId: callConnectionIdSchema }),
  /** The owner's choice, in the lobby or during the interview: whether observers may send audio and video. */
  z.object({ type: z.literal("setCallPolicy"), observersMaySpeak: z.boolean() }),
  /** Any media left out stays as it is. */
  z.object({
    type: z.literal("setCallMedia"),
    connectionId: callConnectionIdSchema,
    audio: z.boolean().optional(),
    video: z.boolean().optional(),
    screen: z.boolean().optional(),
  }),
] as const;

export const clientCommandSchema = z.discriminatedUnion("type", [...clientCommandSchemas]);
export const commandSchema = z.discriminatedUnion("type", [...serverCommandSchemas, ...clientCommandSchemas]);

export type ClientCommand = z.infer<typeof clientCommandSchema>;
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
