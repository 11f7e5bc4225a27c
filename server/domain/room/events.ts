import { z } from "zod";
import { testCaseSchema } from "../code/code-spec";
import { runRecordSchema } from "../code/run-record";
import { boardElementSchema } from "../board/board-element";
import { releaseSchema, selfAssessmentSchema } from "../scoring/feedback";
import { amendmentSchema, scorecardChangeSchema, scorecardSchema } from "../scoring/scorecard";
import {
  callConnectionIdSchema,
  callMediaSchema,
  idSchema,
  legacyScoreSchema,
  instantSchema,
  noteAuthorRoleSchema,
  presenceStatusSchema,
  roleSchema,
  scratchpadLanguageSchema,
} from "./room-state";

/**
 * What is appended to the session's event log. Each event carries every value `apply` needs, including
 * the results of clock arithmetic and the author of the note it touches, so that applying and projecting
 * an event never depends on anything but the event and the (immutable) question snapshots.
 */
export const roomEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("participantJoined"),
    payload: z.object({ userId: idSchema, role: roleSchema, name: z.string() }),
  }),
  z.object({
    type: z.literal("participantRemoved"),
    /** `replaced`: by the same person on another device (a fresh candidate link), not by the owner's choice. */
    payload: z.object({ userId: idSchema, role: roleSchema, at: instantSchema, replaced: z.literal(true).optional() }),
  }),
  z.object({
    type: z.literal("presenceChanged"),
    payload: z.object({ userId: idSchema, status: presenceStatusSchema, at: instantSchema }),
  }),
  z.object({
    type: z.literal("callJoined"),
    payload: z.object({ userId: idSchema, connectionId: callConnectionIdSchema, media: callMediaSchema, at: instantSchema }),
  }),
  z.object({
    type: z.literal("callLeft"),
    /** `disconnected`: the member's last tab left the room; `removed`: the owner removed them from it. */
    payload: z.object({ userId: idSchema, reason: z.enum(["left", "disconnected", "removed"]), at: instantSchema }),
  }),
  z.object({
    type: z.literal("callMediaChanged"),
    payload: z.object({ userId: idSchema, media: callMediaSchema, at: instantSchema }),
  }),
  z.object({
    type: z.literal("callPolicyChanged"),
    payload: z.object({ observersMaySpeak: z.boolean(), at: instantSchema }),
  }),
  z.object({
    type: z.literal("interviewStarted"),
    payload: z.object({ startedAt: instantSchema, questionId: idSchema }),
  }),
  z.object({
    type: z.literal("questionChanged"),
    payload: z.object({
      at: instantSchema,
      fromQuestionId: idSchema,
      /** The question left behind has been current this long in total. */
      fromAccumulatedMs: z.number().int().min(0),
      toQuestionId: idSchema,
      /** What the question shown now had accumulated on earlier visits; its clock restarts at `at`. */
      toAccumulatedMs: z.number().int().min(0),
    }),
  }),
  z.object({
    type: z.literal("followUpRevealed"),
    payload: z.object({ questionId: idSchema, followUpId: idSchema, revealedAt: instantSchema }),
  }),
  z.object({
    type: z.literal("keyPointChecked"),
    payload: z.object({ questionId: idSchema, index: z.number().int().min(0), checked: z.boolean() }),
  }),
  z.object({
    type: z.literal("noteAdded"),
    payload: z.object({
      noteId: idSchema,
      authorId: idSchema,
      authorRole: noteAuthorRoleSchema,
      questionId: idSchema.nullable(),
      body: z.string(),
      createdAt: instantSchema,
    }),
  }),
  z.object({
    type: z.literal("noteEdited"),
    payload: z.object({
      noteId: idSchema,
      authorId: idSchema,
      authorRole: noteAuthorRoleSchema,
      body: z.string(),
      updatedAt: instantSchema,
    }),
  }),
  z.object({
    type: z.literal("noteDeleted"),
    payload: z.object({ noteId: idSchema, authorId: idSchema, authorRole: noteAuthorRoleSchema, deletedAt: instantSchema }),
  }),
  /** Logged by the first cut of scoring (0 to `outOf`); no longer decided, still replayed (scoring/legacy.ts). */
  z.object({
    type: z.literal("scoreSet"),
    payload: legacyScoreSchema.extend({ at: instantSchema }),
  }),
  /** A change to a scorer's card; `amendment` is set when the card was already submitted. */
  z.object({
    type: z.literal("scorecardChanged"),
    payload: z.object({ scorerId: idSchema, change: scorecardChangeSchema, at: instantSchema, amendment: amendmentSchema.nullable() }),
  }),
  /** The card as submitted, so that scorers who have submitted theirs can be shown it. */
  z.object({
    type: z.literal("scorecardSubmitted"),
    payload: z.object({ scorerId: idSchema, card: scorecardSchema, at: instantSchema }),
  }),
  z.object({
    type: z.literal("competencyWeightsSet"),
    payload: z.object({ weights: z.record(z.string(), z.number().min(0)), at: instantSchema }),
  }),
  z.object({
    type: z.literal("feedbackDrafted"),
    payload: z.object({ text: z.string(), at: instantSchema }),
  }),
  /** What the candidate is given, copied at release: a later amendment does not change a release. */
  z.object({
    type: z.literal("feedbackReleased"),
    payload: releaseSchema,
  }),
  z.object({
    type: z.literal("selfAssessmentFinished"),
    payload: selfAssessmentSchema,
  }),
  z.object({
    type: z.literal("scratchpadUpdated"),
    /** A checkpoint of the live text; `revision` is absent in events logged before edits were diffs. */
    payload: z.object({
      questionId: idSchema,
      text: z.string(),
      updatedAt: instantSchema,
      revision: z.number().int().min(0).optional(),
      /** Absent in events logged before the scratchpad had languages. */
      language: scratchpadLanguageSchema.optional(),
    }),
  }),
  z.object({
    type: z.literal("testCaseAdded"),
    payload: z.object({ questionId: idSchema, test: testCaseSchema, addedBy: idSchema, at: instantSchema }),
  }),
  z.object({
    type: z.literal("codeRan"),
    payload: runRecordSchema,
  }),
  /** Elements a member drew or changed on a question's whiteboard, as the board took them. */
  z.object({
    type: z.literal("boardChanged"),
    payload: z.object({ questionId: idSchema, elements: z.array(boardElementSchema), by: idSchema, at: instantSchema }),
  }),
  z.object({
    type: z.literal("interviewEnded"),
    payload: z.object({
      endedAt: instantSchema,
      /** The question whose clock stopped, or null when the interview ended in the lobby. */
      questionId: idSchema.nullable(),
      accumulatedMs: z.number().int().min(0).nullable(),
    }),
  }),
]);

export type RoomEvent = z.infer<typeof roomEventSchema>;
export type RoomEventType = RoomEvent["type"];
export type RoomEventOf<T extends RoomEventType> = Extract<RoomEvent, { type: T }>;
